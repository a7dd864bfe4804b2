import * as pulumi from "@pulumi/pulumi";
import { CertificateResource, markCertificateOutputs } from "./certificate-resource";
import { VALIDATION_PROVIDER_TEXT } from "./provider-text";

/**
 * Arguments of a {@link CertificateValidation}.
 * @example
 * ```ts
 * import type { CertificateValidationArgs } from "pulumi-lightsail-certificates";
 * const args: CertificateValidationArgs = { certificateName: "example-com", region: "us-east-1", timeoutMinutes: 30 };
 * ```
 */
export interface CertificateValidationArgs {
  /** The name of the Lightsail certificate to wait for, e.g. an `aws.lightsail.Certificate`'s `name`. */
  readonly certificateName: pulumi.Input<string>;
  /**
   * The certificate's region. Changing it replaces the validation.
   * @defaultValue the stack's `aws:region`, else `AWS_REGION`, `AWS_DEFAULT_REGION`, the profile's region
   */
  readonly region?: pulumi.Input<string>;
  /** A named profile from the shared AWS config files. @defaultValue the stack's `aws:profile`, else the SDK chain */
  readonly profile?: pulumi.Input<string>;
  /**
   * How long `pulumi up` waits for ISSUED, in minutes (fractions allowed), from 0.1 to 1440. The
   * Pulumi dynamic-provider host ignores `customTimeouts`, so this is the wait's only bound; when
   * it passes, the update fails naming every domain still pending and the record to create.
   * @defaultValue 45
   */
  readonly timeoutMinutes?: pulumi.Input<number>;
}

/**
 * The serialized provider: each method only `require`s the implementation by package name and
 * calls its `validation*` function, so the text stored in state holds no client, credential,
 * environment value or path (docs/state-contract.md).
 *
 * The source of truth of the stored text: the resource stores {@link VALIDATION_PROVIDER_TEXT}, which
 * api/provider-text.ts writes without the closure serializer, and
 * tests/unit/provider-text.test.ts holds it equal to the serializer's text of this object.
 * Internal (exported for that test).
 */
export const validationProvider: pulumi.dynamic.ResourceProvider = {
  async configure(req) {
    return require("pulumi-lightsail-certificates/provider").validationConfigure(req);
  },
  async check(olds, news) {
    return require("pulumi-lightsail-certificates/provider").validationCheck(olds, news);
  },
  async diff(id, olds, news) {
    return require("pulumi-lightsail-certificates/provider").validationDiff(id, olds, news);
  },
  async create(inputs) {
    return require("pulumi-lightsail-certificates/provider").validationCreate(inputs);
  },
  async update(id, olds, news) {
    return require("pulumi-lightsail-certificates/provider").validationUpdate(id, olds, news);
  },
  async read(id, props) {
    return require("pulumi-lightsail-certificates/provider").validationRead(id, props);
  },
  async delete(id, props) {
    return require("pulumi-lightsail-certificates/provider").validationRemove(id, props);
  },
};

/**
 * Waits, during `pulumi up`, until a Lightsail certificate is **ISSUED**, so that resources that
 * need an issued certificate (a distribution, a container service's public domain) can depend on
 * it in the same deployment that requests it. It owns nothing: destroying it touches no certificate.
 *
 * - `create` polls `GetCertificates` by name (2 s, 4 s, 8 s, 16 s, then every 30 s) until ISSUED;
 *   it fails at once on `FAILED`, `VALIDATION_TIMED_OUT`, `REVOKED`, `EXPIRED` or `INACTIVE` with
 *   the reason, and after
 *   `timeoutMinutes` naming every pending domain with the DNS record to create. While it waits,
 *   one progress line per poll appears among the update's diagnostics.
 * - A preview never waits: the outputs are known when the certificate is ISSUED already, unknown
 *   otherwise. Another `certificateName` or `region` replaces it; refresh reads it again.
 * - The Pulumi dynamic-provider host ignores `customTimeouts`: `timeoutMinutes` is the bound.
 *
 * Credentials come from the AWS SDK chain and are never stored. A secret argument makes every
 * certificate output secret.
 * @example
 * ```ts
 * import * as aws from "@pulumi/aws";
 * import { CertificateValidation } from "pulumi-lightsail-certificates";
 * const cert = new aws.lightsail.Certificate("site", { name: "site", domainName: "example.com" });
 * // ... create the records of cert.domainValidationOptions in DNS ...
 * const issued = new CertificateValidation("site", { certificateName: cert.name, region: "us-east-1", timeoutMinutes: 30 });
 * export const certificateName = issued.name; // known once ISSUED
 * ```
 */
export class CertificateValidation extends CertificateResource {
  /** The name waited for, as given. */
  declare readonly certificateName: pulumi.Output<string>;
  /**
   * @param name the Pulumi resource name (not the certificate name).
   * @param args the certificate to wait for and the bound of the wait.
   * @param opts resource options, passed through (`customTimeouts` has no effect: see `timeoutMinutes`).
   */
  constructor(name: string, args: CertificateValidationArgs, opts?: pulumi.CustomResourceOptions) {
    // A fresh props object every time: the base class adds `__provider` to it.
    const props: Record<string, unknown> = {};
    markCertificateOutputs(props, args);
    props.certificateName = args.certificateName;
    props.region = args.region;
    props.profile = args.profile;
    props.timeoutMinutes = args.timeoutMinutes;
    super(VALIDATION_PROVIDER_TEXT, name, props, opts, "CertificateValidation");
  }
}
