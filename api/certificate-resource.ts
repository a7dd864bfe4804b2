/**
 * What every certificate resource of this package (`CertificateLookup`, `CertificateValidation`)
 * outputs: the fields of `Certificate`, declared once and checked complete at compile time, and
 * the secret marker that keeps them secret when the resource's arguments are.
 * Internal: the classes are public, this module is not.
 */
import * as pulumi from "@pulumi/pulumi";
import {
  CERTIFICATE_FIELDS,
  type CertificateField,
  type CertificateStatus,
  type DomainValidationRecord,
} from "../lightsail/types";

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
 * Sets the input of every certificate field on `props` to the secret marker of `args`: the engine
 * copies secretness from an input to the output of the same name.
 */
export function markCertificateOutputs(props: Record<string, unknown>, args: object): void {
  const marker = secretMarker(args);
  for (const key of CERTIFICATE_FIELDS) props[key] = marker;
}

/**
 * The base of the certificate resources: dynamic resources (type
 * `pulumi-nodejs:dynamic/lightsail:<type>`, run by the Pulumi dynamic-provider host) whose outputs
 * are the fields of `Certificate`.
 *
 * It registers what `pulumi.dynamic.Resource` registers (the same type, the props with
 * `__provider`), but with the provider text written by api/provider-text.ts instead of calling
 * @pulumi/pulumi's closure serializer, whose first use costs about 0.5 s of every preview (issue
 * 19). `instanceof pulumi.dynamic.Resource` still holds (the prototype chain is set below).
 */
export abstract class CertificateResource extends pulumi.CustomResource {
  /** The certificate ARN. Also the resource id. */
  declare readonly arn: pulumi.Output<string>;
  /** The certificate name: what distributions and container services reference. */
  declare readonly name: pulumi.Output<string>;
  /** The primary domain. */
  declare readonly domainName: pulumi.Output<string>;
  /** Alternative names; Lightsail includes the primary domain here itself. */
  declare readonly subjectAlternativeNames: pulumi.Output<string[]>;
  /** Status, e.g. `ISSUED` (a value the service added later is passed through). */
  declare readonly status: pulumi.Output<CertificateStatus>;
  /** The region the certificate lives in. */
  declare readonly region: pulumi.Output<string>;
  /** Serial number; changes when the certificate is renewed. */
  declare readonly serialNumber: pulumi.Output<string | undefined>;
  /** Key algorithm, e.g. `RSA-2048`. */
  declare readonly keyAlgorithm: pulumi.Output<string | undefined>;
  /** Issuing certificate authority. */
  declare readonly issuerCA: pulumi.Output<string | undefined>;
  /** When the certificate was requested (ISO-8601). */
  declare readonly createdAt: pulumi.Output<string | undefined>;
  /** When it was issued (ISO-8601). */
  declare readonly issuedAt: pulumi.Output<string | undefined>;
  /** Start of validity (ISO-8601). */
  declare readonly notBefore: pulumi.Output<string | undefined>;
  /** End of validity (ISO-8601). */
  declare readonly notAfter: pulumi.Output<string | undefined>;
  /** Whole days from the time of the lookup to `notAfter` (rounded down), negative once expired. In state: as of the last create, update or refresh. */
  declare readonly daysUntilExpiry: pulumi.Output<number | undefined>;
  /** Renewal status, e.g. `PendingAutoRenewal`. */
  declare readonly renewalStatus: pulumi.Output<string | undefined>;
  /** Why the renewal status is what it is. */
  declare readonly renewalStatusReason: pulumi.Output<string | undefined>;
  /** The renewal's own DNS validation records, each with its validation status (absent without any). */
  declare readonly renewalDomainValidationRecords: pulumi.Output<DomainValidationRecord[] | undefined>;
  /** Whether the certificate can be renewed (a free string in the API). */
  declare readonly eligibleToRenew: pulumi.Output<string | undefined>;
  /** How many Lightsail resources use it. As of the last read. */
  declare readonly inUseResourceCount: pulumi.Output<number>;
  /** When it was revoked (ISO-8601). */
  declare readonly revokedAt: pulumi.Output<string | undefined>;
  /** Why it was revoked. */
  declare readonly revocationReason: pulumi.Output<string | undefined>;
  /** Why the request failed. */
  declare readonly requestFailureReason: pulumi.Output<string | undefined>;
  /** Validation records, one per domain. */
  declare readonly domainValidationRecords: pulumi.Output<DomainValidationRecord[]>;
  /** Tags as a map. */
  declare readonly tags: pulumi.Output<Record<string, string>>;
  /** Code to quote to AWS support. */
  declare readonly supportCode: pulumi.Output<string | undefined>;

  /**
   * @param providerText the serialized provider (api/provider-text.ts), stored as `__provider`.
   * @param type the type's last part, e.g. `CertificateLookup`.
   */
  constructor(
    providerText: string,
    name: string,
    props: Record<string, unknown>,
    opts: pulumi.CustomResourceOptions | undefined,
    type: string,
  ) {
    props.__provider = providerText;
    super(`pulumi-nodejs:dynamic/lightsail:${type}`, name, props, opts);
  }
}
// Instances: CertificateResource -> dynamic.Resource -> CustomResource, as if the class extended
// dynamic.Resource (whose constructor only serializes the provider and calls CustomResource's).
// The constructor's own chain is left alone: `super` must stay CustomResource's constructor.
Object.setPrototypeOf(CertificateResource.prototype, pulumi.dynamic.Resource.prototype);

/** Compile-time check: {@link CertificateResource} declares an output for every field of `Certificate`. */
type UndeclaredOutputs = Exclude<CertificateField, keyof CertificateResource>;
const outputsComplete: [UndeclaredOutputs] extends [never] ? true : UndeclaredOutputs = true;
void outputsComplete;
