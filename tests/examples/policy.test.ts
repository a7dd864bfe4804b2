/**
 * examples/policy: its `policy-config.json` fits the pack's policies, and with that config the
 * pack's policies (the installed package's compiled pack, called directly, as the engine calls
 * them) pass or block what the example
 * stacks produce under mocks, with the emulator behind every lookup: the example's
 * CertificateLookup at preview, and the distribution example's Distribution.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { makeCertificate } from "../../emulator";
import type { ResourceValidationPolicy } from "../../policy/src/policies";
import { useEmulator } from "../helpers/emulator";
import { useEnvironment } from "../helpers/environment";
import {
  CERTIFICATE_LOOKUP_TYPE,
  emulateCertificateLookup,
  emulatorProcessEnv,
  readyTestPackage,
  REPO_ROOT,
  resetLookupCaches,
  runExample,
  useTestPackage,
} from "../helpers/example-harness";
import { runPolicy } from "../helpers/policy-harness";

const PROGRAM = path.join(REPO_ROOT, "examples", "policy");
const DISTRIBUTION_PROGRAM = path.join(REPO_ROOT, "examples", "distribution");
const DISTRIBUTION = "aws:lightsail/distribution:Distribution";
const EXPIRY = "lightsail-certificate-expiry";
const ISSUED = "lightsail-certificate-issued";
const RENEWAL = "lightsail-certificate-renewal";
const LEVELS = ["advisory", "mandatory", "remediate", "disabled"];
const DAY_MS = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString();

/**
 * The policies of the pack as installed (`<package>/policy`, the compiled module beside the
 * pack's entry point), with a fresh lookup context each time.
 */
const packPolicies = (): ResourceValidationPolicy[] => {
  const entry = require.resolve(readyTestPackage().policyPack);
  const policies = require(
    path.join(path.dirname(entry), "policies.js"),
  ) as typeof import("../../policy/src/policies");
  return policies.createPolicies();
};

type PackConfig = Record<string, string | Record<string, unknown>>;
const packConfig = JSON.parse(
  fs.readFileSync(path.join(PROGRAM, "policy-config.json"), "utf8"),
) as PackConfig;

/** A policy's config as the engine gives it: the file's values over the schema defaults. */
function configOf(policy: ResourceValidationPolicy, file: PackConfig): Record<string, unknown> {
  const config: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(policy.configSchema?.properties ?? {})) {
    const value = (schema as { default?: unknown }).default;
    if (value !== undefined) config[key] = value;
  }
  const entry = file[policy.name];
  if (typeof entry === "object") {
    for (const [key, value] of Object.entries(entry)) if (key !== "enforcementLevel") config[key] = value;
  }
  return config;
}

/**
 * Runs every policy of the pack on one resource, as the pack server does with its inputs (the
 * policy harness puts them behind @pulumi/policy's unknown-checking proxy); returns the
 * violations by policy. A policy that could not run (it read an unknown) fails the test.
 */
async function judge(
  resource: { type: string; name: string; props: Record<string, unknown> },
  file: PackConfig = packConfig,
): Promise<Record<string, string[]>> {
  const violations: Record<string, string[]> = {};
  for (const policy of packPolicies()) {
    const run = await runPolicy(policy, { ...resource, config: configOf(policy, file) });
    assert.equal(
      run.cantRunDuringPreview,
      undefined,
      `${policy.name} could not run: ${run.cantRunDuringPreview}`,
    );
    violations[policy.name] = run.violations;
  }
  return violations;
}

