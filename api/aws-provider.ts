/**
 * What an `aws.Provider` given as `opts.provider` tells a lookup: its region, its profile and
 * the role it assumes (`assumeRoles`, one role: assumed over the SDK chain's identity with STS).
 * Read from the provider resource's outputs (no dependency on `@pulumi/aws`). Any other provider
 * is refused, and so is one that sets explicit keys: this package takes credentials only from the
 * AWS SDK chain (profiles, environment, SSO, metadata), never from program values.
 * Internal: not part of the public API (no "internal" doc tag here: on a file header it would
 * strip the first import from the emitted declarations).
 */
import * as pulumi from "@pulumi/pulumi";
import type { Connection } from "../lookup/context";
import { InvalidArgumentError } from "../lightsail/errors";

/** The type token of `@pulumi/aws`'s provider resource. */
export const AWS_PROVIDER_TYPE = "pulumi:providers:aws";

/** What a lookup takes from an aws.Provider. */
export type ProviderConnection = Pick<Connection, "providerRegion" | "profile" | "assumeRole">;

interface AwsProviderOutputs {
  region?: pulumi.Output<string | undefined>;
  profile?: pulumi.Output<string | undefined>;
  accessKey?: pulumi.Output<string | undefined>;
  secretKey?: pulumi.Output<string | undefined>;
  token?: pulumi.Output<string | undefined>;
  /** `assumeRoles`: the provider keeps its inputs as outputs, this one as a JSON string. */
  assumeRoles?: pulumi.Output<unknown>;
}

/** A Go duration as the AWS provider takes it (`1h`, `15m`, `1h30m`, `3600s`), in seconds. */
function durationSeconds(text: unknown): number | undefined {
  if (typeof text !== "string" || text === "") return undefined;
  const m = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(text);
  if (!m || text === "") return undefined;
  return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
}

/** The one role of `assumeRoles` (a JSON string or a list), or undefined; a chain of roles is refused. */
export function assumeRoleOf(value: unknown): Connection["assumeRole"] {
  const parsed: unknown = typeof value === "string" && value !== "" ? JSON.parse(value) : value;
  const roles = (Array.isArray(parsed) ? parsed : []).filter(
    (r): r is Record<string, unknown> => typeof r === "object" && r !== null && typeof r.roleArn === "string",
  );
  if (roles.length === 0) return undefined;
  if (roles.length > 1)
    throw new InvalidArgumentError({
      argument: "opts.provider",
      problem: `assumes a chain of ${roles.length} roles (assumeRoles); Lightsail lookups assume one role: give the provider the last role of the chain, trusted by the identity in use`,
    });
  const [role] = roles as [Record<string, unknown>];
  const duration = durationSeconds(role.duration);
  return {
    roleArn: role.roleArn as string,
    ...(typeof role.externalId === "string" && role.externalId !== "" ? { externalId: role.externalId } : {}),
    ...(typeof role.sessionName === "string" && role.sessionName !== ""
      ? { sessionName: role.sessionName }
      : {}),
    ...(duration ? { durationSeconds: duration } : {}),
  };
}

function typeOf(provider: unknown): string {
  const type = (provider as { __pulumiType?: unknown } | null)?.__pulumiType;
  return typeof type === "string" ? type : typeof provider;
}

/**
 * The aws.Provider in `opts`, or undefined when `opts.provider` is not set.
 * @throws InvalidArgumentError naming `opts.provider` when it is another kind of provider.
 */
export function awsProviderOf(
  opts: { provider?: pulumi.ProviderResource } | undefined,
): AwsProviderOutputs | undefined {
  const provider = opts?.provider;
  if (provider === undefined) return undefined;
  if (typeOf(provider) !== AWS_PROVIDER_TYPE)
    throw new InvalidArgumentError({
      argument: "opts.provider",
      problem: `is a ${typeOf(provider)} provider; a Lightsail lookup takes its region and profile only from an aws.Provider (@pulumi/aws)`,
    });
  return provider as unknown as AwsProviderOutputs;
}

/** An Output of the provider's connection; never secret, unknown while the provider's region or profile is. */
export function providerConnectionOutput(provider: AwsProviderOutputs): pulumi.Output<ProviderConnection> {
  const explicitKeys = pulumi.unsecret(
    pulumi
      .all([provider.accessKey, provider.secretKey, provider.token])
      .apply((keys) => keys.some((k) => k !== undefined && k !== "")),
  );
  const roles = pulumi.unsecret(pulumi.output(provider.assumeRoles));
  return pulumi
    .all([provider.region, provider.profile, explicitKeys, roles])
    .apply(([region, profile, keys, assumeRoles]) => {
      if (keys)
        throw new InvalidArgumentError({
          argument: "opts.provider",
          problem:
            "sets explicit credentials (accessKey, secretKey or token); Lightsail lookups take credentials only from " +
            "the AWS SDK chain: give the provider a `profile` instead, or set the credentials in the environment",
        });
      const assumeRole = assumeRoleOf(assumeRoles);
      return {
        ...(region ? { providerRegion: region } : {}),
        ...(profile ? { profile } : {}),
        ...(assumeRole ? { assumeRole } : {}),
      };
    });
}

/**
 * The provider's connection as a plain value, for the Promise forms.
 * @throws InvalidArgumentError when the provider's region or profile is unknown (preview).
 */
export async function readProviderConnection(provider: AwsProviderOutputs): Promise<ProviderConnection> {
  const output = providerConnectionOutput(provider) as pulumi.Output<ProviderConnection> & {
    isKnown: Promise<boolean>;
    promise(): Promise<ProviderConnection>;
  };
  const value = await output.promise();
  if (!(await output.isKnown))
    throw new InvalidArgumentError({
      argument: "opts.provider",
      problem:
        "has a region or profile that is not known yet (preview); use the Output form of the lookup, which waits for it",
    });
  return value;
}
