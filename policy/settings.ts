/**
 * The request settings of the pack's config (`requestTimeoutMs`, `maxAttempts`, `maxPages`):
 * their config schema and their check, both from the package's `lightsail/settings.ts` (through
 * the `pulumi-lightsail-certificates/provider` entry point), the one definition (ranges, defaults,
 * words) that `configureLookups`, `CertificateLookup` and the `lightsail-certs` gate use too.
 * Nothing here restates a range or a meaning.
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

/** The settings' names, in the order of lightsail/settings.ts. */
export function settingNames(): SettingName[] {
  return Object.keys(lookups.LOOKUP_SETTING_RANGES) as SettingName[];
}

/** The config schema of the settings, for a policy's `configSchema.properties`. */
export function settingsSchema(): Record<SettingName, PolicyConfigJSONSchema> {
  const { DEFAULT_LOOKUP_SETTINGS, LOOKUP_SETTING_RANGES } = lookups;
  const schema = {} as Record<SettingName, PolicyConfigJSONSchema>;
  for (const name of settingNames()) {
    const [minimum, maximum] = LOOKUP_SETTING_RANGES[name];
    schema[name] = {
      type: "integer",
      minimum,
      maximum,
      default: DEFAULT_LOOKUP_SETTINGS[name],
      description: lookups.describeSetting(name),
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
  return lookups.checkLookupSettings(picked);
}
