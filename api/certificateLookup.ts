import * as pulumi from "@pulumi/pulumi";
import type { LookupSettings } from "../lightsail/settings";
import { CertificateResource, markCertificateOutputs } from "./certificate-resource";
import { LOOKUP_PROVIDER_TEXT } from "./provider-text";
import type { GetCertificateOutputArgs } from "./getCertificate";
import { lookupConnection } from "./lookup-connection";

/**
 * A role a {@link CertificateLookup} assumes with STS (over the AWS SDK chain's identity, or the
 * profile's) before it reads Lightsail, so that it reads the role's account: the one role of an
 * `aws.Provider`'s `assumeRoles`, in the units of STS.
 */
export interface CertificateLookupRole {
  /** The role's ARN, `arn:aws:iam::123456789012:role/NAME`. */
  readonly roleArn: string;
  /**
   * The external id the role's trust policy requires. Treated as a secret: stored encrypted in
   * the state (as the property `externalId`) and never printed.
   */
  readonly externalId?: string;
  /** The session name. @defaultValue `"pulumi-lightsail-certificates"` */
  readonly sessionName?: string;
  /** Session length in seconds, 900 to 43200. @defaultValue 3600 */
  readonly durationSeconds?: number;
}

/**
 * Arguments of a {@link CertificateLookup}: those of `getCertificate`, as Inputs, the request
 * `settings` and the role to assume.
 */
export interface CertificateLookupArgs extends GetCertificateOutputArgs {
  /**
   * Request timeout, attempts per request and page bound of this lookup's reads, as for
   * `configureLookups` (whose process-wide settings do not reach the provider process).
   * Changing them is not a change of the resource.
   * @defaultValue `{ requestTimeoutMs: 15000, maxAttempts: 4, maxPages: 500 }`
   */
  readonly settings?: pulumi.Input<LookupSettings>;
  /**
   * A role to assume before reading Lightsail: the lookup reads that role's account. Wins over
   * the role of an `aws.Provider` given as `opts.provider`. The role is stored in state (the
   * external id as a secret, the credentials never); another role is an **update** of the
   * lookup, shown by `pulumi preview`.
   */
  readonly assumeRole?: pulumi.Input<CertificateLookupRole>;
}

/**
 * The serialized provider. Each method `require`s the implementation by its package name
 * inside the call, so the text stored in state holds no client, credential, environment value
 * or deep path, and stays the same across this package's releases unless this object changes.
 *
 * The source of truth of the stored text: the resource stores {@link LOOKUP_PROVIDER_TEXT}, which
 * api/provider-text.ts writes without the closure serializer, and
 * tests/unit/provider-text.test.ts holds it equal to the serializer's text of this object.
 * Internal (exported for that test).
 */
export const lookupProvider: pulumi.dynamic.ResourceProvider = {
  async configure(req) {
    return require("pulumi-lightsail-certificates/provider").configure(req);
  },
  async check(olds, news) {
    return require("pulumi-lightsail-certificates/provider").check(olds, news);
  },
  async diff(id, olds, news) {
    return require("pulumi-lightsail-certificates/provider").diff(id, olds, news);
  },
  async create(inputs) {
    return require("pulumi-lightsail-certificates/provider").create(inputs);
  },
  async update(id, olds, news) {
    return require("pulumi-lightsail-certificates/provider").update(id, olds, news);
  },
  async read(id, props) {
    return require("pulumi-lightsail-certificates/provider").read(id, props);
  },
  async delete(id, props) {
    return require("pulumi-lightsail-certificates/provider").remove(id, props);
  },
};

/**
 * A Lightsail certificate lookup recorded in the stack, so that `pulumi preview` shows when the
 * certificate it resolves to is renewed (new serial, notAfter) or replaced (other ARN), and
 * `pulumi refresh` reads it again. It owns nothing: destroying it touches no certificate.
 *
 * The certificate is resolved in `check`, so a first preview and policy packs already see
 * `arn`, `name`, `domainName`, `status` and `notAfter`. `daysUntilExpiry` is measured when the
 * lookup was last created, updated or refreshed: in state it is as of that moment.
 *
 * Region: `region`, else the stack's `aws:region`, else the AWS SDK chain of the provider
 * process. Credentials come from the AWS SDK chain and are never stored.
 * @example
 * ```ts
 * import { CertificateLookup } from "pulumi-lightsail-certificates";
 * const cert = new CertificateLookup("site", { domainName: "example.com", region: "us-east-1", minDaysValid: 30 });
 * export const certificateName = cert.name;
 * export const expires = cert.notAfter;
 * ```
 */
export class CertificateLookup extends CertificateResource {
  /**
   * @param name the Pulumi resource name (not the certificate name).
   * @param args the search, as for `getCertificate`, the settings and the role.
   * @param opts resource options, passed through; an `aws.Provider` as `opts.provider` gives
   *   the lookup its region (when `region` is not set), profile and role (`assumeRoles`, one
   *   role) and is not passed on (the lookup runs in its own provider).
   */
  constructor(name: string, args: CertificateLookupArgs, opts?: pulumi.CustomResourceOptions) {
    // A fresh props object every time: the base class adds `__provider` to it.
    const { settings, assumeRole, ...search } = args;
    const connection = lookupConnection(search, assumeRole, opts);
    const props: Record<string, unknown> = { query: connection.query };
    if (settings !== undefined) props.settings = settings;
    Object.assign(props, connection.props);
    markCertificateOutputs(props, search);
    super(LOOKUP_PROVIDER_TEXT, name, props, connection.opts, "CertificateLookup");
  }
}
