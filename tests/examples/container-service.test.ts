/**
 * examples/container-service under `pulumi.runtime.setMocks`, with the emulator behind its
 * CertificateLookup: the real dynamic provider resolves the certificate (mocks do not run it, so
 * the harness calls it as the engine would) and its name is what the ContainerService's
 * `publicDomainNames` receive.
 */
import { strict as assert } from "node:assert";
import * as path from "node:path";
import { makeCertificate } from "../../emulator";
import { useEmulator } from "../helpers/emulator";
import { useEnvironment } from "../helpers/environment";
import {
  CERTIFICATE_LOOKUP_TYPE,
  emulateCertificateLookup,
  emulatorProcessEnv,
  ExampleRunError,
  REPO_ROOT,
  resetLookupCaches,
  runExample,
  useTestPackage,
} from "../helpers/example-harness";

const PROGRAM = path.join(REPO_ROOT, "examples", "container-service");
const SERVICE = "aws:lightsail/containerService:ContainerService";
const DEPLOYMENT = "aws:lightsail/containerServiceDeploymentVersion:ContainerServiceDeploymentVersion";
const DAY_MS = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString();

const london = makeCertificate({
  region: "eu-west-2",
  name: "web-example-com",
  domainName: "example.com",
  subjectAlternativeNames: ["www.example.com"],
  notAfter: inDays(120),
});
/** The same domains in another region: a service in eu-west-2 cannot use it. */
const virginia = makeCertificate({
  region: "us-east-1",
  name: "cdn-example-com",
  domainName: "example.com",
  subjectAlternativeNames: ["www.example.com"],
  notAfter: inDays(300),
});
/** In the right region, but it does not cover www.example.com. */
const apexOnly = makeCertificate({ region: "eu-west-2", name: "apex-only", domainName: "example.com" });

function runProgram(config: Record<string, string>, preview = false) {
  return runExample(PROGRAM, {
    config,
    preview,
    // Mocks run no provider: the real CertificateLookup provider is called as the engine would.
    emulators: { [CERTIFICATE_LOOKUP_TYPE]: emulateCertificateLookup },
  });
}

async function failure(config: Record<string, string>): Promise<ExampleRunError> {
  const err = await runProgram(config).then(
    () => assert.fail("the program succeeded"),
    (e: unknown) => e,
  );
  assert.ok(err instanceof ExampleRunError, String(err));
  return err;
}

describe("examples/container-service under mocks", function () {
  this.timeout(60_000);
  useTestPackage();
  const h = useEmulator({ fixtures: { certificates: [virginia, apexOnly, london] } });
  // The emulator env sets AWS_REGION=us-east-1: the stack's aws:region must win over it.
  useEnvironment(() => emulatorProcessEnv(h.emulator));
  after(() => resetLookupCaches());

  it("gives publicDomainNames the certificate the CertificateLookup found in the stack's region", async () => {
    const run = await runProgram({ "aws:region": "eu-west-2" });

    const lookup = run.resource(CERTIFICATE_LOOKUP_TYPE, "service-certificate");
    assert.deepEqual(lookup.inputs.query, {
      domainName: "example.com",
      subjectAlternativeNames: ["example.com", "www.example.com"],
      minDaysValid: 30,
    });
    const service = run.resource(SERVICE, "web");
    assert.deepEqual(service.inputs.publicDomainNames, {
      certificates: [{ certificateName: "web-example-com", domainNames: ["example.com", "www.example.com"] }],
    });
    assert.equal(run.resource(DEPLOYMENT, "web").inputs.serviceName, "web-auto");

    assert.equal(run.outputs.certificateArn, london.arn);
    assert.equal(run.outputs.certificateNotAfter, london.notAfter);
    assert.equal(typeof run.outputs.certificateDaysUntilExpiry, "number");
    const regions = new Set(h.emulator.calls().map((c) => c.region));
    assert.deepEqual([...regions], ["eu-west-2"]);
  });

  it("uses the `region` config for both the service and the lookup", async () => {
    const run = await runProgram({ "aws:region": "eu-west-2", region: "us-east-1" });
    assert.equal(
      (run.resource(CERTIFICATE_LOOKUP_TYPE).inputs.query as { region?: string }).region,
      "us-east-1",
    );
    assert.equal(run.outputs.certificateArn, virginia.arn);
    const service = run.resource(SERVICE);
    assert.equal(service.inputs.region, "us-east-1");
    assert.deepEqual(service.inputs.publicDomainNames, {
      certificates: [{ certificateName: "cdn-example-com", domainNames: ["example.com", "www.example.com"] }],
    });
  });

  it("already passes the certificate name at preview (the lookup resolves in check)", async () => {
    const run = await runProgram({ "aws:region": "eu-west-2" }, true);
    const service = run.resource(SERVICE);
    assert.deepEqual(service.inputs.publicDomainNames, {
      certificates: [{ certificateName: "web-example-com", domainNames: ["example.com", "www.example.com"] }],
    });
  });

  it("fails, creating no service, when no certificate in the region covers the domains", async () => {
    const err = await failure({
      "aws:region": "eu-west-2",
      domainNames: JSON.stringify(["example.com", "api.example.com"]),
    });
    // The lookup is a CertificateLookup: its failure reaches the program as the engine's check failure.
    assert.equal(err.cause.name, "CheckFailure");
    assert.match(err.message, /check failed: No Lightsail certificate matches domainName "example\.com"/);
    assert.match(err.message, /eu-west-2/);
    assert.match(err.message, /api\.example\.com/);
    assert.deepEqual(
      err.resources.filter((r) => r.type === SERVICE),
      [],
    );
  });

  it("fails when the certificate expires within minDaysValid days", async () => {
    const err = await failure({ "aws:region": "eu-west-2", minDaysValid: "150" });
    assert.equal(err.cause.name, "CheckFailure");
    assert.match(
      err.message,
      /check failed: Certificate "web-example-com" expires .* but minDaysValid is 150/,
    );
    assert.match(err.message, /web-example-com/);
    assert.match(err.message, new RegExp(london.notAfter as string));
    assert.deepEqual(
      err.resources.filter((r) => r.type === SERVICE),
      [],
    );
  });
});
