/**
 * Validation of lookup arguments, shared by the functions, `CertificateLookup.check`, the policy
 * pack and the gate command. Pure: it sends nothing. Every problem names the argument.
 */
import { InvalidArgumentError } from "../lightsail/errors";
import { KNOWN_CERTIFICATE_STATUSES } from "../lightsail/types";
import {
  type ArgumentProblem,
  checkDomainArg,
  checkMinDays,
  checkSans,
  checkStatuses,
  checkTags,
  describeNameProblem,
  describeRegionProblem,
  suggest,
  typeOf,
} from "./argument-values";

export type { ArgumentProblem } from "./argument-values";
export {
  checkMinDays,
  describeConfiguredRegionProblem,
  describeNameProblem,
  describeRegionProblem,
  MAX_DOMAINS,
  MAX_NAME_LENGTH,
} from "./argument-values";

/** A validated, normalised certificate search. */
export interface CertificateQuery {
  /** Exact certificate name. */
  name?: string;
  /** Normalised domain (lower case, no trailing dot). */
  domainName?: string;
  /** Normalised domains that must all be covered. */
  subjectAlternativeNames: string[];
  /** Statuses to ask the service for, sorted and without duplicates. */
  statuses: string[];
  /** Pick the latest certificate instead of failing on several. */
  mostRecent: boolean;
  /** Days the chosen certificate must stay valid. */
  minDaysValid?: number;
  /** Tags that must all be present with these values. */
  tags: Record<string, string>;
  /** Region given by the call, if any. */
  region?: string;
}

/** The arguments a certificate search accepts. */
export const CERTIFICATE_ARGUMENTS = [
  "name",
  "domainName",
  "subjectAlternativeNames",
  "statuses",
  "mostRecent",
  "minDaysValid",
  "tags",
  "region",
] as const;

/** What one kind of search accepts. */
interface SearchSpec {
  /** The argument names it accepts. */
  known: readonly string[];
  /** The statuses it accepts. */
  statuses: readonly string[];
  /** Rule 1 of the contract: `name` or `domainName` must be given. */
  requireTarget: boolean;
}

/** Arguments of a load-balancer certificate search. */
export const LOAD_BALANCER_ARGUMENTS = [
  "loadBalancerName",
  "name",
  "domainName",
  "statuses",
  "minDaysValid",
  "region",
] as const;

/** Statuses of load-balancer certificates: those of account certificates and `UNKNOWN`. */
export const LOAD_BALANCER_STATUSES: readonly string[] = [...KNOWN_CERTIFICATE_STATUSES, "UNKNOWN"];

/** The one checker behind every search: each argument validated once, every problem reported. */
function checkSearch(
  args: unknown,
  spec: SearchSpec,
): { query?: CertificateQuery; raw: Record<string, unknown>; problems: ArgumentProblem[] } {
  const problems: ArgumentProblem[] = [];
  if (typeof args !== "object" || args === null || Array.isArray(args)) {
    return { raw: {}, problems: [{ property: "args", reason: `must be an object, got ${typeOf(args)}` }] };
  }
  const raw = args as Record<string, unknown>;
  const accepts = (key: string) => spec.known.includes(key);
  for (const key of Object.keys(raw)) {
    if (!accepts(key) && raw[key] !== undefined)
      problems.push({
        property: key,
        reason: `is not an argument of this lookup${suggest(key, spec.known)}`,
      });
  }
  const query: CertificateQuery = { subjectAlternativeNames: [], statuses: [], mostRecent: false, tags: {} };
  if (raw.name !== undefined) {
    const problem = describeNameProblem(raw.name);
    if (problem) problems.push({ property: "name", reason: problem });
    else query.name = raw.name as string;
  }
  if (raw.domainName !== undefined) query.domainName = checkDomainArg("domainName", raw.domainName, problems);
  if (spec.requireTarget && raw.name === undefined && raw.domainName === undefined)
    problems.push({
      property: "name",
      reason: "give `name` or `domainName` (or both) to say which certificate to find",
    });
  if (accepts("subjectAlternativeNames"))
    query.subjectAlternativeNames = checkSans(raw.subjectAlternativeNames, problems);
  query.statuses = checkStatuses(raw.statuses, spec.statuses, problems);
  if (accepts("mostRecent") && raw.mostRecent !== undefined) {
    if (typeof raw.mostRecent !== "boolean")
      problems.push({
        property: "mostRecent",
        reason: `must be true or false, got ${typeOf(raw.mostRecent)}`,
      });
    else query.mostRecent = raw.mostRecent;
  }
  query.minDaysValid = checkMinDays(raw.minDaysValid, problems);
  if (accepts("tags")) query.tags = checkTags(raw.tags, problems);
  if (raw.region !== undefined) {
    const problem = describeRegionProblem(raw.region);
    if (problem) problems.push({ property: "region", reason: problem });
    else query.region = raw.region as string;
  }
  return problems.length === 0 ? { query, raw, problems } : { raw, problems };
}

/**
 * Checks certificate-search arguments as they come from any caller (JavaScript included) and
 * returns every problem found, plus the normalised query when there is none.
 * @param requireTarget rule 1 of the contract: `name` or `domainName` must be given.
 */
export function checkCertificateArgs(
  args: unknown,
  requireTarget: boolean,
): { query?: CertificateQuery; problems: ArgumentProblem[] } {
  if (args === undefined && !requireTarget) args = {};
  const { query, problems } = checkSearch(args, {
    known: CERTIFICATE_ARGUMENTS,
    statuses: KNOWN_CERTIFICATE_STATUSES,
    requireTarget,
  });
  return { query, problems };
}

/** Like {@link checkCertificateArgs} but throws an {@link InvalidArgumentError} for the first problem. */
export function parseCertificateArgs(args: unknown, requireTarget: boolean): CertificateQuery {
  const { query, problems } = checkCertificateArgs(args, requireTarget);
  if (!query) throw new InvalidArgumentError({ argument: problems[0].property, problem: problems[0].reason });
  return query;
}

/** A validated load-balancer certificate search. */
export interface LoadBalancerQuery extends CertificateQuery {
  /** The load balancer whose certificates are read. */
  loadBalancerName: string;
}

/** Checks `getLoadBalancerTlsCertificate` arguments: the same rules, plus `loadBalancerName`. */
export function checkLoadBalancerArgs(args: unknown): {
  query?: LoadBalancerQuery;
  problems: ArgumentProblem[];
} {
  const { query, raw, problems } = checkSearch(args, {
    known: LOAD_BALANCER_ARGUMENTS,
    statuses: LOAD_BALANCER_STATUSES,
    requireTarget: false,
  });
  if (problems.length > 0 && problems[0].property === "args") return { problems };
  const lbProblem =
    raw.loadBalancerName === undefined
      ? "is required: the load balancer whose certificates to read"
      : describeNameProblem(raw.loadBalancerName);
  if (lbProblem) problems.unshift({ property: "loadBalancerName", reason: lbProblem });
  if (!query || lbProblem) return { problems };
  return { query: { ...query, loadBalancerName: raw.loadBalancerName as string }, problems };
}

/** Like {@link checkLoadBalancerArgs} but throws an {@link InvalidArgumentError} for the first problem. */
export function parseLoadBalancerArgs(args: unknown): LoadBalancerQuery {
  const { query, problems } = checkLoadBalancerArgs(args);
  if (!query) throw new InvalidArgumentError({ argument: problems[0].property, problem: problems[0].reason });
  return query;
}
