/**
 * The properties of the plugin's schema, one `Record` per list of the package (certificate
 * fields, search arguments, load-balancer fields, settings), so that a field added to a list
 * without its entry here fails to compile. The words of each property are written here once;
 * the schema (schema.ts) and so every generated SDK take them from here. Pure.
 */
import type { CertificateField, LoadBalancerTlsCertificate } from "../../lightsail/types";
import { describeSetting, LOOKUP_SETTING_RANGES, type LookupSettings } from "../../lightsail/settings";
import { CERTIFICATE_ARGUMENTS, LOAD_BALANCER_ARGUMENTS } from "../../lookup/search-args";

/** The plugin's package name: the plugin executable is `pulumi-resource-lightsail-certificates`. */
export const PACKAGE_NAME = "lightsail-certificates";

/** One property of a Pulumi schema (the subset this schema uses). */
export interface PropertySpec {
  type?: "string" | "integer" | "number" | "boolean" | "array" | "object";
  items?: PropertySpec;
  additionalProperties?: PropertySpec;
  $ref?: string;
  description?: string;
  default?: unknown;
  deprecationMessage?: string;
}

export const str = (description: string): PropertySpec => ({ type: "string", description });
export const int = (description: string): PropertySpec => ({ type: "integer", description });
export const strings = (description: string): PropertySpec => ({
  type: "array",
  items: { type: "string" },
  description,
});
export const stringMap = (description: string): PropertySpec => ({
  type: "object",
  additionalProperties: { type: "string" },
  description,
});
export const ref = (name: string, description: string): PropertySpec => ({
  $ref: `#/types/${PACKAGE_NAME}:index:${name}`,
  description,
});
export const validationRecords = (): PropertySpec => ({
  type: "array",
  items: ref("DomainValidationRecord", ""),
  description: "Validation records, one per domain.",
});

/** The schema of every certificate field: a `Record` over the fields, so none can be left out. */
export const CERTIFICATE_FIELD_SPECS: Readonly<Record<CertificateField, PropertySpec>> = {
  arn: str("The certificate ARN."),
  name: str("The certificate name: what distributions and container services reference."),
  domainName: str("The primary domain."),
  subjectAlternativeNames: strings("Alternative names; Lightsail includes the primary domain here itself."),
  status: str("Status, e.g. `ISSUED` (a value the service added later is passed through)."),
  region: str("The region the certificate lives in."),
  serialNumber: str("Serial number; changes when the certificate is renewed."),
  keyAlgorithm: str("Key algorithm, e.g. `RSA-2048`."),
  issuerCA: str("Issuing certificate authority."),
  createdAt: str("When the certificate was requested (ISO-8601)."),
  issuedAt: str("When it was issued (ISO-8601)."),
  notBefore: str("Start of validity (ISO-8601)."),
  notAfter: str("End of validity (ISO-8601)."),
  daysUntilExpiry: int(
    "Whole days from the time of the lookup to `notAfter` (rounded down), negative once expired.",
  ),
  renewalStatus: str("Renewal status, e.g. `PendingAutoRenewal`."),
  renewalStatusReason: str("Why the renewal status is what it is."),
  eligibleToRenew: str("Whether the certificate can be renewed (a free string in the API)."),
  inUseResourceCount: int("How many Lightsail resources use it."),
  revokedAt: str("When it was revoked (ISO-8601)."),
  revocationReason: str("Why it was revoked."),
  requestFailureReason: str("Why the request failed."),
  domainValidationRecords: validationRecords(),
  renewalDomainValidationRecords: {
    ...validationRecords(),
    description:
      "The renewal's own DNS validation records, each with its validation status (absent without any).",
  },
  tags: stringMap("Tags as a map."),
  supportCode: str("Code to quote to AWS support."),
};

/** The arguments of a CertificateValidation (as for the Node.js resource). */
export const VALIDATION_INPUTS: Record<string, PropertySpec> = {
  certificateName: str("The name of the certificate to wait for. Changing it replaces the validation."),
  region: str(
    "The certificate's region (else the provider's region and the environment). Changing it replaces the validation.",
  ),
  profile: str("A named profile from the shared AWS config files."),
  timeoutMinutes: {
    type: "number",
    description:
      "How long an update waits for ISSUED, in minutes (0.1 to 1440, default 45); then it fails naming every pending domain and the record to create.",
  },
};

