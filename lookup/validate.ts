/**
 * Validation of lookup arguments, shared by the functions, `CertificateLookup.check`, the policy
 * pack and the gate command. Pure: it sends nothing. Every problem names the argument.
 */
import { describeDomainProblem, normalizeDomain } from "./domain";
import { editDistance } from "./edit-distance";
import { InvalidArgumentError } from "../lightsail/errors";
import {
  isLightsailRegion,
  LIGHTSAIL_REGIONS,
  looksLikeRegion,
  REGIONS_WITHOUT_LIGHTSAIL,
} from "../lightsail/regions";
import { KNOWN_CERTIFICATE_STATUSES } from "../lightsail/types";

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

/** One problem with one argument. */
export interface ArgumentProblem {
  /** The argument, e.g. `statuses[1]`. */
  property: string;
  /** What is wrong and what to do. */
  reason: string;
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

/** Longest certificate name accepted (Lightsail resource names). */
export const MAX_NAME_LENGTH = 255;
/** A certificate holds a primary domain plus at most 9 others. */
export const MAX_DOMAINS = 10;
/** Largest `minDaysValid` accepted: certificates are valid for about 13 months. */
export const MAX_MIN_DAYS_VALID = 3650;
const MAX_TAGS = 50;
const NAME_PATTERN = /^\w[\w-]*\w$/;

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

/**
 * "did you mean" the known argument closest to `key` (case ignored; at most 2 edits from it, or
 * from its start when `key` is a misspelt prefix such as `domian`), else the list of known ones.
 */
function suggest(key: string, known: readonly string[]): string {
  const lower = key.toLowerCase();
  const scored = known
    .map((k) => {
      const name = k.toLowerCase();
      const prefix = lower.length >= 4 ? editDistance(lower, name.slice(0, lower.length)) : Infinity;
      return { k, d: Math.min(editDistance(lower, name), prefix) };
    })
    .filter(({ d }) => d <= 2)
    .sort((x, y) => x.d - y.d);
  return scored.length > 0 ? `; did you mean \`${scored[0].k}\`?` : `; known arguments: ${known.join(", ")}`;
}

/** Problems with a certificate name, or none. */
export function describeNameProblem(name: unknown): string | undefined {
  if (typeof name !== "string") return `must be a string, got ${typeOf(name)}`;
  if (name.trim().length === 0) return "must not be empty or blank";
  if (name.length > MAX_NAME_LENGTH) return `is ${name.length} characters long; at most ${MAX_NAME_LENGTH}`;
  if (!NAME_PATTERN.test(name))
    return `"${name}" is not a Lightsail resource name (letters, digits, "_" and "-", starting and ending with a letter or digit)`;
  return undefined;
}

/** Problems with a region, or none. */
export function describeRegionProblem(region: unknown): string | undefined {
  if (typeof region !== "string") return `must be a string, got ${typeOf(region)}`;
  if (region.trim().length === 0) return "must not be empty or blank";
  if (!isLightsailRegion(region))
    return `"${region}" has no Lightsail endpoint; use one of ${LIGHTSAIL_REGIONS.join(", ")}`;
  return undefined;
}

/**
 * Problems with a region that came from the configuration chain (an aws.Provider, `aws:region`,
 * the environment, a profile) rather than from an argument: a region newer than this package is
 * accepted there, since the user's own configuration chose it; only a malformed name or a region
 * known to have no Lightsail endpoint is refused.
 */
export function describeConfiguredRegionProblem(region: string): string | undefined {
  if (region.trim().length === 0) return "must not be empty or blank";
  if (REGIONS_WITHOUT_LIGHTSAIL.includes(region) || !looksLikeRegion(region))
    return `"${region}" has no Lightsail endpoint; use one of ${LIGHTSAIL_REGIONS.join(", ")}`;
  return undefined;
}

function checkDomainArg(property: string, value: unknown, problems: ArgumentProblem[]): string | undefined {
  if (typeof value !== "string") {
    problems.push({ property, reason: `must be a string, got ${typeOf(value)}` });
    return undefined;
  }
  const problem = describeDomainProblem(value);
  if (problem) {
    problems.push({ property, reason: problem });
    return undefined;
  }
  return normalizeDomain(value);
}

function checkStatuses(value: unknown, known: readonly string[], problems: ArgumentProblem[]): string[] {
  if (value === undefined) return ["ISSUED"];
  if (!Array.isArray(value)) {
    problems.push({ property: "statuses", reason: `must be an array of statuses, got ${typeOf(value)}` });
    return [];
  }
  if (value.length === 0) {
    problems.push({ property: "statuses", reason: "must list at least one status (omit it for ISSUED)" });
    return [];
  }
  value.forEach((status: unknown, i) => {
    if (typeof status !== "string") {
      problems.push({ property: `statuses[${i}]`, reason: `must be a string, got ${typeOf(status)}` });
    } else if (!known.includes(status)) {
      const upper = status.toUpperCase();
      const hint = known.includes(upper) ? `; statuses are upper case: "${upper}"` : "";
      problems.push({
        property: `statuses[${i}]`,
        reason: `"${status}" is not a certificate status${hint || `; use one of ${known.join(", ")}`}`,
      });
    }
  });
  return [...new Set(value.filter((s): s is string => typeof s === "string"))].sort();
}

/** Checks `minDaysValid`, adding a problem when it is not a whole number of days in range. */
export function checkMinDays(value: unknown, problems: ArgumentProblem[]): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || Number.isNaN(value)) {
    problems.push({ property: "minDaysValid", reason: `must be a number of days, got ${typeOf(value)}` });
  } else if (!Number.isInteger(value)) {
    problems.push({ property: "minDaysValid", reason: `must be a whole number of days, got ${value}` });
  } else if (value < 0) {
    problems.push({ property: "minDaysValid", reason: `must not be negative, got ${value}` });
  } else if (value > MAX_MIN_DAYS_VALID) {
    problems.push({
      property: "minDaysValid",
      reason: `${value} days is more than any certificate lasts; at most ${MAX_MIN_DAYS_VALID}`,
    });
  } else {
    return value;
  }
  return undefined;
}

