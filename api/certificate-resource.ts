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
