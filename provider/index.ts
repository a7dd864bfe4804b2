/**
 * `pulumi-lightsail-certificates/provider`: the entry point that the provider text stored in every
 * stack's state calls, **state contract version 1** (docs/state-contract.md).
 *
 * Each `CertificateLookup` stores a serialized provider whose seven methods do nothing but
 * `require("pulumi-lightsail-certificates/provider").<method>(...)` with the arguments the Pulumi
 * dynamic-provider host gives them. The engine runs the text stored in state for `read` (refresh)
 * and `delete`, and the new program's text for `check`, `diff`, `create` and `update`, so text
 * written by any release since 0.1.0 calls the functions below of whatever version is installed.
 * Therefore, within a major version:
 * - these seven names stay exported with these signatures (`remove` is the `delete` method);
 * - they accept every state an earlier release wrote (0.1.0: `{ query, ...certificate }`; 0.2.0
 *   adds `settings` and secret markers) and never require a field a later release added;
 * - `tests/integration/state-contract.test.ts` runs the text 0.1.0 stored against this version,
 *   and `tests/e2e/upgrade.test.ts` previews, refreshes and destroys a stack 0.1.0 created.
 *
 * The rest of this module serves this repository's policy pack and is not a public API.
 */
import type { LookupInputs, LookupOutputs } from "./lookup-state";

/** The version of the contract between stored provider texts and this entry point. */
export const STATE_CONTRACT_VERSION = 1;

/** What a CertificateLookup records: its checked inputs and its outputs. */
export type { LookupInputs, LookupOutputs };

export { check, configure, create, diff, read, remove, update, setLookupContext } from "./dynamic";

/*
 * CertificateValidation's methods (since 0.2.0), distinct names so that CertificateLookup's seven
 * stay as they are: `validationRemove` is its `delete` method. Part of the same contract.
 */
export {
  setValidationContext,
  validationCheck,
  validationConfigure,
  validationCreate,
  validationDiff,
  validationRead,
  validationRemove,
  validationUpdate,
} from "./validation-resource";
export type { ValidationArgs, ValidationInputs, ValidationIo, ValidationOutputs } from "./validation-resource";

/*
 * The lookup layer, for this repository's policy pack (policy/), which loads the built package
 * through this entry point so that it needs neither `@pulumi/pulumi` nor a copy of the code.
 * Not a public API: it changes with the package.
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