function checkTags(value: unknown, problems: ArgumentProblem[]): Record<string, string> {
  if (value === undefined) return {};
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    problems.push({ property: "tags", reason: `must be an object of key -> value, got ${typeOf(value)}` });
    return {};
  }
  const entries = Object.entries(value);
  if (entries.length > MAX_TAGS)
    problems.push({ property: "tags", reason: `has ${entries.length} keys; at most ${MAX_TAGS}` });
  const tags: Record<string, string> = {};
  for (const [key, tagValue] of entries) {
    if (key.trim().length === 0) problems.push({ property: "tags", reason: "has an empty key" });
    else if (typeof tagValue !== "string")
      problems.push({ property: `tags.${key}`, reason: `must be a string, got ${typeOf(tagValue)}` });
    // defineProperty, not `=`: a key such as "__proto__" (valid in AWS) must stay a plain key.
    else
      Object.defineProperty(tags, key, {
        value: tagValue,
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }
  return tags;
}

function checkSans(value: unknown, problems: ArgumentProblem[]): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    problems.push({
      property: "subjectAlternativeNames",
      reason: `must be an array of domains, got ${typeOf(value)}`,
    });
    return [];
  }
  if (value.length > MAX_DOMAINS)
    problems.push({
      property: "subjectAlternativeNames",
      reason: `lists ${value.length} domains; a Lightsail certificate covers at most ${MAX_DOMAINS}`,
    });
  const sans: string[] = [];
  value.forEach((domain: unknown, i) => {
    const normalised = checkDomainArg(`subjectAlternativeNames[${i}]`, domain, problems);
    if (normalised !== undefined) sans.push(normalised);
  });
  return [...new Set(sans)];
}

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
