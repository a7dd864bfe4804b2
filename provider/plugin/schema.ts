/**
 * The Pulumi package schema of the provider plugin `lightsail-certificates`, generated from the
 * package's own lists so that it cannot drift from them: the certificate fields from
 * `CERTIFICATE_FIELDS`, the search arguments from the validator's argument lists, the settings
 * from `LOOKUP_SETTING_RANGES`. A field added to one of those lists without a schema entry here
 * fails to compile (the spec tables are typed `Record<Field, ...>`), and tests/unit/plugin-schema
 * checks the generated schema against the lists. Pure.
 */
import {
  CERTIFICATE_FIELDS,
  type CertificateField,
  type LoadBalancerTlsCertificate,
} from "../../lightsail/types";
import {
  DEFAULT_LOOKUP_SETTINGS,
  LOOKUP_SETTING_RANGES,
  type LookupSettings,
} from "../../lightsail/settings";
import { CERTIFICATE_ARGUMENTS, LOAD_BALANCER_ARGUMENTS } from "../../lookup/validate";

/** The plugin's package name: the plugin executable is `pulumi-resource-lightsail-certificates`. */
export const PACKAGE_NAME = "lightsail-certificates";

/** Where the sources live (package.json `repository`, without npm's `git+` and `.git`). */
export const REPOSITORY_URL =
  "https://github.com/pulumi-lightsail-certificates/pulumi-lightsail-certificates";

/** package.json `homepage`. */
export const HOMEPAGE_URL = `${REPOSITORY_URL}#readme`;

/** The npm package the generated Node.js SDK ships in (as its `/plugin` subpath). */
export const NPM_PACKAGE_NAME = "pulumi-lightsail-certificates";

/**
 * The Go package of the generated SDK: module `<repository>/sdk/go` (sdk/go/go.mod), package
 * `lightsailcertificates` in it. No `pluginDownloadURL`: the plugin is installed from its archive
 * with `pulumi plugin install --file` (README).
 */
export const GO_IMPORT_BASE_PATH =
  "github.com/pulumi-lightsail-certificates/pulumi-lightsail-certificates/sdk/go/lightsailcertificates";

/** Type tokens of the schema. */
export const TOKENS = {
  getCertificate: `${PACKAGE_NAME}:index:getCertificate`,
  getCertificates: `${PACKAGE_NAME}:index:getCertificates`,
  getLoadBalancerTlsCertificate: `${PACKAGE_NAME}:index:getLoadBalancerTlsCertificate`,
  certificateLookup: `${PACKAGE_NAME}:index:CertificateLookup`,
  certificateValidation: `${PACKAGE_NAME}:index:CertificateValidation`,
} as const;

/** One property of a Pulumi schema (the subset this schema uses). */
export interface PropertySpec {
  type?: "string" | "integer" | "number" | "boolean" | "array" | "object";
  items?: PropertySpec;
  additionalProperties?: PropertySpec;
  $ref?: string;
  description?: string;
  default?: unknown;
}

