/** Strict validation of fixture documents, reporting every problem with its path. */
import { DEFAULT_ACCOUNT_ID } from "./accounts";
import type { FixtureDocument } from "./fixtures";
import { DEFAULT_REGION, LIGHTSAIL_REGIONS, isLightsailRegion } from "./regions";

/** A fixture document that is not valid; the message lists every problem with its path. */
export class FixtureError extends Error {
  override readonly name = "FixtureError";
  constructor(
    /** Each problem as `path: what is wrong`. */
    readonly problems: string[],
    source?: string,
  ) {
    super(`Invalid Lightsail emulator fixtures${source ? ` in ${source}` : ""}:\n  ${problems.join("\n  ")}`);
  }
}

const LIST_KEYS = ["certificates", "loadBalancerTlsCertificates", "loadBalancers"];
const TOP_LEVEL_KEYS = [...LIST_KEYS, "accounts"];
const ACCOUNT_KEYS = ["accountId", "roles", ...LIST_KEYS];
const ROLE_KEYS = ["arn", "externalId", "maxSessionDuration"];
const CERTIFICATE_TIMESTAMPS = ["createdAt", "issuedAt", "notBefore", "notAfter", "revokedAt"];
const CERTIFICATE_STRINGS = [
  "status",
  "serialNumber",
  "requestFailureReason",
  "keyAlgorithm",
  "issuerCA",
  "eligibleToRenew",
  "revocationReason",
  "supportCode",
];
const LB_STRINGS = [
  "status",
  "serial",
  "issuer",
  "subject",
  "signatureAlgorithm",
  "keyAlgorithm",
  "failureReason",
  "revocationReason",
  "supportCode",
];

/**
 * Checks `value` is a valid {@link FixtureDocument}; throws a {@link FixtureError} naming every
 * problem (e.g. `certificates[3].name: expected a non-empty string`).
 */
export function validateFixtureDocument(value: unknown, source?: string): FixtureDocument {
  const problems: string[] = [];
  const report = (path: string, message: string) => problems.push(`${path}: ${message}`);
  if (!isObject(value)) throw new FixtureError(["(document): expected a JSON object"], source);
  for (const key of Object.keys(value)) {
    if (!TOP_LEVEL_KEYS.includes(key))
      report(key, `unknown key; expected one of ${TOP_LEVEL_KEYS.join(", ")}`);
  }
  const seen = new Map<string, string>();
  const unique = (path: string, kind: string, key: string) => {
    const first = seen.get(`${kind}\u0000${key}`);
    if (first) report(path, `duplicate ${kind} (also at ${first})`);
    else seen.set(`${kind}\u0000${key}`, path);
  };

  forEachEntry(value.certificates, "certificates", report, (cert, path) => {
    const region = checkRegion(cert.region, `${path}.region`, report);
    for (const key of ["arn", "name", "domainName"]) checkRequiredString(cert[key], `${path}.${key}`, report);
    for (const key of CERTIFICATE_STRINGS) checkOptionalString(cert[key], `${path}.${key}`, report);
    for (const key of CERTIFICATE_TIMESTAMPS) checkTimestamp(cert[key], `${path}.${key}`, report);
    checkStringList(cert.subjectAlternativeNames, `${path}.subjectAlternativeNames`, report);
    checkValidationRecords(cert.domainValidationRecords, `${path}.domainValidationRecords`, report);
    checkTags(cert.tags, `${path}.tags`, report);
    if (cert.inUseResourceCount !== undefined && !isCount(cert.inUseResourceCount)) {
      report(`${path}.inUseResourceCount`, "expected a non-negative integer");
    }
    if (cert.renewalSummary !== undefined) {
      const rs = cert.renewalSummary;
      if (!isObject(rs)) report(`${path}.renewalSummary`, "expected an object");
      else {
        checkOptionalString(rs.renewalStatus, `${path}.renewalSummary.renewalStatus`, report);
        checkOptionalString(rs.renewalStatusReason, `${path}.renewalSummary.renewalStatusReason`, report);
        checkTimestamp(rs.updatedAt, `${path}.renewalSummary.updatedAt`, report);
        checkValidationRecords(
          rs.domainValidationRecords,
          `${path}.renewalSummary.domainValidationRecords`,
          report,
        );
      }
    }
    if (typeof cert.name === "string") unique(`${path}.name`, `certificate name in ${region}`, cert.name);
  });

  forEachEntry(value.loadBalancerTlsCertificates, "loadBalancerTlsCertificates", report, (cert, path) => {
    const region = checkRegion(cert.region, `${path}.region`, report);
    for (const key of ["loadBalancerName", "arn", "name", "domainName"]) {
      checkRequiredString(cert[key], `${path}.${key}`, report);
    }
    for (const key of LB_STRINGS) checkOptionalString(cert[key], `${path}.${key}`, report);
    for (const key of CERTIFICATE_TIMESTAMPS) checkTimestamp(cert[key], `${path}.${key}`, report);
    checkStringList(cert.subjectAlternativeNames, `${path}.subjectAlternativeNames`, report);
    checkTags(cert.tags, `${path}.tags`, report);
    if (cert.isAttached !== undefined && typeof cert.isAttached !== "boolean") {
      report(`${path}.isAttached`, "expected true or false");
    }
    if (cert.domainValidationRecords !== undefined && !isObjectList(cert.domainValidationRecords)) {
      report(`${path}.domainValidationRecords`, "expected a list of objects");
    }
    if (cert.renewalSummary !== undefined && !isObject(cert.renewalSummary)) {
      report(`${path}.renewalSummary`, "expected an object");
    }
    if (typeof cert.name === "string" && typeof cert.loadBalancerName === "string") {
      unique(
        `${path}.name`,
        `certificate name on load balancer ${cert.loadBalancerName} in ${region}`,
        cert.name,
      );
    }
  });

  forEachEntry(value.loadBalancers, "loadBalancers", report, (lb, path) => {
    checkRegion(lb.region, `${path}.region`, report);
    checkRequiredString(lb.name, `${path}.name`, report);
  });

  checkAccounts(value.accounts, report);
  if (problems.length > 0) throw new FixtureError(problems, source);
  return value as FixtureDocument;
}

