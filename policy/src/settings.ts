/**
 * The request settings of the pack's config (`requestTimeoutMs`, `maxAttempts`, `maxPages`):
 * their config schema and their check, both from the package's `lightsail/settings.ts` (through
 * the built package's `dist/provider/pack-entry`), the one definition (ranges, defaults,
 * words) that `configureLookups`, `CertificateLookup` and the `lightsail-certs` gate use too.
 * Nothing here restates a range or a meaning.
 */
import type { PolicyConfigSchema } from "@pulumi/policy";
import * as lookups from "../../dist/provider/pack-entry";
import type { LookupContextOptions } from "../../dist/provider/pack-entry";

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

/** A role the policy's lookups assume (`roleArn`, `externalId` in its config). */
export interface PolicyRole {
  roleArn: string;
  externalId?: string;
}

const ROLE_ARN = /^arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;

/** The config schema of `roleArn` and `externalId`. */
export function roleSchema(): Record<"roleArn" | "externalId", PolicyConfigJSONSchema> {
  return {
    roleArn: {
      type: "string",
      description:
        "An IAM role to assume (arn:aws:iam::ACCOUNT:role/NAME) for this policy's lookups: the certificates are read " +
        "in the role's account, over the identity of the pulumi process. Default: none (that identity's account).",
    },
    externalId: {
      type: "string",
      description: "The external id roleArn's trust policy requires, if any.",
    },
  };
}

function roleOf(config: Record<string, unknown> | undefined): {
  role?: PolicyRole;
  problems: Array<{ property: string; reason: string }>;
} {
  const { roleArn, externalId } = config ?? {};
  const problems: Array<{ property: string; reason: string }> = [];
  if (roleArn !== undefined && (typeof roleArn !== "string" || !ROLE_ARN.test(roleArn)))
    problems.push({
      property: "roleArn",
      reason: `must be an IAM role ARN like arn:aws:iam::123456789012:role/NAME, got ${JSON.stringify(roleArn)}`,
    });
  if (externalId !== undefined && (typeof externalId !== "string" || !EXTERNAL_ID.test(externalId)))
    problems.push({
      property: "externalId",
      reason: "must be 2 to 1224 characters of letters, digits and +=,.@:/-",
    });
  if (externalId !== undefined && roleArn === undefined)
    problems.push({ property: "externalId", reason: "applies to roleArn: set roleArn too" });
  if (problems.length > 0 || roleArn === undefined) return { problems };
  return {
    role: {
      roleArn: roleArn as string,
      ...(externalId !== undefined ? { externalId: externalId as string } : {}),
    },
    problems,
  };
}

/**
 * The settings in a policy's config (its other properties are left alone), checked by
 * `checkLookupSettings`, and its role (`roleArn`, `externalId`): the settings given and the
 * role, or every problem.
 */
export function settingsOf(config: object | undefined): {
  settings?: LookupSettings;
  role?: PolicyRole;
  problems: Array<{ property: string; reason: string }>;
} {
  const picked: Record<string, unknown> = {};
  const given = config as Record<string, unknown> | undefined;
  for (const name of settingNames()) {
    const value = given?.[name];
    if (value !== undefined) picked[name] = value;
  }
  const checked = lookups.checkLookupSettings(picked);
  const role = roleOf(given);
  const problems = [...checked.problems, ...role.problems];
  if (problems.length > 0) return { problems };
  return { ...checked, ...(role.role ? { role: role.role } : {}), problems };
}