/** Certificate fields always present in a result. */
export const REQUIRED_CERTIFICATE_FIELDS: readonly CertificateField[] = [
  "arn",
  "name",
  "domainName",
  "subjectAlternativeNames",
  "status",
  "region",
  "inUseResourceCount",
  "domainValidationRecords",
  "tags",
];

/** The schema of every load-balancer certificate field (a `Record`, so none can be left out). */
export const LOAD_BALANCER_FIELD_SPECS: Readonly<Record<keyof LoadBalancerTlsCertificate, PropertySpec>> = {
  arn: str("The certificate ARN."),
  name: str("The certificate name: what a load balancer's `certificateName` references."),
  loadBalancerName: str("The load balancer it belongs to."),
  isAttached: { type: "boolean", description: "Whether it is the load balancer's attached certificate." },
  domainName: str("The primary domain."),
  subjectAlternativeNames: strings("Alternative names."),
  status: str("Status, e.g. `ISSUED` (or `UNKNOWN`)."),
  region: str("The region."),
  serial: str("Serial number."),
  issuer: str("Issuer."),
  subject: str("Subject."),
  signatureAlgorithm: str("Signature algorithm."),
  keyAlgorithm: str("Key algorithm."),
  createdAt: str("Creation time (ISO-8601)."),
  issuedAt: str("Issue time (ISO-8601)."),
  notBefore: str("Start of validity (ISO-8601)."),
  notAfter: str("End of validity (ISO-8601)."),
  daysUntilExpiry: int("Whole days to `notAfter` at the time of the lookup, negative once expired."),
  renewalStatus: str("Renewal status (UPPER_CASE for load-balancer certificates)."),
  failureReason: str("Why the request failed."),
  revokedAt: str("When it was revoked (ISO-8601)."),
  revocationReason: str("Why it was revoked."),
  domainValidationRecords: validationRecords(),
  supportCode: str("Code to quote to AWS support."),
};

type CertificateArgument = (typeof CERTIFICATE_ARGUMENTS)[number];
type LoadBalancerArgument = (typeof LOAD_BALANCER_ARGUMENTS)[number];

/** The search arguments of getCertificate, getCertificates and CertificateLookup. */
export const CERTIFICATE_ARGUMENT_SPECS: Readonly<Record<CertificateArgument, PropertySpec>> = {
  name: str("Exact certificate name (case-sensitive). A name lookup costs one request."),
  domainName: str(
    "Domain the certificate is for; compared case-insensitively, one trailing dot ignored. A certificate whose primary domain equals it wins over ones that hold it only as a SAN.",
  ),
  subjectAlternativeNames: strings("Domains the certificate must all cover (its primary domain or SANs)."),
  statuses: strings('Statuses to accept (default `["ISSUED"]`).'),
  mostRecent: {
    type: "boolean",
    description: "When several certificates match, take the most recent instead of failing (default false).",
  },
  minDaysValid: int("Fail unless the chosen certificate stays valid at least this many whole days from now."),
  tags: stringMap("Tags that must all be present with exactly these values."),
  region: str(
    "Region; otherwise the provider's `region`, `AWS_REGION`, `AWS_DEFAULT_REGION`, the profile's region.",
  ),
};

/** The arguments of getLoadBalancerTlsCertificate. */
export const LOAD_BALANCER_ARGUMENT_SPECS: Readonly<Record<LoadBalancerArgument, PropertySpec>> = {
  loadBalancerName: str("The Lightsail load balancer whose certificates are read."),
  name: str("Exact certificate name."),
  domainName: str("Domain (same comparison as `getCertificate`)."),
  statuses: strings('Statuses to accept, `UNKNOWN` included (default `["ISSUED"]`).'),
  minDaysValid: int("Fail unless the chosen certificate stays valid at least this many whole days from now."),
  region: str("Region, as for `getCertificate`."),
};

/** The request settings, described by `describeSetting` (their meaning, range and default, written once). */
export const SETTING_SPECS: Readonly<Record<keyof LookupSettings, PropertySpec>> = Object.fromEntries(
  (Object.keys(LOOKUP_SETTING_RANGES) as (keyof LookupSettings)[]).map((key) => [
    key,
    int(describeSetting(key)),
  ]),
) as Record<keyof LookupSettings, PropertySpec>;

export const PROVIDER_CONFIG: Record<string, PropertySpec> = {
  region: str(
    "Region of every lookup that names none; otherwise `AWS_REGION`, `AWS_DEFAULT_REGION`, the profile's region.",
  ),
  profile: str("Named profile of the shared AWS config and credentials files (adds to the AWS SDK chain)."),
  ...SETTING_SPECS,
};
