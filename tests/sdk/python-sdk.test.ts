/**
 * The Python SDK generated from the plugin's schema (scripts/generate-sdks.js python): it
 * pip-installs with pulumi==3.272.0 into a throwaway venv and imports, and a program using it
 * runs under `pulumi.runtime.set_mocks`, getting typed getCertificate results
 * (tests/sdk/python/mock_program.py). Without Go or Python the `before` hook fails with the
 * script's message.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { ensureSdk, REPO_ROOT, runBounded } from "./sdk-run";

describe("Python SDK of the provider plugin", function () {
  this.timeout(2 * 60_000);
  let dir: string;
  before(async function () {
    this.timeout(25 * 60_000);
    dir = await ensureSdk("python");
  });

  it("is the package pulumi_lightsail_certificates with the three functions and the resource", () => {
    const pkg = path.join(dir, "sdk", "pulumi_lightsail_certificates");
    for (const file of [
      "get_certificate.py",
      "get_certificates.py",
      "get_load_balancer_tls_certificate.py",
      "certificate_lookup.py",
    ])
      assert.ok(fs.existsSync(path.join(pkg, file)), `${file} generated`);
  });

  it("a program under set_mocks gets typed getCertificate results", async () => {
    const out = await runBounded(
      path.join(dir, "venv", "bin", "python"),
      [path.join(REPO_ROOT, "tests", "sdk", "python", "mock_program.py")],
      { cwd: dir, timeoutMs: 90_000 },
    );
    assert.match(out, /^ok: example-com 2027-09-01T00:00:00\.000Z 42$/m);
  });
});
