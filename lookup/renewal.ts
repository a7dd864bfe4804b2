/**
 * The second rule, written once: **renewal health**. Lightsail renews a certificate by itself
 * (managed renewal) as long as the DNS validation records are in place; when they are not, the
 * renewal stalls and the certificate expires anyway. The policy pack's
 * `lightsail-certificate-renewal` policy and the gate's `check` both judge with
 * {@link judgeRenewal}; they only word its outcome. Pure.
 *
 * A renewal is **stuck** when
 * - its `renewalStatus` is one of the stuck statuses (default `PendingValidation`, `Failed`;
 *   compared exactly, the API spells them in PascalCase), or
 * - one of the renewal's own validation records (`renewalSummary.domainValidationRecords`) has
 *   `validationStatus` `FAILED`.
 *
 * Load-balancer certificates spell the four statuses in UPPER_CASE (`PENDING_VALIDATION`): they
 * are judged as their PascalCase equivalents. Any other status (`PendingAutoRenewal`, `Success`, no renewal at all, and **a status the service
 * adds later**) is not stuck unless listed among the stuck statuses: the rule does not guess about
 * values it does not know, and a caller who wants one counted lists it.
 *
 * The records to (re)create are the renewal's records that have not succeeded (validation
 * status other than `SUCCESS`) and carry a DNS record; when the renewal reports none, the
 * certificate's own validation records that have not succeeded, else all of them (managed renewal
 * checks the records of the original validation).
 */
import type { DomainValidationRecord, RenewalStatus } from "../lightsail/types";

/** The renewal statuses the Lightsail API model knows (PascalCase for account certificates). */
export const KNOWN_RENEWAL_STATUSES = [
  "PendingAutoRenewal",
  "PendingValidation",
  "Success",
  "Failed",
] as const;

/** The renewal statuses that count as stuck unless a caller says otherwise. */
export const DEFAULT_STUCK_RENEWAL_STATUSES: readonly RenewalStatus[] = ["PendingValidation", "Failed"];

/** A DNS record to create (or re-create) so that the renewal can complete. */
export interface RenewalRecord {
  /** The domain it validates. */
  domainName: string;
  /** Record name, e.g. `_abc.example.com.` */
  name: string;
  /** Record type, e.g. `CNAME`. */
  type: string;
  /** Record value. */
  value: string;
  /** The record's validation status, e.g. `FAILED`, or null when the service gave none. */
  validationStatus: string | null;
}

/** What the rule needs of a certificate. */
export interface RenewalFacts {
  renewalStatus?: string;
  renewalStatusReason?: string;
  renewalDomainValidationRecords?: readonly DomainValidationRecord[];
  domainValidationRecords?: readonly DomainValidationRecord[];
}

/** A certificate's renewal, judged. */
export interface RenewalJudgement {
  /** Whether the renewal is stuck. */
  stuck: boolean;
  /** Why it is stuck: its status, FAILED validation records, or both; null when it is not. */
  cause: "status" | "failed-records" | "status-and-failed-records" | null;
  /** The renewal status, or null when there is none. */
  status: string | null;
  /** `renewalStatusReason`, or null. */
  reason: string | null;
  /** The renewal's validation records that are FAILED. */
  failedRecords: RenewalRecord[];
  /** The DNS records to (re)create; empty when the renewal is not stuck. */
  records: RenewalRecord[];
}

function toRecord(r: DomainValidationRecord): RenewalRecord | undefined {
  if (!r.resourceRecord || r.resourceRecord.name === "") return undefined;
  return {
    domainName: r.domainName,
    name: r.resourceRecord.name,
    type: r.resourceRecord.type,
    value: r.resourceRecord.value,
    validationStatus: r.validationStatus ?? null,
  };
}

function recordsOf(list: readonly DomainValidationRecord[] | undefined): RenewalRecord[] {
  const out: RenewalRecord[] = [];
  const seen = new Set<string>();
  for (const r of list ?? []) {
    const record = toRecord(r);
    if (!record) continue;
    const key = `${record.name}\n${record.type}\n${record.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(record);
  }
  return out;
}

/** Load-balancer certificates spell the same four statuses in UPPER_CASE: judged as the same. */
const LOAD_BALANCER_SPELLINGS: Record<string, string> = {
  PENDING_AUTO_RENEWAL: "PendingAutoRenewal",
  PENDING_VALIDATION: "PendingValidation",
  SUCCESS: "Success",
  FAILED: "Failed",
};

const notSucceeded = (r: RenewalRecord) => r.validationStatus !== "SUCCESS";

/**
 * Judges `cert`'s renewal.
 * @param stuckStatuses renewal statuses that count as stuck (exact, case-sensitive).
 */
export function judgeRenewal(
  cert: RenewalFacts,
  stuckStatuses: readonly string[] = DEFAULT_STUCK_RENEWAL_STATUSES,
): RenewalJudgement {
  const status =
    typeof cert.renewalStatus === "string" && cert.renewalStatus !== "" ? cert.renewalStatus : null;
  const spelled = status !== null ? (LOAD_BALANCER_SPELLINGS[status] ?? status) : null;
  const reason =
    typeof cert.renewalStatusReason === "string" && cert.renewalStatusReason !== ""
      ? cert.renewalStatusReason
      : null;
  const renewalRecords = recordsOf(cert.renewalDomainValidationRecords);
  const failedRecords = renewalRecords.filter((r) => r.validationStatus === "FAILED");
  const byStatus = spelled !== null && stuckStatuses.includes(spelled);
  const byRecords = failedRecords.length > 0;
  const cause = byStatus
    ? byRecords
      ? "status-and-failed-records"
      : "status"
    : byRecords
      ? "failed-records"
      : null;
  if (cause === null) return { stuck: false, cause, status, reason, failedRecords, records: [] };
  let records = renewalRecords.filter(notSucceeded);
  if (renewalRecords.length === 0) {
    const own = recordsOf(cert.domainValidationRecords);
    records = own.some(notSucceeded) ? own.filter(notSucceeded) : own;
  }
  return { stuck: true, cause, status, reason, failedRecords, records };
}

/** A record as one line: `CNAME _abc.example.com. -> _xyz.acm-validations.aws.` */
export function describeRecord(record: RenewalRecord): string {
  return `${record.type} ${record.name} -> ${record.value}`;
}
