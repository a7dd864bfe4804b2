/**
 * A local Amazon Lightsail emulator: AWS JSON 1.1 over HTTP with SigV4 verification, for
 * `GetCertificates` and `GetLoadBalancerTlsCertificates`, with fixtures, fault injection, an
 * admin API and a call log. See emulator/README.md.
 */
export { startEmulator, type EmulatorOptions, type RunningEmulator } from "./server";
export { EMULATOR_CREDENTIALS, type EmulatorCredentials } from "./credentials";
export { DEFAULT_CONFIG, type EmulatorConfig } from "./config";
export type { NotFoundMode } from "./operations";
export { FAULT_KINDS, type FaultKind, type FaultRule } from "./faults";
export type { CallRecord } from "./call-log";
export { FixtureError, validateFixtureDocument } from "./fixture-validation";
export type {
  CertificateFixture,
  FixtureDocument,
  FixtureDomainValidationRecord,
  FixtureRenewalSummary,
  FixtureTag,
  FixtureTimestamp,
  FixtureResourceRecord,
  LoadBalancerFixture,
  LoadBalancerTlsCertificateFixture,
} from "./fixtures";
export {
  makeCertificate,
  makeLoadBalancerTlsCertificate,
  type BuilderTimestamp,
  type MakeCertificateInput,
  type MakeLoadBalancerTlsCertificateInput,
} from "./builders";
export { LIGHTSAIL_REGIONS } from "./regions";
export { DEFAULT_ACCOUNT_ID, DEFAULT_CALLER_ARN, type AccountFixture, type RoleFixture } from "./accounts";
export {
  ACTIVE_STATUSES,
  ISSUED_VALIDITY_DAYS,
  MAX_ACTIVE_CERTIFICATES,
  MAX_CERTIFICATE_DOMAINS,
} from "./lifecycle";
export { RENEWAL_STATUSES } from "./renewal";
export { DEFAULT_FAILURE_REASON } from "./admin-lifecycle";
