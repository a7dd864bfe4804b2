/**
 * The CertificateValidation dynamic provider: waits in `create` (and `update`) until a
 * certificate is ISSUED. Like CertificateLookup's, its serialized provider only `require`s this
 * package's `/provider` entry point and calls the `validation*` functions exported there, so no
 * client, credential or environment value is serialized; those seven names are part of the
 * state contract (docs/state-contract.md). The rules of the wait are in lookup/issuance-wait.ts; the
 * clock, the sleep, the progress output and the lookup context are injectable here.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { applyStackConfig } from "./stack-config";
import { createLookupContext, type LookupContext } from "../lookup/context";
import { readCertificateByName } from "../lookup/read-by-name";
import { resolveRegion } from "../lookup/region";
import { withDaysUntilExpiry } from "../lookup/select";
import { describeNameProblem, describeRegionProblem } from "../lookup/search-args";
import {
  DEFAULT_VALIDATION_TIMEOUT_MINUTES,
  describeTimeoutProblem,
  waitForIssued,
  type WaitIo,
} from "../lookup/issuance-wait";
import { InvalidArgumentError, LightsailCertificateError } from "../lightsail/errors";
import { CERTIFICATE_FIELDS, type Certificate } from "../lightsail/types";
import { containsUnknown } from "../lookup/unknowns";
import { changedProperties } from "./lookup-state";

/** The arguments a CertificateValidation records (its checked inputs add the certificate when ISSUED). */
export interface ValidationArgs {
  certificateName: string;
  /** The region: as given, else resolved by `check` from the stack config and the environment. */
  region?: string;
  profile?: string;
  timeoutMinutes?: number;
}

/** Checked inputs: the arguments, plus (only when the certificate is ISSUED) its fields. */
export type ValidationInputs = ValidationArgs & Partial<Certificate>;
/** Outputs: the arguments and every field of the ISSUED certificate. */
export type ValidationOutputs = ValidationArgs & Certificate;

/** The edges of the wait: clock, sleep, and where progress lines go. */
export interface ValidationIo {
  now(): number;
  sleep(ms: number): Promise<void>;
  progress(line: string): void;
}

/**
 * Progress lines go to stderr: the dynamic-provider host has no engine connection for
 * `pulumi.log` (it falls back to the console), and the engine prints each line a provider
 * plugin writes to stderr as a diagnostic of the update (see the e2e test).
 */
const DEFAULT_IO: ValidationIo = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  progress: (line) => void process.stderr.write(`${line}\n`),
};

let context: LookupContext | undefined;
let io: ValidationIo = DEFAULT_IO;

function ctx(): LookupContext {
  context ??= createLookupContext();
  return context;
}

/** Replaces the lookup context and the I/O of the wait (tests); `undefined` restores the defaults. */
export function setValidationContext(next: LookupContext | undefined, nextIo?: Partial<ValidationIo>): void {
  context = next;
  io = { ...DEFAULT_IO, ...nextIo };
}

/** Takes `aws:region` and `aws:profile` from the stack config. */
export async function validationConfigure(req: dynamic.ConfigureRequest): Promise<void> {
  applyStackConfig(ctx(), req);
}

/** `base` with the resource's own `profile`, when it sets one. */
function withProfile(base: LookupContext, args: ValidationArgs): LookupContext {
  return args.profile ? { ...base, connection: { ...base.connection, profile: args.profile } } : base;
}

/** The arguments of `news`, validated: every problem names its argument. */
function parseArgs(news: Record<string, unknown>): {
  args?: ValidationArgs;
  failures: dynamic.CheckFailure[];
} {
  const failures: dynamic.CheckFailure[] = [];
  const nameProblem = describeNameProblem(news.certificateName);
  if (nameProblem) failures.push({ property: "certificateName", reason: nameProblem });
  const region = news.region ?? undefined;
  const regionProblem = region === undefined ? undefined : describeRegionProblem(region);
  if (regionProblem) failures.push({ property: "region", reason: regionProblem });
  const profile = news.profile ?? undefined;
  if (profile !== undefined && (typeof profile !== "string" || profile.trim() === ""))
    failures.push({ property: "profile", reason: "must be a non-empty string" });
  const timeout = news.timeoutMinutes ?? undefined;
  const timeoutProblem = timeout === undefined ? undefined : describeTimeoutProblem(timeout);
  if (timeoutProblem) failures.push({ property: "timeoutMinutes", reason: timeoutProblem });
  if (failures.length > 0) return { failures };
  const args: ValidationArgs = { certificateName: news.certificateName as string };
  if (region !== undefined) args.region = region as string;
  if (profile !== undefined) args.profile = profile as string;
  if (timeout !== undefined) args.timeoutMinutes = timeout as number;
  return { args, failures };
}

