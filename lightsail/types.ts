/**
 * The typed results of a lookup: plain data, safe to put in stack outputs and state.
 *
 * Enums are typed as the values the Lightsail API model knows today but accept any other
 * string, because the service adds values without notice (see docs/lightsail.md).
 */

/** An enum that lists the known values but accepts unknown strings. */
export type OpenEnum<Known extends string> = Known | (string & Record<never, never>);

/** The certificate statuses the Lightsail API model knows. */
export const KNOWN_CERTIFICATE_STATUSES = [
  "PENDING_VALIDATION",
  "ISSUED",
  "INACTIVE",
  "EXPIRED",
  "VALIDATION_TIMED_OUT",
  "REVOKED",
  "FAILED",
] as const;

/** A known Lightsail certificate status. */
export type KnownCertificateStatus = (typeof KNOWN_CERTIFICATE_STATUSES)[number];

/** A Lightsail certificate status: a known value, or a newer one the service returns. */
export type CertificateStatus = OpenEnum<KnownCertificateStatus>;

/** Renewal status (PascalCase on the wire for account certificates). */
export type RenewalStatus = OpenEnum<"PendingAutoRenewal" | "PendingValidation" | "Success" | "Failed">;

/** A DNS record that proves control of a domain. */
export interface ResourceRecord {
  /** Record name, e.g. `_abc.example.com.` */
  name: string;
  /** Record type, e.g. `CNAME`. */
  type: string;
  /** Record value. */
  value: string;
}

/** One domain's validation record. */
export interface DomainValidationRecord {
  /** The domain being validated. */
  domainName: string;
  /** The DNS record to create, when the service gave one. */
  resourceRecord?: ResourceRecord;
  /** `PENDING_VALIDATION`, `FAILED` or `SUCCESS` (open). */
  validationStatus?: OpenEnum<"PENDING_VALIDATION" | "FAILED" | "SUCCESS">;
  /** Whether Lightsail created the record for you. */
  dnsRecordCreationState?: {
    /** `SUCCEEDED`, `STARTED` or `FAILED` (open). */
    code: OpenEnum<"SUCCEEDED" | "STARTED" | "FAILED">;
    /** Explanation from the service. */
    message?: string;
  };
}

/** A Lightsail account certificate (the `GetCertificates` API), normalised. */
export interface Certificate {
  /** The certificate ARN. */
  arn: string;
  /** The certificate name: what distributions and container services reference. */
  name: string;
  /** The primary domain. */
  domainName: string;
  /** Alternative names; Lightsail includes the primary domain here itself. */
  subjectAlternativeNames: string[];
  /** Status, e.g. `ISSUED` (a value the service added later is passed through). */
  status: CertificateStatus;
  /** The region the certificate lives in. */
  region: string;
  /** Serial number; changes when the certificate is renewed. */
  serialNumber?: string;
  /** Key algorithm, e.g. `RSA-2048`. */
  keyAlgorithm?: string;
  /** Issuing certificate authority. */
  issuerCA?: string;
  /** When the certificate was requested (ISO-8601). */
  createdAt?: string;
  /** When it was issued (ISO-8601). */
  issuedAt?: string;
  /** Start of validity (ISO-8601). */
  notBefore?: string;
  /** End of validity (ISO-8601). */
  notAfter?: string;
  /**
   * Whole days from the time of the lookup to `notAfter` (rounded down), negative once expired.
   * A value in state is as of the last read, not of today.
   */
  daysUntilExpiry?: number;
  /** Renewal status, e.g. `PendingAutoRenewal`. */
  renewalStatus?: RenewalStatus;
  /** Why the renewal status is what it is. */
  renewalStatusReason?: string;
  /**
   * The renewal's own DNS validation records, each with its validation status (absent without
   * any). They are `renewalSummary.domainValidationRecords`: the records Lightsail checks to
   * renew the certificate.
   */
  renewalDomainValidationRecords?: DomainValidationRecord[];
  /** Whether the certificate can be renewed (a free string in the API). */
  eligibleToRenew?: string;
  /** How many Lightsail resources use it. */
  inUseResourceCount: number;
  /** When it was revoked (ISO-8601). */
  revokedAt?: string;
  /** Why it was revoked. */
  revocationReason?: string;
  /** Why the request failed. */
  requestFailureReason?: string;
  /** Validation records, one per domain. */
  domainValidationRecords: DomainValidationRecord[];
  /** Tags as a map. */
  tags: Record<string, string>;
  /** Code to quote to AWS support. */
  supportCode?: string;
}

