/**
 * Region resolution, the same for the functions, `CertificateLookup`, the policy pack and the
 * gate. First that is set: the call's `region`; the region of the `aws.Provider` given as
 * `opts.provider`; the stack config `aws:region`; `AWS_REGION`; `AWS_DEFAULT_REGION`; the
 * profile's `region` in the shared config file. None set: {@link RegionNotSetError}.
 */
import { resolveClientRegion } from "../lightsail/client";
import { clientOf, type LookupContext } from "./context";
import { InvalidArgumentError } from "../lightsail/errors";
import { isLightsailRegion } from "../lightsail/regions";
import { describeConfiguredRegionProblem } from "./search-args";

/** Where a region came from, first that is set; the names say so in error messages. */
export const REGION_SOURCES = [
  "region (argument)",
  "opts.provider (its region)",
  "aws:region (stack config)",
  "AWS_REGION",
  "AWS_DEFAULT_REGION",
  "region of the profile in the shared config file",
] as const;

/** A region from the chain and where it came from. */
export interface ResolvedRegion {
  /** The region. */
  region: string;
  /** One of {@link REGION_SOURCES}. */
  source: (typeof REGION_SOURCES)[number];
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value;
}

/**
 * The region a lookup runs in, and where it came from, checked to have a Lightsail endpoint.
 * A region from an argument was validated with the arguments (it must be one this package knows);
 * one from the configuration may be newer than this package (it is used, with a debug line).
 * @throws InvalidArgumentError naming the source when a configured region is malformed or known to
 *   have no Lightsail endpoint.
 * @throws RegionNotSetError when nothing in the chain sets one.
 */
export async function resolveRegionWithSource(
  ctx: LookupContext,
  argRegion: string | undefined,
): Promise<ResolvedRegion> {
  const { connection, env } = ctx;
  const candidates: [string | undefined, ResolvedRegion["source"]][] = [
    [argRegion, REGION_SOURCES[0]],
    [nonEmpty(connection.providerRegion), REGION_SOURCES[1]],
    [nonEmpty(connection.configRegion), REGION_SOURCES[2]],
    [nonEmpty(env.AWS_REGION), REGION_SOURCES[3]],
    [nonEmpty(env.AWS_DEFAULT_REGION), REGION_SOURCES[4]],
  ];
  let found = candidates.find(([region]) => region !== undefined) as
    [string, ResolvedRegion["source"]] | undefined;
  if (!found) {
    const region = await resolveClientRegion(clientOf(ctx));
    found = [region, REGION_SOURCES[5]];
  }
  const [region, source] = found;
  if (source !== REGION_SOURCES[0]) {
    const problem = describeConfiguredRegionProblem(region);
    if (problem) throw new InvalidArgumentError({ argument: source, problem });
    if (!isLightsailRegion(region))
      ctx.debug(
        `lightsail-certificates: region ${region} (from ${source}) is not in this package's list; using it as configured`,
      );
  }
  return { region, source };
}

/** {@link resolveRegionWithSource}, the region alone. */
export async function resolveRegion(ctx: LookupContext, argRegion: string | undefined): Promise<string> {
  return (await resolveRegionWithSource(ctx, argRegion)).region;
}
