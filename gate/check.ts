/**
 * The verdicts of `lightsail-certs check`, pure: certificates and a clock reading in, verdicts
 * out. Days left are measured as `getCertificate`'s `minDaysValid` measures them: whole days from
 * now to notAfter, rounded down; a certificate passes when it is ISSUED and
 * `daysLeft >= minDays`.
 */
import { certificateCovers, normalizeDomain } from "../lookup/domain";
import type { Certificate } from "../lightsail/types";
import { judgeValidity, type Validity } from "../lookup/fit-for-use";
import { describeRecord, judgeRenewal, type RenewalJudgement, type RenewalRecord } from "../lookup/renewal";

/** `PASS` or `FAIL`. */
export type Verdict = "PASS" | "FAIL";

/** What the gate's JSON reports say of every certificate they name, `list` and `check` alike. */
export interface ReportedCertificate {
  /** The account it was read in: an account id, or null for the SDK chain's own identity. */
  account: string | null;
  /** Certificate name. */
  name: string;
  /** ARN. */
  arn: string;
  /** Primary domain. */
  domainName: string;
  /** Alternative names. */
  subjectAlternativeNames: string[];
  /** Region. */
  region: string;
  /** Status. */
  status: string;
  /** End of validity (ISO-8601), or null when the certificate has none. */
  notAfter: string | null;
  /** Whole days from now to notAfter (rounded down, negative once expired), or null. */
  daysLeft: number | null;
  /** Renewal status (e.g. `PendingAutoRenewal`), or null when Lightsail reports none. */
  renewalStatus: string | null;
}

/** One certificate, judged. */
export interface CertificateVerdict extends ReportedCertificate {
  /** The verdict. */
  verdict: Verdict;
  /** Why it fails; null when it passes. */
  reason: string | null;
  /** `renewalStatusReason`, or null. */
  renewalStatusReason: string | null;
  /** Whether the renewal is stuck (the rule of lookup/renewal.ts), also with --allow-stuck-renewals. */
  renewalStuck: boolean;
  /** The DNS records to (re)create for a stuck renewal; empty otherwise. */
  renewalRecords: RenewalRecord[];
}

/** How `check` judges, beyond `--min-days`. */
export interface JudgeOptions {
  /** `--allow-stuck-renewals`: a stuck renewal does not fail the certificate. */
  allowStuckRenewals?: boolean;
}

/** One `--domain`, judged. */
export interface DomainVerdict {
  /** The domain (normalised: lower case, no trailing dot). */
  domain: string;
  /** PASS when at least one certificate covering it passes. */
  verdict: Verdict;
  /** Why it fails; null when it passes. */
  reason: string | null;
  /** The certificate shown for it: a passing one (longest left), else the closest to passing; null when none covers it. */
  certificate: CertificateVerdict | null;
  /** Every certificate covering the domain, best first. */
  candidates: CertificateVerdict[];
}

/** The gate's words for each way the rule fails. */
function reasonOf(validity: Validity, status: string, minDays: number): string | null {
  if (!validity.issued) return `status ${status}, not ISSUED`;
  switch (validity.expiry) {
    case "no-expiry":
      return "no expiry date (notAfter)";
    case "expired":
      return "expired";
    case "expiring":
      return `expires in ${validity.daysLeft} day(s), under the minimum of ${minDays}`;
    default:
      return null;
  }
}

/** The gate's words for a stuck renewal: its status, reason and the records to (re)create. */
export function renewalReason(renewal: RenewalJudgement): string {
  const what = [
    ...(renewal.status !== null ? [renewal.status] : []),
    ...(renewal.failedRecords.length > 0
      ? [`${renewal.failedRecords.length} validation record(s) FAILED`]
      : []),
  ].join(", ");
  const why = renewal.reason !== null ? `: ${renewal.reason}` : "";
  const records =
    renewal.records.length > 0
      ? `; (re)create ${renewal.records.map(describeRecord).join(", ")}`
      : "; no DNS record reported";
  return `renewal stuck (${what}${why})${records}`;
}

