/**
 * The state contract: every stack's state holds the provider text that was current when its
 * CertificateLookups were written, and the engine runs that text for `read` (refresh) and
 * `delete`, and the new program's text for `check` and `diff`. The copy kept here is exactly what
 * 0.1.0 stored (tests/fixtures/state-0.1.0/site-lookup.json, exported from a real 0.1.0 stack);
 * evaluated the way the dynamic-provider host does it, it must run against this version.
 */
import { strict as assert } from "node:assert";
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { makeCertificate } from "../../emulator";
import { linkCheckout } from "../../tools/checkout-link";
import { useEmulator } from "../helpers/emulator";

const ROOT = path.resolve(__dirname, "../..");
const STORED = JSON.parse(
  fs.readFileSync(path.join(ROOT, "tests/fixtures/state-0.1.0/site-lookup.json"), "utf8"),
) as { id: string; inputs: Record<string, unknown>; outputs: Record<string, unknown> };

/** Runs `calls` (an async function body given `provider`, `stored`) in a fresh node with the stored text. */
function runStoredProvider(
  body: string,
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lsc-state-"));
  fs.writeFileSync(path.join(dir, "stored.json"), JSON.stringify(STORED));
  const script = `
    const stored = JSON.parse(require("fs").readFileSync(${JSON.stringify(path.join(dir, "stored.json"))}, "utf8"));
    const requireFromString = require(require.resolve("require-from-string", { paths: [require.resolve("@pulumi/pulumi")] }));
    const provider = requireFromString(stored.inputs.__provider).handler();
    (async () => { ${body} })().then(
      (r) => console.log(JSON.stringify(r)),
      (e) => { console.error(e && e.message); process.exit(3); },
    );`;
  linkCheckout(); // the host resolves the text's require from the program's directory, here the root
  return new Promise((resolve) => {
    execFile(process.execPath, ["-e", script], { cwd: ROOT, env, timeout: 60_000 }, (err, stdout, stderr) => {
      fs.rmSync(dir, { recursive: true, force: true });
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe("state contract: the provider text 0.1.0 stored runs against this version", function () {
  this.timeout(60_000);
  const site = () =>
    makeCertificate({
      name: "example-com",
      arn: STORED.id,
      domainName: "example.com",
      subjectAlternativeNames: ["www.example.com"],
      serialNumber: "0a:01",
      notBefore: "2026-08-01T00:00:00Z",
      notAfter: "2027-09-01T00:00:00Z",
    });
  const h = useEmulator({ fixtures: { certificates: [site()] }, pageSize: 1 });
  const env = (): Record<string, string> => ({
    PATH: process.env.PATH ?? "",
    HOME: os.tmpdir(),
    AWS_CONFIG_FILE: "/dev/null",
    AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    ...h.emulator.env(),
  });
  const configure = `await provider.configure({ config: { get: (k) => (k === "aws:region" ? "us-east-1" : undefined), require: () => "" } });`;

  it("the stored text is 0.1.0's: seven methods that require the /provider entry point by name", () => {
    const text = String(STORED.inputs.__provider);
    for (const method of ["configure", "check", "diff", "create", "update", "read", "remove"])
      assert.match(text, new RegExp(`require\\("pulumi-lightsail-certificates/provider"\\)\\.${method}\\(`));
  });

  it("check and diff of the stored search: same certificate, no change", async () => {
    const r = await runStoredProvider(
      `${configure}
       const checked = await provider.check(stored.outputs, { query: stored.inputs.query });
       return { checked, diff: await provider.diff(stored.id, stored.outputs, checked.inputs) };`,
      env(),
    );
    assert.equal(r.code, 0, r.stderr);
    const { checked, diff } = JSON.parse(r.stdout.trim().split("\n").pop()!);
    assert.equal(checked.failures, undefined);
    assert.equal(checked.inputs.arn, STORED.id);
    assert.deepEqual(diff, { changes: false, replaces: [], deleteBeforeReplace: false });
  });

  it("read (refresh) finds the certificate again, renewed, and reports the new serial", async () => {
    await h.emulator.setFixtures({ certificates: [site()].map((c) => ({ ...c, serialNumber: "0a:02" })) });
    const r = await runStoredProvider(`${configure} return provider.read(stored.id, stored.outputs);`, env());
    assert.equal(r.code, 0, r.stderr);
    const read = JSON.parse(r.stdout.trim().split("\n").pop()!);
    assert.equal(read.id, STORED.id);
    assert.equal(read.props.serialNumber, "0a:02");
    assert.deepEqual(read.props.query, STORED.outputs.query);
    assert.equal(read.inputs.serialNumber, "0a:02");
  });

  it("delete sends no request at all", async () => {
    h.emulator.resetCalls();
    const r = await runStoredProvider(
      `await provider.delete(stored.id, stored.outputs); return "deleted";`,
      env(),
    );
    assert.equal(r.code, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout.trim()), "deleted");
    assert.deepEqual(h.emulator.calls(), []);
  });
});
