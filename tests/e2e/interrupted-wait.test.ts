/**
 * An interrupted wait converges (issue 21), under the real engine: `pulumi up` of a program whose
 * CertificateValidation waits for ISSUED is killed with its whole process tree (the CLI, the
 * language host, the program and the dynamic-provider host: SIGKILL, as a crashed runner or a
 * cancelled CI job), the certificate is then ISSUED in the emulator, and the next `pulumi up`
 * converges: it succeeds, records the ISSUED certificate once, and a preview after it shows no
 * change. What the kill leaves, and what a user does about it (README, "An interrupted wait"):
 * the file backend's lock (`pulumi cancel`) and a pending create in state (`pulumi refresh
 * --clear-pending-creates`; a plain `pulumi up` creates the validation too, but keeps the pending
 * operation, and its warning, in state).
 */
import { strict as assert } from "node:assert";
import * as path from "node:path";
import { CreateCertificateCommand, LightsailClient } from "@aws-sdk/client-lightsail";
import { EMULATOR_CREDENTIALS, startEmulator, type RunningEmulator } from "../../emulator";
import { useTestPackage } from "../../tools/installed-package";
import { assertPulumiCli, createPulumiWorkspace, REPO_ROOT, type PulumiWorkspace } from "../../tools/harness";
import { emulatorEnv } from "../../tools/lookup-program";

const VALIDATION_TYPE = "pulumi-nodejs:dynamic/lightsail:CertificateValidation";

async function admin(emulator: RunningEmulator, route: string, body: unknown): Promise<void> {
  const response = await fetch(`${emulator.url}/__admin/${route}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(5000),
  });
  assert.equal(response.status, 200, await response.text());
}

/** Waits (at most `ms`) until the emulator has seen `count` polls of `name`. */
async function untilPolled(
  emulator: RunningEmulator,
  name: string,
  count: number,
  ms = 60_000,
): Promise<void> {
  const polls = () =>
    emulator.calls().filter((c) => c.operation === "GetCertificates" && c.request?.certificateName === name)
      .length;
  const deadline = Date.now() + ms;
  while (polls() < count) {
    if (Date.now() > deadline) throw new Error(`fewer than ${count} polls of ${name} after ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe("an interrupted CertificateValidation wait converges (real Pulumi engine)", function () {
  this.timeout(3 * 60_000);
  let emulator: RunningEmulator;
  let ws: PulumiWorkspace;
  useTestPackage();
  before(async function () {
    this.timeout(2 * 60_000);
    await assertPulumiCli();
    emulator = await startEmulator({});
    const client = new LightsailClient({
      endpoint: emulator.url,
      region: "us-east-1",
      credentials: { ...EMULATOR_CREDENTIALS },
    });
    try {
      await client.send(
        new CreateCertificateCommand({ certificateName: "site", domainName: "site.example.com" }),
      );
    } finally {
      client.destroy();
    }
    ws = await createPulumiWorkspace({
      programDir: path.join(REPO_ROOT, "tests/e2e/fixtures/validation"),
      env: emulatorEnv(emulator),
      config: { "aws:region": "us-east-1", certificateName: "site" },
    });
  });
  after(async () => {
    await ws?.cleanup();
    await emulator?.stop();
  });

  it("up killed while waiting, the certificate ISSUED meanwhile: the next up succeeds, one validation, no change after", async () => {
    let kill: (() => void) | undefined;
    const interrupted = ws.up([], {
      expectFailure: true,
      timeoutMs: 60_000,
      onStarted: (k) => (kill = k),
    });
    await untilPolled(emulator, "site", 2);
    assert.ok(kill, "the harness gave a kill function");
    kill();
    const killed = await interrupted;
    assert.notEqual(killed.code, 0);
    const polls = emulator.calls().length;
    await new Promise((resolve) => setTimeout(resolve, 2500));
    assert.equal(emulator.calls().length, polls, "nothing polls after the kill: the whole tree is gone");

    // What the kill leaves: the create of the validation pending in state, and the file
    // backend's lock of the killed update.
    const left = await ws.exportState();
    assert.deepEqual(
      (left.deployment.pending_operations ?? []).map((o) => `${o.type} ${o.resource.urn.split("::").pop()}`),
      ["creating site"],
    );
    assert.equal(
      (left.deployment.resources ?? []).some((r) => r.type === VALIDATION_TYPE),
      false,
      "nothing recorded the validation",
    );

    await admin(emulator, "certificates/validate", { name: "site" });
    // What a user then does: the next up is refused while the lock is there ...
    const locked = await ws.up([], { timeoutMs: 60_000, expectFailure: true });
    assert.match(locked.stderr, /the stack is currently locked by 1 lock\(s\).*`pulumi cancel`/s);
    // ... `pulumi cancel` removes the lock of the killed update (the file backend's too) ...
    const cancel = await ws.run(["cancel", "--yes", "--stack", ws.stack], { timeoutMs: 30_000 });
    assert.match(cancel.stdout + cancel.stderr, /has been canceled/);
    // ... `pulumi refresh --clear-pending-creates` drops the create the kill interrupted (a
    // validation owns nothing in Lightsail: there is nothing to import or delete) ...
    const refresh = await ws.refresh(["--clear-pending-creates"], { timeoutMs: 60_000 });
    assert.doesNotMatch(refresh.stdout + refresh.stderr, /error/i);
    assert.deepEqual((await ws.exportState()).deployment.pending_operations ?? [], []);
    // ... and `pulumi up` creates the validation again, which reads the certificate, ISSUED now.
    const next = await ws.up([], { timeoutMs: 60_000 });
    assert.doesNotMatch(next.stdout + next.stderr, /pending operations/);
    assert.match(next.stdout, /\+ 1 created/);
    const outputs = await ws.stackOutputs<{ status: string; name: string }>();
    assert.deepEqual([outputs.name, outputs.status], ["site", "ISSUED"]);
    const state = await ws.exportState();
    const validations = (state.deployment.resources ?? []).filter((r) => r.type === VALIDATION_TYPE);
    assert.equal(validations.length, 1, "one CertificateValidation, no duplicate");
    assert.equal(validations[0].outputs?.status, "ISSUED");
    assert.deepEqual(state.deployment.pending_operations ?? [], [], "the pending create is cleared");
    const preview = await ws.previewJson();
    assert.deepEqual(
      preview.steps.filter((s) => s.op !== "same").map((s) => `${s.op} ${s.urn}`),
      [],
    );
  });
});