/**
 * Every field of {@link Certificate}, in the order of the public contract: the one list the
 * dynamic resources declare as outputs and the state helpers iterate.
 */
export const CERTIFICATE_FIELDS = [
  "arn",
  "name",
  "domainName",
  "subjectAlternativeNames",
  "status",
  "region",
  "serialNumber",
  "keyAlgorithm",
  "issuerCA",
  "createdAt",
  "issuedAt",
  "notBefore",
  "notAfter",
  "daysUntilExpiry",
  "renewalStatus",
  "renewalStatusReason",
  "renewalDomainValidationRecords",
  "eligibleToRenew",
  "inUseResourceCount",
  "revokedAt",
  "revocationReason",
  "requestFailureReason",
  "domainValidationRecords",
  "tags",
  "supportCode",
] as const satisfies readonly (keyof Certificate)[];

/** One of {@link CERTIFICATE_FIELDS}. */
export type CertificateField = (typeof CERTIFICATE_FIELDS)[number];

/** Compile-time check that {@link CERTIFICATE_FIELDS} names every field of {@link Certificate}. */
type MissingCertificateFields = Exclude<keyof Certificate, CertificateField>;
const certificateFieldsComplete: [MissingCertificateFields] extends [never]
  ? true
  : MissingCertificateFields = true;
void certificateFieldsComplete;

/** Load-balancer certificate statuses (adds `UNKNOWN` to the account certificate's). */
export type LoadBalancerTlsCertificateStatus = OpenEnum<KnownCertificateStatus | "UNKNOWN">;

/** A Lightsail load-balancer TLS certificate (the `GetLoadBalancerTlsCertificates` API), normalised. */
export interface LoadBalancerTlsCertificate {
  /** The certificate ARN. */
  arn: string;
  /** The certificate name: what a load balancer's `certificateName` references. */
  name: string;
  /** The load balancer it belongs to. */
  loadBalancerName: string;
  /** Whether it is the load balancer's attached certificate. */
  isAttached: boolean;
  /** The primary domain. */
  domainName: string;
  /** Alternative names. */
  subjectAlternativeNames: string[];
  /** Status, e.g. `ISSUED` (or `UNKNOWN`). */
  status: LoadBalancerTlsCertificateStatus;
  /** The region. */
  region: string;
  /** Serial number (the API calls it `serial`). */
  serial?: string;
  /** Issuer (the API calls it `issuer`). */
  issuer?: string;
  /** Subject. */
  subject?: string;
  /** Signature algorithm. */
  signatureAlgorithm?: string;
  /** Key algorithm. */
  keyAlgorithm?: string;
  /** Creation time (ISO-8601). */
  createdAt?: string;
  /** Issue time (ISO-8601). */
  issuedAt?: string;
  /** Start of validity (ISO-8601). */
  notBefore?: string;
  /** End of validity (ISO-8601). */
  notAfter?: string;
  /** Whole days to `notAfter` at the time of the lookup, negative once expired. */
  daysUntilExpiry?: number;
  /** Renewal status (UPPER_CASE for load-balancer certificates). */
  renewalStatus?: OpenEnum<"PENDING_AUTO_RENEWAL" | "PENDING_VALIDATION" | "SUCCESS" | "FAILED">;
  /** Why the request failed (the API calls it `failureReason`). */
  failureReason?: string;
  /** When it was revoked (ISO-8601). */
  revokedAt?: string;
  /** Why it was revoked. */
  revocationReason?: string;
  /** Validation records. */
  domainValidationRecords: DomainValidationRecord[];
  /** Code to quote to AWS support. */
  supportCode?: string;
}
