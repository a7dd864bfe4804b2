/**
 * The process-wide lookup context behind the functions: one client per region, one shared
 * cache (so concurrent and repeated lookups share scans), debug output through
 * `pulumi.log.debug`, and the stack's `aws:region` / `aws:profile` when running in a program.
 * @internal
 */
import * as pulumi from "@pulumi/pulumi";
import { ReadCache } from "../provider/cache";
import { createLookupContext, LookupContext } from "../provider/context";

let shared: LookupContext | undefined;

function stackConfig(key: string): string | undefined {
  try {
    const value = new pulumi.Config("aws").get(key);
    return value === undefined || value === "" ? undefined : value;
  } catch {
    return undefined;
  }
}

/** The context for lookups made from this process, with the stack config read now. */
export function processContext(): LookupContext {
  if (!shared) {
    shared = createLookupContext({
      cache: new ReadCache(),
      debug: (message) => {
        pulumi.log.debug(message).catch(() => undefined);
      },
    });
  }
  const profile = stackConfig("profile");
  shared.connection = { configRegion: stackConfig("region"), ...(profile !== undefined ? { profile } : {}) };
  return shared;
}

/**
 * Forgets every cached scan and client, so the next lookup reads Lightsail again with the
 * configuration chain as it is now. Scans are otherwise reused for 30 seconds after they
 * complete (and shared while in flight).
 * @example
 * ```ts
 * import { resetLookupCache } from "pulumi-lightsail-certificates";
 * resetLookupCache();
 * ```
 */
export function resetLookupCache(): void {
  shared?.cache.clear();
  shared = undefined;
}
