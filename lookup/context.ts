/**
 * The edges a lookup runs against: clients, the clock, the environment, the cache and the debug
 * log. Everything here is injectable so that the logic above it is tested without I/O.
 */
import type { LightsailClient } from "@aws-sdk/client-lightsail";
import { assumeRoleCredentials, type AssumeRoleSpec, type AwsCredentialIdentity } from "./assume-role";
import { ReadCache } from "./cache";
import { ClientOptions, createLightsailClient } from "../lightsail/client";
import { LookupSettings, resolveLookupSettings } from "../lightsail/settings";

/** Where a lookup's configuration comes from, besides the call's own `region`. */
export interface Connection {
  /** Named profile (adds to the SDK chain): the provider's, else the stack's `aws:profile`. */
  profile?: string;
  /** The region of the `aws.Provider` given as `opts.provider`, when there is one. */
  providerRegion?: string;
  /** The stack's `aws:region`, when running inside a Pulumi program or provider. */
  configRegion?: string;
  /** A role to assume over the base identity (the gate's `--role-arn`, an `aws.Provider`'s `assumeRole`). */
  assumeRole?: AssumeRoleSpec;
}

/** What a lookup needs from the outside world. */
export interface LookupContext {
  /** Returns a client for the options (implementations reuse clients). */
  clientFor(options: ClientOptions): LightsailClient;
  /** The clock. */
  now(): Date;
  /** The environment the region chain reads (`AWS_REGION`, `AWS_DEFAULT_REGION`). */
  env: Readonly<Record<string, string | undefined>>;
  /** Shared reads. */
  cache: ReadCache;
  /** Debug log; never given credentials or endpoints. */
  debug(message: string): void;
  /** Profile, provider and config region. */
  connection: Connection;
  /** Page bound per scan. */
  maxPages?: number;
  /**
   * Client options for every client this context makes: timeouts, attempts, and an endpoint
   * (tests point it at the emulator; users set AWS_ENDPOINT_URL_LIGHTSAIL instead).
   */
  clientOptions?: Omit<ClientOptions, "region" | "profile">;
}

/** Options for {@link createLookupContext}. */
export interface LookupContextOptions extends Partial<Omit<LookupContext, "connection" | "env">> {
  /** Profile, provider and config region. */
  connection?: Connection;
  /** The environment. @defaultValue `process.env` */
  env?: Readonly<Record<string, string | undefined>>;
  /**
   * Request tuning: `requestTimeoutMs` and `maxAttempts` go to every client, `maxPages` bounds
   * every scan. `clientOptions` and `maxPages`, when given too, win.
   */
  settings?: LookupSettings;
  /**
   * The credentials of `connection.assumeRole`, when the caller assumes the role itself (the
   * gate, to report an account it cannot enter before reading it); otherwise made here.
   */
  credentials?: () => Promise<AwsCredentialIdentity>;
}

function roleKey(spec: AssumeRoleSpec, profile: string | undefined): string {
  return JSON.stringify([spec.roleArn, spec.externalId ?? null, spec.sessionName ?? null, profile ?? null]);
}

