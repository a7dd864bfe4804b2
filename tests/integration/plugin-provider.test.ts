/**
 * The provider plugin's Provider (provider/plugin/provider.ts) in process, against the emulator
 * through the real SDK and its configuration chain: invoke of the three functions, the
 * configuration, and CertificateLookup's check/diff/create/read/delete, secrets included.
 */
import { strict as assert } from "node:assert";
import { makeCertificate, makeLoadBalancerTlsCertificate, type FixtureDocument } from "../../emulator";
import { createPluginProvider, parsePluginConfig } from "../../provider/plugin/provider";
import { TOKENS } from "../../provider/plugin/schema";
import { isSecret, secretValue } from "../../provider/plugin/secrets";
import { UNKNOWN_VALUE } from "../../lookup/unknowns";
import { useEmulator } from "../helpers/emulator";
import { useEmulatorEnvironment } from "../helpers/environment";

const URN = "urn:pulumi:dev::proj::lightsail-certificates:index:CertificateLookup::site";

function fixtures(): FixtureDocument {
  return {
    certificates: [
      makeCertificate({
        name: "example-com",
        domainName: "example.com",
        subjectAlternativeNames: ["www.example.com"],
        serialNumber: "0a:01",
        notAfter: "2030-01-01T00:00:00Z",
      }),
      makeCertificate({ name: "api", domainName: "api.example.com", notAfter: "2030-01-01T00:00:00Z" }),
      makeCertificate({ name: "dup-a", domainName: "dup.example.com" }),
      makeCertificate({ name: "dup-b", domainName: "dup.example.com" }),
      makeCertificate({ region: "eu-west-1", name: "eu-cert", domainName: "example.com" }),
      makeCertificate({ name: "refused", domainName: "refused.example.com", status: "FAILED" }),
    ],
    loadBalancerTlsCertificates: [
      makeLoadBalancerTlsCertificate({
        loadBalancerName: "web-lb",
        name: "lb-cert",
        domainName: "example.com",
      }),
    ],
  };
}

