/**
 * The request settings of the pack's config (`requestTimeoutMs`, `maxAttempts`, `maxPages`):
 * their config schema and their check, both from the package's `lightsail/settings.ts` (through
 * the `pulumi-lightsail-certificates/provider` entry point), the one definition (ranges, defaults,
 * words) that `configureLookups`, `CertificateLookup` and the `lightsail-certs` gate use too.
 * Nothing here restates a range.
 */
import type { PolicyConfigSchema } from "@pulumi/policy";
import * as lookups from "pulumi-lightsail-certificates/provider";
import type { LookupContextOptions } from "pulumi-lightsail-certificates/provider";

/** One property of a policy's config schema (JSON schema). */
type PolicyConfigJSONSchema = PolicyConfigSchema["properties"][string];

/** Tuning of the requests a lookup makes (the type of `createLookupContext`'s `settings`). */
export type LookupSettings = NonNullable<LookupContextOptions["settings"]>;

/** A setting's name: `requestTimeoutMs`, `maxAttempts` or `maxPages`. */
export type SettingName = keyof LookupSettings;

/** What the pack uses of `lightsail/settings.ts`. */
interface SettingsModule {
  DEFAULT_LOOKUP_SETTINGS: Readonly<Required<LookupSettings>>;
  LOOKUP_SETTING_RANGES: Readonly<Record<SettingName, readonly [number, number]>>;
  checkLookupSettings(value: unknown): {
    settings?: LookupSettings;
    problems: Array<{ property: string; reason: string }>;
  };
}

/** The settings module of the built package the pack loads. */
export function settingsModule(): SettingsModule {
  return lookups;
}

/** The settings' names, in the order of lightsail/settings.ts. */
export function settingNames(): SettingName[] {
  return Object.keys(settingsModule().LOOKUP_SETTING_RANGES) as SettingName[];
}

const MEANING: Record<SettingName, string> = {
  requestTimeoutMs:
    "Milliseconds one Lightsail request may take before it is abandoned (and retried while attempts are left).",
  maxAttempts: "Attempts per Lightsail request, retries included (throttling, 5xx, timeouts).",
  maxPages: "Pages one GetCertificates scan may read before it stops with an error.",
};

/** The config schema of the settings, for a policy's `configSchema.properties`. */
export function settingsSchema(): Record<SettingName, PolicyConfigJSONSchema> {
  const { DEFAULT_LOOKUP_SETTINGS, LOOKUP_SETTING_RANGES } = settingsModule();
  const schema = {} as Record<SettingName, PolicyConfigJSONSchema>;
  for (const name of settingNames()) {
    const [minimum, maximum] = LOOKUP_SETTING_RANGES[name];
    schema[name] = {
      type: "integer",
      minimum,
      maximum,
      default: DEFAULT_LOOKUP_SETTINGS[name],
      description: `${MEANING[name]} ${minimum} to ${maximum}; default ${DEFAULT_LOOKUP_SETTINGS[name]}.`,
    };
  }
  return schema;
}

/**
 * The settings in a policy's config (its other properties are left alone), checked by
 * `checkLookupSettings`: the settings given, or every problem.
 */
export function settingsOf(config: object | undefined): {
  settings?: LookupSettings;
  problems: Array<{ property: string; reason: string }>;
} {
  const picked: Record<string, unknown> = {};
  for (const name of settingNames()) {
    const value = (config as Record<string, unknown> | undefined)?.[name];
    if (value !== undefined) picked[name] = value;
  }
  return settingsModule().checkLookupSettings(picked);
}
