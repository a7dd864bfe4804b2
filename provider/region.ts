/**
 * Region resolution (API.md "Reaching Lightsail"): the call's `region`, then the stack config
 * `aws:region`, then the AWS SDK chain. None set: {@link RegionNotSetError}.
 */
import { resolveClientRegion } from "./client";
import type { LookupContext } from "./context";
import { InvalidArgumentError } from "./errors";
import { describeRegionProblem } from "./validate";

/** Resolves the region a lookup runs in and checks that Lightsail has an endpoint there. */
export async function resolveRegion(ctx: LookupContext, argRegion: string | undefined): Promise<string> {
  if (argRegion !== undefined) return argRegion;
  const configRegion = ctx.connection.configRegion;
  if (configRegion !== undefined && configRegion !== "") {
    const problem = describeRegionProblem(configRegion);
    if (problem) throw new InvalidArgumentError("aws:region (stack config)", problem);
    return configRegion;
  }
  const region = await resolveClientRegion(
    ctx.clientFor({ profile: ctx.connection.profile, endpoint: ctx.connection.endpoint }),
  );
  const problem = describeRegionProblem(region);
  if (problem)
    throw new InvalidArgumentError("region (from AWS_REGION, AWS_DEFAULT_REGION or the profile)", problem);
  return region;
}
