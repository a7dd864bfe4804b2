/**
 * The JSON documents `lightsail-certs --json` prints (documented in gate/README.md). The shapes
 * are stable: fields are only ever added, and `schemaVersion` changes if one ever has to change.
 * Pure.
 */
import type { Certificate } from "../lightsail/types";
import type { CertificateVerdict, CheckSummary, DomainVerdict, ReportedCertificate } from "./check";
import { daysUntil } from "../lightsail/normalize";

/**
 * The version of the JSON shapes below. 3 (0.3.0, issue 21: several accounts): `errors` entries
 * name their `account` and `roleArn`, and their `region` is null when the role could not be
 * assumed (so nothing of that account was read); every certificate names its `account`; new
 * `accounts` (per account x region) and `coverage`. A v2 reader that takes `errors[].region` for
 * a string would misread a role that could not be assumed, hence the bump. 2: a document is printed also when regions could not
 * be read, listing them in `errors` (with `passed: false`); version 1 printed no document then,
 * so a v1 reader could take any document for a complete read. Every v1 field is unchanged.
 * Still 2 with the renewal fields (0.2.0, issue 13: `allowStuckRenewals`, and per certificate
 * `renewalStatus`, `renewalStatusReason`, `renewalStuck`, `renewalRecords`): fields were only
 * added, and a v2 reader that reads `verdict`, `passed` or the exit status still reads the
 * gate's outcome (a stuck renewal is one more reason for FAIL).
 */
export const SCHEMA_VERSION = 3;

/**
 * A region that could not be read (access denied, throttled after the retries, timeout, ...),
 * or an account whose role could not be assumed (`region` null).
 */
export interface RegionError {
  /** The account id (from the role ARN), or null for the identity of the SDK chain itself. */
  account: string | null;
  /** The role assumed (or not) in that account, or null. */
  roleArn: string | null;
  /** The region, or null when the role could not be assumed (no region of it was read). */
  region: string | null;
  /** The error's class, e.g. `AccessDeniedError`, `LightsailApiError`, `PaginationError`, `AssumeRoleError`. */
  error: string;
  /** The service's or transport's code (`ThrottlingException`, `TimeoutError`, ...), or null. */
  code: string | null;
  /** What happened and what to do (no credential, no endpoint): the line printed on stderr. */
  message: string;
}

/** One region of one account: read or not, and what was found there. */
export interface RegionResult {
  region: string;
  /** Whether it was read (else it is in `errors`). */
  read: boolean;
  /** Certificates read there (0 when not read). */
  certificates: number;
  /** check: of those judged there, how many fail (null for list). */
  failed: number | null;
}

/** One account of the run: the role assumed and each of its regions. */
export interface AccountResult {
  /** The account id, or null for the identity of the SDK chain itself (no --role-arn). */
  account: string | null;
  roleArn: string | null;
  /** Whether the role was assumed (true without a role). */
  assumed: boolean;
  /** Every region asked for in this account, in order (all `read: false` when not assumed). */
  regions: RegionResult[];
}

/** How much of what was asked for was read. */
export interface Coverage {
  /** Accounts asked for (1 without --role-arn / --accounts). */
  accounts: number;
  /** Of those, how many roles could not be assumed. */
  accountsNotAssumed: number;
  /** Account x region scans asked for. */
  regionScans: number;
  /** Of those, how many could not be read (those of accounts not assumed included). */
  regionScansNotRead: number;
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
  /** The regions that could not be read and roles not assumed, in the order asked; empty when all were read. */
  errors: RegionError[];
  /** Per account x region. */
  accounts: AccountResult[];
  coverage: Coverage;
}

/** One certificate of `lightsail-certs list --json`. */
export interface ListedCertificate extends ReportedCertificate {
  /** Start of validity (ISO-8601), or null. */
  notBefore: string | null;
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
  /** The regions that could not be read and roles not assumed, in the order asked; empty when all were read. */
  errors: RegionError[];
  /** Per account x region. */
  accounts: AccountResult[];
  coverage: Coverage;
}

/** A certificate with the account it was read in (null: the SDK chain's own identity). */
export type AccountCertificate = Certificate & { account: string | null };

/** A certificate as `list --json` shows it. */
export function toListedCertificate(cert: AccountCertificate, now: Date): ListedCertificate {
  return {
    account: cert.account,
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

function order(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders certificates by name, then region, then account. */
export function compareByNameAndRegion(
  a: { name: string; region: string; account?: string | null },
  b: { name: string; region: string; account?: string | null },
): number {
  return order(a.name, b.name) || order(a.region, b.region) || order(a.account ?? "", b.account ?? "");
}
