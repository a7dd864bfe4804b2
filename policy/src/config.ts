/**
 * The pack's policy names, their defaults and configuration: what a user writes in
 * `--policy-pack-config`, and how each value is read. Pure.
 */
import {
  DEFAULT_STUCK_RENEWAL_STATUSES,
  KNOWN_RENEWAL_STATUSES,
  MAX_MIN_DAYS_VALID,
} from "../../dist/provider/pack-entry";

/** Name of the expiry policy. */
export const EXPIRY_POLICY = "lightsail-certificate-expiry";
/** Name of the status policy. */
export const ISSUED_POLICY = "lightsail-certificate-issued";
/** Name of the renewal policy. */
export const RENEWAL_POLICY = "lightsail-certificate-renewal";
/** Default of the renewal policy's `stuckStatuses`. */
export const DEFAULT_STUCK_STATUSES: readonly string[] = DEFAULT_STUCK_RENEWAL_STATUSES;
/** Default of the expiry policy's `minDaysValid`. */
export const DEFAULT_MIN_DAYS_VALID = 30;
/** Largest `minDaysValid` accepted: the package's, as for getCertificate. */
export { MAX_MIN_DAYS_VALID };

/** Configuration of the expiry policy (`--policy-pack-config`). */
export interface ExpiryPolicyConfig {
  /**
   * Days a certificate must stay valid from now; it passes when its whole days left
   * (`daysUntilExpiry`) are at least this.
   * @defaultValue 30
   */
  minDaysValid?: number;
  /** Region of resources that set none and whose provider sets none. */
  region?: string;
}

/** Configuration of the renewal policy. */
export interface RenewalPolicyConfig {
  /**
   * Renewal statuses that count as stuck (exact, PascalCase as the API spells them).
   * @defaultValue ["PendingValidation", "Failed"]
   */
  stuckStatuses?: string[];
  /** Region of resources that set none and whose provider sets none. */
  region?: string;
}

/**
 * `stuckStatuses` from the renewal policy's config: the default when unset, else the list given
 * (a non-empty array of non-empty strings; a known status in the wrong case is a problem, a
 * status this version does not know is accepted: the service adds values).
 */
export function stuckStatusesOf(config: { stuckStatuses?: unknown } | undefined): {
  statuses?: string[];
  problems: Array<{ property: string; reason: string }>;
} {
  const value = config?.stuckStatuses;
  if (value === undefined) return { statuses: [...DEFAULT_STUCK_STATUSES], problems: [] };
  const known: readonly string[] = KNOWN_RENEWAL_STATUSES;
  const expected = `a list of renewal statuses (${known.join(", ")})`;
  if (!Array.isArray(value) || value.length === 0)
    return {
      problems: [{ property: "stuckStatuses", reason: `must be ${expected}, got ${JSON.stringify(value)}` }],
    };
  const problems: Array<{ property: string; reason: string }> = [];
  value.forEach((status: unknown, i) => {
    const property = `stuckStatuses[${i}]`;
    if (typeof status !== "string" || status.trim() === "")
      problems.push({ property, reason: `must be a renewal status, got ${JSON.stringify(status)}` });
    else if (!known.includes(status)) {
      const spelled = known.find((k) => k.toLowerCase() === status.replace(/_/g, "").toLowerCase());
      if (spelled)
        problems.push({
          property,
          reason: `is spelt ${spelled} (renewal statuses are PascalCase), got "${status}"`,
        });
    }
  });
  return problems.length > 0 ? { problems } : { statuses: [...new Set(value as string[])], problems };
}

/** More about Lightsail certificates (renewal, validation, where they can be used). */
export const DOCS_URL =
  "https://docs.aws.amazon.com/lightsail/latest/userguide/amazon-lightsail-faq-certificates.html";

/** Tags every policy of the pack carries. */
export const POLICY_TAGS = ["lightsail", "tls", "certificates"];

/** The `region` property of every policy's config schema. */
export const REGION_SCHEMA = {
  type: "string" as const,
  description:
    "Region of container services and load-balancer attachments that set no `region` and whose provider sets none " +
    "(after it: AWS_REGION, AWS_DEFAULT_REGION, then the profile's region in the shared config file of the pulumi process).",
};

/** `minDaysValid` from the pack config; the default when unset (the CLI validates it against the schema). */
export function minDaysValidOf(config: { minDaysValid?: unknown } | undefined): number {
  const value = config?.minDaysValid;
  return typeof value === "number" && Number.isInteger(value) && value >= 0 ? value : DEFAULT_MIN_DAYS_VALID;
}
