/**
 * pulumi-lightsail-certificates: look up Amazon Lightsail TLS certificates from Pulumi programs.
 * Only the names exported here are public.
 */
export * from "./api";
export {
  AccessDeniedError,
  AmbiguousCertificateError,
  AssumeRoleError,
  CertificateExpiringError,
  CertificateNotFoundError,
  CertificateValidationError,
  InvalidArgumentError,
  LightsailApiError,
  LightsailCertificateError,
  PaginationError,
  RegionNotSetError,
} from "./lightsail/errors";
export type { CertificateCandidate, ErrorDetails, PendingValidationRecord } from "./lightsail/errors";
export type {
  Certificate,
  CertificateStatus,
  DomainValidationRecord,
  KnownCertificateStatus,
  LoadBalancerTlsCertificate,
  LoadBalancerTlsCertificateStatus,
  OpenEnum,
  RenewalStatus,
  ResourceRecord,
} from "./lightsail/types";
export { KNOWN_CERTIFICATE_STATUSES } from "./lightsail/types";
export { LIGHTSAIL_REGIONS } from "./lightsail/regions";
export type { LookupSettings } from "./lightsail/settings";
export { DEFAULT_LOOKUP_SETTINGS } from "./lightsail/settings";
