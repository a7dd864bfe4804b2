/**
 * What a gate run reads: one target per account (the SDK chain's own identity without
 * `--role-arn` / `--accounts`, else one per role), each with its regions and its lookup
 * context. Roles are assumed first, at most `concurrency` at once; a role that cannot be assumed
 * is reported and its regions are not read. Then every account x region is read, at most
 * `concurrency` at once in all, a failing one not stopping the others.
 */
import { assumeRoleCredentials } from "../lookup/assume-role";
import { createLookupContext, type LookupContext } from "../lookup/context";
import { listCertificates } from "../lookup/lookup";
import { createLightsailClient } from "../lightsail/client";
import type { LookupSettings } from "../lightsail/settings";
import { KNOWN_CERTIFICATE_STATUSES, type Certificate } from "../lightsail/types";
import type { AccountSpec } from "./account-spec";
import { mapBounded } from "./scan";

/** One account to read. */
export interface Target {
  /** The account id, or null for the SDK chain's own identity. */
  account: string | null;
  roleArn: string | null;
  regions: string[];
  context: LookupContext;
  /** Assumes the role (resolves without one); rejects with an AssumeRoleError. */
  assume(): Promise<unknown>;
}

/** What reading one account gave. */
export interface AccountScan {
  account: string | null;
  roleArn: string | null;
  regions: string[];
  /** Set when the role could not be assumed: then `scans` is empty. */
  assumeError?: Error;
  /** One per region, in order. */
  scans: Array<
    { region: string; ok: true; certificates: Certificate[] } | { region: string; ok: false; error: Error }
  >;
}

/** The base of every account's context: what runGate resolved from its io and options. */
export interface TargetBase {
  context: LookupContext;
  now: () => Date;
  env: NodeJS.ProcessEnv;
  settings: LookupSettings;
  profile?: string;
}

/** The target of one role: its own context (clients with the role's credentials), the base's cache, clock and endpoint. */
function roleTarget(spec: AccountSpec, regions: string[], base: TargetBase): Target {
  const assumeRole = {
    roleArn: spec.roleArn,
    sessionName: "lightsail-certs",
    ...(spec.externalId !== undefined ? { externalId: spec.externalId } : {}),
  };
  const connection = { ...(base.profile ? { profile: base.profile } : {}), assumeRole };
  const credentials = assumeRoleCredentials(assumeRole, {
    region: (spec.regions ?? regions)[0],
    profile: base.profile,
    endpoint: base.env.AWS_ENDPOINT_URL_STS,
    maxAttempts: base.context.clientOptions?.maxAttempts,
    requestTimeoutMs: base.context.clientOptions?.requestTimeoutMs,
  });
  const made = createLookupContext({
    now: base.now,
    env: base.env,
    cache: base.context.cache,
    settings: base.settings,
    connection,
    credentials,
    ...(base.context.clientOptions ? { clientOptions: base.context.clientOptions } : {}),
  });
  // Each account x region is read once: its client is made for that scan and left to the
  // garbage collector afterwards, so memory does not grow with the number of accounts.
  const clientOptions = {
    ...made.clientOptions,
    ...(base.profile ? { profile: base.profile } : {}),
    credentials,
  };
  const context: LookupContext = {
    ...made,
    clientFor: ({ assumeRole: _role, ...o }) =>
      createLightsailClient({ ...clientOptions, ...o, credentials }),
  };
  return {
    account: spec.accountId,
    roleArn: spec.roleArn,
    regions: spec.regions ?? regions,
    context,
    assume: credentials,
  };
}

/** The targets of a run: one per account spec, or the base identity alone when there is none. */
export function buildTargets(specs: readonly AccountSpec[], regions: string[], base: TargetBase): Target[] {
  if (specs.length === 0)
    return [{ account: null, roleArn: null, regions, context: base.context, assume: async () => undefined }];
  return specs.map((spec) => roleTarget(spec, regions, base));
}

function asError(err: unknown): Error {
  return err instanceof Error ? err : new Error(String(err));
}

/**
 * Reads every target: roles first, then every account x region.
 * @param statuses statuses to read; empty means every status.
 */
export async function scanTargets(
  targets: readonly Target[],
  statuses: readonly string[],
  concurrency: number,
): Promise<AccountScan[]> {
  const assumed = await mapBounded(targets, concurrency, (t) =>
    t.assume().then(
      () => undefined,
      (err: unknown) => asError(err),
    ),
  );
  const wanted = statuses.length > 0 ? [...statuses] : [...KNOWN_CERTIFICATE_STATUSES];
  const pairs = targets.flatMap((target, t) =>
    assumed[t] ? [] : target.regions.map((region) => ({ t, region })),
  );
  const scans = await mapBounded(pairs, concurrency, async ({ t, region }) => {
    try {
      const { certificates } = await listCertificates(targets[t]!.context, { region, statuses: wanted });
      return { region, ok: true as const, certificates };
    } catch (err) {
      return { region, ok: false as const, error: asError(err) };
    }
  });
  return targets.map((target, t) => ({
    account: target.account,
    roleArn: target.roleArn,
    regions: target.regions,
    ...(assumed[t] ? { assumeError: assumed[t] } : {}),
    scans: scans.filter((_, i) => pairs[i]!.t === t),
  }));
}