describe("provider plugin: the Provider against the emulator", function () {
  this.timeout(30_000);
  const h = useEmulator(() => ({ fixtures: fixtures(), pageSize: 2 }));
  useEmulatorEnvironment(() => h.emulator);

  function plugin(config: Record<string, unknown> = { region: "us-east-1" }) {
    const p = createPluginProvider({ version: "0.0.0-test" });
    p.configure(config);
    return p;
  }

  describe("invoke", () => {
    it("getCertificate returns the typed certificate of the same rules as the Node.js function", async () => {
      const { outputs, failures } = await plugin().invoke!(TOKENS.getCertificate, {
        domainName: "EXAMPLE.com.",
      });
      assert.equal(failures, undefined);
      assert.equal(outputs.name, "example-com");
      assert.equal(outputs.region, "us-east-1");
      assert.equal(outputs.serialNumber, "0a:01");
      assert.equal(outputs.notAfter, "2030-01-01T00:00:00.000Z");
      assert.equal(typeof outputs.daysUntilExpiry, "number");
      assert.ok(outputs.daysUntilExpiry > 365);
    });

    it("the provider's region is used when the call names none; the call's region wins", async () => {
      const eu = await plugin({ region: "eu-west-1" }).invoke!(TOKENS.getCertificate, {
        domainName: "example.com",
      });
      assert.equal(eu.outputs.name, "eu-cert");
      const us = await plugin({ region: "eu-west-1" }).invoke!(TOKENS.getCertificate, {
        domainName: "example.com",
        region: "us-east-1",
      });
      assert.equal(us.outputs.name, "example-com");
    });

    it("stack config strings under the package's prefix configure it too", async () => {
      const p = plugin({
        "lightsail-certificates:config:region": "eu-west-1",
        "lightsail-certificates:maxPages": "7",
      });
      const { outputs } = await p.invoke!(TOKENS.getCertificate, { name: "eu-cert" });
      assert.equal(outputs.arn.includes("eu-west-1"), true);
    });

    it("getCertificates lists every match, sorted by name", async () => {
      const { outputs } = await plugin().invoke!(TOKENS.getCertificates, {});
      assert.equal(outputs.region, "us-east-1");
      assert.deepEqual(
        outputs.certificates.map((c: { name: string }) => c.name),
        ["api", "dup-a", "dup-b", "example-com"],
      );
    });

    it("getLoadBalancerTlsCertificate reads the load balancer's certificates", async () => {
      const { outputs } = await plugin().invoke!(TOKENS.getLoadBalancerTlsCertificate, {
        loadBalancerName: "web-lb",
        domainName: "example.com",
      });
      assert.equal(outputs.name, "lb-cert");
      assert.equal(outputs.loadBalancerName, "web-lb");
    });

    it("a bad argument is one failure naming it, before any request", async () => {
      const { outputs, failures } = await plugin().invoke!(TOKENS.getCertificate, {
        domainName: "https://x.com",
      });
      assert.equal(outputs, undefined);
      assert.equal(failures!.length, 1);
      assert.equal(failures![0].property, "domainName");
      assert.match(failures![0].reason, /domainName/);
      assert.equal(h.emulator.calls().length, 0);
    });

    it("a lookup error (ambiguous, not found) is one failure with the lookup's message, no stack", async () => {
      const amb = await plugin().invoke!(TOKENS.getCertificate, { domainName: "dup.example.com" });
      assert.equal(amb.failures!.length, 1);
      assert.match(amb.failures![0].reason, /dup-a.*dup-b/s);
      assert.doesNotMatch(amb.failures![0].reason, /\n\s+at /);
      const missing = await plugin().invoke!(TOKENS.getCertificate, { name: "nope" });
      assert.match(missing.failures![0].reason, /^No Lightsail certificate/);
    });

    it("a secret argument makes every output secret", async () => {
      const { outputs } = await plugin().invoke!(TOKENS.getCertificate, {
        domainName: secretValue("example.com"),
      });
      assert.ok(isSecret(outputs.name));
      assert.ok(isSecret(outputs.notAfter));
      assert.equal((outputs.name as { value: string }).value, "example-com");
    });

    it("an unknown function is an error", async () => {
      await assert.rejects(plugin().invoke!("lightsail-certificates:index:nope", {}), /unknown function/);
    });
  });

  describe("configuration", () => {
    it("bad settings are refused with the setting named", () => {
      assert.throws(() => parsePluginConfig({ maxPages: "0" }), /maxPages must be from 1 to 100000, got 0/);
      assert.throws(
        () => parsePluginConfig({ requestTimeoutMs: "soon" }),
        /requestTimeoutMs must be a whole number/,
      );
    });

    it("maxPages from the configuration bounds a scan", async () => {
      const { failures } = await plugin({ region: "us-east-1", maxPages: 1 }).invoke!(
        TOKENS.getCertificates,
        {},
      );
      assert.equal(failures!.length, 1);
      assert.match(failures![0].reason, /page/i);
    });
  });

  describe("CertificateLookup", () => {
    it("check resolves the flat search into the checked inputs, stored as the dynamic provider stores it", async () => {
      const { inputs, failures } = await plugin().check!(URN, {}, { domainName: "example.com" });
      assert.equal(failures, undefined);
      assert.equal(inputs.name, "example-com");
      assert.equal(inputs.serialNumber, "0a:01");
      assert.deepEqual(inputs.query, { domainName: "example.com" });
      assert.equal("daysUntilExpiry" in inputs, false);
    });

    it("check names each bad argument and sends nothing; an unknown search stays unresolved", async () => {
      const bad = await plugin().check!(URN, {}, { domainName: "https://x.com", minDaysValid: -1 });
      assert.deepEqual(
        bad.failures!.map((f) => f.property),
        ["domainName", "minDaysValid"],
      );
      const unknown = await plugin().check!(URN, {}, { domainName: UNKNOWN_VALUE });
      assert.deepEqual(unknown.inputs, { query: { domainName: UNKNOWN_VALUE } }, "stored in 0.2.0's form");
      assert.equal(h.emulator.calls().length, 0);
    });

    it("diff: no change for the same certificate; a renewal names the changed properties", async () => {
      const p = plugin();
      const first = await p.check!(URN, {}, { domainName: "example.com" });
      const created = await p.create!(URN, first.inputs);
      assert.equal(created.id, created.outs.arn);
      const same = await p.diff!(created.id, URN, created.outs, first.inputs);
      assert.equal(same.changes, false);

      const renewed = fixtures();
      renewed.certificates![0] = {
        ...renewed.certificates![0],
        serialNumber: "0a:02",
        notAfter: "2031-01-01T00:00:00Z",
      };
      await h.emulator.setFixtures(renewed);
      const again = await plugin().check!(URN, created.outs, { domainName: "example.com" });
      const d = await p.diff!(created.id, URN, created.outs, again.inputs);
      assert.equal(d.changes, true);
      assert.deepEqual(d.replaces, []);
    });

    it("the deprecated `query` of 0.2.0 works, warns once naming the flat form, and moving to flat is no change", async () => {
      const warnings: string[] = [];
      const p = createPluginProvider({
        version: "0.0.0-test",
        warn: async (line, urn) => void warnings.push(`${urn}: ${line}`),
      });
      p.configure({ region: "us-east-1" });
      const legacy = await p.check!(URN, {}, { query: { domainName: "example.com" } });
      assert.equal(legacy.failures, undefined);
      assert.equal(legacy.inputs.name, "example-com");
      assert.equal(warnings.length, 1);
      assert.match(
        warnings[0],
        new RegExp(`^${URN}: CertificateLookup: the nested \`query\` input is deprecated`),
      );
      assert.match(warnings[0], /\(domainName\) at the top level/);
      const created = await p.create!(URN, legacy.inputs);
      const flat = await p.check!(URN, legacy.inputs, { domainName: "example.com" });
      assert.equal(warnings.length, 1, "the flat form does not warn");
      assert.deepEqual(flat.inputs, legacy.inputs);
      const d = await p.diff!(created.id, URN, created.outs, flat.inputs);
      assert.equal(d.changes, false);
    });

    it("both forms at once are one failure naming `query`, and nothing is read", async () => {
      h.emulator.resetCalls();
      const { failures } = await plugin().check!(
        URN,
        {},
        { domainName: "example.com", query: { name: "api" } },
      );
      assert.deepEqual(failures, [
        {
          property: "query",
          reason:
            "give the search either as top-level properties (domainName) or under the deprecated `query`, not both",
        },
      ]);
      assert.equal(h.emulator.calls().length, 0);
    });

    it("a lookup's own profile is kept with the search; a profile that is not a string is named", async () => {
      const bad = await plugin().check!(URN, {}, { domainName: "example.com", profile: 7 });
      assert.deepEqual(
        bad.failures!.map((f) => f.property),
        ["profile"],
      );
      const unknown = await plugin().check!(URN, {}, { domainName: "example.com", profile: UNKNOWN_VALUE });
      assert.deepEqual(unknown.inputs, { query: { domainName: "example.com" }, profile: UNKNOWN_VALUE });
    });

    it("read finds the certificate again; delete sends no request", async () => {
      const p = plugin();
      const { inputs } = await p.check!(URN, {}, { name: "api" });
      const { id, outs } = await p.create!(URN, inputs);
      const read = await p.read!(id, URN, outs);
      assert.equal(read.id, id);
      assert.equal(read.props.name, "api");
      h.emulator.resetCalls();
      await p.delete!(id, URN, outs);
      assert.equal(h.emulator.calls().length, 0);
    });

    it("a secret search makes the checked inputs and every output secret", async () => {
      const p = plugin();
      const { inputs } = await p.check!(URN, {}, { domainName: secretValue("example.com") });
      assert.ok(isSecret(inputs.name));
      assert.ok(isSecret(inputs.query));
      const { outs } = await p.create!(URN, inputs);
      assert.ok(isSecret(outs.notAfter));
      assert.ok(isSecret(outs.daysUntilExpiry));
    });

    it("a failed lookup is one check failure with the lookup's message", async () => {
      const { failures } = await plugin().check!(URN, {}, { domainName: "missing.example.com" });
      assert.equal(failures!.length, 1);
      assert.equal(failures![0].property, "");
      assert.match(
        failures![0].reason,
        /^No Lightsail certificate matches domainName "missing\.example\.com"/,
      );
    });

    it("another resource type is refused", async () => {
      await assert.rejects(
        plugin().check!(URN.replace("CertificateLookup", "Other"), {}, {}),
        /unknown resource type/,
      );
    });
  });

  describe("CertificateValidation (the same logic as the dynamic resource)", () => {
    const VALIDATION_URN = "urn:pulumi:dev::proj::lightsail-certificates:index:CertificateValidation::site";
    const waits: number[] = [];
    function validationPlugin() {
      waits.length = 0;
      const p = createPluginProvider({
        version: "0.0.0-test",
        validationIo: {
          now: () => 0,
          sleep: async (ms) => void waits.push(ms),
          progress: () => undefined,
        },
      });
      p.configure({ region: "us-east-1" });
      return p;
    }

    it("check of an ISSUED certificate holds its fields; create returns them after one read, without waiting", async () => {
      const p = validationPlugin();
      const { inputs, failures } = await p.check!(VALIDATION_URN, {}, { certificateName: "example-com" });
      assert.equal(failures, undefined);
      assert.equal(inputs.status, "ISSUED");
      assert.equal(inputs.serialNumber, "0a:01");
      h.emulator.resetCalls();
      const { id, outs } = await p.create!(VALIDATION_URN, inputs);
      assert.equal(outs.name, "example-com");
      assert.equal(outs.certificateName, "example-com");
      assert.equal(id, outs.arn);
      assert.deepEqual(waits, []);
      assert.equal(h.emulator.calls().length, 1);
    });

    it("create fails at once, with the reason, for a certificate whose request FAILED", async () => {
      const p = validationPlugin();
      const { inputs } = await p.check!(VALIDATION_URN, {}, { certificateName: "refused" });
      await assert.rejects(p.create!(VALIDATION_URN, inputs), /refused.*FAILED/s);
      assert.deepEqual(waits, []);
    });

    it("another certificateName replaces it; delete sends nothing", async () => {
      const p = validationPlugin();
      const d = await p.diff!("id", VALIDATION_URN, { certificateName: "a" }, { certificateName: "b" });
      assert.deepEqual(d.replaces, ["certificateName"]);
      h.emulator.resetCalls();
      await p.delete!("id", VALIDATION_URN, { certificateName: "example-com" });
      assert.deepEqual(h.emulator.calls(), []);
    });
  });
});
