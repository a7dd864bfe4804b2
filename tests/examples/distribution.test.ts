/**
 * examples/distribution under `pulumi.runtime.setMocks`, with the emulator behind its lookup:
 * the certificate the lookup finds in us-east-1 is the one the Distribution is given.
 */
import { strict as assert } from "node:assert";
import * as path from "node:path";
import { makeCertificate, type FixtureDocument } from "../../emulator";
import { useEmulator } from "../helpers/emulator";
import { useEnvironment } from "../helpers/environment";
import {
  emulatorProcessEnv,
  ExampleRunError,
  REPO_ROOT,
  resetLookupCaches,
  runExample,
  useTestPackage,
} from "../helpers/example-harness";

const PROGRAM = path.join(REPO_ROOT, "examples", "distribution");
const DISTRIBUTION = "aws:lightsail/distribution:Distribution";
const BUCKET = "aws:lightsail/bucket:Bucket";
const DAY_MS = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString();

const runProgram = (config: Record<string, string>) => runExample(PROGRAM, { config });

/** The certificate the program must pick: us-east-1, ISSUED, covering example.com and www.example.com. */
const site = makeCertificate({
  name: "example-com",
  domainName: "example.com",
  subjectAlternativeNames: ["www.example.com"],
  notAfter: inDays(200),
});

/** Certificates the program must not pick. */
const decoys = [
  // Same domains, but in the stack's region: distributions cannot use it.
  makeCertificate({
    region: "eu-west-2",
    name: "example-com-london",
    domainName: "example.com",
    subjectAlternativeNames: ["www.example.com"],
    notAfter: inDays(300),
  }),
  // Right region and domain, but does not cover www.example.com.
  makeCertificate({
    name: "no-www",
    domainName: "www2.example.com",
    subjectAlternativeNames: ["example.com"],
  }),
  // Covers everything, but not ISSUED yet.
  makeCertificate({
    name: "example-com-next",
    domainName: "example.com",
    subjectAlternativeNames: ["www.example.com"],
    status: "PENDING_VALIDATION",
  }),
  makeCertificate({
    name: "example-org",
    domainName: "example.org",
    subjectAlternativeNames: ["www.example.org", "static.example.org"],
    notAfter: inDays(100),
  }),
];

describe("examples/distribution under mocks", function () {
  this.timeout(60_000);
  useTestPackage();
  const h = useEmulator({ fixtures: { certificates: [site, ...decoys] } });
  useEnvironment(() => emulatorProcessEnv(h.emulator));
  after(() => resetLookupCaches());

  it("gives the Distribution the us-east-1 certificate covering the domains, whatever aws:region is", async () => {
    const run = await runProgram({ "aws:region": "eu-west-2" });

    const distribution = run.resource(DISTRIBUTION, "cdn");
    assert.equal(distribution.inputs.certificateName, "example-com");
    assert.equal(distribution.inputs.region, "us-east-1");
    // The origin is the bucket, in the stack's region.
    const bucket = run.resource(BUCKET, "origin");
    assert.equal(bucket.inputs.region, undefined);
    assert.deepEqual(distribution.inputs.origin, { name: "origin-auto", regionName: "eu-west-2" });

    assert.equal(run.outputs.certificateName, "example-com");
    assert.equal(run.outputs.certificateArn, site.arn);
    assert.deepEqual(run.outputs.servedDomains, ["example.com", "www.example.com"]);
    // The lookup asked us-east-1 only (the emulator tells regions apart by the signature).
    const regions = new Set(h.emulator.calls().map((c) => c.region));
    assert.deepEqual([...regions], ["us-east-1"]);
  });

  it("takes the domains and the threshold from the stack config", async () => {
    const run = await runProgram({
      "aws:region": "us-east-1",
      domain: "example.org",
      alternativeDomains: JSON.stringify(["static.example.org"]),
      minDaysValid: "90",
    });
    assert.equal(run.resource(DISTRIBUTION).inputs.certificateName, "example-org");
    assert.equal(run.outputs.certificateArn, decoys[3]!.arn);
  });

  it("fails, creating no distribution, when no ISSUED certificate covers the domains", async () => {
    await h.emulator.setFixtures({ certificates: decoys } satisfies FixtureDocument);
    const err = await runProgram({ "aws:region": "us-east-1" }).then(
      () => assert.fail("the program succeeded without a certificate"),
      (e: unknown) => e,
    );
    assert.ok(err instanceof ExampleRunError, String(err));
    assert.equal(err.cause.name, "CertificateNotFoundError");
    assert.match(err.message, /us-east-1/);
    assert.match(err.message, /www\.example\.com/);
    assert.deepEqual(
      err.resources.filter((r) => r.type === DISTRIBUTION),
      [],
    );
  });

  it("fails when the certificate expires within minDaysValid days", async () => {
    const expiring = makeCertificate({
      name: "example-com",
      domainName: "example.com",
      subjectAlternativeNames: ["www.example.com"],
      notAfter: inDays(10.5),
    });
    await h.emulator.setFixtures({ certificates: [expiring, ...decoys] });
    const err = await runProgram({ "aws:region": "us-east-1" }).then(
      () => assert.fail("the program succeeded with an expiring certificate"),
      (e: unknown) => e,
    );
    assert.ok(err instanceof ExampleRunError, String(err));
    assert.equal(err.cause.name, "CertificateExpiringError");
    assert.match(err.message, /example-com/);
    assert.match(err.message, new RegExp(expiring.notAfter as string));
    assert.deepEqual(
      err.resources.filter((r) => r.type === DISTRIBUTION),
      [],
    );

    // A lower threshold in the stack config lets the same certificate through.
    const run = await runProgram({ "aws:region": "us-east-1", minDaysValid: "7" });
    assert.equal(run.resource(DISTRIBUTION).inputs.certificateName, "example-com");
  });
});
