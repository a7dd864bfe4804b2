/**
 * The CertificateLookup dynamic provider: the code the Pulumi dynamic-provider host runs. The
 * serialized provider (sdk/certificateLookup.ts) only `require`s this module by its package
 * name and forwards each call, so no client, credential or environment value is ever
 * serialized, and a change of this code alone is not a change of any resource.
 * @internal
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { createLookupContext, LookupContext } from "./context";
import { findCertificateByQuery } from "./lookup";
import {
  changedProperties,
  containsUnknown,
  LookupInputs,
  LookupOutputs,
  queryChanged,
  toLookupInputs,
  toLookupOutputs,
} from "./lookup-state";
import { withDaysUntilExpiry } from "./select";
import type { Certificate } from "./types";
import { checkCertificateArgs } from "./validate";

let context: LookupContext | undefined;

/** The provider process's lookup context (one cache per process). */
function ctx(): LookupContext {
  context ??= createLookupContext();
  return context;
}

/** Replaces the lookup context (tests inject clocks and clients here). */
export function setLookupContext(next: LookupContext | undefined): void {
  context = next;
}

/** Takes `aws:region` and `aws:profile` from the stack config. */
export async function configure(req: dynamic.ConfigureRequest): Promise<void> {
  const region = req.config.get("aws:region");
  const profile = req.config.get("aws:profile");
  const c = ctx();
  c.connection = {
    ...c.connection,
    ...(region ? { configRegion: region } : {}),
    ...(profile ? { profile } : {}),
  };
}

function queryOf(inputs: Record<string, unknown>): Record<string, unknown> {
  const q = inputs.query;
  return q && typeof q === "object" && !Array.isArray(q) ? (q as Record<string, unknown>) : {};
}

/**
 * Validates the search and resolves the certificate, so that the checked inputs (what a preview
 * and a policy see) already hold it. Each bad argument is a failure naming it.
 */
export async function check(
  _olds: Record<string, unknown>,
  news: Record<string, unknown>,
): Promise<{ inputs: LookupInputs; failures?: dynamic.CheckFailure[] }> {
  const query = queryOf(news);
  if (containsUnknown(query)) return { inputs: { query } };
  const { query: parsed, problems } = checkCertificateArgs(query, true);
  if (!parsed) {
    return { inputs: { query }, failures: problems.map((p) => ({ property: p.property, reason: p.reason })) };
  }
  const cert = await findCertificateByQuery(ctx(), parsed);
  return { inputs: toLookupInputs(query, cert) };
}

/** Reports exactly the certificate properties that changed; ignores the provider's own code. */
export async function diff(
  _id: string,
  olds: Record<string, unknown>,
  news: Record<string, unknown>,
): Promise<dynamic.DiffResult> {
  if (containsUnknown(news)) return { changes: true };
  const changed = changedProperties(olds, news);
  if (queryChanged(olds, news)) changed.push("query");
  return { changes: changed.length > 0, replaces: [], deleteBeforeReplace: false };
}

/**
 * The outputs for checked inputs: the rest of the certificate comes from the same search, which
 * the shared cache answers without a request when `check` ran moments before in this process.
 */
async function outputsOf(inputs: LookupInputs): Promise<LookupOutputs> {
  const query = queryOf(inputs as Record<string, unknown>);
  const { query: parsed, problems } = checkCertificateArgs(query, true);
  if (!parsed || !inputs.arn) {
    throw new Error(
      `CertificateLookup: the search was not resolved by check (${problems[0]?.reason ?? "no certificate"})`,
    );
  }
  const cert = await findCertificateByQuery(ctx(), parsed);
  const base =
    cert.arn === inputs.arn
      ? cert
      : ({ inUseResourceCount: 0, domainValidationRecords: [], tags: {} } as unknown as Certificate);
  return withDaysUntilExpiry(toLookupOutputs(inputs, base), ctx().now());
}

/** Records the resolved certificate; the id is its ARN. Creates nothing in Lightsail. */
export async function create(inputs: LookupInputs): Promise<{ id: string; outs: LookupOutputs }> {
  const outs = await outputsOf(inputs);
  return { id: outs.arn, outs };
}

/** Records the newly resolved certificate. Changes nothing in Lightsail. */
export async function update(
  _id: string,
  _olds: LookupOutputs,
  news: LookupInputs,
): Promise<{ outs: LookupOutputs }> {
  return { outs: await outputsOf(news) };
}

/** Runs the stored search again (refresh). A certificate that is gone fails with a clear message. */
export async function read(
  id: string,
  props: LookupOutputs,
): Promise<{ id: string; props: LookupOutputs; inputs: LookupOutputs }> {
  const query = queryOf(props as unknown as Record<string, unknown>);
  const { query: parsed, problems } = checkCertificateArgs(query, true);
  if (!parsed)
    throw new Error(
      `CertificateLookup ${id}: the stored search is invalid: ${problems[0].property} ${problems[0].reason}`,
    );
  let cert: Certificate;
  try {
    cert = await findCertificateByQuery(ctx(), parsed);
  } catch (err) {
    const name = (err as Error).name;
    if (name === "CertificateNotFoundError") {
      throw new Error(
        `The certificate recorded by this CertificateLookup (${props.name ?? id}) is gone or no longer matches: ` +
          `${(err as Error).message} Fix the search or remove the lookup, then run \`pulumi up\`.`,
      );
    }
    throw err;
  }
  const inputs = toLookupInputs(query, cert);
  return {
    id: cert.arn,
    props: withDaysUntilExpiry(toLookupOutputs(inputs, cert), ctx().now()),
    inputs: inputs as LookupOutputs,
  };
}

/** A lookup owns nothing: deleting it sends no request. */
export async function remove(_id: string, _props: LookupOutputs): Promise<void> {
  return;
}
