/**
 * The Node.js SDK over the provider plugin (`pulumi-lightsail-certificates/plugin`, generated from
 * schema.json) under the real engine: a TypeScript program (tests/e2e/fixtures/nodejs-plugin)
 * whose CertificateLookup and getCertificateOutput are served by the plugin installed from its
 * linux-amd64 archive, against the emulator. The program takes the package as users install it.
 */
import { strict as assert } from "node:assert";
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { startEmulator, type CertificateFixture, type RunningEmulator } from "../../emulator";
import { useTestPackage } from "../../tools/installed-package";
import { assertPulumiCli, createPulumiWorkspace, REPO_ROOT, type PulumiWorkspace } from "../../tools/harness";
import { apiCertificate, emulatorEnv, siteCertificate } from "../../tools/lookup-program";

const PLUGIN_TYPE = "lightsail-certificates:index:CertificateLookup";

/** `node scripts/build-plugin.js --platform linux-amd64` (cached by input hash): the archive's path. */
function buildArchive(): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [path.join(REPO_ROOT, "scripts", "build-plugin.js"), "--platform", "linux-amd64"],
      { cwd: REPO_ROOT, timeout: 15 * 60_000, killSignal: "SIGKILL", maxBuffer: 16 * 1024 * 1024 },
      (err, stdout, stderr) =>
        err
          ? reject(new Error(`build-plugin.js failed: ${err.message}\n${stderr.slice(-3000)}`))
          : resolve(stdout.trim()),
    );
  });
}

function version(): string {
  return (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { version: string })
    .version;
}

describe("TypeScript program over the provider plugin (/plugin) under the real engine", function () {
  this.timeout(5 * 60_000);
  let emulator: RunningEmulator;
  let ws: PulumiWorkspace;
  const site = (o: Partial<CertificateFixture> = {}) => siteCertificate(o);

  useTestPackage();
  before(async function () {
    this.timeout(20 * 60_000);
    await assertPulumiCli();
    const archive = await buildArchive();
    emulator = await startEmulator({ fixtures: { certificates: [site(), apiCertificate] }, pageSize: 1 });
    const { AWS_REGION: _r, AWS_DEFAULT_REGION: _d, ...env } = emulatorEnv(emulator);
    ws = await createPulumiWorkspace({
      programDir: path.join(REPO_ROOT, "tests/e2e/fixtures/nodejs-plugin"),
      env,
      config: { "lightsail-certificates:region": "us-east-1" },
    });
    await ws.run(["plugin", "install", "resource", "lightsail-certificates", version(), "--file", archive]);
  });
  after(async () => {
    await ws?.cleanup();
    await emulator?.stop();
  });

  it("up: the lookup and the function give the certificates, as resources of the plugin", async () => {
    await ws.up();
    const out = await ws.stackOutputs<Record<string, unknown>>();
    assert.equal(out.siteName, "example-com");
    assert.equal(out.siteSerial, "0a:01");
    assert.equal(out.siteNotAfter, "2027-09-01T00:00:00.000Z");
    assert.equal(out.apiName, "api-example-com");
    assert.equal(out.apiNotAfter, "2027-10-01T00:00:00.000Z");
    const state = await ws.exportState();
    const resources = state.deployment.resources ?? [];
    const lookup = resources.find((r) => r.type === PLUGIN_TYPE);
    assert.ok(lookup, `no ${PLUGIN_TYPE} in ${resources.map((r) => r.type).join(", ")}`);
    assert.equal(lookup.outputs?.region, "us-east-1");
    assert.equal(
      resources.some((r) => r.type.startsWith("pulumi-nodejs:dynamic")),
      false,
      "no dynamic resource: the plugin serves the lookup",
    );
    assert.equal(JSON.stringify(state).includes("__provider"), false, "no serialized provider in state");
  });

  it("a second preview shows no change", async () => {
    const r = await ws.preview(["--diff"]);
    assert.doesNotMatch(r.stdout, /to update|to replace|to create/);
  });

  it("a renewal in Lightsail shows as an update of the lookup at preview --diff", async () => {
    await emulator.setFixtures({
      certificates: [
        site({ serialNumber: "0a:02", notBefore: "2027-08-01T00:00:00Z", notAfter: "2028-09-01T00:00:00Z" }),
        apiCertificate,
      ],
    });
    const r = await ws.preview(["--diff"]);
    assert.match(r.stdout, /~ lightsail-certificates:index:CertificateLookup: \(update\)/);
    assert.match(r.stdout, /~ serialNumber\s*:\s*"0a:01" => "0a:02"/);
    assert.match(r.stdout, /1 to update/);
  });

  it("destroy sends no request that changes Lightsail and leaves no resource", async () => {
    emulator.resetCalls();
    await ws.destroy();
    const ops = emulator.calls().map((c) => c.operation ?? "");
    assert.deepEqual(
      ops.filter((o) => !o.startsWith("Get")),
      [],
    );
    assert.deepEqual((await ws.exportState()).deployment.resources ?? [], []);
  });
});
