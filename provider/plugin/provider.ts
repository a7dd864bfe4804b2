/**
 * The provider plugin `lightsail-certificates`: a `@pulumi/pulumi/provider` `Provider` whose
 * functions call the same lookups as the Node.js functions (`findCertificate`,
 * `listCertificates`, `findLoadBalancerCertificate`) and whose `CertificateLookup` resource runs
 * the same check/diff/read as the dynamic one (provider/lookup-resource.ts). Only what is
 * particular to a plugin is here: the provider configuration, secrets on the wire, and turning
 * lookup errors into one readable failure each.
 */
import type * as provider from "@pulumi/pulumi/provider";
import { createLookupContext, type Connection, type LookupContext } from "../../lookup/context";
import { InvalidArgumentError, LightsailCertificateError } from "../../lightsail/errors";
import { checkLookupSettings, type LookupSettings } from "../../lightsail/settings";
import { findLoadBalancerCertificate } from "../../lookup/load-balancer";
import { findCertificate, listCertificates } from "../../lookup/lookup";
import { lookupResource } from "../lookup-resource";
import { validationResource, type ValidationIo } from "../validation-resource";
import { PACKAGE_NAME, pluginSchema, TOKENS } from "./schema";
import { revealSecrets, secretValue } from "./secrets";
import { legacyQueryWarning, toStoredLookupInputs } from "./lookup-surface";
import { engineWarn, type Warn } from "./engine-log";

/** The provider configuration (`lightsail-certificates:region` etc., or a provider resource's inputs). */
export interface PluginConfig extends LookupSettings {
  region?: string;
  profile?: string;
}

/** Options of {@link createPluginProvider}; tests inject a context (clients, clock, environment). */
export interface PluginOptions {
  version: string;
  /** The clock, sleep and progress output of CertificateValidation's wait. @defaultValue the real ones, progress to stderr */
  validationIo?: ValidationIo;
  /** Shows a warning about a resource to the user (a deprecated input). @defaultValue a line on stderr */
  warn?: Warn;
  /** Makes the lookup context from the provider configuration. @defaultValue real clients */
  contextFor?: (config: { connection: Connection; settings: LookupSettings }) => LookupContext;
}

/** A Provider that can also be configured (the gRPC server of `@pulumi/pulumi` does not pass configuration on). */
export interface PluginProvider extends provider.Provider {
  /** Applies the provider configuration; throws a readable Error for a bad value. */
  configure(config: Record<string, unknown>): void;
}

const CONFIG_KEYS = ["region", "profile", "requestTimeoutMs", "maxAttempts", "maxPages"] as const;

/**
 * Reads the configuration as the engine sends it: typed values (a provider resource's inputs) or
 * strings (stack config such as `lightsail-certificates:maxPages: "3"`), keys bare or
 * `lightsail-certificates:` / `lightsail-certificates:config:` prefixed. Every problem is named.
 */
export function parsePluginConfig(raw: Record<string, unknown>): PluginConfig {
  const plain = revealSecrets(raw).value as Record<string, unknown>;
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(plain)) {
    const bare = key.replace(new RegExp(`^${PACKAGE_NAME}:(config:)?`), "");
    if (value === undefined || value === null || value === "") continue;
    if (!(CONFIG_KEYS as readonly string[]).includes(bare)) continue; // e.g. `version`, engine-added keys
    values[bare] = value;
  }
  const settings: Record<string, unknown> = {};
  for (const key of ["requestTimeoutMs", "maxAttempts", "maxPages"] as const) {
    const v = values[key];
    if (v === undefined) continue;
    settings[key] = typeof v === "string" && /^-?\d+$/.test(v.trim()) ? Number(v.trim()) : v;
  }
  const checked = checkLookupSettings(settings);
  if (!checked.settings) {
    const p = checked.problems[0];
    throw new Error(`${PACKAGE_NAME} provider configuration: ${p.property} ${p.reason}`);
  }
  for (const key of ["region", "profile"] as const) {
    if (values[key] !== undefined && typeof values[key] !== "string")
      throw new Error(`${PACKAGE_NAME} provider configuration: ${key} must be a string`);
  }
  return {
    ...checked.settings,
    ...(values.region !== undefined ? { region: values.region as string } : {}),
    ...(values.profile !== undefined ? { profile: values.profile as string } : {}),
  };
}

/** One failure for a lookup error: the argument it names, and the lookup's message (no stack). */
function failureOf(err: unknown): provider.CheckFailure[] {
  if (!LightsailCertificateError.isInstance(err)) throw err;
  const property = InvalidArgumentError.isInstance(err) ? err.argument : "";
  return [{ property, reason: err.message }];
}

/** Marks every top-level value secret (the engine keeps a wrapped value encrypted). */
function allSecret<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, secretValue(v)])) as T;
}

/** The plugin's resource kinds, by type token. */
type ResourceKind = "lookup" | "validation";

