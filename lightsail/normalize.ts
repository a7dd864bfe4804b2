/**
 * Normalisation of SDK shapes into the package's plain types: ISO timestamps, tags as a map,
 * open enums kept as strings, arrays never undefined. Pure and total: odd input (missing
 * fields, nulls, invalid dates, unknown enum values) never makes it throw.
 */
import type {
  CertificateSummary,
  DomainValidationRecord as SdkDomainValidationRecord,
  LoadBalancerTlsCertificate as SdkLoadBalancerTlsCertificate,
  LoadBalancerTlsCertificateDomainValidationRecord,
  Tag,
} from "@aws-sdk/client-lightsail";
import type { Certificate, DomainValidationRecord, LoadBalancerTlsCertificate } from "./types";

const DAY_MS = 86_400_000;

function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** An ISO-8601 string for a Date, epoch-seconds number or date string; undefined when invalid. */
export function toIsoTimestamp(value: unknown): string | undefined {
  let date: Date | undefined;
  if (value instanceof Date) date = value;
  else if (typeof value === "number") date = new Date(value * 1000);
  else if (typeof value === "string") date = new Date(value); // "" is an invalid date
  if (!date || Number.isNaN(date.getTime())) return undefined;
  return date.toISOString();
}

/** Whole days from `now` to `notAfter`, rounded down (negative once expired); undefined without a date. */
export function daysUntil(notAfter: string | undefined, now: Date): number | undefined {
  if (notAfter === undefined) return undefined;
  const end = Date.parse(notAfter);
  if (Number.isNaN(end)) return undefined;
  return Math.floor((end - now.getTime()) / DAY_MS);
}

