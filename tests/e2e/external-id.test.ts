/**
 * The external id of a role given to a CertificateLookup (`assumeRole.externalId`, issue 21) under
 * the real engine: encrypted in state, shown in no output of `up` or of a failing preview, and a
 * wrong one fails naming the role only. The functions', the gate's and the pack's cases are in
 * tests/hardening/external-id.test.ts; the row goes to RELIABILITY.md's hygiene table.
 */
import { strict as assert } from "node:assert";
import * as path from "node:path";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { assertPulumiCli, createPulumiWorkspace, REPO_ROOT, type PulumiWorkspace } from "../../tools/harness";
import { emulatorEnv } from "../../tools/lookup-program";
import {
  HYGIENE_COLUMNS,
  MEMBER_ARN,
  memberAccountFixtures,
  RIGHT_ID,
  ROLE,
  searched,
  WRONG_ID,
} from "../helpers/external-id-case";
import { RowRecorder } from "../helpers/hardening-report";
import { HYGIENE_CASES } from "../helpers/hardening-tables";

const rows = new RowRecorder("hygiene", "hygiene-external-id-engine", HYGIENE_COLUMNS);

describe("the external id of a CertificateLookup's role under the real engine", function () {
  this.timeout(5 * 60_000);
  let emulator: RunningEmulator;
  let ws: PulumiWorkspace;
  before(async function () {
    this.timeout(4 * 60_000);
    await assertPulumiCli();
    emulator = await startEmulator({ fixtures: memberAccountFixtures() });
    ws = await createPulumiWorkspace({
      programDir: path.join(REPO_ROOT, "tests/e2e/fixtures/role-lookup"),
      env: emulatorEnv(emulator),
      config: { "aws:region": "us-east-1", roleArn: ROLE },
      // Set as a secret, as a user keeps it; the program reads it with require(), a plain value.
      secretConfig: { externalId: RIGHT_ID },
    });
  });
  after(async () => {
    rows.write();
    await ws?.destroy().catch(() => undefined);
    await ws?.cleanup();
    await emulator?.stop();
  });

  it("the id is encrypted in state and shown nowhere; a wrong one fails naming the role only", async () => {
    const started = Date.now();
    const up = await ws.up([], { timeoutMs: 120_000 });
    const outputs = await ws.stackOutputs<{ memberArn: string }>();
    assert.equal(outputs.memberArn, MEMBER_ARN, "the role's account was read");
    const raw = (await ws.run(["stack", "export", "--stack", ws.stack])).stdout;
    const revealed = JSON.stringify(await ws.exportState());
    assert.ok(revealed.includes(RIGHT_ID), "control: --show-secrets finds the id in state");
    type Bag = Record<string, { ciphertext?: string } | undefined>;
    type StoredResource = { type: string; inputs: Bag; outputs: Bag };
    const lookup = (
      JSON.parse(raw) as { deployment: { resources: StoredResource[] } }
    ).deployment.resources.find((r) => r.type === "pulumi-nodejs:dynamic/lightsail:CertificateLookup")!;
    assert.ok(lookup.inputs.externalId?.ciphertext, "the input is encrypted");
    assert.ok(lookup.outputs.externalId?.ciphertext, "the output is encrypted");
    assert.deepEqual(lookup.outputs.assumeRole, { roleArn: ROLE }, "the role itself stays readable");
    await ws.setConfig("externalId", WRONG_ID, { secret: true });
    const failing = await ws.preview([], { expectFailure: true, timeoutMs: 120_000 });
    assert.match(
      failing.stdout + failing.stderr,
      /Could not assume role arn:aws:iam::111111111111:role\/LightsailRead: AccessDenied/,
    );
    const texts = [up.stdout, up.stderr, raw, failing.stdout, failing.stderr];
    searched(
      rows,
      HYGIENE_CASES.externalIdLookup,
      texts,
      `up, failing preview, state export (${Math.round(raw.length / 1024)} KB)`,
      started,
    );
  });
});