function kindOf(urn: string): ResourceKind {
  const type = urn.split("::")[2]?.split("$").pop();
  if (type === TOKENS.certificateLookup) return "lookup";
  if (type === TOKENS.certificateValidation) return "validation";
  throw new Error(`unknown resource type ${type ?? urn}`);
}

/** The real clock and sleep; progress lines to stderr, which the engine shows as the update's diagnostics. */
const PLUGIN_VALIDATION_IO: ValidationIo = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  progress: (line) => void process.stderr.write(`${line}\n`),
};

/** The plugin's Provider. */
export function createPluginProvider(options: PluginOptions): PluginProvider {
  const contextFor =
    options.contextFor ??
    ((c: { connection: Connection; settings: LookupSettings }) =>
      createLookupContext({ connection: c.connection, settings: c.settings }));
  let context: LookupContext | undefined;
  const ctx = (): LookupContext => {
    context ??= contextFor({ connection: {}, settings: {} });
    return context;
  };
  const lookup = lookupResource(ctx);
  const validation = validationResource(ctx, () => options.validationIo ?? PLUGIN_VALIDATION_IO);
  /** The resource logic of a urn's type: the methods of both take and give plain property bags. */
  const resourceFor = (urn: string) =>
    (kindOf(urn) === "lookup" ? lookup : validation) as unknown as {
      check: typeof lookup.check;
      diff: typeof lookup.diff;
      create(inputs: Record<string, unknown>): Promise<{ id: string; outs: Record<string, unknown> }>;
      update(
        id: string,
        olds: Record<string, unknown>,
        news: Record<string, unknown>,
      ): Promise<{ outs: Record<string, unknown> }>;
      read(
        id: string,
        props: Record<string, unknown>,
      ): Promise<{ id: string; props: Record<string, unknown>; inputs: Record<string, unknown> }>;
      remove(id: string, props: Record<string, unknown>): Promise<void>;
    };
  const schema = JSON.stringify(pluginSchema(options.version));
  const warn = options.warn ?? engineWarn(undefined);

  return {
    version: options.version,
    schema,

    configure(raw) {
      const config = parsePluginConfig(raw);
      const connection: Connection = {
        ...(config.region !== undefined ? { configRegion: config.region } : {}),
        ...(config.profile !== undefined ? { profile: config.profile } : {}),
      };
      const { region: _region, profile: _profile, ...settings } = config;
      context = contextFor({ connection, settings });
    },

    async invoke(token, inputs) {
      const { value: args, secret } = revealSecrets(inputs ?? {});
      let outputs: object;
      try {
        if (token === TOKENS.getCertificate) outputs = await findCertificate(ctx(), args);
        else if (token === TOKENS.getCertificates) outputs = await listCertificates(ctx(), args);
        else if (token === TOKENS.getLoadBalancerTlsCertificate)
          outputs = await findLoadBalancerCertificate(ctx(), args);
        else throw new Error(`unknown function ${token}`);
      } catch (err) {
        return { failures: failureOf(err) };
      }
      return { outputs: secret ? allSecret(outputs) : outputs };
    },

    async check(urn, olds, news) {
      const resource = resourceFor(urn);
      const n = revealSecrets(news ?? {});
      let given = n.value as Record<string, unknown>;
      if (kindOf(urn) === "lookup") {
        const stored = toStoredLookupInputs(given);
        if (stored.failures.length > 0) return { inputs: given, failures: stored.failures };
        if (stored.legacyQuery) await warn(legacyQueryWarning(given.query), urn);
        given = stored.inputs;
      }
      const result = await resource.check(revealSecrets(olds ?? {}).value as Record<string, unknown>, given);
      return { inputs: n.secret ? allSecret(result.inputs) : result.inputs, failures: result.failures };
    },

    async diff(id, urn, olds, news) {
      return resourceFor(urn).diff(
        id,
        revealSecrets(olds ?? {}).value as Record<string, unknown>,
        revealSecrets(news ?? {}).value as Record<string, unknown>,
      );
    },

    async create(urn, inputs) {
      const i = revealSecrets(inputs);
      const { id, outs } = await resourceFor(urn).create(i.value as Record<string, unknown>);
      return { id, outs: i.secret ? allSecret(outs) : outs };
    },

    async update(id, urn, olds, news) {
      const n = revealSecrets(news);
      const { outs } = await resourceFor(urn).update(
        id,
        revealSecrets(olds).value as Record<string, unknown>,
        n.value as Record<string, unknown>,
      );
      return { outs: n.secret ? allSecret(outs) : outs };
    },

    async read(id, urn, props) {
      const p = revealSecrets(props ?? {});
      const result = await resourceFor(urn).read(id, p.value as Record<string, unknown>);
      return p.secret
        ? { id: result.id, props: allSecret(result.props), inputs: allSecret(result.inputs) }
        : result;
    },

    async delete(id, urn, props) {
      await resourceFor(urn).remove(id, revealSecrets(props ?? {}).value as Record<string, unknown>);
    },
  };
}