/** Tags as a map; entries without a key are dropped, missing values become "". */
export function tagsToMap(tags: readonly Tag[] | undefined | null): Record<string, string> {
  const map: Record<string, string> = {};
  if (!Array.isArray(tags)) return map;
  for (const tag of tags) {
    const key = str(tag?.key);
    // defineProperty, not `=`: a tag key such as "__proto__" (valid in AWS) must stay a plain key.
    if (key !== undefined)
      Object.defineProperty(map, key, {
        value: str(tag.value) ?? "",
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }
  return map;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

function validationRecords(
  records:
    | readonly (SdkDomainValidationRecord | LoadBalancerTlsCertificateDomainValidationRecord)[]
    | undefined
    | null,
): DomainValidationRecord[] {
  if (!Array.isArray(records)) return [];
  const out: DomainValidationRecord[] = [];
  for (const record of records) {
    if (!record || typeof record !== "object") continue;
    const r = record as Record<string, unknown>;
    const rr = (r.resourceRecord ?? undefined) as Record<string, unknown> | undefined;
    const state = (r.dnsRecordCreationState ?? undefined) as Record<string, unknown> | undefined;
    const item: DomainValidationRecord = { domainName: str(r.domainName) ?? "" };
    if (rr && typeof rr === "object")
      item.resourceRecord = {
        name: str(rr.name) ?? "",
        type: str(rr.type) ?? "",
        value: str(rr.value) ?? "",
      };
    const status = str(r.validationStatus) ?? str(r.status);
    if (status !== undefined) item.validationStatus = status;
    const code = str(state?.code);
    if (code !== undefined) {
      item.dnsRecordCreationState = { code };
      const message = str(state?.message);
      if (message !== undefined) item.dnsRecordCreationState.message = message;
    }
    out.push(item);
  }
  return out;
}

/** Sets `key` on `target` only when `value` is defined, so results carry no `undefined` fields. */
function put<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

/**
 * Turns one `GetCertificates` summary into a {@link Certificate}. Returns undefined for an entry
 * with no name, which nothing could reference.
 */
export function normalizeCertificate(
  summary: CertificateSummary,
  region: string,
  now: Date,
): Certificate | undefined {
  // A primitive gets through to the name below, which it lacks.
  if (!summary) return undefined;
  const detail = (summary.certificateDetail ?? {}) as NonNullable<CertificateSummary["certificateDetail"]>;
  const name = str(detail.name) ?? str(summary.certificateName);
  if (name === undefined || name === "") return undefined;
  const cert: Certificate = {
    arn: str(detail.arn) ?? str(summary.certificateArn) ?? "",
    name,
    domainName: str(detail.domainName) ?? str(summary.domainName) ?? "",
    subjectAlternativeNames: strings(detail.subjectAlternativeNames),
    status: str(detail.status) ?? "UNKNOWN",
    region,
    inUseResourceCount:
      typeof detail.inUseResourceCount === "number" && Number.isFinite(detail.inUseResourceCount)
        ? detail.inUseResourceCount
        : 0,
    domainValidationRecords: validationRecords(detail.domainValidationRecords),
    tags: tagsToMap(detail.tags ?? summary.tags),
  };
  put(cert, "serialNumber", str(detail.serialNumber));
  put(cert, "keyAlgorithm", str(detail.keyAlgorithm));
  put(cert, "issuerCA", str(detail.issuerCA));
  put(cert, "createdAt", toIsoTimestamp(detail.createdAt));
  put(cert, "issuedAt", toIsoTimestamp(detail.issuedAt));
  put(cert, "notBefore", toIsoTimestamp(detail.notBefore));
  put(cert, "notAfter", toIsoTimestamp(detail.notAfter));
  put(cert, "daysUntilExpiry", daysUntil(cert.notAfter, now));
  // A renewal summary that is not an object has none of the fields read below.
  const renewal = detail.renewalSummary;
  put(cert, "renewalStatus", str(renewal?.renewalStatus));
  put(cert, "renewalStatusReason", str(renewal?.renewalStatusReason));
  if (Array.isArray(renewal?.domainValidationRecords))
    cert.renewalDomainValidationRecords = validationRecords(renewal.domainValidationRecords);
  put(cert, "eligibleToRenew", str(detail.eligibleToRenew));
  put(cert, "revokedAt", toIsoTimestamp(detail.revokedAt));
  put(cert, "revocationReason", str(detail.revocationReason));
  put(cert, "requestFailureReason", str(detail.requestFailureReason));
  put(cert, "supportCode", str(detail.supportCode));
  return cert;
}

/** Turns one load-balancer certificate into a {@link LoadBalancerTlsCertificate}; undefined without a name. */
export function normalizeLoadBalancerCertificate(
  raw: SdkLoadBalancerTlsCertificate,
  loadBalancerName: string,
  region: string,
  now: Date,
): LoadBalancerTlsCertificate | undefined {
  // A primitive gets through to the name below, which it lacks.
  if (!raw) return undefined;
  const name = str(raw.name);
  if (name === undefined || name === "") return undefined;
  const cert: LoadBalancerTlsCertificate = {
    arn: str(raw.arn) ?? "",
    name,
    loadBalancerName: str(raw.loadBalancerName) ?? loadBalancerName,
    isAttached: raw.isAttached === true,
    domainName: str(raw.domainName) ?? "",
    subjectAlternativeNames: strings(raw.subjectAlternativeNames),
    status: str(raw.status) ?? "UNKNOWN",
    region,
    domainValidationRecords: validationRecords(raw.domainValidationRecords),
  };
  put(cert, "serial", str(raw.serial));
  put(cert, "issuer", str(raw.issuer));
  put(cert, "subject", str(raw.subject));
  put(cert, "signatureAlgorithm", str(raw.signatureAlgorithm));
  put(cert, "keyAlgorithm", str(raw.keyAlgorithm));
  put(cert, "createdAt", toIsoTimestamp(raw.createdAt));
  put(cert, "issuedAt", toIsoTimestamp(raw.issuedAt));
  put(cert, "notBefore", toIsoTimestamp(raw.notBefore));
  put(cert, "notAfter", toIsoTimestamp(raw.notAfter));
  put(cert, "daysUntilExpiry", daysUntil(cert.notAfter, now));
  put(cert, "renewalStatus", str(raw.renewalSummary?.renewalStatus));
  put(cert, "failureReason", str(raw.failureReason));
  put(cert, "revokedAt", toIsoTimestamp(raw.revokedAt));
  put(cert, "revocationReason", str(raw.revocationReason));
  put(cert, "supportCode", str(raw.supportCode));
  return cert;
}