/**
 * Judges one certificate against `minDays` at `now`: the rule of lookup/fit-for-use.ts, then the
 * renewal rule of lookup/renewal.ts (a stuck renewal fails unless `allowStuckRenewals`).
 */
export function judgeCertificate(
  cert: Certificate & { account?: string | null },
  minDays: number,
  now: Date,
  options: JudgeOptions = {},
): CertificateVerdict {
  const validity = judgeValidity(cert, minDays, now);
  const daysLeft = validity.daysLeft ?? null;
  const renewal = judgeRenewal(cert);
  const reasons = [reasonOf(validity, cert.status, minDays)];
  if (renewal.stuck && !options.allowStuckRenewals) reasons.push(renewalReason(renewal));
  const reason = reasons.filter((r): r is string => r !== null).join("; ") || null;
  return {
    account: cert.account ?? null,
    name: cert.name,
    arn: cert.arn,
    domainName: cert.domainName,
    subjectAlternativeNames: [...cert.subjectAlternativeNames],
    region: cert.region,
    status: cert.status,
    notAfter: cert.notAfter ?? null,
    daysLeft,
    verdict: reason === null ? "PASS" : "FAIL",
    reason,
    renewalStatus: cert.renewalStatus ?? null,
    renewalStatusReason: cert.renewalStatusReason ?? null,
    renewalStuck: renewal.stuck,
    renewalRecords: renewal.records,
  };
}

/** Orders verdicts best first: passing, then ISSUED, then most days left, then name and region. */
export function compareVerdicts(a: CertificateVerdict, b: CertificateVerdict): number {
  const rank = (v: CertificateVerdict) => (v.verdict === "PASS" ? 0 : v.status === "ISSUED" ? 1 : 2);
  return (
    rank(a) - rank(b) ||
    (b.daysLeft ?? -Infinity) - (a.daysLeft ?? -Infinity) ||
    a.name.localeCompare(b.name) ||
    a.region.localeCompare(b.region)
  );
}

/** Whether `cert` covers the normalised `domain` (primary name or SAN, case-insensitive, trailing dot ignored). */
export function coversDomain(
  cert: Pick<Certificate, "domainName" | "subjectAlternativeNames">,
  domain: string,
): boolean {
  return certificateCovers(
    normalizeDomain(cert.domainName),
    cert.subjectAlternativeNames.map(normalizeDomain),
    domain,
  );
}

/** Judges each domain: it passes when at least one certificate covering it passes. */
export function judgeDomains(
  domains: readonly string[],
  certs: readonly Certificate[],
  minDays: number,
  now: Date,
  options: JudgeOptions = {},
): DomainVerdict[] {
  return domains.map((domain) => {
    const candidates = certs
      .filter((c) => coversDomain(c, domain))
      .map((c) => judgeCertificate(c, minDays, now, options))
      .sort(compareVerdicts);
    const best = candidates[0] ?? null;
    if (!best)
      return { domain, verdict: "FAIL", reason: "no certificate covers it", certificate: null, candidates };
    if (best.verdict === "PASS")
      return { domain, verdict: "PASS", reason: null, certificate: best, candidates };
    const others =
      candidates.length > 1 ? ` (none of the ${candidates.length} certificates covering it passes)` : "";
    return { domain, verdict: "FAIL", reason: `${best.reason}${others}`, certificate: best, candidates };
  });
}

/** Counts of a check. */
export interface CheckSummary {
  /** Certificates (or domains, with --domain) judged. */
  total: number;
  /** How many pass. */
  passed: number;
  /** How many fail. */
  failed: number;
}

/** Counts the verdicts. */
export function summarize(verdicts: ReadonlyArray<{ verdict: Verdict }>): CheckSummary {
  const passed = verdicts.filter((v) => v.verdict === "PASS").length;
  return { total: verdicts.length, passed, failed: verdicts.length - passed };
}
