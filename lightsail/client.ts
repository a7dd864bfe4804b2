/**
 * Building a Lightsail client. The AWS SDK is loaded here, lazily, so that requiring this
 * package costs little, and configured through its own chain (credentials, profile, region,
 * `AWS_ENDPOINT_URL_LIGHTSAIL`): explicit options only add to that chain.
 */
import type { LightsailClient, LightsailClientConfig } from "@aws-sdk/client-lightsail";
import { RegionNotSetError } from "./errors";
import type { AssumeRoleSpec } from "./sts";
import { DEFAULT_LOOKUP_SETTINGS } from "./settings";

/** How to reach Lightsail. Every field is optional: the SDK chain fills in the rest. */
export interface ClientOptions {
  /** Region; otherwise the SDK chain (AWS_REGION, AWS_DEFAULT_REGION, the profile's config). */
  region?: string;
  /** Named profile from the shared config files; otherwise AWS_PROFILE or `default`. */
  profile?: string;
  /** Endpoint URL; otherwise AWS_ENDPOINT_URL_LIGHTSAIL / AWS_ENDPOINT_URL / the regional endpoint. */
  endpoint?: string;
  /**
   * Attempts per request, retries included (throttling, 5xx, timeouts, RegionSetupInProgress).
   * @defaultValue 4
   */
  maxAttempts?: number;
  /**
   * Milliseconds a request may take before it is abandoned (and retried).
   * @defaultValue 15000
   */
  requestTimeoutMs?: number;
  /**
   * Milliseconds to establish a connection.
   * @defaultValue 5000
   */
  connectionTimeoutMs?: number;
  /**
   * The role these clients act as (lookup/context.ts turns it into `credentials`); part of the
   * clients' cache key, so that two roles never share a client.
   */
  assumeRole?: AssumeRoleSpec;
  /**
   * Credentials instead of the SDK chain's: an assumed role's (lookup/assume-role.ts), shared
   * by the clients of that role.
   */
  credentials?: () => Promise<{
    accessKeyId: string;
    secretAccessKey: string;
    sessionToken?: string;
    expiration?: Date;
  }>;
}

/** Default attempts per request. */
export const DEFAULT_MAX_ATTEMPTS = DEFAULT_LOOKUP_SETTINGS.maxAttempts;
/** Default request timeout. */
export const DEFAULT_REQUEST_TIMEOUT_MS = DEFAULT_LOOKUP_SETTINGS.requestTimeoutMs;
/** Default connection timeout. */
export const DEFAULT_CONNECTION_TIMEOUT_MS = 5_000;

/**
 * Errors the SDK does not retry on its own but Lightsail asks callers to retry: marking them
 * `$retryable` hands them to the SDK's retry strategy (with its backoff and retry quota).
 */
const RETRYABLE_AS_THROTTLING = new Set(["RegionSetupInProgressException"]);

/** Creates a Lightsail client. Loads `@aws-sdk/client-lightsail` on first use. */
export function createLightsailClient(options: ClientOptions = {}): LightsailClient {
  const sdk = require("@aws-sdk/client-lightsail") as typeof import("@aws-sdk/client-lightsail");
  const config: LightsailClientConfig = {
    maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    retryMode: "standard",
    requestHandler: {
      requestTimeout: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
      // Without this, @smithy/node-http-handler only logs a warning when requestTimeout passes
      // and a hung endpoint would hang the lookup.
      throwOnRequestTimeout: true,
      connectionTimeout: options.connectionTimeoutMs ?? DEFAULT_CONNECTION_TIMEOUT_MS,
    },
  };
  if (options.region !== undefined) config.region = options.region;
  if (options.profile !== undefined) config.profile = options.profile;
  if (options.endpoint !== undefined) config.endpoint = options.endpoint;
  if (options.credentials !== undefined) config.credentials = options.credentials;
  const client = new sdk.LightsailClient(config);
  client.middlewareStack.add(
    (next) => async (args) => {
      try {
        return await next(args);
      } catch (err) {
        const e = err as { name?: string; $retryable?: { throttling?: boolean } };
        if (e && typeof e === "object" && e.name && RETRYABLE_AS_THROTTLING.has(e.name))
          e.$retryable = { throttling: true };
        throw err;
      }
    },
    { step: "deserialize", priority: "high", name: "lightsailCertificatesRetryableErrors" },
  );
  return client;
}

/**
 * The region a client will call, as the SDK resolved it.
 * @throws RegionNotSetError when nothing in the chain sets one.
 */
export async function resolveClientRegion(client: LightsailClient): Promise<string> {
  let region: string | undefined;
  try {
    region = await client.config.region();
  } catch {
    region = undefined;
  }
  if (!region) throw new RegionNotSetError();
  return region;
}
