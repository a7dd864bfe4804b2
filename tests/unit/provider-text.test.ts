/**
 * The provider texts that CertificateLookup and CertificateValidation store as `__provider`
 * (api/provider-text.ts, issue 19) are what @pulumi/pulumi's closure serializer writes for their
 * provider objects, byte for byte, and CertificateLookup's is the text 0.1.0 stored: written
 * without the serializer, the state stays the same. The resources register as dynamic resources.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { CertificateLookup, lookupProvider } from "../../api/certificateLookup";
import { CertificateValidation, validationProvider } from "../../api/certificateValidation";
import {
  forwardedMethods,
  forwardingProviderText,
  LOOKUP_PROVIDER_TEXT,
  VALIDATION_PROVIDER_TEXT,
} from "../../api/provider-text";

const STORED_0_1_0 = path.resolve(__dirname, "../fixtures/state-0.1.0/site-lookup.json");

describe("provider texts written without the closure serializer", function () {
  this.timeout(30_000);
  const registered: pulumi.runtime.MockResourceArgs[] = [];

  before(async () => {
    await pulumi.runtime.setMocks(
      {
        newResource: (args) => {
          registered.push(args);
          return { id: `${args.name}-id`, state: args.inputs };
        },
        call: () => ({}),
      },
      "project",
      "stack",
      true,
    );
  });

  async function registration(resource: pulumi.CustomResource, name: string) {
    await new Promise<void>((resolve) => resource.urn.apply(() => resolve()));
    const found = registered.find((r) => r.name === name);
    assert.ok(found, `${name} was not registered`);
    return found;
  }

  async function serializerText(provider: pulumi.dynamic.ResourceProvider, name: string): Promise<string> {
    class Serialized extends pulumi.dynamic.Resource {}
    const resource = new Serialized(provider, name, {}, {}, "lightsail", "Serialized");
    return String((await registration(resource, name)).inputs.__provider);
  }

  it("CertificateLookup's text is the serializer's text of its provider object", async () => {
    assert.equal(LOOKUP_PROVIDER_TEXT, await serializerText(lookupProvider, "serialized-lookup"));
  });

  it("CertificateValidation's text is the serializer's text of its provider object", async () => {
    assert.equal(VALIDATION_PROVIDER_TEXT, await serializerText(validationProvider, "serialized-validation"));
  });

  it("CertificateLookup's text is the one 0.1.0 stored", () => {
    const stored = JSON.parse(fs.readFileSync(STORED_0_1_0, "utf8")) as { inputs: { __provider: string } };
    assert.equal(LOOKUP_PROVIDER_TEXT, stored.inputs.__provider);
  });

  it("a method with other parameters or target changes the text (the generator is not a constant)", () => {
    const methods = forwardedMethods({
      configure: "configure",
      check: "check",
      diff: "diff",
      create: "create",
      update: "update",
      read: "read",
      delete: "other",
    });
    const text = forwardingProviderText(methods);
    assert.notEqual(text, LOOKUP_PROVIDER_TEXT);
    assert.match(
      text,
      /async function \/\*delete\*\/\(id, props\) \{\n {8}return require\("pulumi-lightsail-certificates\/provider"\)\.other\(id, props\);/,
    );
  });

  it("the resources register as dynamic resources with the text as __provider", async () => {
    const lookup = new CertificateLookup("text-lookup", { domainName: "example.com", region: "us-east-1" });
    const validation = new CertificateValidation("text-validation", {
      certificateName: "site",
      region: "us-east-1",
    });
    const l = await registration(lookup, "text-lookup");
    const v = await registration(validation, "text-validation");
    assert.equal(l.type, "pulumi-nodejs:dynamic/lightsail:CertificateLookup");
    assert.equal(v.type, "pulumi-nodejs:dynamic/lightsail:CertificateValidation");
    assert.equal(l.inputs.__provider, LOOKUP_PROVIDER_TEXT);
    assert.equal(v.inputs.__provider, VALIDATION_PROVIDER_TEXT);
    assert.deepEqual(l.inputs.query, { domainName: "example.com", region: "us-east-1" });
    assert.ok(lookup instanceof pulumi.dynamic.Resource);
    assert.ok(validation instanceof pulumi.dynamic.Resource);
    assert.ok(lookup instanceof pulumi.CustomResource);
  });
});
