/**
 * Tuning of the requests a lookup makes: how long one request may take, how many attempts it
 * gets, how many pages a scan may read. One definition, validated once, shared by the functions
 * (`configureLookups`), `CertificateLookup` (its `settings`), the policy pack (its config) and
 * the gate (its flags). Pure: it sends nothing.
 */
import { InvalidArgumentError } from "./errors";

/** Tuning of the requests a lookup makes. Every field is optional: unset fields keep their default. */
export interface LookupSettings {
  /**
   * Milliseconds one Lightsail request may take before it is abandoned (and retried while attempts are left).
   * A silent endpoint ends in a `LightsailApiError` with code `TimeoutError` after about
   * `maxAttempts x requestTimeoutMs` plus the retry backoff.
   * @defaultValue 15000
   */
  requestTimeoutMs?: number;
  /**
   * Attempts per Lightsail request, retries included (throttling, 5xx, timeouts).
   * `RegionSetupInProgressException` is retried too.
   * @defaultValue 4
   */
  maxAttempts?: number;
  /**
   * Pages one GetCertificates scan may read before it stops with a PaginationError.
   * @defaultValue 500
   */
  maxPages?: number;
}

/** The defaults of {@link LookupSettings}. */
export const DEFAULT_LOOKUP_SETTINGS: Readonly<Required<LookupSettings>> = Object.freeze({
  requestTimeoutMs: 15_000,
  maxAttempts: 4,
  maxPages: 500,
});

/** The accepted range of each setting (inclusive). */
export const LOOKUP_SETTING_RANGES: Readonly<Record<keyof LookupSettings, readonly [number, number]>> =
  Object.freeze({
    requestTimeoutMs: [100, 600_000],
    maxAttempts: [1, 10],
    maxPages: [1, 100_000],
  });

/**
 * What each setting means, in the words every surface shows (the plugin schema, the policy pack's
 * config schema, the gate's usage): written once, here. {@link describeSetting} adds the range
 * and the default.
 */
export const LOOKUP_SETTING_MEANINGS: Readonly<Record<keyof LookupSettings, string>> = Object.freeze({
  requestTimeoutMs:
    "Milliseconds one Lightsail request may take before it is abandoned (and retried while attempts are left).",
  maxAttempts: "Attempts per Lightsail request, retries included (throttling, 5xx, timeouts).",
  maxPages: "Pages one GetCertificates scan may read before it stops with a PaginationError.",
});

/** A setting's meaning with its range and default, e.g. for a schema's `description`. */
export function describeSetting(name: keyof LookupSettings): string {
  const [min, max] = LOOKUP_SETTING_RANGES[name];
  return `${LOOKUP_SETTING_MEANINGS[name]} From ${min} to ${max}; default ${DEFAULT_LOOKUP_SETTINGS[name]}.`;
}

const SETTING_NAMES = Object.keys(LOOKUP_SETTING_RANGES) as (keyof LookupSettings)[];

/** One problem with one setting; `property` is the setting's name. */
export interface SettingProblem {
  /** The setting, e.g. `maxPages`. */
  property: string;
  /** What is wrong and what to do. */
  reason: string;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "bigint") return `${value}n (a bigint)`;
  return typeof value === "object" ? "an object" : (JSON.stringify(value) ?? String(value));
}

/** The problem with one setting's value, or none. */
export function describeSettingProblem(name: keyof LookupSettings, value: unknown): string | undefined {
  const [min, max] = LOOKUP_SETTING_RANGES[name];
  if (typeof value !== "number" || !Number.isInteger(value))
    return `must be a whole number from ${min} to ${max}, got ${describe(value)}`;
  if (value < min || value > max) return `must be from ${min} to ${max}, got ${value}`;
  return undefined;
}

/**
 * Checks settings as they come from any caller and returns every problem, plus the settings
 * (only the fields that were given) when there is none. Unknown keys are problems too.
 */
export function checkLookupSettings(value: unknown): {
  settings?: LookupSettings;
  problems: SettingProblem[];
} {
  if (value === undefined) return { settings: {}, problems: [] };
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return { problems: [{ property: "settings", reason: `must be an object, got ${describe(value)}` }] };
  const problems: SettingProblem[] = [];
  const settings: LookupSettings = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined) continue;
    if (!(SETTING_NAMES as string[]).includes(key)) {
      problems.push({ property: key, reason: `is not a lookup setting; use ${SETTING_NAMES.join(", ")}` });
      continue;
    }
    const name = key as keyof LookupSettings;
    const problem = describeSettingProblem(name, v);
    if (problem) problems.push({ property: name, reason: problem });
    else settings[name] = v as number;
  }
  return problems.length === 0 ? { settings, problems } : { problems };
}

/** {@link checkLookupSettings} that throws an `InvalidArgumentError` for the first problem. */
export function parseLookupSettings(value: unknown, where = ""): LookupSettings {
  const { settings, problems } = checkLookupSettings(value);
  if (!settings)
    throw new InvalidArgumentError({
      argument: `${where}${problems[0].property}`,
      problem: problems[0].reason,
    });
  return settings;
}

/** `settings` over the defaults. */
export function resolveLookupSettings(settings: LookupSettings = {}): Required<LookupSettings> {
  return {
    requestTimeoutMs: settings.requestTimeoutMs ?? DEFAULT_LOOKUP_SETTINGS.requestTimeoutMs,
    maxAttempts: settings.maxAttempts ?? DEFAULT_LOOKUP_SETTINGS.maxAttempts,
    maxPages: settings.maxPages ?? DEFAULT_LOOKUP_SETTINGS.maxPages,
  };
}
