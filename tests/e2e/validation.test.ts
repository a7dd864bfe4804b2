/**
 * CertificateValidation under the real engine: `pulumi up` waits while the certificate is
 * PENDING_VALIDATION and completes once the test validates it through the emulator's admin API;
 * a failed request fails `up` with its reason; a short timeout fails naming the pending records;
 * progress lines the provider writes to stderr appear in the update's output; destroy writes
 * nothing to Lightsail.
 */
import { strict as assert } from "node:assert";
import * as path from "node:path";
import { CreateCertificateCommand, LightsailClient } from "@aws-sdk/client-lightsail";
import { EMULATOR_CREDENTIALS, startEmulator, type RunningEmulator } from "../../emulator";
import { useTestPackage } from "../../tools/installed-package";
import {
  assertPulumiCli,
  createPulumiWorkspace,
  REPO_ROOT,
  type PulumiWorkspace,
  type RunResult,
} from "../../tools/harness";
import { emulatorEnv } from "../../tools/lookup-program";

const VALIDATION_TYPE = "pulumi-nodejs:dynamic/lightsail:CertificateValidation";
/** The certificate a validation with a secret name waits for. */
const HIDDEN = "hush-cert";

async function admin(emulator: RunningEmulator, route: string, body: unknown): Promise<void> {
  const response = await fetch(`${emulator.url}/__admin/${route}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(5000),
  });
  assert.equal(response.status, 200, await response.text());
}

/** Polls of `name` the emulator has seen. */
function pollsOf(emulator: RunningEmulator, name: string): number {
  return emulator
    .calls()
    .filter((c) => c.operation === "GetCertificates" && c.request?.certificateName === name).length;
}

/** Waits (at most `ms`) until the emulator has seen `count` polls of `name`. */
async function untilPolled(
  emulator: RunningEmulator,
  name: string,
  count: number,
  ms = 120_000,
): Promise<void> {
  const deadline = Date.now() + ms;
  while (pollsOf(emulator, name) < count) {
    if (Date.now() > deadline) throw new Error(`fewer than ${count} polls of ${name} after ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe("CertificateValidation under the real Pulumi engine", function () {
  this.timeout(5 * 60_000);
  let emulator: RunningEmulator;
  let ws: PulumiWorkspace;
  let client: LightsailClient;
  useTestPackage();
  before(async function () {
    this.timeout(2 * 60_000);
    await assertPulumiCli();
    emulator = await startEmulator({});
    client = new LightsailClient({
      endpoint: emulator.url,
      region: "us-east-1",
      credentials: { ...EMULATOR_CREDENTIALS },
    });
    for (const name of ["site", "doomed", "slow", HIDDEN])
      await client.send(
        new CreateCertificateCommand({
          certificateName: name,
          domainName: `${name}.example.com`,
          subjectAlternativeNames: [`www.${name}.example.com`],
        }),
      );
    ws = await createPulumiWorkspace({
      programDir: path.join(REPO_ROOT, "tests/e2e/fixtures/validation"),
      env: emulatorEnv(emulator),
      config: { "aws:region": "us-east-1", certificateName: "site" },
      secretConfig: { secretCertificateName: HIDDEN },
    });
    await admin(emulator, "certificates/validate", { name: HIDDEN });
  });
  after(async () => {
    client?.destroy();
    await ws?.cleanup();
    await emulator?.stop();
  });

  it("up waits while PENDING_VALIDATION and completes once validated meanwhile, status ISSUED", async () => {
    const up = ws.up();
    await untilPolled(emulator, "site", 2);
    const before = await ws.stackOutputs().catch(() => ({}));
    assert.deepEqual(before, {}, "up finished before the certificate was validated");
    await admin(emulator, "certificates/validate", { name: "site" });
    const result: RunResult = await up;
    const outputs = await ws.stackOutputs<{ status: string; name: string; notAfter: string }>();
    assert.equal(outputs.status, "ISSUED");
    assert.equal(outputs.name, "site");
    assert.ok(Date.parse(outputs.notAfter) > Date.now());
    // The validation with a secret name: its outputs are secret in stack outputs and in state.
    const shown = JSON.parse((await ws.run(["stack", "output", "--json", "--stack", ws.stack])).stdout);
    assert.equal(shown.hiddenName, "[secret]");
    assert.equal(shown.hiddenStatus, "[secret]");
    const revealed = await ws.stackOutputs<{ hiddenName: string; hiddenStatus: string }>();
    assert.deepEqual([revealed.hiddenName, revealed.hiddenStatus], [HIDDEN, "ISSUED"]);
    const raw = (await ws.run(["stack", "export", "--stack", ws.stack])).stdout;
    assert.equal(raw.includes(HIDDEN), false, "the secret certificate name is in state in plaintext");
    // What we found: lines the provider writes to stderr are shown by the engine in the update.
    assert.match(
      result.stdout + result.stderr,
      /CertificateValidation site \(us-east-1\): PENDING_VALIDATION, \d+s waited; pending: site\.example\.com: CNAME _/,
    );
    assert.doesNotMatch(
      result.stdout + result.stderr,
      new RegExp(`${EMULATOR_CREDENTIALS.accessKeyId}|127\\.0\\.0\\.1`),
    );
  });

  it("preview never waits: another certificateName is a replace, one request per check", async () => {
    await ws.setConfig("certificateName", "slow");
    const before = pollsOf(emulator, "slow");
    const preview = await ws.previewJson();
    const step = preview.steps.find((s) => s.urn.endsWith("::site"));
    assert.equal(step?.op, "replace");
    assert.deepEqual(step?.replaceReasons, ["certificateName"]);
    // One read per check, no poll loop: the engine checks a replacement twice (against the old
    // inputs, then again as a fresh create). The pending certificate's outputs stay unknown.
    assert.equal(pollsOf(emulator, "slow") - before, 2);
    assert.equal(step?.newState?.inputs?.status, undefined);
  });

  it("a certificate whose request fails makes up fail with the reason", async () => {
    await ws.setConfig("certificateName", "doomed");
    const up = ws.up([], { expectFailure: true });
    await untilPolled(emulator, "doomed", 1);
    await admin(emulator, "certificates/fail", { name: "doomed", reason: "CAA_ERROR" });
    const result = await up;
    assert.match(
      result.stdout + result.stderr,
      /Certificate "doomed" \(us-east-1\) is FAILED \(requestFailureReason CAA_ERROR\)/,
    );
  });

  it("a short timeout fails naming every pending record", async () => {
    await ws.setConfig("certificateName", "slow");
    await ws.setConfig("timeoutMinutes", "0.1");
    const detail = (await emulator.fixtures()).certificates!.find((c) => c.name === "slow")!;
    const started = Date.now();
    const result = await ws.up([], { expectFailure: true });
    const output = result.stdout + result.stderr;
    assert.match(
      output,
      /Certificate "slow" \(us-east-1\) is still PENDING_VALIDATION after 0\.1 minute\(s\)/,
    );
    for (const r of detail.domainValidationRecords!)
      assert.ok(
        output.includes(`${r.domainName}: CNAME ${r.resourceRecord!.name} -> ${r.resourceRecord!.value}`),
        `the message does not name ${r.domainName}'s record:\n${output}`,
      );
    assert.ok(Date.now() - started >= 6000, "up failed before the timeout");
  });

  it("destroy sends no write to Lightsail", async () => {
    await ws.setConfig("certificateName", "site");
    await ws.run(["config", "rm", "timeoutMinutes", "--stack", ws.stack]);
    emulator.resetCalls();
    const state = await ws.exportState();
    const validation = state.deployment.resources?.find(
      (r) => r.type === VALIDATION_TYPE && r.urn.endsWith("::site"),
    );
    assert.equal(validation?.outputs?.status, "ISSUED");
    // The stored provider only requires the package's entry point, and state holds no credential or endpoint.
    const stored = String(validation?.inputs?.__provider);
    assert.match(stored, /require\("pulumi-lightsail-certificates\/provider"\)\.validationCreate\(/);
    const raw = JSON.stringify(state);
    for (const needle of [
      EMULATOR_CREDENTIALS.accessKeyId,
      EMULATOR_CREDENTIALS.secretAccessKey,
      emulator.url,
    ])
      assert.equal(raw.includes(needle), false, `state holds ${needle}`);
    await ws.destroy();
    const writes = emulator.calls().filter((c) => c.operation !== "GetCertificates");
    assert.deepEqual(writes, []);
    assert.ok(
      (await emulator.fixtures()).certificates!.some((c) => c.name === "site" && c.status === "ISSUED"),
    );
  });
});
