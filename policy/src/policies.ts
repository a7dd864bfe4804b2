/**
 * The policies of the `lightsail-certificates` pack, in a module of their own so that tests
 * (and other packs) use them without starting a policy pack server: one file a policy
 * (expiry-policy.ts, issued-policy.ts, renewal-policy.ts), their configuration in config.ts, the
 * inspection they share in inspect.ts.
 *
 * - `lightsail-certificate-expiry`: every Lightsail certificate the stack uses stays valid at
 *   least `minDaysValid` days (default 30).
 * - `lightsail-certificate-issued`: every Lightsail certificate the stack uses is ISSUED.
 * - `lightsail-certificate-renewal` (advisory by default): the renewal of every Lightsail
 *   certificate the stack uses is not stuck (the rule of lookup/renewal.ts: `stuckStatuses`,
 *   default PendingValidation and Failed, or a FAILED renewal validation record).
 *
 * The first two are mandatory by default and judge, at preview already:
 * - a `CertificateLookup` from its checked inputs (the resolved certificate's name, status and
 *   notAfter), without a request;
 * - a Lightsail distribution, container service or load-balancer certificate attachment by
 *   looking up the certificates it names, in any status, through the package's lookup layer
 *   (shared, cached scans; the client factory and the clock are injectable).
 *
 * The renewal policy judges the aws resources the same way. A CertificateLookup's checked inputs
 * hold its `renewalStatus` but not the reason or the renewal's DNS records (adding them to the
 * compared properties would show an update of every lookup whenever Lightsail touched its
 * renewal), so when that status is known the policy reads the certificate by name and region
 * through the lookup layer, as it reads a distribution's; no renewal status: nothing to judge,
 * no request.
 *
 * A verdict is only reached from known values: when what decides it is unknown at preview, the
 * policies report nothing for that resource (the update runs them again with known values).
 * A certificate that is not found, or a lookup that fails (access denied, throttling, no region),
 * is reported as a violation; a policy never throws.
 *
 * Each policy's config may tune its requests (`requestTimeoutMs`, `maxAttempts`, `maxPages`:
 * see settings.ts); a value out of range is reported as a violation and nothing is looked up.
 */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { expiryPolicy } from "./expiry-policy";
import { createInspector, type PolicyDependencies } from "./inspect";
import { issuedPolicy } from "./issued-policy";
import { renewalPolicy } from "./renewal-policy";

export type { ReportViolation, ResourceValidationArgs, ResourceValidationPolicy } from "@pulumi/policy";
export {
  DEFAULT_MIN_DAYS_VALID,
  DEFAULT_STUCK_STATUSES,
  EXPIRY_POLICY,
  ISSUED_POLICY,
  MAX_MIN_DAYS_VALID,
  minDaysValidOf,
  RENEWAL_POLICY,
  stuckStatusesOf,
} from "./config";
export type { ExpiryPolicyConfig, RenewalPolicyConfig } from "./config";
export type { PolicyDependencies } from "./inspect";

/**
 * Creates the three policies. They share one lookup context, so a certificate that several
 * resources (or several policies) use is read once per preview.
 * @example
 * ```ts
 * new PolicyPack("lightsail-certificates", { policies: createPolicies() });
 * ```
 */
export function createPolicies(deps: PolicyDependencies = {}): ResourceValidationPolicy[] {
  const inspector = createInspector(deps);
  return [expiryPolicy(inspector), issuedPolicy(inspector), renewalPolicy(inspector)];
}
