/**
 * The committed Go SDK (sdk/go: module <repository>/sdk/go, package lightsailcertificates): in a
 * copy with sdk/v3 replaced by the cached v3.248.0 sources (scripts/generate-sdks.js go, cached by
 * the hash of sdk/go) `go build` and `go vet` pass, and a program using it runs under
 * `pulumi.WithMocks`, getting typed getCertificate results and a CertificateLookup's outputs
 * (tests/sdk/go/mock_test.go, run with `go test`). Without Go the `before` hook fails with the
 * script's message.
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

  it("a program under pulumi.WithMocks gets typed getCertificate results and a CertificateLookup's outputs (go test)", async () => {
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
    assert.match(out, /--- PASS: TestCertificateLookupUnderMocks/);
  });

  it("the README's Go program builds against it", async () => {
    const readme = fs.readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("\n### Go\n"));
    const block = /```go\n([\s\S]*?)\n```/.exec(section);
    assert.ok(block, "README.md has a ```go block under ### Go");
    const programDir = path.join(dir, "sdk", "readmeprogram");
    fs.mkdirSync(programDir, { recursive: true });
    fs.writeFileSync(path.join(programDir, "main.go"), `${block[1]}\n`);
    await runBounded(goCommand(), ["vet", "./readmeprogram/"], {
      cwd: path.join(dir, "sdk"),
      env: GO_ENV,
      timeoutMs: 9 * 60_000,
    });
  });
});
