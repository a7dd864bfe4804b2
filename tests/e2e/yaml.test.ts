/**
 * A second language under the real engine: a YAML program (tests/e2e/fixtures/yaml-lookup) that
 * calls `getCertificate` with `fn::invoke` and declares a `CertificateLookup`, served by the
 * provider plugin installed from its archive (`npm run plugin:build`, then `pulumi plugin install
 * resource lightsail-certificates <version> --file <archive>`, as the README says), against the
 * emulator. The YAML language host is built by scripts/ensure-yaml-host.js (a few minutes the
 * first time, then cached): without Go that hook fails with the script's message.
 *
 * The archive is self-contained (its own Node.js, the plugin bundled into one file, a Go
 * launcher): every command runs with a PATH holding only the Pulumi CLI and the YAML language
 * host, on which `node` is not found. Only the policy pack, a Node.js program the CLI runs as an
 * analyzer, gets the usual PATH for its preview.
 */
import { strict as assert } from "node:assert";
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator, type CertificateFixture, type RunningEmulator } from "../../emulator";
import { useTestPackage } from "../../tools/installed-package";
import {
  assertPulumiCli,
  createPulumiWorkspace,
  INSTALLED_POLICY_PACK as PACK,
  PULUMI_BIN_DIR,
  REPO_ROOT,
  type PulumiWorkspace,
} from "../../tools/harness";
import { apiCertificate, emulatorEnv, siteCertificate } from "../../tools/lookup-program";

const FIXTURE = path.join(__dirname, "fixtures", "yaml-lookup");
const PLUGIN_TYPE = "lightsail-certificates:index:CertificateLookup";
const DAY = 86_400_000;

/** Runs a project script (node) with a timeout; resolves its stdout, rejects with its stderr's tail. */
function runScript(script: string, timeoutMs: number, args: string[] = []): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [path.join(REPO_ROOT, "scripts", script), ...args],
      { cwd: REPO_ROOT, timeout: timeoutMs, killSignal: "SIGKILL", maxBuffer: 16 * 1024 * 1024 },
      (err, stdout, stderr) => {
        if (err)
          reject(
            new Error(
              `node scripts/${script} failed (${err.message.split("\n")[0]}):\n${stderr.slice(-3000)}`,
            ),
          );
        else resolve(stdout.trim());
      },
    );
  });
}

/** The first executable `name` in the directories of a PATH value, or undefined. */
function which(name: string, pathValue: string): string | undefined {
  for (const dir of pathValue.split(path.delimiter)) {
    if (dir === "") continue;
    try {
      fs.accessSync(path.join(dir, name), fs.constants.X_OK);
      return path.join(dir, name);
    } catch {
      // not here
    }
  }
  return undefined;
}

/** The PATH the harness gives the CLI by default: its bin dir first, then this process's PATH. */
const HARNESS_PATH = [PULUMI_BIN_DIR, process.env.PATH ?? ""].join(path.delimiter);

/**
 * A directory holding links to the Pulumi CLI and the YAML language host only (what a YAML
 * program needs), to be the whole PATH: no node on it.
 */
function pathWithoutNode(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  for (const exe of ["pulumi", "pulumi-language-yaml"]) {
    const found = which(exe, HARNESS_PATH);
    if (!found) throw new Error(`${exe} is not on ${HARNESS_PATH}`);
    fs.symlinkSync(fs.realpathSync(found), path.join(dir, exe));
  }
  return dir;
}

function version(): string {
  return (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { version: string })
    .version;
}

