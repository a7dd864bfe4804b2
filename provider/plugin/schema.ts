/**
 * The Pulumi package schema of the provider plugin `lightsail-certificates`, generated from the
 * package's own lists so that it cannot drift from them: the certificate fields from
 * `CERTIFICATE_FIELDS`, the search arguments from the validator's argument lists, the settings
 * from `LOOKUP_SETTING_RANGES`. A field added to one of those lists without a schema entry here
 * fails to compile (the property tables of schema-properties.ts are typed `Record<Field, ...>`),
 * and tests/unit/plugin-schema checks the generated schema against the lists. Pure.
 */
import { CERTIFICATE_FIELDS, type LoadBalancerTlsCertificate } from "../../lightsail/types";
import { CERTIFICATE_ARGUMENTS, LOAD_BALANCER_ARGUMENTS } from "../../lookup/search-args";
import { LEGACY_QUERY_INPUT, QUERY_REMOVED_IN } from "./lookup-surface";

import {
  CERTIFICATE_ARGUMENT_SPECS,
  CERTIFICATE_FIELD_SPECS,
  LOAD_BALANCER_ARGUMENT_SPECS,
  LOAD_BALANCER_FIELD_SPECS,
  PACKAGE_NAME,
  PROVIDER_CONFIG,
  type PropertySpec,
  ref,
  REQUIRED_CERTIFICATE_FIELDS,
  SETTING_SPECS,
  str,
  VALIDATION_INPUTS,
} from "./schema-properties";

export {
  CERTIFICATE_ARGUMENT_SPECS,
  CERTIFICATE_FIELD_SPECS,
  LOAD_BALANCER_ARGUMENT_SPECS,
  LOAD_BALANCER_FIELD_SPECS,
  PACKAGE_NAME,
  SETTING_SPECS,
} from "./schema-properties";
export type { PropertySpec } from "./schema-properties";

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

/** The certificate fields in the contract's order. */
function certificateProperties(): Record<string, PropertySpec> {
  return ordered(CERTIFICATE_FIELDS, CERTIFICATE_FIELD_SPECS);
}

/** The load-balancer certificate fields in their table's order. */
function loadBalancerProperties(): Record<string, PropertySpec> {
  const fields = Object.keys(LOAD_BALANCER_FIELD_SPECS) as (keyof LoadBalancerTlsCertificate)[];
  return ordered(fields, LOAD_BALANCER_FIELD_SPECS);
}

/** The object types the functions and resources refer to. */
function schemaTypes(): Record<string, unknown> {
  return {
    [`${PACKAGE_NAME}:index:Certificate`]: objectType(
      "A Lightsail account certificate (the GetCertificates API), normalised.",
      certificateProperties(),
      REQUIRED_CERTIFICATE_FIELDS,
    ),
    [`${PACKAGE_NAME}:index:LoadBalancerTlsCertificate`]: objectType(
      "A Lightsail load-balancer TLS certificate.",
      loadBalancerProperties(),
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
      "The search of a CertificateLookup under the deprecated `query` input: the arguments of getCertificate.",
      ordered(CERTIFICATE_ARGUMENTS, CERTIFICATE_ARGUMENT_SPECS),
    ),
    [`${PACKAGE_NAME}:index:LookupSettings`]: objectType(
      "Request timeout, attempts per request and page bound of a lookup's reads.",
      SETTING_SPECS,
    ),
  };
}

/** The three lookup functions. */
function schemaFunctions(): Record<string, unknown> {
  return {
    [TOKENS.getCertificate]: {
      description:
        "Finds the one Lightsail certificate that matches, ISSUED by default, reading every page of GetCertificates.",
      inputs: { properties: ordered(CERTIFICATE_ARGUMENTS, CERTIFICATE_ARGUMENT_SPECS) },
      outputs: objectType("The certificate found.", certificateProperties(), REQUIRED_CERTIFICATE_FIELDS),
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
      outputs: objectType("The load-balancer certificate found.", loadBalancerProperties(), [
        "arn",
        "name",
        "loadBalancerName",
        "isAttached",
        "domainName",
        "subjectAlternativeNames",
        "status",
        "region",
        "domainValidationRecords",
      ]),
    },
  };
}

/** CertificateLookup and CertificateValidation. */
function schemaResources(): Record<string, unknown> {
  return {
    [TOKENS.certificateLookup]: {
      description:
        "A Lightsail certificate lookup recorded in the stack, so that a preview shows when the certificate it resolves to is renewed or replaced. It takes the search as getCertificate does (`name` or `domainName`, ...). It owns nothing: destroying it touches no certificate.",
      inputProperties: {
        ...ordered(CERTIFICATE_ARGUMENTS, CERTIFICATE_ARGUMENT_SPECS),
        profile: str(
          "Named profile of the shared AWS config and credentials files for this lookup (else the provider's).",
        ),
        settings: ref(
          "LookupSettings",
          "Request settings of this lookup (over the provider's); changing them is not a change of the resource.",
        ),
        [LEGACY_QUERY_INPUT]: {
          ...ref("CertificateQuery", "The search, nested (0.2.0's form)."),
          deprecationMessage: `Write the search's properties (domainName, name, ...) at the top level instead; \`query\` is removed in ${QUERY_REMOVED_IN}.`,
        },
      },
      properties: {
        ...certificateProperties(),
        settings: ref("LookupSettings", "The request settings, when given."),
        profile: str("The named profile, when given."),
      },
      required: [...REQUIRED_CERTIFICATE_FIELDS],
    },
    [TOKENS.certificateValidation]: {
      description:
        "Waits, during an update, until a Lightsail certificate is ISSUED (polling GetCertificates by name with a bounded backoff), so that resources needing an issued certificate can depend on it in the deployment that requests it. It owns nothing: destroying it touches no certificate.",
      inputProperties: VALIDATION_INPUTS,
      requiredInputs: ["certificateName"],
      properties: { ...certificateProperties(), ...VALIDATION_INPUTS },
      required: [...REQUIRED_CERTIFICATE_FIELDS, "certificateName"],
    },
  };
}

/** The language sections: real package names and import paths. */
const LANGUAGE = {
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
};

/** The schema, as the object `JSON.stringify` turns into what `GetSchema` returns. */
export function pluginSchema(version: string): Record<string, unknown> {
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
    types: schemaTypes(),
    functions: schemaFunctions(),
    resources: schemaResources(),
    language: LANGUAGE,
  };
}
