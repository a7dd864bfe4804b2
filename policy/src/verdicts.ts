/**
 * The verdicts of the two policies and their messages. Pure: the clock reading and the
 * certificate come in as arguments.
 *
 * The rule is the package's one rule of "fit for use" (`judgeValidity`: ISSUED, and at least
 * `minDaysValid` whole days from now to `notAfter`, as `getCertificate` counts them); this module
 * only words its outcome for each policy.
 */
import {
  describeRecord,
  isIssued,
  judgeRenewal,
  judgeValidity,
  RegionNotSetError,
  type RenewalFacts,
  type RenewalJudgement,
} from "../../dist/provider/pack-entry";
import type { CertificateReference } from "./references";

/** The command line that applies a pack config file, quoted in messages. */
export const CONFIG_HINT =
  "lower `minDaysValid` in the policy pack config (pulumi preview --policy-pack node_modules/pulumi-lightsail-certificates/policy --policy-pack-config <file>)";

/** What the policies need to know about a certificate (its renewal too, when known). */
export interface CertificateFacts extends RenewalFacts {
  /** Certificate name. */
  name: string;
  /** Primary domain, when known. */
  domainName?: string;
  /** Status, e.g. `ISSUED`. */
  status: string;
  /** End of validity (ISO-8601), when known. */
  notAfter?: string;
  /** Region, when known. */
  region?: string;
  /** The load balancer, for a load-balancer certificate. */
  loadBalancerName?: string;
}

/** Who uses the certificate, for messages. */
export interface Subject {
  /** E.g. `Distribution "cdn"` or `CertificateLookup "site"`. */
  resource: string;
  /** The reference, for resources that name a certificate; absent for a CertificateLookup. */
  reference?: CertificateReference;
}

function describeCertificate(cert: CertificateFacts): string {
  const where = [cert.domainName, cert.region].filter((s): s is string => !!s);
  const lb = cert.loadBalancerName
    ? `Load-balancer certificate "${cert.name}" of load balancer "${cert.loadBalancerName}"`
    : `Certificate "${cert.name}"`;
  return where.length > 0 ? `${lb} (${where.join(", ")})` : lb;
}

function describeUse(subject: Subject): string {
  const ref = subject.reference;
  return ref
    ? `, used by ${subject.resource} through \`${ref.property}\`,`
    : `, found by ${subject.resource},`;
}

function pickAnother(subject: Subject): string {
  const ref = subject.reference;
  return ref
    ? `point \`${ref.property}\` at another certificate`
    : "change the lookup's search to pick another certificate";
}

/**
 * The expiry violation for `cert`, or undefined when it stays valid at least `minDaysValid` days.
 * A certificate that is not ISSUED and has no notAfter is left to the issued policy.
 */
export function expiryViolation(
  subject: Subject,
  cert: CertificateFacts,
  minDaysValid: number,
  now: Date,
): string | undefined {
  const { expiry, issued, daysLeft: days } = judgeValidity(cert, minDaysValid, now);
  if (expiry === undefined) return undefined;
  if (days === undefined) {
    if (!issued) return undefined;
    return (
      `${describeCertificate(cert)}${describeUse(subject)} has no expiry date (notAfter), so it cannot be shown to stay ` +
      `valid for the ${minDaysValid} day(s) this policy requires (minDaysValid). Check it in the Lightsail console, or ${pickAnother(subject)}.`
    );
  }
  const state =
    days < 0
      ? `expired at ${cert.notAfter} (${days} days left)`
      : `expires ${cert.notAfter}: ${days} day(s) left`;
  return (
    `${describeCertificate(cert)}${describeUse(subject)} ${state}, fewer than the ${minDaysValid} this policy ` +
    `requires (minDaysValid). Renew it (or request a new one) in Lightsail, ${pickAnother(subject)}, or ${CONFIG_HINT}.` +
    stuckRenewalSentence(cert)
  );
}

/**
 * The sentence the expiry violation ends with when a stuck renewal (the default stuck statuses)
 * explains why the certificate was not renewed in time; empty otherwise.
 */
function stuckRenewalSentence(cert: CertificateFacts): string {
  const renewal = judgeRenewal(cert);
  if (!renewal.stuck) return "";
  const records =
    renewal.records.length > 0
      ? ` Records to (re)create: ${renewal.records.map(describeRecord).join("; ")}.`
      : "";
  return (
    ` Its renewal is stuck (${describeRenewal(renewal)}), which is why Lightsail has not renewed it: ` +
    `see ${RENEWAL_POLICY_NAME}.${records}`
  );
}

/** The renewal policy's name, quoted by the expiry violation. */
const RENEWAL_POLICY_NAME = "lightsail-certificate-renewal";

function describeRenewal(renewal: RenewalJudgement): string {
  const parts: string[] = [];
  if (renewal.status !== null) parts.push(`renewalStatus ${renewal.status}`);
  if (renewal.failedRecords.length > 0)
    parts.push(`${renewal.failedRecords.length} renewal validation record(s) FAILED`);
  const reason = renewal.reason !== null ? `: ${renewal.reason}` : "";
  return `${parts.join(", ")}${reason}`;
}

/**
 * The renewal violation for `cert`, or undefined when its renewal is not stuck (the rule of
 * lookup/renewal.ts with `stuckStatuses`). It names the certificate, who uses it, the status, the
 * reason and each DNS record to (re)create.
 */