type Report = (path: string, message: string) => void;

/** The member accounts: ids, assumable roles (unique ARNs in their own account), and their lists. */
function checkAccounts(accounts: unknown, report: Report): void {
  const ids = new Set<string>();
  const roleArns = new Set<string>();
  forEachEntry(accounts, "accounts", report, (account, path) => {
    for (const key of Object.keys(account))
      if (!ACCOUNT_KEYS.includes(key))
        report(`${path}.${key}`, `unknown key; expected one of ${ACCOUNT_KEYS.join(", ")}`);
    const id = account.accountId;
    if (typeof id !== "string" || !/^\d{12}$/.test(id)) report(`${path}.accountId`, "expected 12 digits");
    else if (ids.has(id) || id === DEFAULT_ACCOUNT_ID)
      report(`${path}.accountId`, `duplicate account ${id} (${DEFAULT_ACCOUNT_ID} is the top level's)`);
    else ids.add(id);
    forEachEntry(account.roles, `${path}.roles`, report, (role, rolePath) =>
      checkRole(role, rolePath, String(id), roleArns, report),
    );
    const lists = Object.fromEntries(LIST_KEYS.filter((k) => k in account).map((k) => [k, account[k]]));
    try {
      validateFixtureDocument(lists);
    } catch (err) {
      if (!(err instanceof FixtureError)) throw err;
      for (const problem of err.problems)
        report(`${path}.${problem.split(": ")[0]}`, problem.slice(problem.indexOf(": ") + 2));
    }
  });
}

