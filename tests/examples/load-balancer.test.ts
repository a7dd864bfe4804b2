/**
 * examples/load-balancer under `pulumi.runtime.setMocks`, with the emulator behind its lookup:
 * the ISSUED certificate the lookup finds on the load balancer is the one the
 * LbCertificateAttachment attaches, to that load balancer.
 */
import { strict as assert } from "node:assert";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { makeLoadBalancerTlsCertificate, type FixtureDocument } from "../../emulator";
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

const PROGRAM = path.join(REPO_ROOT, "examples", "load-balancer");
const LB = "aws:lightsail/lb:Lb";
const LB_CERTIFICATE = "aws:lightsail/lbCertificate:LbCertificate";
const ATTACHMENT = "aws:lightsail/lbCertificateAttachment:LbCertificateAttachment";
const DAY_MS = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString();
const REGION = "eu-west-2";

/** The certificate to attach: ISSUED, on web-lb, for example.com. */
const issued = makeLoadBalancerTlsCertificate({
  region: REGION,
  loadBalancerName: "web-lb",
  name: "web-lb-example-com",
  domainName: "example.com",
  subjectAlternativeNames: ["www.example.com"],
  notAfter: inDays(200),
});
/** Same domain, same load balancer, still being validated: never attached. */
const pending = makeLoadBalancerTlsCertificate({
  region: REGION,
  loadBalancerName: "web-lb",
  name: "web-lb-example-com-next",
  domainName: "example.com",
  status: "PENDING_VALIDATION",
});
/** Same domain on another load balancer. */
const elsewhere = makeLoadBalancerTlsCertificate({
  region: REGION,
  loadBalancerName: "api-lb",
  name: "api-lb-example-com",
  domainName: "example.com",
  notAfter: inDays(300),
});

function runProgram(config: Record<string, string>, preview = false) {
  return runExample(PROGRAM, {
    config: { "aws:region": REGION, ...config },
    preview,
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

const lookups = (calls: { operation?: string }[]) =>
  calls.filter((c) => c.operation === "GetLoadBalancerTlsCertificates");

describe("examples/load-balancer under mocks", function () {
  this.timeout(60_000);
  useTestPackage();
  const fixtures: FixtureDocument = { loadBalancerTlsCertificates: [pending, elsewhere, issued] };
  const h = useEmulator({ fixtures });
  useEnvironment(() => emulatorProcessEnv(h.emulator));
  after(() => resetLookupCaches());

  it("attaches the load balancer's ISSUED certificate for the domain to that load balancer", async () => {
    const run = await runProgram({});

    assert.equal(run.resource(LB, "web").inputs.name, "web-lb");
    const requested = run.resource(LB_CERTIFICATE, "web");
    assert.equal(requested.inputs.lbName, "web-lb");
    assert.equal(requested.inputs.name, "web-lb-example-com");
    assert.equal(requested.inputs.domainName, "example.com");

    const attachment = run.resource(ATTACHMENT, "web");
    assert.equal(attachment.inputs.lbName, "web-lb");
    assert.equal(attachment.inputs.certificateName, "web-lb-example-com");

    assert.deepEqual(run.outputs.attachedCertificate, {
      name: "web-lb-example-com",
      domains: ["example.com", "www.example.com"],
      notAfter: issued.notAfter,
      daysUntilExpiry: 199,
    });
    const calls = lookups(h.emulator.calls());
    assert.equal(calls.length, 1);
    assert.equal((calls[0] as { region?: string }).region, REGION);
  });

  it("keeps the ISSUED certificate attached while the one it requests is still pending", async () => {
    const run = await runProgram({ certificateName: "web-lb-example-com-next" });
    assert.equal(run.resource(LB_CERTIFICATE, "web").inputs.name, "web-lb-example-com-next");
    const attachment = run.resource(ATTACHMENT, "web");
    assert.equal(attachment.inputs.lbName, "web-lb");
    assert.equal(attachment.inputs.certificateName, "web-lb-example-com");
  });

  it("attaches a certificate created earlier (createCertificate false), by domain from the config", async () => {
    await h.emulator.setFixtures({
      loadBalancerTlsCertificates: [
        ...(fixtures.loadBalancerTlsCertificates ?? []),
        makeLoadBalancerTlsCertificate({
          region: REGION,
          loadBalancerName: "shop-lb",
          name: "from-the-console",
          domainName: "shop.example.net",
          notAfter: inDays(90),
        }),
      ],
    });
    const run = await runProgram({
      createCertificate: "false",
      loadBalancerName: "shop-lb",
      domain: "shop.example.net",
    });
    assert.deepEqual(
      run.resources.filter((r) => r.type === LB_CERTIFICATE),
      [],
    );
    const attachment = run.resource(ATTACHMENT, "web");
    assert.equal(attachment.inputs.lbName, "shop-lb");
    assert.equal(attachment.inputs.certificateName, "from-the-console");
  });

  it("attaches nothing and reads nothing with attach false (before validation)", async () => {
    const run = await runProgram({ attach: "false" });
    run.resource(LB_CERTIFICATE, "web");
    assert.deepEqual(run.outputs.validationRecords, [
      { domainName: "example.com", resourceRecordType: "CNAME" },
    ]);
    assert.deepEqual(
      run.resources.filter((r) => r.type === ATTACHMENT),
      [],
    );
    assert.equal(run.outputs.attachedCertificate, null);
    assert.deepEqual(lookups(h.emulator.calls()), []);
  });

  it("does not read the load balancer at the preview of a first deployment", async () => {
    await h.emulator.setFixtures({});
    const run = await runProgram({}, true);
    const attachment = run.resource(ATTACHMENT, "web");
    assert.equal(attachment.inputs.lbName, "web-lb");
    assert.ok(
      pulumi.isUnknown(attachment.inputs.certificateName),
      "certificateName should be unknown until the update",
    );
    assert.deepEqual(lookups(h.emulator.calls()), []);
  });

  it("fails, attaching nothing, while the load balancer's certificate is not ISSUED", async () => {
    await h.emulator.setFixtures({ loadBalancerTlsCertificates: [pending, elsewhere] });
    const err = await failure({});
    assert.equal(err.cause.name, "CertificateNotFoundError");
    assert.match(err.message, /web-lb/);
    assert.match(err.message, /example\.com/);
    // The pending certificate is named among the closest seen, as the README says.
    assert.match(err.message, /web-lb-example-com-next/);
    assert.deepEqual(
      err.resources.filter((r) => r.type === ATTACHMENT),
      [],
    );
  });

  it("fails when the certificate expires within minDaysValid days", async () => {
    const expiring = makeLoadBalancerTlsCertificate({
      region: REGION,
      loadBalancerName: "web-lb",
      name: "web-lb-example-com",
      domainName: "example.com",
      notAfter: inDays(20.5),
    });
    await h.emulator.setFixtures({ loadBalancerTlsCertificates: [pending, expiring] });
    const err = await failure({});
    assert.equal(err.cause.name, "CertificateExpiringError");
    assert.match(err.message, /web-lb-example-com/);
    assert.match(err.message, new RegExp(expiring.notAfter as string));
    assert.match(err.message, /minDaysValid is 30/);
    assert.deepEqual(
      err.resources.filter((r) => r.type === ATTACHMENT),
      [],
    );

    const run = await runProgram({ minDaysValid: "14" });
    assert.equal(run.resource(ATTACHMENT).inputs.certificateName, "web-lb-example-com");
  });
});
