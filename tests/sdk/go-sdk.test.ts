/**
 * The Go SDK generated from the plugin's schema (scripts/generate-sdks.js go): `go build` and
 * `go vet` pass against sdk/v3 v3.248.0, and a program using it runs under `pulumi.WithMocks`,
 * getting typed getCertificate results (tests/sdk/go/mock_test.go, run with `go test`). Without
 * Go the `before` hook fails with the script's message.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { ensureSdk, REPO_ROOT, runBounded } from "./sdk-run";

const { GO_ENV, goCommand } = require("../../scripts/go-toolchain") as {
  GO_ENV: NodeJS.ProcessEnv;
  goCommand(): string;
};

describe("Go SDK of the provider plugin", function () {
  this.timeout(10 * 60_000);
  let dir: string;
  before(async function () {
    this.timeout(25 * 60_000);
    dir = await ensureSdk("go");
  });

  it("is a package with GetCertificate, GetCertificates, GetLoadBalancerTlsCertificate and CertificateLookup", () => {
    const pkg = path.join(dir, "sdk", "lightsailcertificates");
    const text = fs
      .readdirSync(pkg)
      .filter((f) => f.endsWith(".go"))
      .map((f) => fs.readFileSync(path.join(pkg, f), "utf8"))
      .join("\n");
    for (const name of [
      "func GetCertificate(",
      "func GetCertificates(",
      "func GetLoadBalancerTlsCertificate(",
      "func NewCertificateLookup(",
    ])
      assert.ok(text.includes(name), `${name} generated`);
  });

  it("a program under pulumi.WithMocks gets typed getCertificate results (go test)", async () => {
    const testDir = path.join(dir, "sdk", "mocktest");
    fs.mkdirSync(testDir, { recursive: true });
    fs.copyFileSync(
      path.join(REPO_ROOT, "tests", "sdk", "go", "mock_test.go"),
      path.join(testDir, "mock_test.go"),
    );
    const out = await runBounded(goCommand(), ["test", "-count=1", "-v", "./mocktest/"], {
      cwd: path.join(dir, "sdk"),
      env: GO_ENV,
      timeoutMs: 9 * 60_000,
    });
    assert.match(out, /--- PASS: TestGetCertificateUnderMocks/);
  });
});
