/**
 * The JSON documents `lightsail-certs --json` prints (documented in gate/README.md). The shapes
 * are stable: fields are only ever added, and `schemaVersion` changes if one ever has to change.
 * Pure.
 */
import type { Certificate } from "../lightsail/types";
import type { CertificateVerdict, CheckSummary, DomainVerdict } from "./check";
import { daysUntil } from "../lightsail/normalize";

/**
 * The version of the JSON shapes below. 2: a document is printed also when regions could not
 * be read, listing them in `errors` (with `passed: false`); version 1 printed no document then,
 * so a v1 reader could take any document for a complete read. Every v1 field is unchanged.
 * Still 2 with the renewal fields (0.2.0, issue 13: `allowStuckRenewals`, and per certificate
 * `renewalStatus`, `renewalStatusReason`, `renewalStuck`, `renewalRecords`): fields were only
 * added, and a v2 reader that reads `verdict`, `passed` or the exit status still reads the
 * gate's outcome (a stuck renewal is one more reason for FAIL).
 */
export const SCHEMA_VERSION = 2;

/** A region that could not be read (access denied, throttled after the retries, timeout, ...). */
export interface RegionError {
  /** The region. */
  region: string;
  /** The error's class, e.g. `AccessDeniedError`, `LightsailApiError`, `PaginationError`. */
  error: string;
  /** The service's or transport's code (`ThrottlingException`, `TimeoutError`, ...), or null. */
  code: string | null;
  /** What happened and what to do (no credential, no endpoint): the line printed on stderr. */
  message: string;
}

/** `lightsail-certs check --json`. */
export interface CheckReport {
  /** Always {@link SCHEMA_VERSION}. */
  schemaVersion: typeof SCHEMA_VERSION;
  /** Always `"check"`. */
  command: "check";
  /** `"certificates"`: every certificate is judged; `"domains"`: each `--domain` is. */
  mode: "certificates" | "domains";
  /** The clock reading days are measured from (ISO-8601). */
  checkedAt: string;
  /** `--min-days`. */
  minDays: number;
  /** `--allow-stuck-renewals`: stuck renewals are shown but do not fail. */
  allowStuckRenewals: boolean;
  /** Regions asked for (read, or listed in `errors`). */
  regions: string[];
  /** Statuses read (every status when none was given). */
  statuses: string[];
  /** True when every region was read and everything judged passes (exit status 0). */
  passed: boolean;
  /** Counts of what was judged: certificates, or domains in `"domains"` mode. */
  summary: CheckSummary;
  /** Certificates judged (in `"domains"` mode: those covering a requested domain), by name then region. */
  certificates: CertificateVerdict[];
  /** One entry per `--domain`, in the order given; empty in `"certificates"` mode. */
  domains: DomainVerdict[];
  /** The regions that could not be read, in the order asked; empty when all were read. */
  errors: RegionError[];
}

/** One certificate of `lightsail-certs list --json`. */
export interface ListedCertificate {
  name: string;
  arn: string;
  domainName: string;
  subjectAlternativeNames: string[];
  region: string;
  status: string;
  /** ISO-8601 or null. */
  notBefore: string | null;
  /** ISO-8601 or null. */
  notAfter: string | null;
  /** Whole days to notAfter, rounded down, or null. */
  daysLeft: number | null;
  /** E.g. `PendingAutoRenewal`, or null. */
  renewalStatus: string | null;
  /** Resources using it. */
  inUseResourceCount: number;
}

/** `lightsail-certs list --json`. */
export interface ListReport {
  /** Always {@link SCHEMA_VERSION}. */
  schemaVersion: typeof SCHEMA_VERSION;
  /** Always `"list"`. */
  command: "list";
  /** The clock reading days are measured from (ISO-8601). */
  listedAt: string;
  /** Regions asked for (read, or listed in `errors`). */
  regions: string[];
  /** Statuses read. */
  statuses: string[];
  /** Certificates of the regions read, by name then region. */
  certificates: ListedCertificate[];
  /** The regions that could not be read, in the order asked; empty when all were read. */
  errors: RegionError[];
}

/** A certificate as `list --json` shows it. */
export function toListedCertificate(cert: Certificate, now: Date): ListedCertificate {
  return {
    name: cert.name,
    arn: cert.arn,
    domainName: cert.domainName,
    subjectAlternativeNames: [...cert.subjectAlternativeNames],
    region: cert.region,
    status: cert.status,
    notBefore: cert.notBefore ?? null,
    notAfter: cert.notAfter ?? null,
    daysLeft: daysUntil(cert.notAfter, now) ?? null,
    renewalStatus: cert.renewalStatus ?? null,
    inUseResourceCount: cert.inUseResourceCount,
  };
}

/** Orders certificates by name, then region. */
export function compareByNameAndRegion(
  a: { name: string; region: string },
  b: { name: string; region: string },
): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : a.region < b.region ? -1 : a.region > b.region ? 1 : 0;
}
