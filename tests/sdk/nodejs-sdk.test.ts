/**
 * The Node.js SDK generated from the plugin's schema (sdk/nodejs, compiled by `npm run build` into
 * dist/sdk/nodejs and shipped as `pulumi-lightsail-certificates/plugin`), under the Node.js SDK's
 * own mocks (`pulumi.runtime.setMocks`): getCertificate reaches the engine as the invoke
 * `lightsail-certificates:index:getCertificate` with camelCase arguments and returns the typed
 * result; CertificateLookup registers `lightsail-certificates:index:CertificateLookup` with its
 * inputs; the SDK asks for the plugin at package.json's version. Not yet run under the real engine
 * (the YAML e2e test covers the plugin itself).
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import type * as PluginSdk from "pulumi-lightsail-certificates/plugin";

const ROOT = path.resolve(__dirname, "../..");
const CERTIFICATE = {
  arn: "arn:aws:lightsail:us-east-1:123456789012:Certificate/abc",
  name: "example-com",
  domainName: "example.com",
  subjectAlternativeNames: ["example.com", "www.example.com"],
  status: "ISSUED",
  region: "us-east-1",
  notAfter: "2027-09-01T00:00:00.000Z",
  daysUntilExpiry: 42,
  inUseResourceCount: 2,
  domainValidationRecords: [],
  tags: { team: "web" },
};

function output<T>(o: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => o.apply(resolve));
}

describe("Node.js SDK of the provider plugin (pulumi-lightsail-certificates/plugin)", () => {
  const calls: pulumi.runtime.MockCallArgs[] = [];
  const resources: pulumi.runtime.MockResourceArgs[] = [];
  let sdk: typeof PluginSdk;

  before(async () => {
    await pulumi.runtime.setMocks(
      {
        newResource(args) {
          resources.push(args);
          return { id: `${args.name}-id`, state: { ...args.inputs, ...CERTIFICATE } };
        },
        call(args) {
          calls.push(args);
          return CERTIFICATE;
        },
      },
      "project",
      "stack",
      false,
    );
    // By its package name, as users import it: the exports map leads to dist/sdk/nodejs.
    sdk = await import("pulumi-lightsail-certificates/plugin");
  });

  it("resolves to the compiled SDK in dist/sdk/nodejs", () => {
    assert.equal(
      require.resolve("pulumi-lightsail-certificates/plugin"),
      fs.realpathSync(path.join(ROOT, "dist", "sdk", "nodejs", "index.js")),
    );
  });

  it("getCertificate invokes lightsail-certificates:index:getCertificate and returns the typed result", async () => {
    calls.length = 0;
    const cert = await sdk.getCertificate({ domainName: "example.com", minDaysValid: 30 });
    assert.deepEqual(
      calls.map((c) => c.token),
      ["lightsail-certificates:index:getCertificate"],
    );
    assert.equal(calls[0].inputs.domainName, "example.com");
    assert.equal(calls[0].inputs.minDaysValid, 30);
    assert.equal(cert.name, "example-com");
    assert.equal(cert.notAfter, "2027-09-01T00:00:00.000Z");
    assert.equal(cert.daysUntilExpiry, 42);
    assert.deepEqual(cert.tags, { team: "web" });
  });

  it("CertificateLookup registers lightsail-certificates:index:CertificateLookup with its inputs", async () => {
    resources.length = 0;
    const lookup = new sdk.CertificateLookup("site", { domainName: "example.com", minDaysValid: 30 });
    assert.equal(await output(lookup.notAfter), "2027-09-01T00:00:00.000Z");
    assert.equal(await output(lookup.name), "example-com");
    assert.equal(resources.length, 1);
    assert.equal(resources[0].type, "lightsail-certificates:index:CertificateLookup");
    assert.equal(resources[0].name, "site");
    assert.deepEqual(resources[0].inputs, { domainName: "example.com", minDaysValid: 30 });
  });

  it("asks the engine for the plugin at package.json's version", () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
    const utilities = require(path.join(ROOT, "dist", "sdk", "nodejs", "utilities")) as {
      getVersion(): string;
    };
    assert.equal(utilities.getVersion(), version);
  });
});
