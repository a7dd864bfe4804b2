/**
 * The CertificateLookup dynamic provider: the code the Pulumi dynamic-provider host runs. The
 * serialized provider (api/certificateLookup.ts) only `require`s this package's `/provider`
 * entry point by its package name and forwards each call, so no client, credential or
 * environment value is ever serialized, and a change of this code alone is not a change of any
 * resource. Those calls are a contract with every stack's state: see provider/index.ts.
 * Internal: not part of the public API (no "internal" doc tag here: on a file header it would
 * strip the first import from the emitted declarations).
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { applyStackConfig } from "./stack-config";
import { createLookupContext, LookupContext } from "../lookup/context";
import { lookupResource } from "./lookup-resource";
import type { LookupInputs, LookupOutputs } from "./lookup-state";

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
  applyStackConfig(ctx(), req);
}

/** The resource logic, shared with the provider plugin (provider/lookup-resource.ts). */
const resource = lookupResource(ctx);

/**
 * Validates the search and settings and resolves the certificate, so that the checked inputs
 * (what a preview and a policy see) already hold it. Each bad argument is a failure naming it;
 * a lookup that fails (nothing found, access denied, ...) is one failure with the lookup's
 * message, which the engine prints once, without a stack trace.
 */
export async function check(
  olds: Record<string, unknown>,
  news: Record<string, unknown>,
): Promise<{ inputs: LookupInputs; failures?: dynamic.CheckFailure[] }> {
  return resource.check(olds, news);
}

/** Reports exactly the certificate properties that changed; ignores the provider's own code and the settings. */
export async function diff(
  id: string,
  olds: Record<string, unknown>,
  news: Record<string, unknown>,
): Promise<dynamic.DiffResult> {
  return resource.diff(id, olds, news);
}

/** Records the resolved certificate; the id is its ARN. Creates nothing in Lightsail. */
export async function create(inputs: LookupInputs): Promise<{ id: string; outs: LookupOutputs }> {
  return resource.create(inputs);
}

/** Records the newly resolved certificate. Changes nothing in Lightsail. */
export async function update(
  id: string,
  olds: LookupOutputs,
  news: LookupInputs,
): Promise<{ outs: LookupOutputs }> {
  return resource.update(id, olds, news);
}

/** Runs the stored search again (refresh). A certificate that is gone fails with a clear message. */
export async function read(
  id: string,
  props: LookupOutputs,
): Promise<{ id: string; props: LookupOutputs; inputs: LookupOutputs }> {
  return resource.read(id, props);
}

/** A lookup owns nothing: deleting it sends no request. */
export async function remove(id: string, props: LookupOutputs): Promise<void> {
  return resource.remove(id, props);
}
