/**
 * pulumi-lightsail-certificates: look up Amazon Lightsail TLS certificates from Pulumi programs.
 * Only the names exported here are public.
 */
export * from "./sdk";
export {
  AccessDeniedError,
  AmbiguousCertificateError,
  CertificateExpiringError,
  CertificateNotFoundError,
  InvalidArgumentError,
  LightsailApiError,
  LightsailCertificateError,
  PaginationError,
  RegionNotSetError,
} from "./provider/errors";
export type { CertificateCandidate, ErrorDetails } from "./provider/errors";
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
} from "./provider/types";
export { KNOWN_CERTIFICATE_STATUSES } from "./provider/types";
export { LIGHTSAIL_REGIONS } from "./provider/regions";
export type { LookupSettings } from "./provider/settings";
export { DEFAULT_LOOKUP_SETTINGS } from "./provider/settings";
