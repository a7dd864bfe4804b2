/**
 * Matching and selection of certificates: the rules of `getCertificate` (docs/contract.md, rules 4-9)
 * as pure functions over already-read certificates. No I/O, no clock of their own.
 */
import { certificateCovers, normalizeDomain } from "./domain";
import { editDistance } from "./edit-distance";
import { judgeValidity } from "./fit-for-use";
import {
  AmbiguousCertificateError,
  CertificateCandidate,
  CertificateExpiringError,
  CertificateNotFoundError,
} from "../lightsail/errors";
import { daysUntil } from "../lightsail/normalize";
import type { Certificate } from "../lightsail/types";

/** What selection reads of a certificate; both certificate types have it. */
export type Selectable = Pick<
  Certificate,
  | "arn"
  | "name"
  | "domainName"
  | "subjectAlternativeNames"
  | "status"
  | "notAfter"
  | "notBefore"
  | "issuedAt"
  | "createdAt"
  | "daysUntilExpiry"
> & { tags?: Record<string, string> };
import type { CertificateQuery } from "./search-args";

/** The short form of a certificate used in messages. */
export function toCandidate(
  cert: Pick<Certificate, "name" | "domainName" | "status" | "notAfter">,
): CertificateCandidate {
  const candidate: CertificateCandidate = {
    name: cert.name,
    domainName: cert.domainName,
    status: cert.status,
  };
  if (cert.notAfter !== undefined) candidate.notAfter = cert.notAfter;
  return candidate;
}

function formatCandidate(c: CertificateCandidate): string {
  return `${c.name} (${c.domainName || "no domain"}, ${c.status}, notAfter ${c.notAfter ?? "unknown"})`;
}

function tagsMatch(tags: Record<string, string>, wanted: Record<string, string>): boolean {
  return Object.entries(wanted).every(
    ([key, value]) => Object.prototype.hasOwnProperty.call(tags, key) && tags[key] === value,
  );
}

/**
 * Certificates that satisfy every filter of `query` except the domain preference: name (exact),
 * statuses, SAN coverage and tags. Domain matching is in {@link filterCertificates}.
 */
function passesFilters(cert: Selectable, query: CertificateQuery): boolean {
  if (query.name !== undefined && cert.name !== query.name) return false;
  if (query.statuses.length > 0 && !query.statuses.includes(cert.status)) return false;
  if (query.subjectAlternativeNames.length > 0) {
    const primary = normalizeDomain(cert.domainName);
    const sans = cert.subjectAlternativeNames.map(normalizeDomain);
    if (!query.subjectAlternativeNames.every((d) => certificateCovers(primary, sans, d))) return false;
  }
  return tagsMatch(cert.tags ?? {}, query.tags);
}

/**
 * The certificates matching `query` (rules 3-6): a certificate whose primary domain equals
 * `domainName` wins; ones holding it only among their SANs count only when no primary match exists.
 */
export function filterCertificates<T extends Selectable>(certs: readonly T[], query: CertificateQuery): T[] {
  const passing = certs.filter((c) => passesFilters(c, query));
  if (query.domainName === undefined) return passing;
  const domain = query.domainName;
  const primary = passing.filter((c) => normalizeDomain(c.domainName) === domain);
  if (primary.length > 0) return primary;
  return passing.filter((c) => c.subjectAlternativeNames.some((san) => normalizeDomain(san) === domain));
}

function time(value: string | undefined): number {
  const t = value === undefined ? NaN : Date.parse(value);
  return Number.isNaN(t) ? -Infinity : t;
}

