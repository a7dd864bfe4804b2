/**
 * What an `aws.Provider` given as `opts.provider` tells a lookup: its region and its profile.
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
export type ProviderConnection = Pick<Connection, "providerRegion" | "profile">;

interface AwsProviderOutputs {
  region?: pulumi.Output<string | undefined>;
  profile?: pulumi.Output<string | undefined>;
  accessKey?: pulumi.Output<string | undefined>;
  secretKey?: pulumi.Output<string | undefined>;
  token?: pulumi.Output<string | undefined>;
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
  return pulumi.all([provider.region, provider.profile, explicitKeys]).apply(([region, profile, keys]) => {
    if (keys)
      throw new InvalidArgumentError({
        argument: "opts.provider",
        problem:
          "sets explicit credentials (accessKey, secretKey or token); Lightsail lookups take credentials only from " +
          "the AWS SDK chain: give the provider a `profile` instead, or set the credentials in the environment",
      });
    return {
      ...(region ? { providerRegion: region } : {}),
      ...(profile ? { profile } : {}),
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