describe("examples/policy", function () {
  this.timeout(60_000);
  useTestPackage();
  const h = useEmulator();
  useEnvironment(() => emulatorProcessEnv(h.emulator));
  after(() => resetLookupCaches());

  it("policy-config.json sets every policy of the pack, with valid levels and config", () => {
    const policies = new Map(packPolicies().map((p) => [p.name, p]));
    assert.deepEqual([...policies.keys()].sort(), [EXPIRY, ISSUED, RENEWAL]);
    assert.deepEqual(Object.keys(packConfig).sort(), [EXPIRY, ISSUED, RENEWAL]);
    for (const [name, entry] of Object.entries(packConfig)) {
      const policy = policies.get(name)!;
      if (typeof entry === "string") {
        assert.ok(LEVELS.includes(entry), `${name}: ${entry} is not an enforcement level`);
        continue;
      }
      const { enforcementLevel, ...settings } = entry;
      assert.ok(LEVELS.includes(enforcementLevel as string), `${name}: bad enforcementLevel`);
      for (const [key, value] of Object.entries(settings)) {
        const schema = policy.configSchema?.properties?.[key] as
          { type?: string; minimum?: number; maximum?: number } | undefined;
        assert.ok(schema, `${name}: ${key} is not in the policy's config schema`);
        if (schema.type === "integer")
          assert.ok(Number.isInteger(value), `${name}.${key} must be an integer`);
        if (schema.minimum !== undefined)
          assert.ok((value as number) >= schema.minimum, `${name}.${key} too small`);
        if (schema.maximum !== undefined)
          assert.ok((value as number) <= schema.maximum, `${name}.${key} too large`);
      }
    }
    const expiry = packConfig[EXPIRY] as Record<string, unknown>;
    assert.equal(expiry.minDaysValid, 30);
  });

  it("passes the example's lookup at preview while its certificate lasts, and blocks it within minDaysValid", async () => {
    const certificate = (days: number) =>
      makeCertificate({ name: "example-com", domainName: "example.com", notAfter: inDays(days) });
    const lookupAtPreview = async () => {
      const run = await runExample(PROGRAM, {
        config: { "aws:region": "us-east-1" },
        preview: true,
        emulators: { [CERTIFICATE_LOOKUP_TYPE]: emulateCertificateLookup },
      });
      const lookup = run.resource(CERTIFICATE_LOOKUP_TYPE, "site");
      return { type: lookup.type, name: lookup.name, props: lookup.state! };
    };

    await h.emulator.setFixtures({ certificates: [certificate(200)] });
    assert.deepEqual(await judge(await lookupAtPreview()), { [EXPIRY]: [], [ISSUED]: [], [RENEWAL]: [] });

    const expiring = certificate(12.5);
    await h.emulator.setFixtures({ certificates: [expiring] });
    const lookup = await lookupAtPreview();
    const violations = await judge(lookup);
    assert.deepEqual(violations[ISSUED], []);
    assert.equal(violations[EXPIRY]!.length, 1, JSON.stringify(violations));
    const [message] = violations[EXPIRY]!;
    assert.match(message!, /"example-com"/);
    assert.match(message!, new RegExp(expiring.notAfter as string));
    assert.match(message!, /\b12 day/);
    assert.match(message!, /\b30\b/);

    // A lower threshold in the pack config lets it through.
    const lowered = { ...packConfig, [EXPIRY]: { enforcementLevel: "mandatory", minDaysValid: 7 } };
    assert.deepEqual(await judge(lookup, lowered), { [EXPIRY]: [], [ISSUED]: [], [RENEWAL]: [] });
  });

  it("blocks a certificate that is not ISSUED when the example's lookup is allowed to find one", async () => {
    await h.emulator.setFixtures({
      certificates: [
        makeCertificate({
          name: "new-example-com",
          domainName: "new.example.com",
          status: "PENDING_VALIDATION",
        }),
      ],
    });
    const run = await runExample(PROGRAM, {
      config: {
        "aws:region": "us-east-1",
        domain: "new.example.com",
        statuses: JSON.stringify(["ISSUED", "PENDING_VALIDATION"]),
      },
      preview: true,
      emulators: { [CERTIFICATE_LOOKUP_TYPE]: emulateCertificateLookup },
    });
    const lookup = run.resource(CERTIFICATE_LOOKUP_TYPE, "site");
    const violations = await judge({ type: lookup.type, name: lookup.name, props: lookup.state! });
    assert.equal(violations[ISSUED]!.length, 1, JSON.stringify(violations));
    assert.match(violations[ISSUED]![0]!, /"new-example-com"/);
    assert.match(violations[ISSUED]![0]!, /PENDING_VALIDATION/);
  });

  it("blocks the distribution example when the certificate it names expires within minDaysValid", async () => {
    const expiring = makeCertificate({
      name: "example-com",
      domainName: "example.com",
      subjectAlternativeNames: ["www.example.com"],
      notAfter: inDays(12.5),
    });
    await h.emulator.setFixtures({ certificates: [expiring] });
    // The program's own check is looser (7 days), so it deploys; the pack's 30 days do not.
    const run = await runExample(DISTRIBUTION_PROGRAM, {
      config: { "aws:region": "eu-west-2", minDaysValid: "7" },
    });
    const distribution = run.resource(DISTRIBUTION, "cdn");
    assert.equal(distribution.inputs.certificateName, "example-com");

    const violations = await judge({
      type: distribution.type,
      name: distribution.name,
      props: distribution.inputs,
    });
    assert.deepEqual(violations[ISSUED], []);
    assert.equal(violations[EXPIRY]!.length, 1, JSON.stringify(violations));
    assert.match(violations[EXPIRY]![0]!, /"example-com"/);
    assert.match(violations[EXPIRY]![0]!, /"cdn"/);
    assert.match(violations[EXPIRY]![0]!, /\b30\b/);
  });
});
