/**
 * Moving from 0.2.0's nested `query` to the flat CertificateLookup properties, under the real
 * engine: a YAML program written with `query` keeps working (with a deprecation warning that
 * names the flat form), and rewriting it flat previews with no change. The plugin runs from the
 * checkout (the development path `plugins.providers[].path: <checkout>/provider/plugin`, which
 * runs dist/ with `node`), so this suite needs no archive.
 */
import { strict as assert } from "node:assert";
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { useTestPackage } from "../../tools/installed-package";
import { assertPulumiCli, createPulumiWorkspace, REPO_ROOT, type PulumiWorkspace } from "../../tools/harness";
import { apiCertificate, emulatorEnv, siteCertificate } from "../../tools/lookup-program";

const FIXTURE = path.join(__dirname, "fixtures", "yaml-query");
const PLUGIN_DIR = path.join(REPO_ROOT, "provider", "plugin");
const DEPRECATION =
  /the nested `query` input is deprecated and is removed in 0\.4\.0; write its properties \(domainName, subjectAlternativeNames\) at the top level/;

/** The program with the CertificateLookup's properties replaced, and the plugin from the checkout. */
function program(properties: string): string {
  return [
    "name: lightsail-certificates-yaml-query",
    "runtime: yaml",
    "plugins:",
    "  providers:",
    "    - name: lightsail-certificates",
    `      path: ${PLUGIN_DIR}`,
    "resources:",
    "  site:",
    "    type: lightsail-certificates:index:CertificateLookup",
    "    properties:",
    ...properties.split("\n").map((line) => `      ${line}`),
    "outputs:",
    "  siteName: ${site.name}",
    "  siteArn: ${site.arn}",
    "",
  ].join("\n");
}

const NESTED = "query:\n  domainName: example.com\n  subjectAlternativeNames:\n    - www.example.com";
const FLAT = "domainName: example.com\nsubjectAlternativeNames:\n  - www.example.com";

function ensureYamlHost(): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [path.join(REPO_ROOT, "scripts", "ensure-yaml-host.js")],
      { cwd: REPO_ROOT, timeout: 15 * 60_000, killSignal: "SIGKILL" },
      (err, _stdout, stderr) =>
        err ? reject(new Error(`ensure-yaml-host.js failed:\n${stderr.slice(-3000)}`)) : resolve(),
    );
  });
}

describe("YAML: from the nested `query` (0.2.0) to flat CertificateLookup properties", function () {
  this.timeout(5 * 60_000);
  let emulator: RunningEmulator;
  let ws: PulumiWorkspace;
  const write = (properties: string) =>
    fs.writeFileSync(path.join(ws.dir, "Pulumi.yaml"), program(properties));

  useTestPackage();
  before(async function () {
    this.timeout(20 * 60_000);
    await assertPulumiCli();
    await ensureYamlHost();
    assert.ok(
      fs.existsSync(path.join(REPO_ROOT, "dist", "provider", "plugin", "main.js")),
      "npm run build first",
    );
    emulator = await startEmulator({ fixtures: { certificates: [siteCertificate(), apiCertificate] } });
    ws = await createPulumiWorkspace({
      programDir: FIXTURE,
      env: emulatorEnv(emulator),
      config: { "lightsail-certificates:region": "us-east-1" },
    });
  });
  after(async () => {
    await ws?.cleanup();
    await emulator?.stop();
  });

  it("a 0.2.0 program with `query` still deploys, warning once with the flat form to write", async () => {
    write(NESTED);
    const r = await ws.up();
    const out = r.stdout + r.stderr;
    assert.match(out, DEPRECATION);
    // The engine repeats a diagnostic on the resource's progress lines; its summary lists each once.
    const diagnostics = out.slice(out.indexOf("Diagnostics:"), out.indexOf("Outputs:"));
    assert.match(
      diagnostics,
      /CertificateLookup \(site\):\n\s+warning: CertificateLookup: the nested `query`/,
    );
    assert.equal(diagnostics.match(/the nested `query` input is deprecated/g)?.length, 1);
    const outputs = await ws.stackOutputs<Record<string, string>>();
    assert.equal(outputs.siteName, "example-com");
  });

  it("the same search written flat previews with no change and no warning", async () => {
    write(FLAT);
    const r = await ws.preview(["--diff", "--expect-no-changes"]);
    assert.doesNotMatch(r.stdout + r.stderr, /deprecated/);
    assert.match(r.stdout, /2 unchanged/);
    await ws.up();
    const outputs = await ws.stackOutputs<Record<string, string>>();
    assert.equal(outputs.siteName, "example-com");
  });

  it("both forms at once fail check naming `query`, and nothing changes", async () => {
    write(`${FLAT}\nquery:\n  name: example-com`);
    const r = await ws.preview([], { expectFailure: true });
    assert.match(
      r.stdout + r.stderr,
      /query.*either as top-level properties \(domainName, subjectAlternativeNames\) or under the deprecated `query`, not both/,
    );
  });

  it("a bad flat argument fails check naming that argument", async () => {
    write("domainName: https://example.com/");
    const r = await ws.preview([], { expectFailure: true });
    assert.match(r.stdout + r.stderr, /domainName/);
    assert.match(r.stdout + r.stderr, /https:\/\/example\.com\//);
  });

  it("destroy leaves no resource", async () => {
    write(FLAT);
    await ws.destroy();
    const state = await ws.exportState();
    assert.deepEqual(state.deployment.resources ?? [], []);
  });
});
