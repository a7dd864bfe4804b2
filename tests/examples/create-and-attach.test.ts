/**
 * examples/create-and-attach under `pulumi.runtime.setMocks`, with the emulator behind it: the
 * certificate mock requests the certificate with CreateCertificate, the Route 53 record mock
 * makes each record "appear" to the emulator (which validates that domain), and the real
 * CertificateValidation provider polls the emulator until the certificate is ISSUED; the
 * distribution gets the issued certificate's name.
 */
import { strict as assert } from "node:assert";
import * as path from "node:path";
import { CreateCertificateCommand, LightsailClient } from "@aws-sdk/client-lightsail";
import { EMULATOR_CREDENTIALS } from "../../emulator";
import { useEmulator } from "../helpers/emulator";
import { useEnvironment } from "../helpers/environment";
import {
  CERTIFICATE_VALIDATION_TYPE,
  emulateCertificateValidation,
  emulatorProcessEnv,
  ExampleRunError,
  REPO_ROOT,
  resetLookupCaches,
  runExample,
  useTestPackage,
  type ResourceEmulator,
} from "../helpers/example-harness";

const PROGRAM = path.join(REPO_ROOT, "examples", "create-and-attach");
const CERTIFICATE = "aws:lightsail/certificate:Certificate";
const RECORD = "aws:route53/record:Record";
const DISTRIBUTION = "aws:lightsail/distribution:Distribution";

describe("examples/create-and-attach under mocks", function () {
  this.timeout(90_000);
  useTestPackage();
  const h = useEmulator({ fixtures: {} });
  useEnvironment(() => emulatorProcessEnv(h.emulator));
  after(() => resetLookupCaches());
  /** Whether the record mock publishes records to the emulator (DNS "propagates"). */
  let publish = true;
  const published: unknown[] = [];

  /** aws.lightsail.Certificate: CreateCertificate in the emulator; the validation options from its answer. */
  const certificate: ResourceEmulator = async (resource, run) => {
    if (run.preview) return { id: undefined, state: { ...resource.inputs } };
    const client = new LightsailClient({
      endpoint: h.emulator.url,
      region: resource.inputs.region as string,
      credentials: { ...EMULATOR_CREDENTIALS },
    });
    try {
      const out = await client.send(
        new CreateCertificateCommand({
          certificateName: resource.inputs.name as string,
          domainName: resource.inputs.domainName as string,
          subjectAlternativeNames: resource.inputs.subjectAlternativeNames as string[],
        }),
      );
      const detail = out.certificate!.certificateDetail!;
      return {
        id: resource.inputs.name as string,
        state: {
          ...resource.inputs,
          arn: detail.arn,
          domainValidationOptions: detail.domainValidationRecords!.map((r) => ({
            domainName: r.domainName,
            resourceRecordName: r.resourceRecord!.name,
            resourceRecordType: r.resourceRecord!.type,
            resourceRecordValue: r.resourceRecord!.value,
          })),
        },
      };
    } finally {
      client.destroy();
    }
  };

  /** aws.route53.Record: the record "appears" to the emulator (POST /__admin/dns-records). */
  const record: ResourceEmulator = async (resource, run) => {
    if (!run.preview && publish) {
      const body = {
        name: resource.inputs.name,
        type: resource.inputs.type,
        value: (resource.inputs.records as string[])[0],
      };
      const response = await fetch(`${h.emulator.url}/__admin/dns-records`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(5000),
      });
      assert.equal(response.status, 200);
      published.push(body);
    }
    return { id: run.preview ? undefined : `${resource.name}-id`, state: { ...resource.inputs } };
  };

  const emulators = {
    [CERTIFICATE]: certificate,
    [RECORD]: record,
    [CERTIFICATE_VALIDATION_TYPE]: emulateCertificateValidation,
  };
  const config = { "aws:region": "eu-west-2", zoneId: "Z0EXAMPLE", domain: "shop.example.com" };

  beforeEach(() => {
    publish = true;
    published.length = 0;
  });

  it("requests, validates through one record per domain, waits for ISSUED and attaches it", async () => {
    const run = await runExample(PROGRAM, { config, emulators });
    assert.equal(run.resources.filter((r) => r.type === RECORD).length, 2);
    assert.equal(published.length, 2);
    const validation = run.resource(CERTIFICATE_VALIDATION_TYPE, "site");
    assert.equal(validation.state?.status, "ISSUED");
    assert.equal(run.resource(DISTRIBUTION, "cdn").inputs.certificateName, "shop-example-com");
    assert.equal(run.outputs.certificateStatus, "ISSUED");
    const inEmulator = (await h.emulator.fixtures()).certificates!.find((c) => c.name === "shop-example-com");
    assert.equal(inEmulator?.status, "ISSUED");
    assert.equal(run.outputs.certificateNotAfter, new Date(inEmulator!.notAfter as string).toISOString());
    // One CreateCertificate, then the validation's reads by name, all in us-east-1.
    const calls = h.emulator.calls();
    assert.equal(calls[0]?.operation, "CreateCertificate");
    assert.deepEqual(
      [...new Set(calls.slice(1).map((c) => `${c.operation} ${c.region}`))],
      ["GetCertificates us-east-1"],
    );
  });

  it("fails naming the records still to create, and creates no distribution, when DNS never validates", async () => {
    publish = false;
    const err = await runExample(PROGRAM, {
      config: { ...config, domain: "late.example.com", timeoutMinutes: "0.1" },
      emulators,
    }).then(
      () => assert.fail("the program succeeded without a validated certificate"),
      (e: unknown) => e,
    );
    assert.ok(err instanceof ExampleRunError, String(err));
    assert.equal(err.cause.name, "CertificateValidationError");
    assert.match(err.message, /Certificate "late-example-com" \(us-east-1\) is still PENDING_VALIDATION/);
    const records = (await h.emulator.fixtures()).certificates!.find(
      (c) => c.name === "late-example-com",
    )!.domainValidationRecords!;
    for (const r of records)
      assert.ok(
        err.message.includes(
          `${r.domainName}: CNAME ${r.resourceRecord!.name} -> ${r.resourceRecord!.value}`,
        ),
      );
    assert.deepEqual(
      err.resources.filter((r) => r.type === DISTRIBUTION),
      [],
    );
  });
});
