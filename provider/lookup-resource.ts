/**
 * The CertificateLookup resource logic, written once for the two engines that run it: the
 * dynamic provider (provider/dynamic.ts, through the state-contract entry point) and the provider
 * plugin (provider/plugin/). Each gives it the lookup context of its process; the semantics
 * (resolve in check, diff of the compared properties, read, delete sends nothing) are the same.
 * Internal: not part of the public API.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { LookupContext, withAssumeRole, withProfile, withSettings } from "../lookup/context";
import type { AssumeRoleSpec } from "../lookup/assume-role";
import { parseRole, roleInputsOf } from "./lookup-role";
import {
  CertificateNotFoundError,
  InvalidArgumentError,
  LightsailCertificateError,
} from "../lightsail/errors";
import { findCertificateByQuery } from "../lookup/lookup";
import { containsUnknown } from "../lookup/unknowns";
import {
  changedProperties,
  LookupInputs,
  LookupOutputs,
  queryChanged,
  roleChanged,
  secretMarkers,
  toLookupInputs,
  toLookupOutputs,
} from "./lookup-state";
import { withDaysUntilExpiry } from "../lookup/select";
import { checkLookupSettings, LookupSettings } from "../lightsail/settings";
import type { Certificate } from "../lightsail/types";
import { checkCertificateArgs, CertificateQuery } from "../lookup/search-args";

/** The methods of a CertificateLookup, as the dynamic-provider interface names them (`remove` is `delete`). */
export interface LookupResource {
  check(
    olds: Record<string, unknown>,
    news: Record<string, unknown>,
  ): Promise<{ inputs: LookupInputs; failures?: dynamic.CheckFailure[] }>;
  diff(id: string, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<dynamic.DiffResult>;
  create(inputs: LookupInputs): Promise<{ id: string; outs: LookupOutputs }>;
  update(id: string, olds: LookupOutputs, news: LookupInputs): Promise<{ outs: LookupOutputs }>;
  read(
    id: string,
    props: LookupOutputs,
  ): Promise<{ id: string; props: LookupOutputs; inputs: LookupOutputs }>;
  remove(id: string, props: LookupOutputs): Promise<void>;
}

/** The CertificateLookup methods over the lookup context `ctx()` gives at each call. */
export function lookupResource(ctx: () => LookupContext): LookupResource {
  function objectAt(inputs: Record<string, unknown>, key: string): Record<string, unknown> | undefined {
    const value = inputs[key];
    return value && typeof value === "object" && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  }

  /** A validated search and settings, or every problem with them (named as the user wrote them). */
  type Parsed =
    | { ok: true; query: CertificateQuery; settings: LookupSettings; profile?: string; role?: AssumeRoleSpec }
    | { ok: false; failures: dynamic.CheckFailure[] };

  function parseInputs(inputs: Record<string, unknown>): Parsed {
    const search = checkCertificateArgs(objectAt(inputs, "query") ?? {}, true);
    const tuning = checkLookupSettings(inputs.settings);
    const failures = [...search.problems, ...tuning.problems].map((p) => ({
      property: p.property,
      reason: p.reason,
    }));
    const { profile } = inputs;
    if (profile !== undefined && (typeof profile !== "string" || profile.trim() === ""))
      failures.push({ property: "profile", reason: "must be a non-empty string (a named profile)" });
    const role = parseRole(inputs);
    failures.push(...role.problems);
    if (!search.query || !tuning.settings || failures.length > 0) return { ok: false, failures };
    return {
      ok: true,
      query: search.query,
      settings: tuning.settings,
      ...(profile !== undefined ? { profile: profile as string } : {}),
      ...(role.spec !== undefined ? { role: role.spec } : {}),
    };
  }

  /**
   * The one resolve step of every method: the certificate a valid search finds now. The shared
   * cache answers without a request when `check` resolved it moments before in this process.
   */
  async function resolve(parsed: {
    query: CertificateQuery;
    settings: LookupSettings;
    profile?: string;
    role?: AssumeRoleSpec;
  }): Promise<Certificate> {
    return findCertificateByQuery(
      withAssumeRole(withProfile(withSettings(ctx(), parsed.settings), parsed.profile), parsed.role),
      parsed.query,
    );
  }

  /** The message of a lookup failure, for the engine to print once (no stack trace). */
  function reasonOf(err: unknown): string {
    return err instanceof Error ? err.message : String(err);
  }

  /**
   * Validates the search and settings and resolves the certificate, so that the checked inputs
   * (what a preview and a policy see) already hold it. Each bad argument is a failure naming it;
   * a lookup that fails (nothing found, access denied, ...) is one failure with the lookup's
   * message, which the engine prints once, without a stack trace.
   */
  async function check(
    _olds: Record<string, unknown>,
    news: Record<string, unknown>,
  ): Promise<{ inputs: LookupInputs; failures?: dynamic.CheckFailure[] }> {
    const query = objectAt(news, "query") ?? {};
    const settings = objectAt(news, "settings") as LookupSettings | undefined;
    const profile = news.profile as string | undefined;
    const markers = secretMarkers(news);
    const role = roleInputsOf(news);
    const unresolved = toLookupInputs(query, undefined, { settings, profile, role, markers });
    if ([query, settings, profile, role].some(containsUnknown)) return { inputs: unresolved };
    const parsed = parseInputs(news);
    if (!parsed.ok) return { inputs: unresolved, failures: parsed.failures };
    try {
      const cert = await resolve(parsed);
      return { inputs: toLookupInputs(query, cert, { settings, profile, role, markers }) };
    } catch (err) {
      if (!LightsailCertificateError.isInstance(err)) throw err;
      // A bad region from the chain names its source; any other failure concerns the whole lookup.
      const property = InvalidArgumentError.isInstance(err) ? err.argument : "";
      return { inputs: unresolved, failures: [{ property, reason: reasonOf(err) }] };
    }
  }

  /** Reports exactly the certificate properties that changed; ignores the provider's own code and the settings. */
  async function diff(
    _id: string,
    olds: Record<string, unknown>,
    news: Record<string, unknown>,
  ): Promise<dynamic.DiffResult> {
    if (containsUnknown(news)) return { changes: true };
    const changed = changedProperties(olds, news);
    if (queryChanged(olds, news)) changed.push("query");
    changed.push(...roleChanged(olds, news));
    return { changes: changed.length > 0, replaces: [], deleteBeforeReplace: false };
  }

  /**
   * The outputs for checked inputs. Fails clearly, recording nothing, when the search no longer
   * finds the certificate `check` resolved (another ARN since): a new `pulumi up` resolves it anew.
   */
  async function outputsOf(inputs: LookupInputs): Promise<LookupOutputs> {
    const parsed = parseInputs(inputs as Record<string, unknown>);
    if (!parsed.ok || !inputs.arn)
      throw new Error(
        `CertificateLookup: the search was not resolved by check (${parsed.ok ? "no certificate" : parsed.failures[0].reason}); run the update again.`,
      );
    const cert = await resolve(parsed);
    if (cert.arn !== inputs.arn)
      throw new Error(
        `CertificateLookup: the search resolved to ${inputs.arn} at preview but finds ${cert.arn} (certificate "${cert.name}") now; ` +
          "nothing was recorded. Run `pulumi up` again to record the current certificate.",
      );
    return withDaysUntilExpiry(toLookupOutputs(inputs, cert), ctx().now());
  }

  /** Records the resolved certificate; the id is its ARN. Creates nothing in Lightsail. */
  async function create(inputs: LookupInputs): Promise<{ id: string; outs: LookupOutputs }> {
    const outs = await outputsOf(inputs);
    return { id: outs.arn, outs };
  }

  /** Records the newly resolved certificate. Changes nothing in Lightsail. */
  async function update(
    _id: string,
    _olds: LookupOutputs,
    news: LookupInputs,
  ): Promise<{ outs: LookupOutputs }> {
    return { outs: await outputsOf(news) };
  }

  /** Runs the stored search again (refresh). A certificate that is gone fails with a clear message. */
  async function read(
    id: string,
    props: LookupOutputs,
  ): Promise<{ id: string; props: LookupOutputs; inputs: LookupOutputs }> {
    const stored = props as unknown as Record<string, unknown>;
    const parsed = parseInputs(stored);
    if (!parsed.ok)
      throw new Error(
        `CertificateLookup ${id}: the stored search is invalid: ${parsed.failures[0].property} ${parsed.failures[0].reason}`,
      );
    let cert: Certificate;
    try {
      cert = await resolve(parsed);
    } catch (err) {
      if (CertificateNotFoundError.isInstance(err)) {
        throw new Error(
          `The certificate recorded by this CertificateLookup (${props.name ?? id}) is gone or no longer matches: ` +
            `${err.message} Fix the search or remove the lookup, then run \`pulumi up\`.`,
        );
      }
      throw err;
    }
    const query = objectAt(stored, "query") ?? {};
    const settings = objectAt(stored, "settings") as LookupSettings | undefined;
    const role = roleInputsOf(stored);
    const inputs = toLookupInputs(query, cert, { settings, profile: parsed.profile, role });
    return {
      id: cert.arn,
      props: withDaysUntilExpiry(toLookupOutputs(inputs, cert), ctx().now()),
      inputs: inputs as LookupOutputs,
    };
  }

  /** A lookup owns nothing: deleting it sends no request. */
  async function remove(_id: string, _props: LookupOutputs): Promise<void> {
    return;
  }

  return { check, diff, create, update, read, remove };
}
