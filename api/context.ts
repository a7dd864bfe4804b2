/**
 * The process-wide lookup context behind the functions: one client per region and profile, one
 * shared cache (so concurrent and repeated lookups share scans), debug output through
 * `pulumi.log.debug`, the stack's `aws:region` / `aws:profile` when running in a program, the
 * `aws.Provider` of `opts.provider`, and the settings of {@link configureLookups}.
 * Internal: not part of the public API (no "internal" doc tag here: on a file header it would
 * strip the first import from the emitted declarations).
 */
import * as pulumi from "@pulumi/pulumi";
import { createLookupContext, LookupContext } from "../lookup/context";
import { LookupSettings, parseLookupSettings } from "../lightsail/settings";
import { awsProviderOf, readProviderConnection } from "./aws-provider";

let shared: LookupContext | undefined;
let settings: LookupSettings = {};

function stackConfig(key: string): string | undefined {
  try {
    const value = new pulumi.Config("aws").get(key);
    return value === undefined || value === "" ? undefined : value;
  } catch {
    return undefined;
  }
}

function sharedContext(): LookupContext {
  shared ??= createLookupContext({
    settings,
    debug: (message) => {
      pulumi.log.debug(message).catch(() => undefined);
    },
  });
  return shared;
}

/**
 * The context for one lookup made from this process: the shared clients and cache, with the
 * connection of this call (the `aws.Provider` in `opts`, else the stack config) read now.
 * @throws InvalidArgumentError when `opts.provider` is not an aws.Provider, or sets explicit keys.
 */
export async function processContext(opts?: pulumi.InvokeOptions): Promise<LookupContext> {
  const provider = awsProviderOf(opts);
  const fromProvider = provider ? await readProviderConnection(provider) : {};
  const profile = fromProvider.profile ?? stackConfig("profile");
  const context = sharedContext();
  return {
    ...context,
    connection: {
      configRegion: stackConfig("region"),
      ...(fromProvider.providerRegion !== undefined ? { providerRegion: fromProvider.providerRegion } : {}),
      ...(profile !== undefined ? { profile } : {}),
      ...(fromProvider.assumeRole !== undefined ? { assumeRole: fromProvider.assumeRole } : {}),
    },
  };
}

/**
 * Sets process-wide defaults for the lookup functions (`getCertificate`, `getCertificates`,
 * `getLoadBalancerTlsCertificate` and their Output forms): request timeout, attempts per request
 * and the page bound of a scan. Unset fields keep their defaults (15000 ms, 4 attempts, 500
 * pages); each call replaces the previous settings. Lookups started afterwards use them; cached
 * scans are forgotten. `CertificateLookup` takes the same settings as its `settings` argument.
 * @throws InvalidArgumentError naming the setting, for a value out of range or an unknown key.
 * @example
 * ```ts
 * import { configureLookups } from "pulumi-lightsail-certificates";
 * // Fail within about 2 x 3 s (plus backoff) when the endpoint does not answer.
 * configureLookups({ requestTimeoutMs: 3000, maxAttempts: 2 });
 * ```
 */
export function configureLookups(next: LookupSettings): void {
  settings = parseLookupSettings(next);
  resetLookupCache();
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
