/**
 * How a CertificateLookup is connected (issue 21): its `assumeRole` argument, else the one role of
 * an `aws.Provider` given as `opts.provider` (which also gives its profile, and its region when
 * the search sets none). The role is sent as `assumeRole` (plaintext, so a preview names a change
 * of role) and its external id as `externalId`, always a Pulumi secret. The aws.Provider is taken
 * out of the options: the lookup runs in its own (dynamic) provider, which the engine would
 * otherwise be asked to replace with the AWS one.
 * A lookup with neither sends exactly what 0.2.0 sent, so its state does not change.
 * Internal: not part of the public API (no "internal" doc tag here: on a file header it would
 * strip the first import from the emitted declarations).
 */
import * as pulumi from "@pulumi/pulumi";
import type { CertificateLookupRole } from "./certificateLookup";
import { awsProviderOf, providerConnectionOutput } from "./aws-provider";

/** What the resource sends: its `query`, the connection's properties, and the options to pass on. */
export interface LookupConnection {
  query: unknown;
  props: Record<string, unknown>;
  opts: pulumi.CustomResourceOptions | undefined;
}

/** `assumeRole` without its external id, and the external id alone as a secret (absent when not set). */
function roleProps(role: pulumi.Output<CertificateLookupRole | undefined>): Record<string, unknown> {
  return {
    assumeRole: role.apply((r) => {
      if (r === undefined) return undefined;
      const { externalId: _externalId, ...rest } = r;
      return rest;
    }),
    externalId: role.apply((r) => (r?.externalId === undefined ? undefined : pulumi.secret(r.externalId))),
  };
}

/**
 * The lookup's query, connection properties and options.
 * @throws InvalidArgumentError naming `opts.provider` when it is not an aws.Provider, sets
 *   explicit keys or assumes a chain of roles.
 */
export function lookupConnection(
  search: Record<string, unknown>,
  assumeRole: pulumi.Input<CertificateLookupRole> | undefined,
  opts: pulumi.CustomResourceOptions | undefined,
): LookupConnection {
  const provider = awsProviderOf(opts);
  if (provider === undefined) {
    const props = assumeRole === undefined ? {} : roleProps(pulumi.output(assumeRole));
    return { query: search, props, opts };
  }
  const { provider: _aws, ...rest } = opts ?? {};
  const connection = providerConnectionOutput(provider);
  const query = pulumi
    .all([connection, pulumi.output(search)])
    .apply(([c, s]) =>
      s.region === undefined && c.providerRegion !== undefined ? { ...s, region: c.providerRegion } : s,
    );
  const role =
    assumeRole !== undefined
      ? pulumi.output(assumeRole)
      : connection.apply((c) => c.assumeRole as CertificateLookupRole | undefined);
  return {
    query,
    props: { profile: connection.apply((c) => c.profile), ...roleProps(role) },
    opts: rest,
  };
}
