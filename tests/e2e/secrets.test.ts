/**
 * Secrets under the real engine: a CertificateLookup whose search is secret keeps every output
 * secret, in state (encrypted) and in stack outputs; a lookup with a plain search stays plain, and
 * the Output form of a function keeps the secretness of its arguments.
 */
import { strict as assert } from "node:assert";
import * as path from "node:path";
import { makeCertificate, startEmulator, type RunningEmulator } from "../../emulator";
import { assertPulumiCli, createPulumiWorkspace, REPO_ROOT, type PulumiWorkspace } from "../../tools/harness";
import { apiCertificate, emulatorEnv, LOOKUP_TYPE } from "../../tools/lookup-program";

const SECRET_NAME = "hush-cert";
const SECRET_DOMAIN = "hidden.example.net";

describe("secret searches under the real Pulumi engine", function () {
  this.timeout(4 * 60_000);
  let emulator: RunningEmulator;
  let ws: PulumiWorkspace;
  before(async function () {
    this.timeout(2 * 60_000);
    await assertPulumiCli();
    emulator = await startEmulator({
      fixtures: {
        certificates: [makeCertificate({ name: SECRET_NAME, domainName: SECRET_DOMAIN }), apiCertificate],
      },
    });
    ws = await createPulumiWorkspace({
      programDir: path.join(REPO_ROOT, "tests/e2e/fixtures/secret-lookup"),
      env: emulatorEnv(emulator),
      config: { "aws:region": "us-east-1" },
      secretConfig: { domain: SECRET_DOMAIN },
    });
  });
  after(async () => {
    await ws?.destroy().catch(() => undefined);
    await ws?.cleanup();
    await emulator?.stop();
  });

  it("up: outputs found by a secret search are secret in stack outputs, plain ones stay plain", async () => {
    await ws.up();
    const shown = JSON.parse((await ws.run(["stack", "output", "--json", "--stack", ws.stack])).stdout);
    assert.equal(shown.siteName, "[secret]");
    assert.equal(shown.siteNotAfter, "[secret]");
    assert.equal(shown.functionName, "[secret]");
    assert.equal(shown.plainName, "api-example-com");
    const revealed = JSON.parse(
      (await ws.run(["stack", "output", "--json", "--show-secrets", "--stack", ws.stack])).stdout,
    );
    assert.equal(revealed.siteName, SECRET_NAME);
    assert.equal(revealed.functionName, SECRET_NAME);
  });

  it("state holds nothing of the secret lookup in plaintext", async () => {
    const raw = (await ws.run(["stack", "export", "--stack", ws.stack])).stdout;
    assert.equal(raw.includes(SECRET_NAME), false, "the certificate name is in state in plaintext");
    assert.equal(raw.includes(SECRET_DOMAIN), false, "the domain is in state in plaintext");
    assert.ok(raw.includes("api-example-com"), "the plain lookup is stored as it is");
    const state = JSON.parse(raw) as {
      deployment: { resources: { urn: string; type: string; outputs: Record<string, unknown> }[] };
    };
    const secret = state.deployment.resources.find(
      (r) => r.type === LOOKUP_TYPE && r.urn.endsWith("::secret-site"),
    )!;
    for (const key of [
      "arn",
      "name",
      "domainName",
      "notAfter",
      "daysUntilExpiry",
      "inUseResourceCount",
      "tags",
    ])
      assert.ok(
        (secret.outputs[key] as Record<string, unknown> | undefined)?.ciphertext !== undefined,
        `output ${key} is not encrypted: ${JSON.stringify(secret.outputs[key])}`,
      );
  });

  it("a second preview shows no change", async () => {
    const preview = await ws.previewJson();
    assert.deepEqual(
      preview.steps.filter((s) => s.op !== "same").map((s) => `${s.op} ${s.urn}`),
      [],
    );
  });
});