describe("YAML program with the provider plugin under the real engine", function () {
  this.timeout(5 * 60_000);
  let emulator: RunningEmulator;
  let ws: PulumiWorkspace;
  let archive: string;
  let binDir: string;
  const site = (o: Partial<CertificateFixture> = {}) => siteCertificate(o);

  useTestPackage();
  before(async function () {
    this.timeout(20 * 60_000);
    await assertPulumiCli();
    await runScript("ensure-yaml-host.js", 15 * 60_000);
    archive = await runScript("build-plugin.js", 15 * 60_000, ["--platform", "linux-amd64"]);
    emulator = await startEmulator({ fixtures: { certificates: [site(), apiCertificate] }, pageSize: 1 });
    // No AWS_REGION / AWS_DEFAULT_REGION: the region reaches the plugin only as its configuration.
    const { AWS_REGION: _r, AWS_DEFAULT_REGION: _d, ...env } = emulatorEnv(emulator);
    binDir = pathWithoutNode(path.join(fs.mkdtempSync(path.join(os.tmpdir(), "lsc-yaml-")), "bin"));
    ws = await createPulumiWorkspace({
      programDir: FIXTURE,
      env: { ...env, PATH: binDir },
      config: { "lightsail-certificates:region": "us-east-1" },
    });
    await ws.run(["plugin", "install", "resource", "lightsail-certificates", version(), "--file", archive]);
  });
  after(async () => {
    await ws?.cleanup();
    await emulator?.stop();
    if (binDir) fs.rmSync(path.dirname(binDir), { recursive: true, force: true });
  });

  it("the CLI runs with a PATH on which no node is found", () => {
    assert.equal(which("node", binDir), undefined);
    assert.deepEqual(fs.readdirSync(binDir).sort(), ["pulumi", "pulumi-language-yaml"]);
  });

  it("the archive is named for the version and platform, and installs as a resource plugin", async () => {
    assert.equal(
      path.basename(archive),
      `pulumi-resource-lightsail-certificates-v${version()}-linux-amd64.tar.gz`,
    );
    const ls = await ws.run(["plugin", "ls", "--json"]);
    const plugins = JSON.parse(ls.stdout) as { name: string; kind: string; version: string }[];
    assert.ok(
      plugins.some(
        (p) => p.name === "lightsail-certificates" && p.kind === "resource" && p.version === version(),
      ),
    );
  });

  it("up: fn::invoke and the CertificateLookup give typed outputs, in the configured region", async () => {
    await ws.up();
    const out = await ws.stackOutputs<Record<string, unknown>>();
    assert.equal(out.apiName, "api-example-com");
    assert.equal(out.apiNotAfter, "2027-10-01T00:00:00.000Z");
    assert.equal(typeof out.apiDaysUntilExpiry, "number");
    assert.ok(Array.isArray(out.apiSans));
    assert.equal(out.siteName, "example-com");
    assert.equal(out.siteSerial, "0a:01");
    const state = await ws.exportState();
    const lookup = state.deployment.resources!.find((r) => r.type === PLUGIN_TYPE);
    assert.ok(lookup, "the lookup is a resource of the plugin");
    assert.equal(lookup.id, out.siteArn);
    assert.equal(lookup.outputs?.region, "us-east-1");
  });

  it("a renewal in Lightsail shows as an update at preview --diff, naming the changed properties", async () => {
    await emulator.setFixtures({
      certificates: [
        site({ serialNumber: "0a:02", notBefore: "2027-08-01T00:00:00Z", notAfter: "2028-09-01T00:00:00Z" }),
        apiCertificate,
      ],
    });
    const r = await ws.preview(["--diff"]);
    assert.match(r.stdout, /~ lightsail-certificates:index:CertificateLookup: \(update\)/);
    assert.match(r.stdout, /~ serialNumber\s*:\s*"0a:01" => "0a:02"/);
    assert.match(r.stdout, /~ notAfter\s*:\s*"2027-09-01T00:00:00\.000Z" => "2028-09-01T00:00:00\.000Z"/);
    assert.match(r.stdout, /1 to update/);
  });

  it("a missing certificate fails preview once per use with the lookup's message, no stack trace", async () => {
    await emulator.setFixtures({ certificates: [apiCertificate] });
    const r = await ws.preview([], { expectFailure: true });
    const out = r.stdout + r.stderr;
    assert.match(out, /No Lightsail certificate matches domainName "example\.com"/);
    assert.doesNotMatch(out, /\n\s+at .*\.js:\d+/);
  });

  it("the policy pack blocks the plugin's lookup of an expiring certificate", async () => {
    const notAfter = new Date(Date.now() + 10.5 * DAY).toISOString();
    await emulator.setFixtures({ certificates: [site({ serialNumber: "0b:02", notAfter }), apiCertificate] });
    // The policy pack is a Node.js program: its analyzer needs node on PATH (the plugin does not).
    const r = await ws.preview(["--policy-pack", PACK], { expectFailure: true, env: { PATH: HARNESS_PATH } });
    assert.match(r.stdout, /\[mandatory\].*lightsail-certificate-expiry/);
    assert.match(r.stdout, new RegExp(`${PLUGIN_TYPE}: site`));
    assert.match(r.stdout, /10 day\(s\) left/);
  });

  it("destroy sends no request that changes Lightsail and leaves no resource", async () => {
    await emulator.setFixtures({ certificates: [site(), apiCertificate] });
    emulator.resetCalls();
    await ws.destroy();
    const ops = emulator.calls().map((c) => c.operation ?? "");
    assert.deepEqual(
      ops.filter((o) => !o.startsWith("Get")),
      [],
    );
    const state = await ws.exportState();
    assert.deepEqual(state.deployment.resources ?? [], []);
  });
});
