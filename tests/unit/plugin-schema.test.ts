/**
 * The plugin's schema is generated from the package's own lists and cannot drift from them: the
 * certificate type, getCertificate's result and CertificateLookup's outputs hold exactly
 * `CERTIFICATE_FIELDS` in order; the functions take exactly the validator's arguments; the
 * provider configuration holds the settings of `LOOKUP_SETTING_RANGES`.
 */
import { strict as assert } from "node:assert";
import { LOOKUP_SETTING_RANGES } from "../../lightsail/settings";
import { CERTIFICATE_FIELDS } from "../../lightsail/types";
import { CERTIFICATE_ARGUMENTS, LOAD_BALANCER_ARGUMENTS } from "../../lookup/search-args";
import { pluginSchema, TOKENS } from "../../provider/plugin/schema";
import { createPluginProvider } from "../../provider/plugin/provider";

type Obj = {
  properties: Record<string, { type?: string; $ref?: string; items?: { $ref?: string } }>;
  required?: string[];
};

describe("provider plugin: the schema", () => {
  const schema = pluginSchema("1.2.3") as {
    name: string;
    version: string;
    types: Record<string, Obj>;
    functions: Record<string, { inputs: Obj; outputs: Obj }>;
    resources: Record<string, Obj & { inputProperties: Obj["properties"]; requiredInputs: string[] }>;
    config: { variables: Obj["properties"] };
    provider: { inputProperties: Obj["properties"] };
  };

  it("is the package lightsail-certificates at the plugin's version, served by the Provider", () => {
    assert.equal(schema.name, "lightsail-certificates");
    assert.equal(schema.version, "1.2.3");
    const served = JSON.parse(createPluginProvider({ version: "1.2.3" }).schema!);
    assert.deepEqual(served, JSON.parse(JSON.stringify(schema)));
  });

  it("the certificate type and getCertificate's result hold exactly CERTIFICATE_FIELDS, in order", () => {
    assert.deepEqual(Object.keys(schema.types["lightsail-certificates:index:Certificate"].properties), [
      ...CERTIFICATE_FIELDS,
    ]);
    assert.deepEqual(Object.keys(schema.functions[TOKENS.getCertificate].outputs.properties), [
      ...CERTIFICATE_FIELDS,
    ]);
    const certs = schema.functions[TOKENS.getCertificates].outputs.properties.certificates;
    assert.equal(certs.items?.$ref, "#/types/lightsail-certificates:index:Certificate");
  });

  it("CertificateLookup takes the flat search of getCertificate (as the Node.js resource), `query` deprecated", () => {
    const r = schema.resources[TOKENS.certificateLookup] as (typeof schema.resources)[string] & {
      inputProperties: Record<string, { deprecationMessage?: string; $ref?: string }>;
    };
    assert.deepEqual(Object.keys(r.properties), [...CERTIFICATE_FIELDS, "settings", "profile"]);
    assert.deepEqual(Object.keys(r.inputProperties), [
      ...CERTIFICATE_ARGUMENTS,
      "profile",
      "settings",
      "query",
    ]);
    for (const arg of CERTIFICATE_ARGUMENTS)
      assert.deepEqual(
        r.inputProperties[arg],
        schema.functions[TOKENS.getCertificate].inputs.properties[arg],
        `${arg} is described as getCertificate's`,
      );
    assert.equal(r.requiredInputs, undefined);
    assert.match(r.inputProperties.query.deprecationMessage ?? "", /top level.*removed in 0\.4\.0/);
    assert.equal(r.inputProperties.query.$ref, "#/types/lightsail-certificates:index:CertificateQuery");
  });

  it("CertificateValidation outputs every certificate field plus its arguments, as the Node.js resource", () => {
    const r = schema.resources[TOKENS.certificateValidation];
    assert.deepEqual(Object.keys(r.properties), [
      ...CERTIFICATE_FIELDS,
      "certificateName",
      "profile",
      "timeoutMinutes",
    ]);
    assert.deepEqual(Object.keys(r.inputProperties), [
      "certificateName",
      "region",
      "profile",
      "timeoutMinutes",
    ]);
    assert.deepEqual(r.requiredInputs, ["certificateName"]);
  });

  it("the functions take exactly the arguments the validator accepts", () => {
    assert.deepEqual(Object.keys(schema.functions[TOKENS.getCertificate].inputs.properties), [
      ...CERTIFICATE_ARGUMENTS,
    ]);
    assert.deepEqual(Object.keys(schema.functions[TOKENS.getCertificates].inputs.properties), [
      ...CERTIFICATE_ARGUMENTS,
    ]);
    assert.deepEqual(Object.keys(schema.types["lightsail-certificates:index:CertificateQuery"].properties), [
      ...CERTIFICATE_ARGUMENTS,
    ]);
    assert.deepEqual(Object.keys(schema.functions[TOKENS.getLoadBalancerTlsCertificate].inputs.properties), [
      ...LOAD_BALANCER_ARGUMENTS,
    ]);
  });

  it("the provider configuration is region, profile and the lookup settings", () => {
    const expected = ["region", "profile", ...Object.keys(LOOKUP_SETTING_RANGES)];
    assert.deepEqual(Object.keys(schema.config.variables), expected);
    assert.deepEqual(Object.keys(schema.provider.inputProperties), expected);
  });

  it("every $ref points at a type the schema defines", () => {
    const refs = JSON.stringify(schema).match(/#\/types\/[^"]+/g) ?? [];
    assert.ok(refs.length > 0);
    for (const r of refs) assert.ok(schema.types[r.slice("#/types/".length)], `${r} is not defined`);
  });
});