export function renewalViolation(
  subject: Subject,
  cert: CertificateFacts,
  stuckStatuses: readonly string[],
): string | undefined {
  const renewal = judgeRenewal(cert, stuckStatuses);
  if (!renewal.stuck) return undefined;
  const expiry = cert.notAfter ? ` It expires ${cert.notAfter}.` : "";
  const records =
    renewal.records.length > 0
      ? ` Create (or re-create) these DNS records at your DNS provider, then wait for Lightsail to validate them: ` +
        renewal.records
          .map(
            (r) =>
              `${r.type} ${r.name} with value ${r.value} (for ${r.domainName}` +
              `${r.validationStatus ? `, ${r.validationStatus}` : ""})`,
          )
          .join("; ") +
        "."
      : " Lightsail reports no DNS record for it: check the certificate in the Lightsail console.";
  return (
    `The renewal of ${describeCertificate(cert)}${describeUse(subject)} is stuck: ${describeRenewal(renewal)}.` +
    `${expiry}${records} If it is not renewed, request a new certificate or ${pickAnother(subject)}.`
  );
}

const STATUS_HINTS: Record<string, string> = {
  PENDING_VALIDATION: "add the DNS validation records Lightsail shows for it and wait until it is ISSUED",
  EXPIRED: "request a new certificate",
  REVOKED: "request a new certificate",
  FAILED: "request a new certificate (see its requestFailureReason)",
  VALIDATION_TIMED_OUT: "request a new certificate and add its DNS validation records within 72 hours",
  INACTIVE: "request a new certificate",
};

/** The status violation for `cert`, or undefined when it is ISSUED. */
export function statusViolation(subject: Subject, cert: CertificateFacts, note = ""): string | undefined {
  if (isIssued(cert)) return undefined;
  const hint = STATUS_HINTS[cert.status] ?? "pick an ISSUED certificate";
  const expiry = cert.notAfter ? ` (notAfter ${cert.notAfter})` : "";
  return (
    `${describeCertificate(cert)}${describeUse(subject)} is ${cert.status}${expiry}, not ISSUED, so it cannot serve ` +
    `traffic.${note} To fix it, ${hint}, or ${pickAnother(subject)}.`
  );
}

/** A certificate seen near the one searched for (from `CertificateNotFoundError.closest`). */
export interface NearbyCertificate {
  name: string;
  domainName: string;
  status: string;
}

/**
 * The violation for a certificate that could not be found.
 * @param closest certificates seen that came closest to the name.
 * @param detail the lookup's own explanation, used when there is nothing close (e.g. no such load balancer).
 */
export function notFoundViolation(
  subject: Subject,
  ref: CertificateReference,
  closest: readonly NearbyCertificate[],
  detail: string,
): string {
  const target =
    ref.kind === "load-balancer"
      ? `load-balancer certificate "${ref.certificateName}" of load balancer "${ref.loadBalancerName}"`
      : `Lightsail certificate "${ref.certificateName}"`;
  const region = ref.region ?? "the default region";
  const distribution =
    ref.kind === "account" && ref.region === "us-east-1" && /distributions/.test(ref.regionReason);
  const otherRegions = distribution
    ? " A certificate of that name in another region does not count: create it (or a copy) in us-east-1."
    : "";
  const seen =
    closest.length > 0
      ? ` Closest certificates there: ${closest.map((c) => `${c.name} (${c.domainName}, ${c.status})`).join("; ")}.`
      : ref.kind === "load-balancer"
        ? ` ${detail}`
        : " It has no certificates.";
  return (
    `${subject.resource} uses ${target} through \`${ref.property}\`, but it does not exist in ${region} ` +
    `(${ref.regionReason}), in any status.${otherRegions}${seen} Fix \`${ref.property}\` or create the certificate.`
  );
}

/**
 * The violation for a policy whose config holds bad request settings (out of range, not whole
 * numbers): it names the policy and each setting, and no lookup is made with them.
 */
export function configViolation(
  policy: string,
  problems: ReadonlyArray<{ property: string; reason: string }>,
): string {
  const list = problems.map((p) => `\`${p.property}\` ${p.reason}`).join("; ");
  return (
    `The policy pack config of ${policy} is invalid: ${list}. Fix it in the file given to ` +
    "--policy-pack-config (see policy/README.md); nothing was looked up with it."
  );
}

/** The violation for a lookup that failed (API error, access denied, bad name or region). */
export function lookupFailedViolation(subject: Subject, ref: CertificateReference, error: Error): string {
  const target =
    ref.kind === "load-balancer"
      ? `load-balancer certificate "${ref.certificateName}" of load balancer "${ref.loadBalancerName}"`
      : `certificate "${ref.certificateName}"`;
  if (RegionNotSetError.isInstance(error))
    return (
      `Could not check ${target} used by ${subject.resource} through \`${ref.property}\`: no region is set for it. ` +
      `Set one of, first that is set wins: ${PACK_REGION_CHAIN}.`
    );
  return (
    `Could not check ${target} used by ${subject.resource} through \`${ref.property}\` ` +
    `in ${ref.region ?? "the default region"}: ${error.name}: ${error.message}`
  );
}

/**
 * Where the pack finds the region of a container service or load-balancer attachment, first
 * that is set wins: the links of the package's one region chain (lookup/region.ts) as a
 * policy sees them, with the pack config's `region` between the provider's region and the
 * environment.
 */
export const PACK_REGION_CHAIN =
  "the resource's `region`; its provider's region (for the default provider, the stack config aws:region); " +
  "`region` in this policy's pack config; AWS_REGION; AWS_DEFAULT_REGION; " +
  "`region` in the profile's section of the shared config file (~/.aws/config) of the pulumi process";
