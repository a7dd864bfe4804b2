/**
 * The lookup layer as this repository's policy pack loads it from the built package
 * (`dist/provider/pack-entry`, by a relative path from `policy/src` and `policy/bin` alike), so that
 * the pack needs neither `@pulumi/pulumi` nor a copy of the code; the bench loads it as
 * `pulumi-lightsail-certificates/internal/pack`. Not a public API: it changes with the package.
 */
export { createLookupContext } from "../lookup/context";
export type { Connection, LookupContext, LookupContextOptions } from "../lookup/context";
export { findCertificate, findCertificateByQuery, listCertificates } from "../lookup/lookup";
export { findLoadBalancerCertificate } from "../lookup/load-balancer";
export { daysUntil } from "../lightsail/normalize";
export { isIssued, judgeValidity, MAX_MIN_DAYS_VALID } from "../lookup/fit-for-use";
export type { ExpiryProblem, Validity } from "../lookup/fit-for-use";
export {
  DEFAULT_STUCK_RENEWAL_STATUSES,
  describeRecord,
  judgeRenewal,
  KNOWN_RENEWAL_STATUSES,
} from "../lookup/renewal";
export type { RenewalFacts, RenewalJudgement, RenewalRecord } from "../lookup/renewal";
export { containsUnknown, isUnknown, UNKNOWN_SENTINELS } from "../lookup/unknowns";
export { CertificateNotFoundError, LightsailCertificateError, RegionNotSetError } from "../lightsail/errors";
export {
  checkLookupSettings,
  DEFAULT_LOOKUP_SETTINGS,
  describeSetting,
  LOOKUP_SETTING_RANGES,
} from "../lightsail/settings";
export type { LookupSettings } from "../lightsail/settings";
export { KNOWN_CERTIFICATE_STATUSES } from "../lightsail/types";
export type { Certificate, LoadBalancerTlsCertificate } from "../lightsail/types";