/** Orders certificates most recent first: latest notBefore, then issuedAt, then createdAt, then name. */
export function compareMostRecent(a: Selectable, b: Selectable): number {
  for (const key of ["notBefore", "issuedAt", "createdAt"] as const) {
    const diff = time(b[key]) - time(a[key]);
    if (diff !== 0 && !Number.isNaN(diff)) return diff > 0 ? 1 : -1;
  }
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** Orders certificates by name (then ARN), the order of `getCertificates` results. */
export function compareByName(a: Selectable, b: Selectable): number {
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return a.arn < b.arn ? -1 : a.arn > b.arn ? 1 : 0;
}

/** The `limit` certificates closest to what `query` asked for (by name or domain), nearest first. */
export function closestCandidates(
  certs: readonly Selectable[],
  query: CertificateQuery,
  limit = 5,
): CertificateCandidate[] {
  const score = (c: Selectable): number => {
    let best = Infinity;
    if (query.name !== undefined) best = Math.min(best, editDistance(query.name, c.name));
    if (query.domainName !== undefined) {
      for (const d of [c.domainName, ...c.subjectAlternativeNames])
        best = Math.min(best, editDistance(query.domainName, normalizeDomain(d)));
    }
    return best;
  };
  return certs
    .map((c) => ({ c, s: score(c) }))
    .sort((x, y) => x.s - y.s || compareByName(x.c, y.c))
    .slice(0, limit)
    .map(({ c }) => toCandidate(c));
}

/** A one-line description of what a query searched for. */
export function describeQuery(query: CertificateQuery, region: string): string {
  const parts: string[] = [];
  if (query.name !== undefined) parts.push(`name "${query.name}"`);
  if (query.domainName !== undefined) parts.push(`domainName "${query.domainName}"`);
  if (query.subjectAlternativeNames.length > 0)
    parts.push(`covering ${query.subjectAlternativeNames.join(", ")}`);
  const tags = Object.entries(query.tags);
  if (tags.length > 0) parts.push(`tags ${tags.map(([k, v]) => `${k}=${v}`).join(", ")}`);
  return `${parts.join(", ") || "any certificate"} in ${region} with status ${query.statuses.join(" or ")}`;
}

/** The not-found error for `query`, listing the closest of the `seen` certificates. */
export function notFoundError(
  query: CertificateQuery,
  region: string,
  seen: readonly Selectable[],
): CertificateNotFoundError {
  const closest = closestCandidates(seen, query);
  const list =
    closest.length > 0
      ? ` Closest certificates seen: ${closest.map(formatCandidate).join("; ")}.`
      : ` No certificate with status ${query.statuses.join(" or ")} exists in ${region}.`;
  const statusHint =
    query.statuses.length === 1 && query.statuses[0] === "ISSUED"
      ? " Only ISSUED certificates are searched unless `statuses` says otherwise."
      : "";
  return new CertificateNotFoundError({
    message: `No Lightsail certificate matches ${describeQuery(query, region)}.${list}${statusHint}`,
    closest,
  });
}

/**
 * Picks the one certificate `query` asks for among `certs` (rules 4-9).
 * @param now the clock reading that `minDaysValid` is measured from.
 * @param seen every certificate read, for the not-found message (defaults to `certs`).
 */
export function selectCertificate<T extends Selectable>(
  certs: readonly T[],
  query: CertificateQuery,
  region: string,
  now: Date,
  seen: readonly Selectable[] = certs,
): T {
  const matches = filterCertificates(certs, query);
  if (matches.length === 0) throw notFoundError(query, region, seen);
  let chosen: T;
  if (matches.length === 1) chosen = matches[0];
  else if (query.mostRecent) chosen = [...matches].sort(compareMostRecent)[0];
  else {
    const candidates = [...matches].sort(compareByName).map(toCandidate);
    throw new AmbiguousCertificateError({
      message:
        `${matches.length} Lightsail certificates match ${describeQuery(query, region)}: ` +
        `${candidates.map(formatCandidate).join("; ")}. Narrow the search (name, subjectAlternativeNames, tags) or set mostRecent: true.`,
      candidates,
    });
  }
  const withDays = withDaysUntilExpiry(chosen, now);
  if (query.minDaysValid !== undefined) {
    // The status was filtered by the search: only the days part of the rule is left to judge.
    const { expiry, daysLeft } = judgeValidity(withDays, query.minDaysValid, now);
    if (expiry !== undefined)
      throw new CertificateExpiringError({
        certificateName: withDays.name,
        notAfter: withDays.notAfter,
        daysLeft,
        minDaysValid: query.minDaysValid,
      });
  }
  return withDays;
}

/** A copy of `cert` with `daysUntilExpiry` measured from `now`. */
export function withDaysUntilExpiry<T extends { notAfter?: string; daysUntilExpiry?: number }>(
  cert: T,
  now: Date,
): T {
  const copy = { ...cert };
  const days = daysUntil(cert.notAfter, now);
  if (days === undefined) delete copy.daysUntilExpiry;
  else copy.daysUntilExpiry = days;
  return copy;
}
