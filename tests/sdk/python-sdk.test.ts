/**
 * The committed Python SDK (sdk/python, generated from schema.json): PyPA build makes a wheel and
 * an sdist of it at package.json's version, the wheel pip-installs with pulumi==3.272.0 into a
 * fresh venv, and a program using it runs under `pulumi.runtime.set_mocks`, getting typed
 * getCertificate results and a CertificateLookup's outputs (tests/sdk/python/mock_program.py).
 * `node scripts/generate-sdks.js python` does the building, cached by the hash of sdk/python.
 * Without Python the `before` hook fails with the script's message.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { ensureSdk, REPO_ROOT, runBounded } from "./sdk-run";

/** Waits for the README program's `site` to be registered, then prints what reached the mocks. */
const EPILOGUE = `
@pulumi.runtime.test
def _registered():
    return site.urn.apply(lambda _: None)


_registered()
print("registered:", " ".join(REGISTERED))
`;

describe("Python SDK of the provider plugin", function () {
  this.timeout(2 * 60_000);
  let dir: string;
  before(async function () {
    this.timeout(25 * 60_000);
    dir = await ensureSdk("python");
  });

  it("builds a wheel and an sdist named pulumi_lightsail_certificates at package.json's version", () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8"));
    assert.deepEqual(fs.readdirSync(path.join(dir, "dist")).sort(), [
      `pulumi_lightsail_certificates-${version}-py3-none-any.whl`,
      `pulumi_lightsail_certificates-${version}.tar.gz`,
    ]);
  });

  it("is the package pulumi_lightsail_certificates with the three functions and the resource", () => {
    const pkg = path.join(REPO_ROOT, "sdk", "python", "pulumi_lightsail_certificates");
    for (const file of [
      "get_certificate.py",
      "get_certificates.py",
      "get_load_balancer_tls_certificate.py",
      "certificate_lookup.py",
    ])
      assert.ok(fs.existsSync(path.join(pkg, file)), `${file} generated`);
  });

  it("a program under set_mocks gets typed getCertificate results and a CertificateLookup's outputs", async () => {
    const out = await runBounded(
      path.join(dir, "venv", "bin", "python"),
      [path.join(REPO_ROOT, "tests", "sdk", "python", "mock_program.py")],
      { cwd: dir, timeoutMs: 90_000 },
    );
    assert.match(out, /^ok: example-com 2027-09-01T00:00:00\.000Z 42 lookup$/m);
  });

  it("the README's Python program runs against it under set_mocks", async () => {
    const readme = fs.readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("\n### Python\n"));
    const block = /```python\n([\s\S]*?)\n```/.exec(section);
    assert.ok(block, "README.md has a ```python block under ### Python");
    const preamble = fs.readFileSync(path.join(REPO_ROOT, "tests", "sdk", "python", "readme_preamble.py"), "utf8");
    const program = path.join(dir, "readme_program.py");
    fs.writeFileSync(program, `${preamble}\n${block[1]}\n\n${EPILOGUE}`);
    const out = await runBounded(path.join(dir, "venv", "bin", "python"), [program], {
      cwd: dir,
      timeoutMs: 90_000,
    });
    assert.match(out, /^registered: lightsail-certificates:index:getCertificate lightsail-certificates:index:CertificateLookup$/m);
  });
});