/** A context with real clients (one per region, profile and endpoint), the system clock and a fresh cache. */
export function createLookupContext(options: LookupContextOptions = {}): LookupContext {
  const clients = new Map<string, LightsailClient>();
  const tuned = resolveLookupSettings(options.settings);
  const clientOptions = {
    requestTimeoutMs: tuned.requestTimeoutMs,
    maxAttempts: tuned.maxAttempts,
    ...options.clientOptions,
  };
  const roles = new Map<string, () => Promise<AwsCredentialIdentity>>();
  const role = options.connection?.assumeRole;
  if (role && options.credentials) roles.set(roleKey(role, options.connection?.profile), options.credentials);
  /** One credentials provider per role and profile: each role is assumed once, not per client. */
  const credentialsFor = (spec: AssumeRoleSpec, o: ClientOptions) => {
    const key = roleKey(spec, o.profile);
    let provider = roles.get(key);
    if (!provider) {
      provider = assumeRoleCredentials(spec, {
        region: o.region,
        profile: o.profile,
        maxAttempts: o.maxAttempts,
        requestTimeoutMs: o.requestTimeoutMs,
      });
      roles.set(key, provider);
    }
    return provider;
  };
  return {
    clientFor:
      options.clientFor ??
      ((o: ClientOptions) => {
        const options = { ...clientOptions, ...o };
        const key = JSON.stringify(Object.entries(options).sort(([a], [b]) => (a < b ? -1 : 1)));
        let client = clients.get(key);
        if (!client) {
          const { assumeRole, ...rest } = options;
          client = createLightsailClient(
            assumeRole ? { ...rest, credentials: credentialsFor(assumeRole, rest) } : rest,
          );
          clients.set(key, client);
        }
        return client;
      }),
    now: options.now ?? (() => new Date()),
    env: options.env ?? process.env,
    cache: options.cache ?? new ReadCache(),
    debug: options.debug ?? (() => undefined),
    connection: options.connection ?? {},
    maxPages: options.maxPages ?? tuned.maxPages,
    clientOptions,
  };
}

/**
 * The client for `region` (or the chain's region when undefined) with the context's connection
 * and tuning: every lookup asks for its client through here.
 */
export function clientOf(ctx: LookupContext, region?: string): LightsailClient {
  const { profile, assumeRole } = ctx.connection;
  return ctx.clientFor({
    ...ctx.clientOptions,
    ...(region !== undefined ? { region } : {}),
    ...(profile !== undefined ? { profile } : {}),
    ...(assumeRole !== undefined ? { assumeRole } : {}),
  });
}

/**
 * What, besides the request itself, decides what a read returns and how it is made: the
 * connection (profile, endpoint) and the request settings (timeout, attempts, page bound). Every
 * cache key starts with it, so that two contexts with other settings never share a read (a
 * lookup with `maxPages: 1` must not be answered by a scan made with 500, nor the reverse).
 */
export function readKeyOf(ctx: LookupContext): unknown[] {
  const o = ctx.clientOptions ?? {};
  const role = ctx.connection.assumeRole;
  return [
    ctx.connection.profile ?? null,
    role ? [role.roleArn, role.externalId ?? null] : null,
    o.endpoint ?? null,
    o.requestTimeoutMs ?? null,
    o.maxAttempts ?? null,
    ctx.maxPages ?? null,
  ];
}

/** `ctx` with other settings: the same clients factory, clock, environment, cache and connection. */
export function withSettings(ctx: LookupContext, settings: LookupSettings): LookupContext {
  if (Object.values(settings).every((v) => v === undefined)) return ctx;
  return {
    ...ctx,
    maxPages: settings.maxPages ?? ctx.maxPages,
    clientOptions: {
      ...ctx.clientOptions,
      ...(settings.requestTimeoutMs !== undefined ? { requestTimeoutMs: settings.requestTimeoutMs } : {}),
      ...(settings.maxAttempts !== undefined ? { maxAttempts: settings.maxAttempts } : {}),
    },
  };
}

/** `ctx` with another named profile (the plugin's CertificateLookup may name its own); `undefined` keeps it. */
export function withProfile(ctx: LookupContext, profile: string | undefined): LookupContext {
  if (profile === undefined || profile === ctx.connection.profile) return ctx;
  return { ...ctx, connection: { ...ctx.connection, profile } };
}

/**
 * `ctx` reading through a role (a CertificateLookup's `assumeRole`); `undefined` keeps the
 * context's own. The context's clients factory assumes each role once and shares its credentials.
 */
export function withAssumeRole(ctx: LookupContext, role: AssumeRoleSpec | undefined): LookupContext {
  if (role === undefined) return ctx;
  return { ...ctx, connection: { ...ctx.connection, assumeRole: role } };
}
