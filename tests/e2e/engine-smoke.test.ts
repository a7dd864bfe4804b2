/**
 * Smoke test of the real Pulumi CLI offline: a TypeScript program with one dynamic resource
 * (tests/e2e/fixtures/smoke) goes through up, preview, refresh and destroy, and a CrossGuard pack
 * (tests/e2e/fixtures/smoke-policy) is run by `pulumi preview --policy-pack`. It checks the
 * plumbing this project relies on: the language host, ts-node, the dynamic-provider host and
 * the policy-pack launch.
 */
import * as assert from "assert";
import * as path from "path";
import {
  assertPulumiCli,
  changedInputs,
  createPulumiWorkspace,
  PreviewJson,
  PulumiWorkspace,
} from "../../tools/harness";
import { useTestPackage } from "../../tools/installed-package";

const FIXTURES = path.join(__dirname, "fixtures");
const GREETING_TYPE = "pulumi-nodejs:dynamic/smoke:Greeting";

interface SmokeOutputs {
  message: string;
  length: number;
  stackName: string;
}

function greetingStep(preview: PreviewJson) {
  const step = preview.steps.find((s) => (s.newState ?? s.oldState)?.type === GREETING_TYPE);
  assert.ok(step, `no ${GREETING_TYPE} step in ${JSON.stringify(preview.steps.map((s) => s.urn))}`);
  return step;
}

describe("real Pulumi engine (offline smoke)", function () {
  this.timeout(5 * 60_000);
  let ws: PulumiWorkspace | undefined;

  const workspace = (): PulumiWorkspace => {
    assert.ok(ws, "workspace not created");
    return ws;
  };

  useTestPackage(); // a first pack and install may take longer than this suite's hooks allow

  before(async function () {
    this.timeout(2 * 60_000);
    await assertPulumiCli();
    ws = await createPulumiWorkspace({ programDir: path.join(FIXTURES, "smoke") });
  });

  after(async () => {
    await ws?.cleanup();
  });

  it("up (TypeScript type-checked by ts-node) creates the dynamic resource and exports typed outputs", async () => {
    await workspace().up([], { env: { PULUMI_NODEJS_TRANSPILE_ONLY: "false" } });
    const outputs = await workspace().stackOutputs<SmokeOutputs>();
    assert.deepStrictEqual(outputs, { message: "hello", length: 5, stackName: workspace().stack });

    const state = await workspace().exportState();
    const greeting = state.deployment.resources?.find((r) => r.type === GREETING_TYPE);
    assert.ok(greeting, "the Greeting is in the state");
    assert.strictEqual(greeting.id, "greeting-smoke");
    assert.strictEqual(greeting.outputs?.length, 5);
  });

  it("preview --json reports no change when nothing changed", async () => {
    const preview = await workspace().previewJson();
    assert.deepStrictEqual(
      preview.steps.map((s) => s.op),
      preview.steps.map(() => "same"),
    );
    assert.deepStrictEqual(Object.keys(preview.changeSummary), ["same"]);
  });

  it("preview shows an update naming the changed input", async () => {
    await workspace().setConfig("message", "hi");
    const preview = await workspace().previewJson();
    const step = greetingStep(preview);
    assert.strictEqual(step.op, "update");
    assert.deepStrictEqual(changedInputs(step), ["message"]);
    assert.strictEqual(preview.changeSummary.update, 1);

    const text = await workspace().preview();
    assert.match(text.stdout, /Greeting\s+greeting\s+update\s+\[diff: ~message\]/);
  });

  it("a mandatory CrossGuard policy fails the preview with its message", async () => {
    await workspace().setConfig("message", "forbidden");
    const r = await workspace().preview(["--policy-pack", path.join(FIXTURES, "smoke-policy")], {
      expectFailure: true,
    });
    assert.match(r.stdout, /engine-smoke-policy@v0\.0\.1/);
    assert.match(r.stdout, /\[mandatory\]\s+no-forbidden-greeting/);
    assert.match(r.stdout, /greeting message must not be "forbidden"/);
  });

  it("the same policy pack passes a compliant preview", async () => {
    await workspace().setConfig("message", "hi");
    const r = await workspace().preview(["--policy-pack", path.join(FIXTURES, "smoke-policy")]);
    assert.match(r.stdout, /engine-smoke-policy@v0\.0\.1/);
    assert.doesNotMatch(r.stdout, /no-forbidden-greeting/);
  });

  it("refresh reads the resource back unchanged", async () => {
    const r = await workspace().refresh();
    assert.match(r.stdout, /2 unchanged/);
    const state = await workspace().exportState();
    assert.strictEqual(
      state.deployment.resources?.find((x) => x.type === GREETING_TYPE)?.id,
      "greeting-smoke",
    );
  });

  it("destroy deletes everything", async () => {
    await workspace().destroy();
    const state = await workspace().exportState();
    assert.deepStrictEqual(state.deployment.resources ?? [], []);
    assert.deepStrictEqual(await workspace().stackOutputs(), {});
  });
});
