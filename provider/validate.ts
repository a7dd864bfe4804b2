/**
 * Validation of lookup arguments, shared by the functions, `CertificateLookup.check`, the policy
 * pack and the gate command. Pure: it sends nothing. Every problem names the argument.
 */
import { describeDomainProblem, normalizeDomain } from "./domain";
import { InvalidArgumentError } from "./errors";
import { isLightsailRegion, LIGHTSAIL_REGIONS } from "./regions";
import { KNOWN_CERTIFICATE_STATUSES } from "./types";

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
const CERTIFICATE_ARGUMENTS = [
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

function suggest(key: string, known: readonly string[]): string {
  const lower = key.toLowerCase();
  const hit = known.find((k) => k.toLowerCase() === lower || k.toLowerCase().startsWith(lower.slice(0, 4)));
  return hit ? `; did you mean \`${hit}\`?` : `; known arguments: ${known.join(", ")}`;
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

function checkStatuses(value: unknown, problems: ArgumentProblem[]): string[] {
  if (value === undefined) return ["ISSUED"];
  if (!Array.isArray(value)) {
    problems.push({ property: "statuses", reason: `must be an array of statuses, got ${typeOf(value)}` });
    return [];
  }
  if (value.length === 0) {
    problems.push({ property: "statuses", reason: "must list at least one status (omit it for ISSUED)" });
    return [];
  }
  const known: readonly string[] = KNOWN_CERTIFICATE_STATUSES;
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

/**
 * Checks certificate-search arguments as they come from any caller (JavaScript included) and
 * returns every problem found, plus the normalised query when there is none.
 * @param requireTarget rule 1 of the contract: `name` or `domainName` must be given.
 */
export function checkCertificateArgs(
  args: unknown,
  requireTarget: boolean,
): { query?: CertificateQuery; problems: ArgumentProblem[] } {
  const problems: ArgumentProblem[] = [];
  if (args === undefined && !requireTarget) args = {};
  if (typeof args !== "object" || args === null || Array.isArray(args)) {
    return { problems: [{ property: "args", reason: `must be an object, got ${typeOf(args)}` }] };
  }
  const raw = args as Record<string, unknown>;
  const known: readonly string[] = CERTIFICATE_ARGUMENTS;
  for (const key of Object.keys(raw)) {
    if (!known.includes(key) && !key.startsWith("__") && raw[key] !== undefined)
      problems.push({
        property: key,
        reason: `is not an argument of a certificate lookup${suggest(key, known)}`,
      });
  }
  const query: CertificateQuery = { subjectAlternativeNames: [], statuses: [], mostRecent: false, tags: {} };
  if (raw.name !== undefined) {
    const problem = describeNameProblem(raw.name);
    if (problem) problems.push({ property: "name", reason: problem });
    else query.name = raw.name as string;
  }
  if (raw.domainName !== undefined) query.domainName = checkDomainArg("domainName", raw.domainName, problems);
  if (requireTarget && raw.name === undefined && raw.domainName === undefined)
    problems.push({
      property: "name",
      reason: "give `name` or `domainName` (or both) to say which certificate to find",
    });
  query.subjectAlternativeNames = checkSans(raw.subjectAlternativeNames, problems);
  query.statuses = checkStatuses(raw.statuses, problems);
  if (raw.mostRecent !== undefined) {
    if (typeof raw.mostRecent !== "boolean")
      problems.push({
        property: "mostRecent",
        reason: `must be true or false, got ${typeOf(raw.mostRecent)}`,
      });
    else query.mostRecent = raw.mostRecent;
  }
  query.minDaysValid = checkMinDays(raw.minDaysValid, problems);
  query.tags = checkTags(raw.tags, problems);
  if (raw.region !== undefined) {
    const problem = describeRegionProblem(raw.region);
    if (problem) problems.push({ property: "region", reason: problem });
    else query.region = raw.region as string;
  }
  return problems.length === 0 ? { query, problems } : { problems };
}

/** Like {@link checkCertificateArgs} but throws an {@link InvalidArgumentError} for the first problem. */
export function parseCertificateArgs(args: unknown, requireTarget: boolean): CertificateQuery {
  const { query, problems } = checkCertificateArgs(args, requireTarget);
  if (!query) throw new InvalidArgumentError(problems[0].property, problems[0].reason);
  return query;
}
