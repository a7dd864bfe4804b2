import * as pulumi from "@pulumi/pulumi";
import type { LookupSettings } from "../lightsail/settings";
import {
  CERTIFICATE_FIELDS,
  type CertificateField,
  type CertificateStatus,
  type DomainValidationRecord,
} from "../lightsail/types";
import type { GetCertificateOutputArgs } from "./getCertificate";

/**
 * Arguments of a {@link CertificateLookup}: those of `getCertificate`, as Inputs, and the request
 * `settings`.
 */
export interface CertificateLookupArgs extends GetCertificateOutputArgs {
  /**
   * Request timeout, attempts per request and page bound of this lookup's reads, as for
   * `configureLookups` (whose process-wide settings do not reach the provider process).
   * Changing them is not a change of the resource.
   * @defaultValue `{ requestTimeoutMs: 15000, maxAttempts: 4, maxPages: 500 }`
   */
  readonly settings?: pulumi.Input<LookupSettings>;
}

/**
 * The serialized provider. Each method `require`s the implementation by its package name
 * inside the call, so the text stored in state holds no client, credential, environment value
 * or deep path, and stays the same across this package's releases unless this object changes.
 */
const provider: pulumi.dynamic.ResourceProvider = {
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
 * `null` as a secret when any of `args` is secret, else nothing. Set as the input of every output
 * name, it makes the engine mark every output secret (it copies secretness from an input to the
 * output of the same name), so a secret search never reaches state or stack outputs in plaintext.
 */
function secretMarker(args: object): pulumi.Output<null | undefined> {
  return pulumi
    .output(pulumi.isSecret(pulumi.output(args)))
    .apply((secret) =>
      secret ? pulumi.secret<null | undefined>(null) : pulumi.output<null | undefined>(undefined),
    );
}

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
export class CertificateLookup extends pulumi.dynamic.Resource {
  /** The certificate ARN (also the resource id). */
  declare readonly arn: pulumi.Output<string>;
  /** The certificate name, what distributions and container services reference. */
  declare readonly name: pulumi.Output<string>;
  /** The primary domain. */
  declare readonly domainName: pulumi.Output<string>;
  /** Alternative names (Lightsail includes the primary domain). */
  declare readonly subjectAlternativeNames: pulumi.Output<string[]>;
  /** Status, e.g. `ISSUED`. */
  declare readonly status: pulumi.Output<CertificateStatus>;
  /** Region of the certificate. */
  declare readonly region: pulumi.Output<string>;
  /** Serial number; changes on renewal. */
  declare readonly serialNumber: pulumi.Output<string | undefined>;
  /** Key algorithm. */
  declare readonly keyAlgorithm: pulumi.Output<string | undefined>;
  /** Issuing CA. */
  declare readonly issuerCA: pulumi.Output<string | undefined>;
  /** Request time (ISO-8601). */
  declare readonly createdAt: pulumi.Output<string | undefined>;
  /** Issue time (ISO-8601). */
  declare readonly issuedAt: pulumi.Output<string | undefined>;
  /** Start of validity (ISO-8601). */
  declare readonly notBefore: pulumi.Output<string | undefined>;
  /** End of validity (ISO-8601). */
  declare readonly notAfter: pulumi.Output<string | undefined>;
  /** Whole days to notAfter as of the last create, update or refresh. */
  declare readonly daysUntilExpiry: pulumi.Output<number | undefined>;
  /** Renewal status. */
  declare readonly renewalStatus: pulumi.Output<string | undefined>;
  /** Reason for the renewal status. */
  declare readonly renewalStatusReason: pulumi.Output<string | undefined>;
  /** The renewal's DNS validation records, each with its validation status (absent without any). */
  declare readonly renewalDomainValidationRecords: pulumi.Output<DomainValidationRecord[] | undefined>;
  /** Whether it can be renewed. */
  declare readonly eligibleToRenew: pulumi.Output<string | undefined>;
  /** Resources using it, as of the last read. */
  declare readonly inUseResourceCount: pulumi.Output<number>;
  /** Revocation time (ISO-8601). */
  declare readonly revokedAt: pulumi.Output<string | undefined>;
  /** Revocation reason. */
  declare readonly revocationReason: pulumi.Output<string | undefined>;
  /** Request failure reason. */
  declare readonly requestFailureReason: pulumi.Output<string | undefined>;
  /** Validation records. */
  declare readonly domainValidationRecords: pulumi.Output<DomainValidationRecord[]>;
  /** Tags. */
  declare readonly tags: pulumi.Output<Record<string, string>>;
  /** Support code. */
  declare readonly supportCode: pulumi.Output<string | undefined>;

  /**
   * @param name the Pulumi resource name (not the certificate name).
   * @param args the search, as for `getCertificate`.
   * @param opts resource options, passed through.
   */
  constructor(name: string, args: CertificateLookupArgs, opts?: pulumi.CustomResourceOptions) {
    // A fresh props object every time: dynamic.Resource adds `__provider` to it.
    const { settings, ...search } = args;
    const props: Record<string, unknown> = { query: search };
    if (settings !== undefined) props.settings = settings;
    const marker = secretMarker(search);
    for (const key of CERTIFICATE_FIELDS) props[key] = marker;
    super(provider, name, props, opts, "lightsail", "CertificateLookup");
  }
}

/** Compile-time check: {@link CertificateLookup} declares an output for every field of `Certificate`. */
type UndeclaredOutputs = Exclude<CertificateField, keyof CertificateLookup>;
const lookupOutputsComplete: [UndeclaredOutputs] extends [never] ? true : UndeclaredOutputs = true;
void lookupOutputsComplete;