/** The certificate fields the checked inputs hold when ISSUED (all but the moving `daysUntilExpiry`). */
function certificateInputs(cert: Certificate): Partial<Certificate> {
  const out: Record<string, unknown> = {};
  for (const key of CERTIFICATE_FIELDS)
    if (key !== "daysUntilExpiry" && cert[key] !== undefined) out[key] = cert[key];
  return out as Partial<Certificate>;
}

/** The secret markers (`null` certificate fields) of `news`, kept so the engine marks those outputs secret. */
function markers(news: Record<string, unknown>): Record<string, null> {
  const out: Record<string, null> = {};
  for (const key of CERTIFICATE_FIELDS)
    if (key !== "region" && Object.hasOwn(news, key) && news[key] === null) out[key] = null;
  return out;
}

/** The methods of a CertificateValidation, as the dynamic-provider interface names them (`remove` is `delete`). */
export interface ValidationResource {
  check(
    olds: Record<string, unknown>,
    news: Record<string, unknown>,
  ): Promise<{ inputs: Record<string, unknown>; failures?: dynamic.CheckFailure[] }>;
  diff(id: string, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<dynamic.DiffResult>;
  create(inputs: Record<string, unknown>): Promise<{ id: string; outs: ValidationOutputs }>;
  update(
    id: string,
    olds: Record<string, unknown>,
    news: Record<string, unknown>,
  ): Promise<{ outs: ValidationOutputs }>;
  read(
    id: string,
    props: Record<string, unknown>,
  ): Promise<{ id: string; props: Record<string, unknown>; inputs: Record<string, unknown> }>;
  remove(id: string, props: Record<string, unknown>): Promise<void>;
}

/**
 * The CertificateValidation resource logic over a lookup context and the wait's I/O, written once
 * for the dynamic provider (the `validation*` functions below) and the provider plugin.
 */
export function validationResource(base: () => LookupContext, ioOf: () => ValidationIo): ValidationResource {
  /**
   * Validates the arguments, resolves the region and reads the certificate once: never waits. The
   * checked inputs hold the certificate's fields only when it is ISSUED (so a preview shows them
   * known); otherwise they stay unknown until `create` has waited.
   */
  async function check(
    _olds: Record<string, unknown>,
    news: Record<string, unknown>,
  ): Promise<{ inputs: Record<string, unknown>; failures?: dynamic.CheckFailure[] }> {
    const given = { ...markers(news) } as Record<string, unknown>;
    for (const key of ["certificateName", "region", "profile", "timeoutMinutes"])
      if (news[key] !== undefined && news[key] !== null) given[key] = news[key];
    if (containsUnknown(given)) return { inputs: given };
    const { args, failures } = parseArgs(news);
    if (!args) return { inputs: given, failures };
    try {
      const c = withProfile(base(), args);
      const region = await resolveRegion(c, args.region);
      const inputs: Record<string, unknown> = { ...given, ...args, region };
      const cert = await readCertificateByName(c, region, args.certificateName);
      if (cert?.status === "ISSUED") Object.assign(inputs, certificateInputs(cert));
      return { inputs };
    } catch (err) {
      if (!LightsailCertificateError.isInstance(err)) throw err;
      const property = InvalidArgumentError.isInstance(err) ? err.argument : "";
      return { inputs: given, failures: [{ property, reason: err.message }] };
    }
  }

  /**
   * Another certificate name or region replaces the validation; a changed certificate (renewed,
   * or no longer ISSUED), timeout or profile updates it. The provider's own code is never a change.
   */
  async function diff(
    _id: string,
    olds: Record<string, unknown>,
    news: Record<string, unknown>,
  ): Promise<dynamic.DiffResult> {
    const replaces = ["certificateName", "region"].filter(
      (key) => containsUnknown(news[key]) || (news[key] !== undefined && news[key] !== olds[key]),
    );
    if (replaces.length > 0) return { changes: true, replaces, deleteBeforeReplace: false };
    if (containsUnknown(news)) return { changes: true, replaces: [] };
    const changed = changedProperties(olds, news);
    for (const key of ["timeoutMinutes", "profile"]) if (olds[key] !== news[key]) changed.push(key);
    return { changes: changed.length > 0, replaces: [], deleteBeforeReplace: false };
  }

  /** Waits until the certificate is ISSUED; the outputs are the arguments and the certificate. */
  async function waitFor(inputs: Record<string, unknown>): Promise<ValidationOutputs> {
    const { args, failures } = parseArgs(inputs);
    if (!args)
      throw new Error(
        `CertificateValidation: invalid arguments: ${failures.map((f) => `${f.property} ${f.reason}`).join("; ")}`,
      );
    const c = withProfile(base(), args);
    const region = await resolveRegion(c, args.region);
    const timeoutMinutes = args.timeoutMinutes ?? DEFAULT_VALIDATION_TIMEOUT_MINUTES;
    const waitIo: WaitIo = {
      read: () => readCertificateByName(c, region, args.certificateName),
      now: ioOf().now,
      sleep: ioOf().sleep,
      progress: ioOf().progress,
    };
    const cert = await waitForIssued({ name: args.certificateName, region, timeoutMinutes }, waitIo);
    return { ...args, ...withDaysUntilExpiry(cert, c.now()), region };
  }

  /** Waits until ISSUED (bounded by `timeoutMinutes`); the id is the certificate's ARN. Creates nothing. */
  async function create(inputs: Record<string, unknown>): Promise<{ id: string; outs: ValidationOutputs }> {
    const outs = await waitFor(inputs);
    return { id: outs.arn, outs };
  }

  /** Waits again (a renewed certificate is ISSUED already: one request). Changes nothing in Lightsail. */
  async function update(
    _id: string,
    _olds: Record<string, unknown>,
    news: Record<string, unknown>,
  ): Promise<{ outs: ValidationOutputs }> {
    return { outs: await waitFor(news) };
  }

  /** Refresh: reads the certificate once, never waits. A certificate that is gone fails clearly. */
  async function read(
    id: string,
    props: Record<string, unknown>,
  ): Promise<{ id: string; props: Record<string, unknown>; inputs: Record<string, unknown> }> {
    const { args, failures } = parseArgs(props);
    if (!args)
      throw new Error(
        `CertificateValidation ${id}: the stored arguments are invalid: ${failures[0]!.reason}`,
      );
    const c = withProfile(base(), args);
    const region = await resolveRegion(c, args.region);
    const cert = await readCertificateByName(c, region, args.certificateName);
    if (!cert)
      throw new Error(
        `The certificate "${args.certificateName}" this CertificateValidation waited for is gone from ${region}. ` +
          "Remove the validation (or request the certificate again), then run `pulumi up`.",
      );
    const inputs = { ...args, region, ...(cert.status === "ISSUED" ? certificateInputs(cert) : {}) };
    return { id: cert.arn, props: { ...args, ...withDaysUntilExpiry(cert, c.now()), region }, inputs };
  }

  /** A validation owns nothing: deleting it sends no request. */
  async function remove(_id: string, _props: Record<string, unknown>): Promise<void> {
    return;
  }

  return { check, diff, create, update, read, remove };
}

/** The dynamic provider's instance: this process's context and I/O. */
const dynamicResource = validationResource(ctx, () => io);

/** `check` of the dynamic provider (state-contract name). */
export const validationCheck: ValidationResource["check"] = (olds, news) => dynamicResource.check(olds, news);
/** `diff` of the dynamic provider (state-contract name). */
export const validationDiff: ValidationResource["diff"] = (id, olds, news) =>
  dynamicResource.diff(id, olds, news);
/** `create` of the dynamic provider (state-contract name). */
export const validationCreate: ValidationResource["create"] = (inputs) => dynamicResource.create(inputs);
/** `update` of the dynamic provider (state-contract name). */
export const validationUpdate: ValidationResource["update"] = (id, olds, news) =>
  dynamicResource.update(id, olds, news);
/** `read` of the dynamic provider (state-contract name). */
export const validationRead: ValidationResource["read"] = (id, props) => dynamicResource.read(id, props);
/** `delete` of the dynamic provider (state-contract name `validationRemove`). */
export const validationRemove: ValidationResource["remove"] = (id, props) =>
  dynamicResource.remove(id, props);
