// CertificateValidation's provider functions against the emulator (real SDK, real requests),
// with an injected clock and sleep: what each poll sends, what check, diff, read and delete do.
import { strict as assert } from "node:assert";
import { CreateCertificateCommand } from "@aws-sdk/client-lightsail";
import { EMULATOR_CREDENTIALS, makeCertificate, type RunningEmulator } from "../../emulator";
import { createLookupContext } from "../../lookup/context";
import { pollTimes, VALIDATION_BACKOFF } from "../../lookup/issuance-wait";
import { CertificateValidationError } from "../../lightsail/errors";
import { KNOWN_CERTIFICATE_STATUSES } from "../../lightsail/types";
import * as provider from "../../provider/validation-resource";
import { UNKNOWN_VALUE } from "../../lookup/unknowns";
import { useEmulator } from "../helpers/emulator";

async function admin(emulator: RunningEmulator, route: string, body: unknown): Promise<void> {
  const response = await fetch(`${emulator.url}/__admin/${route}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(5000),
  });
  assert.equal(response.status, 200, await response.text());
}

describe("CertificateValidation provider (emulator, fake clock)", function () {
  const issued = makeCertificate({ name: "ready", domainName: "ready.example.com" });
  const expired = makeCertificate({
    name: "old",
    domainName: "old.example.com",
    status: "EXPIRED",
    notAfter: "2026-02-01T00:00:00.000Z",
  });
  const inactive = makeCertificate({ name: "idle", domainName: "idle.example.com", status: "INACTIVE" });
  const h = useEmulator({ fixtures: { certificates: [issued, expired, inactive] } });
  let clock = 0;
  let sleeps: number[] = [];
  let lines: string[] = [];
  /** Runs before each sleep; a test sets it to act "meanwhile". */
  let onSleep: (n: number) => Promise<void> = async () => undefined;

  beforeEach(() => {
    clock = 0;
    sleeps = [];
    lines = [];
    onSleep = async () => undefined;
    provider.setValidationContext(
      createLookupContext({
        env: { AWS_REGION: "us-east-1" },
        clientOptions: { endpoint: h.emulator.url, maxAttempts: 1 },
        clientFor: undefined,
      }),
      {
        now: () => clock,
        sleep: async (ms) => {
          sleeps.push(ms);
          await onSleep(sleeps.length);
          clock += ms;
        },
        progress: (line) => lines.push(line),
      },
    );
  });
  afterEach(() => provider.setValidationContext(undefined));
  before(() => {
    process.env.AWS_ACCESS_KEY_ID = EMULATOR_CREDENTIALS.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = EMULATOR_CREDENTIALS.secretAccessKey;
  });

  async function request(name: string, sans: string[] = []) {
    const out = await h.client().send(
      new CreateCertificateCommand({
        certificateName: name,
        domainName: `${name}.example.com`,
        subjectAlternativeNames: sans,
      }),
    );
    return out.certificate!.certificateDetail!;
  }

  it("create waits until ISSUED; each poll is one GetCertificates with the name and every status", async () => {
    const detail = await request("site", ["www.site.example.com"]);
    onSleep = async (n) => {
      if (n === 2) await admin(h.emulator, "dns-records", detail.domainValidationRecords![0]!.resourceRecord);
      if (n === 3) await admin(h.emulator, "dns-records", detail.domainValidationRecords![1]!.resourceRecord);
    };
    h.emulator.resetCalls();
    const { id, outs } = await provider.validationCreate({ certificateName: "site", region: "us-east-1" });
    assert.equal(outs.status, "ISSUED");
    assert.equal(id, detail.arn);
    assert.equal(outs.name, "site");
    assert.equal(outs.certificateName, "site");
    assert.equal(typeof outs.daysUntilExpiry, "number");
    const calls = h.emulator.calls();
    assert.equal(calls.length, 4);
    for (const call of calls) {
      assert.equal(call.operation, "GetCertificates");
      assert.deepEqual(call.request, {
        certificateName: "site",
        certificateStatuses: [...KNOWN_CERTIFICATE_STATUSES],
        includeCertificateDetails: true,
      });
    }
    assert.deepEqual(sleeps, [2000, 4000, 8000]);
    assert.equal(lines.length, 3);
    assert.match(
      lines[0]!,
      /^CertificateValidation site \(us-east-1\): PENDING_VALIDATION, 0s waited; pending: site\.example\.com: CNAME _/,
    );
    assert.doesNotMatch(lines.join("\n"), /127\.0\.0\.1|AKIA|secret/i);
  });

  it("fails at once, with the reason, when the request FAILED meanwhile", async () => {
    await request("doomed");
    onSleep = async (n) => {
      if (n === 1) await admin(h.emulator, "certificates/fail", { name: "doomed", reason: "CAA_ERROR" });
    };
    const err = await provider.validationCreate({ certificateName: "doomed" }).then(
      () => assert.fail("the wait succeeded"),
      (e: unknown) => e,
    );
    assert.ok(CertificateValidationError.isInstance(err));
    assert.match(
      (err as Error).message,
      /"doomed" \(us-east-1\) is FAILED \(requestFailureReason CAA_ERROR\)/,
    );
    assert.equal(sleeps.length, 1);
  });

  for (const [name, pattern] of [
    [
      "old",
      /"old" \(us-east-1\) is EXPIRED \(expired on 2026-02-01T00:00:00\.000Z\): it will never be ISSUED/,
    ],
    ["idle", /"idle" \(us-east-1\) is INACTIVE \(inactive: no longer usable\): it will never be ISSUED/],
  ] as const) {
    it(`fails at the first poll, without waiting, on a certificate that is ${name === "old" ? "EXPIRED" : "INACTIVE"}`, async () => {
      h.emulator.resetCalls();
      const err = await provider.validationCreate({ certificateName: name, timeoutMinutes: 5 }).then(
        () => assert.fail("the wait succeeded"),
        (e: unknown) => e,
      );
      assert.ok(CertificateValidationError.isInstance(err));
      assert.equal((err as CertificateValidationError).timedOut, false);
      assert.match((err as Error).message, pattern);
      assert.deepEqual(sleeps, []);
      assert.equal(h.emulator.calls().length, 1);
    });
  }

  it("times out naming the pending records; the polls match the schedule (requests per wait)", async () => {
    const detail = await request("slow");
    h.emulator.resetCalls();
    const err = (await provider.validationCreate({ certificateName: "slow", timeoutMinutes: 5 }).then(
      () => assert.fail("the wait succeeded"),
      (e: unknown) => e,
    )) as CertificateValidationError;
    const record = detail.domainValidationRecords![0]!.resourceRecord!;
    assert.equal(err.timedOut, true);
    assert.ok(err.message.endsWith(`slow.example.com: CNAME ${record.name} -> ${record.value}`), err.message);
    // The bench's figure: a wait of 5 minutes costs exactly pollTimes(...) requests.
    assert.equal(h.emulator.calls().length, pollTimes(VALIDATION_BACKOFF, 5 * 60_000).length);
    assert.equal(h.emulator.calls().length, 14);
  });

  it("check never waits: outputs known only when ISSUED; bad arguments are named", async () => {
    await request("later");
    h.emulator.resetCalls();
    const ready = await provider.validationCheck({}, { certificateName: "ready" });
    assert.equal(ready.failures, undefined);
    assert.equal(ready.inputs.status, "ISSUED");
    assert.equal(ready.inputs.arn, issued.arn);
    assert.equal(ready.inputs.region, "us-east-1");
    const pending = await provider.validationCheck({}, { certificateName: "later", timeoutMinutes: 10 });
    assert.deepEqual(pending.inputs, { certificateName: "later", region: "us-east-1", timeoutMinutes: 10 });
    assert.equal(h.emulator.calls().length, 2);
    assert.deepEqual(sleeps, []);
    const unknown = await provider.validationCheck({}, { certificateName: UNKNOWN_VALUE });
    assert.deepEqual(unknown.inputs, { certificateName: UNKNOWN_VALUE });
    const bad = await provider.validationCheck(
      {},
      { certificateName: "a b", region: "mars-1", timeoutMinutes: 0 },
    );
    assert.deepEqual(
      bad.failures?.map((f) => f.property),
      ["certificateName", "region", "timeoutMinutes"],
    );
    // Secret markers survive check, so the engine marks those outputs secret.
    const secret = await provider.validationCheck(
      {},
      { certificateName: "later", arn: null, notAfter: null },
    );
    assert.equal(secret.inputs.arn, null);
    assert.equal(secret.inputs.notAfter, null);
  });

  it("diff replaces on another name or region, updates on a renewed certificate, ignores nothing else", async () => {
    const olds = { certificateName: "ready", region: "us-east-1", serialNumber: "01", arn: "a" };
    assert.deepEqual(
      (await provider.validationDiff("a", olds, { ...olds, certificateName: "other" })).replaces,
      ["certificateName"],
    );
    assert.deepEqual((await provider.validationDiff("a", olds, { ...olds, region: "eu-west-1" })).replaces, [
      "region",
    ]);
    assert.deepEqual(
      (await provider.validationDiff("a", olds, { ...olds, certificateName: UNKNOWN_VALUE })).replaces,
      ["certificateName"],
    );
    const renewed = await provider.validationDiff("a", olds, { ...olds, serialNumber: "02" });
    assert.equal(renewed.changes, true);
    assert.deepEqual(renewed.replaces, []);
    assert.equal((await provider.validationDiff("a", olds, { ...olds })).changes, false);
    assert.equal((await provider.validationDiff("a", olds, { ...olds, timeoutMinutes: 9 })).changes, true);
  });

  it("read reads once without waiting; delete sends nothing", async () => {
    await request("pend");
    h.emulator.resetCalls();
    const read = await provider.validationRead("x", { certificateName: "pend", region: "us-east-1" });
    assert.equal(read.props.status, "PENDING_VALIDATION");
    assert.equal(read.inputs.status, undefined);
    assert.equal(h.emulator.calls().length, 1);
    assert.deepEqual(sleeps, []);
    await provider.validationRemove("x", read.props);
    assert.equal(h.emulator.calls().length, 1);
    await assert.rejects(
      provider.validationRead("x", { certificateName: "gone-one" }),
      /"gone-one" .* is gone from us-east-1/,
    );
  });
});
