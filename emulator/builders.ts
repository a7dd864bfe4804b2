/**
 * Builders of realistic fixtures for tests: deterministic (the same input gives the same
 * fixture, no clock, no randomness), with ARNs, serials, SANs, validation records and dates
 * shaped like the real service's.
 */
import { createHash } from "node:crypto";
import type {
  CertificateFixture,
  FixtureDomainValidationRecord,
  FixtureTimestamp,
  LoadBalancerTlsCertificateFixture,
} from "./fixtures";
import { DEFAULT_REGION } from "./regions";

const ACCOUNT_ID = "123456789012";
const DEFAULT_NOT_BEFORE = "2026-01-01T00:00:00.000Z";
const DAY_MS = 86_400_000;
const TIMESTAMP_KEYS = ["createdAt", "issuedAt", "notBefore", "notAfter", "revokedAt"];
const ISSUED_LIKE = ["ISSUED", "EXPIRED", "INACTIVE", "REVOKED"];
const KEPT_KEYS = ["region", "arn", "name", "domainName", "loadBalancerName"];

/** An instant accepted by the builders: ISO-8601 string, epoch seconds or a `Date`. */
export type BuilderTimestamp = FixtureTimestamp | Date;

/**
 * Input of {@link makeCertificate}: any `Certificate` field (explicit values win, `undefined`
 * removes a field), timestamps also as `Date`, plus `validityDays`.
 */
export interface MakeCertificateInput {
  region?: string;
  name?: string;
  domainName?: string;
  /** @defaultValue `"ISSUED"` */
  status?: string;
  /** Extra names; the primary domain is always added first. */
  subjectAlternativeNames?: string[];
  createdAt?: BuilderTimestamp;
  issuedAt?: BuilderTimestamp;
  /** @defaultValue `2026-01-01T00:00:00.000Z` */
  notBefore?: BuilderTimestamp;
  notAfter?: BuilderTimestamp;
  revokedAt?: BuilderTimestamp;
  /** Days from notBefore to notAfter when notAfter is not given. @defaultValue 395 */
  validityDays?: number;
  [field: string]: unknown;
}

/** Input of {@link makeLoadBalancerTlsCertificate}; as {@link MakeCertificateInput} plus the load balancer. */
export interface MakeLoadBalancerTlsCertificateInput extends MakeCertificateInput {
  /** @defaultValue `"my-load-balancer"` */
  loadBalancerName?: string;
}

/**
 * A realistic Lightsail certificate fixture.
 * @example
 * makeCertificate({ name: "www-cert", domainName: "www.example.com", notAfter: "2027-03-01T00:00:00Z" })
 */
export function makeCertificate(input: MakeCertificateInput = {}): CertificateFixture {
  const base = commonFields(input, "Certificate");
  const status = base.status;
  const issued = ISSUED_LIKE.includes(status);
  const cert: CertificateFixture = {
    region: base.region,
    arn: base.arn,
    name: base.name,
    domainName: base.domainName,
    status,
    serialNumber: issued ? serialOf(base.hash, ":") : undefined,
    subjectAlternativeNames: base.sans,
    domainValidationRecords: base.sans.map((domain): FixtureDomainValidationRecord => {
      const record = validationRecord(domain, status);
      return {
        domainName: domain,
        resourceRecord: { name: record.name, type: "CNAME", value: record.value },
        validationStatus: record.validationStatus,
        dnsRecordCreationState: { code: record.dnsCode },
      };
    }),
    requestFailureReason: status === "FAILED" ? "OTHER" : undefined,
    inUseResourceCount: 0,
    keyAlgorithm: "RSA-2048",
    createdAt: base.createdAt,
    issuedAt: issued ? base.notBefore : undefined,
    issuerCA: issued ? "Amazon" : undefined,
    notBefore: issued ? base.notBefore : undefined,
    notAfter: issued ? base.notAfter : undefined,
    eligibleToRenew: status === "ISSUED" ? "ELIGIBLE" : "INELIGIBLE",
    revokedAt: status === "REVOKED" ? base.revokedAt : undefined,
    revocationReason: status === "REVOKED" ? "SUPERSEDED" : undefined,
    tags: [],
    supportCode: base.supportCode,
  };
  return overlay(cert, input) as CertificateFixture;
}

