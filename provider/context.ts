/**
 * The edges a lookup runs against: clients, the clock, the cache and the debug log. Everything
 * here is injectable so that the logic above it is tested without I/O.
 */
import type { LightsailClient } from "@aws-sdk/client-lightsail";
import { ReadCache } from "./cache";
import { ClientOptions, createLightsailClient } from "./client";

/** How to reach Lightsail, besides the region. */
export interface Connection {
  /** Named profile (adds to the SDK chain). */
  profile?: string;
  /** Endpoint URL (adds to the SDK chain; AWS_ENDPOINT_URL_LIGHTSAIL works without it). */
  endpoint?: string;
  /** The stack's `aws:region`, when running inside a Pulumi program or provider. */
  configRegion?: string;
}

/** What a lookup needs from the outside world. */
export interface LookupContext {
  /** Returns a client for the options (implementations reuse clients). */
  clientFor(options: ClientOptions): LightsailClient;
  /** The clock. */
  now(): Date;
  /** Shared reads. */
  cache: ReadCache;
  /** Debug log; never given credentials or endpoints. */
  debug(message: string): void;
  /** Profile, endpoint and config region. */
  connection: Connection;
  /** Page bound per scan. */
  maxPages?: number;
  /** Client options for every client this context makes (timeouts, attempts). */
  clientOptions?: Omit<ClientOptions, "region" | "profile" | "endpoint">;
}

/** Options for {@link createLookupContext}. */
export interface LookupContextOptions extends Partial<Omit<LookupContext, "connection">> {
  /** Profile, endpoint and config region. */
  connection?: Connection;
}

/** A context with real clients (one per region, profile and endpoint), the system clock and a fresh cache. */
export function createLookupContext(options: LookupContextOptions = {}): LookupContext {
  const clients = new Map<string, LightsailClient>();
  const clientOptions = options.clientOptions;
  return {
    clientFor:
      options.clientFor ??
      ((o: ClientOptions) => {
        const key = JSON.stringify([o.region ?? null, o.profile ?? null, o.endpoint ?? null]);
        let client = clients.get(key);
        if (!client) {
          client = createLightsailClient({ ...clientOptions, ...o });
          clients.set(key, client);
        }
        return client;
      }),
    now: options.now ?? (() => new Date()),
    cache: options.cache ?? new ReadCache(),
    debug: options.debug ?? (() => undefined),
    connection: options.connection ?? {},
    maxPages: options.maxPages,
    clientOptions,
  };
}