const str = (description: string): PropertySpec => ({ type: "string", description });
const int = (description: string): PropertySpec => ({ type: "integer", description });
const strings = (description: string): PropertySpec => ({
  type: "array",
  items: { type: "string" },
  description,
});
const stringMap = (description: string): PropertySpec => ({
  type: "object",
  additionalProperties: { type: "string" },
  description,
});
const ref = (name: string, description: string): PropertySpec => ({
  $ref: `#/types/${PACKAGE_NAME}:index:${name}`,
  description,
});
const validationRecords = (): PropertySpec => ({
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
const VALIDATION_INPUTS: Record<string, PropertySpec> = {
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
const REQUIRED_CERTIFICATE_FIELDS: readonly CertificateField[] = [
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

/** The search arguments of getCertificate, getCertificates and CertificateLookup's `query`. */
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

/** The request settings, from `LOOKUP_SETTING_RANGES` and their defaults. */
export const SETTING_SPECS: Readonly<Record<keyof LookupSettings, PropertySpec>> = Object.fromEntries(
  (Object.keys(LOOKUP_SETTING_RANGES) as (keyof LookupSettings)[]).map((key) => {
    const [min, max] = LOOKUP_SETTING_RANGES[key];
    const what = {
      requestTimeoutMs:
        "Milliseconds one request may take before it is abandoned (and retried while attempts are left).",
      maxAttempts: "Attempts per request, retries included.",
      maxPages: "Pages one `GetCertificates` scan may read before a `PaginationError`.",
    }[key];
    return [key, int(`${what} From ${min} to ${max}; default ${DEFAULT_LOOKUP_SETTINGS[key]}.`)];
  }),
) as Record<keyof LookupSettings, PropertySpec>;

const PROVIDER_CONFIG: Record<string, PropertySpec> = {
  region: str(
    "Region of every lookup that names none; otherwise `AWS_REGION`, `AWS_DEFAULT_REGION`, the profile's region.",
  ),
  profile: str("Named profile of the shared AWS config and credentials files (adds to the AWS SDK chain)."),
  ...SETTING_SPECS,
};

function objectType(
  description: string,
  properties: Record<string, PropertySpec>,
  required: readonly string[] = [],
) {
  return { type: "object", description, properties, ...(required.length ? { required: [...required] } : {}) };
}

/** Properties in the order of `keys` (the lists' order is the contract's). */
function ordered<K extends string>(
  keys: readonly K[],
  specs: Readonly<Record<K, PropertySpec>>,
): Record<K, PropertySpec> {
  return Object.fromEntries(keys.map((k) => [k, specs[k]])) as Record<K, PropertySpec>;
}

/** The schema, as the object `JSON.stringify` turns into what `GetSchema` returns. */
export function pluginSchema(version: string): Record<string, unknown> {
  const certificateProperties = ordered(CERTIFICATE_FIELDS, CERTIFICATE_FIELD_SPECS);
  const lbFields = Object.keys(LOAD_BALANCER_FIELD_SPECS) as (keyof LoadBalancerTlsCertificate)[];
  return {
    name: PACKAGE_NAME,
    displayName: "Lightsail certificates",
    version,
    description:
      "Look up Amazon Lightsail TLS certificates: paged lookups by name or domain, and a CertificateLookup resource that shows renewals at preview.",
    license: "Apache-2.0",
    repository: REPOSITORY_URL,
    homepage: HOMEPAGE_URL,
    keywords: ["pulumi", "aws", "lightsail", "certificates", "category/cloud"],
    meta: { moduleFormat: "(.*)" },
    config: { variables: PROVIDER_CONFIG },
    provider: {
      description:
        "The lightsail-certificates provider: region, profile and request settings of its lookups.",
      inputProperties: PROVIDER_CONFIG,
    },
    types: {
      [`${PACKAGE_NAME}:index:Certificate`]: objectType(
        "A Lightsail account certificate (the GetCertificates API), normalised.",
        certificateProperties,
        REQUIRED_CERTIFICATE_FIELDS,
      ),
      [`${PACKAGE_NAME}:index:LoadBalancerTlsCertificate`]: objectType(
        "A Lightsail load-balancer TLS certificate.",
        ordered(lbFields, LOAD_BALANCER_FIELD_SPECS),
      ),
      [`${PACKAGE_NAME}:index:DomainValidationRecord`]: objectType(
        "One domain's validation record.",
        {
          domainName: str("The domain being validated."),
          resourceRecord: ref("ResourceRecord", "The DNS record to create, when the service gave one."),
          validationStatus: str("`PENDING_VALIDATION`, `FAILED` or `SUCCESS`."),
          dnsRecordCreationState: ref(
            "DnsRecordCreationState",
            "Whether Lightsail created the record for you.",
          ),
        },
        ["domainName"],
      ),
      [`${PACKAGE_NAME}:index:ResourceRecord`]: objectType(
        "A DNS record that proves control of a domain.",
        { name: str("Record name."), type: str("Record type, e.g. `CNAME`."), value: str("Record value.") },
        ["name", "type", "value"],
      ),
      [`${PACKAGE_NAME}:index:DnsRecordCreationState`]: objectType(
        "Whether Lightsail created a validation record.",
        { code: str("`SUCCEEDED`, `STARTED` or `FAILED`."), message: str("Explanation from the service.") },
        ["code"],
      ),
      [`${PACKAGE_NAME}:index:CertificateQuery`]: objectType(
        "The search of a CertificateLookup: the arguments of getCertificate.",
        ordered(CERTIFICATE_ARGUMENTS, CERTIFICATE_ARGUMENT_SPECS),
      ),
      [`${PACKAGE_NAME}:index:LookupSettings`]: objectType(
        "Request timeout, attempts per request and page bound of a lookup's reads.",
        SETTING_SPECS,
      ),
    },
    functions: {
      [TOKENS.getCertificate]: {
        description:
          "Finds the one Lightsail certificate that matches, ISSUED by default, reading every page of GetCertificates.",
        inputs: { properties: ordered(CERTIFICATE_ARGUMENTS, CERTIFICATE_ARGUMENT_SPECS) },
        outputs: objectType("The certificate found.", certificateProperties, REQUIRED_CERTIFICATE_FIELDS),
      },
      [TOKENS.getCertificates]: {
        description: "Every Lightsail certificate that matches the filters (all optional), sorted by name.",
        inputs: { properties: ordered(CERTIFICATE_ARGUMENTS, CERTIFICATE_ARGUMENT_SPECS) },
        outputs: objectType(
          "The region read and the certificates found.",
          {
            region: str("The region read."),
            certificates: {
              type: "array",
              items: ref("Certificate", ""),
              description: "The matches, sorted by name.",
            },
          },
          ["region", "certificates"],
        ),
      },
      [TOKENS.getLoadBalancerTlsCertificate]: {
        description: "Finds the one TLS certificate of a Lightsail load balancer that matches.",
        inputs: {
          properties: ordered(LOAD_BALANCER_ARGUMENTS, LOAD_BALANCER_ARGUMENT_SPECS),
          required: ["loadBalancerName"],
        },
        outputs: objectType(
          "The load-balancer certificate found.",
          ordered(lbFields, LOAD_BALANCER_FIELD_SPECS),
          [
            "arn",
            "name",
            "loadBalancerName",
            "isAttached",
            "domainName",
            "subjectAlternativeNames",
            "status",
            "region",
            "domainValidationRecords",
          ],
        ),
      },
    },
    resources: {
      [TOKENS.certificateLookup]: {
        description:
          "A Lightsail certificate lookup recorded in the stack, so that a preview shows when the certificate it resolves to is renewed or replaced. It owns nothing: destroying it touches no certificate.",
        inputProperties: {
          query: ref("CertificateQuery", "The search, as for getCertificate."),
          settings: ref(
            "LookupSettings",
            "Request settings of this lookup (over the provider's); not compared.",
          ),
        },
        requiredInputs: ["query"],
        properties: {
          ...certificateProperties,
          query: ref("CertificateQuery", "The search, as written."),
          settings: ref("LookupSettings", "The request settings, when given."),
        },
        required: [...REQUIRED_CERTIFICATE_FIELDS, "query"],
      },
      [TOKENS.certificateValidation]: {
        description:
          "Waits, during an update, until a Lightsail certificate is ISSUED (polling GetCertificates by name with a bounded backoff), so that resources needing an issued certificate can depend on it in the deployment that requests it. It owns nothing: destroying it touches no certificate.",
        inputProperties: VALIDATION_INPUTS,
        requiredInputs: ["certificateName"],
        properties: { ...certificateProperties, ...VALIDATION_INPUTS },
        required: [...REQUIRED_CERTIFICATE_FIELDS, "certificateName"],
      },
    },
    language: {
      python: {
        packageName: "pulumi_lightsail_certificates",
        requires: { pulumi: ">=3.0.0,<4.0.0" },
        pyproject: { enabled: true },
        respectSchemaVersion: true,
      },
      go: {
        importBasePath: GO_IMPORT_BASE_PATH,
        generateResourceContainerTypes: false,
        respectSchemaVersion: true,
      },
      nodejs: { packageName: NPM_PACKAGE_NAME, respectSchemaVersion: true },
    },
  };
}