/** A realistic load balancer TLS certificate fixture (field names of `LoadBalancerTlsCertificate`). */
export function makeLoadBalancerTlsCertificate(
  input: MakeLoadBalancerTlsCertificateInput = {},
): LoadBalancerTlsCertificateFixture {
  const loadBalancerName = input.loadBalancerName ?? "my-load-balancer";
  const base = commonFields(input, "LoadBalancerTlsCertificate", loadBalancerName);
  const issued = ISSUED_LIKE.includes(base.status);
  const cert: LoadBalancerTlsCertificateFixture = {
    region: base.region,
    loadBalancerName,
    name: base.name,
    arn: base.arn,
    domainName: base.domainName,
    status: base.status,
    isAttached: false,
    serial: issued ? serialOf(base.hash, "").toUpperCase() : undefined,
    issuer: issued ? "Amazon" : undefined,
    subject: `CN=${base.domainName}`,
    signatureAlgorithm: "SHA256WITHRSA",
    keyAlgorithm: "RSA-2048",
    domainValidationRecords: base.sans.map((domain) => {
      const record = validationRecord(domain, base.status);
      return {
        name: record.name,
        type: "CNAME",
        value: record.value,
        validationStatus: record.validationStatus,
        domainName: domain,
        dnsRecordCreationState: { code: record.dnsCode },
      };
    }),
    subjectAlternativeNames: base.sans,
    createdAt: base.createdAt,
    issuedAt: issued ? base.notBefore : undefined,
    notBefore: issued ? base.notBefore : undefined,
    notAfter: issued ? base.notAfter : undefined,
    revokedAt: base.status === "REVOKED" ? base.revokedAt : undefined,
    supportCode: base.supportCode,
  };
  return overlay(cert, input) as LoadBalancerTlsCertificateFixture;
}

function commonFields(input: MakeCertificateInput, resourceType: string, scope = "") {
  const region = input.region ?? DEFAULT_REGION;
  const domainName = input.domainName ?? (input.name ? `${input.name}.example.com` : "www.example.com");
  const name = input.name ?? domainName.replace(/^\*\./, "wildcard-").replace(/\./g, "-");
  const hash = sha256(`${region}/${resourceType}/${scope}/${name}`);
  const notBeforeMs = toMs(input.notBefore ?? DEFAULT_NOT_BEFORE);
  const notAfterMs =
    input.notAfter !== undefined ? toMs(input.notAfter) : notBeforeMs + (input.validityDays ?? 395) * DAY_MS;
  return {
    region,
    name,
    domainName,
    hash,
    status: input.status ?? "ISSUED",
    arn: `arn:aws:lightsail:${region}:${ACCOUNT_ID}:${resourceType}/${uuidOf(hash)}`,
    sans: [...new Set([domainName, ...(input.subjectAlternativeNames ?? [])])],
    createdAt: new Date(notBeforeMs - 3_600_000).toISOString(),
    notBefore: new Date(notBeforeMs).toISOString(),
    notAfter: new Date(notAfterMs).toISOString(),
    revokedAt: new Date(notBeforeMs + 30 * DAY_MS).toISOString(),
    supportCode: `${ACCOUNT_ID}/arn:aws:acm:${region}:${ACCOUNT_ID}:certificate/${uuidOf(sha256(`acm/${hash}`))}`,
  };
}

function validationRecord(domain: string, status: string) {
  const bare = domain.replace(/^\*\./, "");
  const h = sha256(`validation/${bare}`);
  const validated = ISSUED_LIKE.includes(status);
  return {
    name: `_${h.slice(0, 32)}.${bare}.`,
    value: `_${h.slice(32, 64)}.${h.slice(0, 10)}.acm-validations.aws.`,
    validationStatus: validated
      ? "SUCCESS"
      : status === "PENDING_VALIDATION"
        ? "PENDING_VALIDATION"
        : "FAILED",
    dnsCode: validated || status === "PENDING_VALIDATION" ? "SUCCEEDED" : "FAILED",
  };
}

/** `fixture` with `input`'s explicit fields laid over it; `undefined` fields removed. */
function overlay(fixture: Record<string, unknown>, input: MakeCertificateInput): Record<string, unknown> {
  const out: Record<string, unknown> = { ...fixture };
  for (const [key, value] of Object.entries(input)) {
    if (key === "validityDays" || key === "subjectAlternativeNames") continue;
    if (value === undefined && KEPT_KEYS.includes(key)) continue;
    out[key] = TIMESTAMP_KEYS.includes(key) && value instanceof Date ? value.toISOString() : value;
  }
  for (const key of Object.keys(out)) if (out[key] === undefined) delete out[key];
  return out;
}

function toMs(value: BuilderTimestamp): number {
  if (value instanceof Date) return value.getTime();
  return typeof value === "number" ? value * 1000 : Date.parse(value);
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

function uuidOf(hex: string): string {
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function serialOf(hex: string, separator: string): string {
  return (hex.slice(32, 64).match(/../g) ?? []).join(separator);
}
