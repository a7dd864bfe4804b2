/**
 * The fixture document: the certificates the emulator serves, and its strict validation.
 *
 * Field names are those of the Lightsail API. Timestamps may be ISO-8601 strings or epoch
 * seconds; on the wire they are always epoch seconds. Unknown extra fields are passed through
 * to the response unchanged. Validation: `fixture-validation.ts`; loading: `fixture-source.ts`.
 */
import type { AccountFixture } from "./accounts";

/** An instant: an ISO-8601 string (`2026-01-02T03:04:05Z`) or epoch seconds (`1767322800`). */
export type FixtureTimestamp = string | number;

/** A tag, as the Lightsail API spells it. */
export interface FixtureTag {
  key: string;
  value?: string;
}

/** A DNS record to create for domain validation. */
export interface FixtureResourceRecord {
  name: string;
  type: string;
  value: string;
}

/** A domain validation record of a Lightsail certificate (`DomainValidationRecord`). */
export interface FixtureDomainValidationRecord {
  domainName?: string;
  resourceRecord?: FixtureResourceRecord;
  /** PENDING_VALIDATION | FAILED | SUCCESS (open). */
  validationStatus?: string;
  /** `code`: SUCCEEDED | STARTED | FAILED (open). */
  dnsRecordCreationState?: { code?: string; message?: string };
  [extra: string]: unknown;
}

/** The renewal state of a Lightsail certificate (`RenewalSummary`). */
export interface FixtureRenewalSummary {
  domainValidationRecords?: FixtureDomainValidationRecord[];
  /** PendingAutoRenewal | PendingValidation | Success | Failed (open). */
  renewalStatus?: string;
  renewalStatusReason?: string;
  updatedAt?: FixtureTimestamp;
  [extra: string]: unknown;
}

/** A Lightsail certificate (`Certificate`), plus the region it lives in. */
export interface CertificateFixture {
  /** The region the certificate lives in. @defaultValue `"us-east-1"` */
  region?: string;
  arn: string;
  /** Unique per region. */
  name: string;
  domainName: string;
  /** PENDING_VALIDATION | ISSUED | INACTIVE | EXPIRED | VALIDATION_TIMED_OUT | REVOKED | FAILED (open). */
  status?: string;
  serialNumber?: string;
  subjectAlternativeNames?: string[];
  domainValidationRecords?: FixtureDomainValidationRecord[];
  requestFailureReason?: string;
  inUseResourceCount?: number;
  keyAlgorithm?: string;
  createdAt?: FixtureTimestamp;
  issuedAt?: FixtureTimestamp;
  issuerCA?: string;
  notBefore?: FixtureTimestamp;
  notAfter?: FixtureTimestamp;
  eligibleToRenew?: string;
  renewalSummary?: FixtureRenewalSummary;
  revokedAt?: FixtureTimestamp;
  revocationReason?: string;
  tags?: FixtureTag[];
  supportCode?: string;
  [extra: string]: unknown;
}

/** A load balancer's TLS certificate (`LoadBalancerTlsCertificate`), plus its region. */
export interface LoadBalancerTlsCertificateFixture {
  /** @defaultValue `"us-east-1"` */
  region?: string;
  loadBalancerName: string;
  name: string;
  arn: string;
  domainName: string;
  /** As `Certificate` status plus UNKNOWN (open). */
  status?: string;
  serial?: string;
  issuer?: string;
  isAttached?: boolean;
  subject?: string;
  signatureAlgorithm?: string;
  keyAlgorithm?: string;
  failureReason?: string;
  /** `renewalStatus` is UPPER_CASE here: PENDING_AUTO_RENEWAL | PENDING_VALIDATION | SUCCESS | FAILED. */
  renewalSummary?: { renewalStatus?: string; domainValidationOptions?: unknown[]; [extra: string]: unknown };
  revocationReason?: string;
  domainValidationRecords?: Array<Record<string, unknown>>;
  subjectAlternativeNames?: string[];
  createdAt?: FixtureTimestamp;
  issuedAt?: FixtureTimestamp;
  notBefore?: FixtureTimestamp;
  notAfter?: FixtureTimestamp;
  revokedAt?: FixtureTimestamp;
  tags?: FixtureTag[];
  supportCode?: string;
  [extra: string]: unknown;
}

/** A load balancer that exists without certificates (one with certificates exists anyway). */
export interface LoadBalancerFixture {
  name: string;
  /** @defaultValue `"us-east-1"` */
  region?: string;
}

/**
 * Everything the emulator serves. Each list is served in the order given. The top-level lists
 * belong to the account of the emulator's own credentials; `accounts` adds member accounts,
 * entered through STS AssumeRole (`accounts.ts`).
 */
export interface FixtureDocument {
  certificates?: CertificateFixture[];
  loadBalancerTlsCertificates?: LoadBalancerTlsCertificateFixture[];
  loadBalancers?: LoadBalancerFixture[];
  /** Member accounts, each with its own lists and the roles that may be assumed into it. */
  accounts?: AccountFixture[];
}

/** Converts a fixture timestamp to wire form: epoch seconds (fractional for milliseconds). @internal */
export function toEpochSeconds(value: FixtureTimestamp): number {
  return typeof value === "number" ? value : Date.parse(value) / 1000;
}
