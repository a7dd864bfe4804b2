/**
 * The checks of single argument values (a name, a domain, a region, statuses, days, tags,
 * alternative names) and the "did you mean" of a misspelt argument name, each adding what is
 * wrong to a list of problems that names the argument. Pure: the search checkers in search-args.ts
 * compose them.
 */
import {
  LIGHTSAIL_REGIONS,
  isLightsailRegion,
  looksLikeRegion,
  REGIONS_WITHOUT_LIGHTSAIL,
} from "../lightsail/regions";
import { describeDomainProblem, normalizeDomain } from "./domain";
import { editDistance } from "./edit-distance";
import { MAX_MIN_DAYS_VALID } from "./fit-for-use";

/** One problem with one argument. */
export interface ArgumentProblem {
  /** The argument, e.g. `statuses[1]`. */
  property: string;
  /** What is wrong and what to do. */
  reason: string;
}

/** Longest certificate name accepted (Lightsail resource names). */
export const MAX_NAME_LENGTH = 255;
/** A certificate holds a primary domain plus at most 9 others. */
export const MAX_DOMAINS = 10;
const MAX_TAGS = 50;
const NAME_PATTERN = /^\w[\w-]*\w$/;

export function typeOf(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

/**
 * "did you mean" the known argument closest to `key` (case ignored; at most 2 edits from it, or
 * from its start when `key` is a misspelt prefix such as `domian`), else the list of known ones.
 */
export function suggest(key: string, known: readonly string[]): string {
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

export function checkDomainArg(
  property: string,
  value: unknown,
  problems: ArgumentProblem[],
): string | undefined {
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

export function checkStatuses(
  value: unknown,
  known: readonly string[],
  problems: ArgumentProblem[],
): string[] {
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

export function checkTags(value: unknown, problems: ArgumentProblem[]): Record<string, string> {
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

export function checkSans(value: unknown, problems: ArgumentProblem[]): string[] {
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