function checkRole(
  role: Record<string, unknown>,
  path: string,
  accountId: string,
  seen: Set<string>,
  report: Report,
): void {
  for (const key of Object.keys(role))
    if (!ROLE_KEYS.includes(key))
      report(`${path}.${key}`, `unknown key; expected one of ${ROLE_KEYS.join(", ")}`);
  const arn = role.arn;
  if (
    typeof arn !== "string" ||
    !new RegExp(`^arn:aws:iam::${accountId}:role/[\\w+=,.@/-]{1,512}$`).test(arn)
  )
    report(`${path}.arn`, `expected arn:aws:iam::${accountId}:role/NAME (a role of this account)`);
  else if (seen.has(arn)) report(`${path}.arn`, "duplicate role");
  else seen.add(arn);
  if (
    role.externalId !== undefined &&
    (typeof role.externalId !== "string" || !/^[\w+=,.@:/-]{2,1224}$/.test(role.externalId))
  )
    report(`${path}.externalId`, "expected 2 to 1224 characters of [\\w+=,.@:/-]");
  const max = role.maxSessionDuration;
  if (max !== undefined && (typeof max !== "number" || !Number.isInteger(max) || max < 900 || max > 43_200))
    report(`${path}.maxSessionDuration`, "expected whole seconds from 900 to 43200");
}

function forEachEntry(
  list: unknown,
  path: string,
  report: Report,
  check: (entry: Record<string, unknown>, path: string) => void,
): void {
  if (list === undefined) return;
  if (!Array.isArray(list)) return report(path, "expected a list");
  list.forEach((entry: unknown, i) => {
    if (isObject(entry)) check(entry, `${path}[${i}]`);
    else report(`${path}[${i}]`, "expected an object");
  });
}

function checkRegion(value: unknown, path: string, report: Report): string {
  if (value === undefined) return DEFAULT_REGION;
  if (typeof value === "string" && isLightsailRegion(value)) return value;
  report(path, `expected a Lightsail region (${LIGHTSAIL_REGIONS.join(", ")}), got ${JSON.stringify(value)}`);
  return String(value);
}

function checkRequiredString(value: unknown, path: string, report: Report): void {
  if (typeof value !== "string" || value.trim() === "") report(path, "expected a non-empty string");
}

function checkOptionalString(value: unknown, path: string, report: Report): void {
  if (value !== undefined && typeof value !== "string") report(path, "expected a string");
}

function checkStringList(value: unknown, path: string, report: Report): void {
  if (value === undefined) return;
  if (!Array.isArray(value) || value.some((v) => typeof v !== "string"))
    report(path, "expected a list of strings");
}

function checkTimestamp(value: unknown, path: string, report: Report): void {
  if (value === undefined) return;
  if (typeof value === "number") {
    if (!Number.isFinite(value) || value < 0) report(path, "expected epoch seconds (a non-negative number)");
    else if (value > 1e11)
      report(path, `expected epoch seconds, got ${value} (milliseconds? divide by 1000)`);
  } else if (
    typeof value !== "string" ||
    !/^\d{4}-\d{2}-\d{2}/.test(value) ||
    Number.isNaN(Date.parse(value))
  ) {
    report(path, `expected an ISO-8601 timestamp or epoch seconds, got ${JSON.stringify(value)}`);
  }
}

function checkTags(value: unknown, path: string, report: Report): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) return report(path, "expected a list of {key, value}");
  value.forEach((tag: unknown, i) => {
    if (!isObject(tag)) return report(`${path}[${i}]`, "expected an object {key, value}");
    checkRequiredString(tag.key, `${path}[${i}].key`, report);
    checkOptionalString(tag.value, `${path}[${i}].value`, report);
  });
}

function checkValidationRecords(value: unknown, path: string, report: Report): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) return report(path, "expected a list of objects");
  value.forEach((record: unknown, i) => {
    const at = `${path}[${i}]`;
    if (!isObject(record)) return report(at, "expected an object");
    checkOptionalString(record.domainName, `${at}.domainName`, report);
    checkOptionalString(record.validationStatus, `${at}.validationStatus`, report);
    if (record.resourceRecord !== undefined) {
      const rr = record.resourceRecord;
      if (!isObject(rr)) report(`${at}.resourceRecord`, "expected an object {name, type, value}");
      else
        for (const key of ["name", "type", "value"])
          checkOptionalString(rr[key], `${at}.resourceRecord.${key}`, report);
    }
    if (record.dnsRecordCreationState !== undefined && !isObject(record.dnsRecordCreationState)) {
      report(`${at}.dnsRecordCreationState`, "expected an object {code, message}");
    }
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isObjectList(value: unknown): boolean {
  return Array.isArray(value) && value.every(isObject);
}

function isCount(value: unknown): boolean {
  return typeof value === "number" && Number.isInteger(value) && value >= 0;
}
