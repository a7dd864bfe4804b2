/**
 * CertificateLookup under `pulumi.runtime.setMocks`: the serialized provider is small, holds no
 * credential, endpoint or deep path, and, evaluated in a fresh process the way the Pulumi
 * dynamic-provider host does it (require-from-string, then `.handler()`), runs check and create
 * against the emulator.
 */
import { strict as assert } from "node:assert";
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { EMULATOR_CREDENTIALS, makeCertificate } from "../../emulator";
import { linkCheckout } from "../../tools/checkout-link";
import { useEmulator } from "../helpers/emulator";

const ROOT = path.resolve(__dirname, "../..");

function runNode(
  script: string,
  env: Record<string, string>,
  cwd: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  linkCheckout(); // the host resolves the text's require from the program's directory, here the root
  return new Promise((resolve) => {
    execFile(process.execPath, ["-e", script], { cwd, env, timeout: 60_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe("CertificateLookup serialization", function () {
  this.timeout(60_000);
  const h = useEmulator({
    fixtures: {
      certificates: [
        makeCertificate({
          name: "site",
          domainName: "example.com",
          subjectAlternativeNames: ["www.example.com"],
          notAfter: "2030-01-01T00:00:00Z",
        }),
        makeCertificate({ name: "other", domainName: "other.example.org" }),
      ],
    },
    pageSize: 1,
  });
  let providerText = "";
  const secretLike = "AKIASERIALIZATIONTST";

  before(async function () {
    assert.ok(
      fs.existsSync(path.join(ROOT, "dist/provider/index.js")),
      "dist/ is missing: run `npm run build` first (npm test does)",
    );
    // Values that must never be captured, present in this process's environment.
    process.env.AWS_ACCESS_KEY_ID = secretLike;
    process.env.AWS_SECRET_ACCESS_KEY = "serialization-test-secret-value";
    process.env.AWS_ENDPOINT_URL_LIGHTSAIL = h.emulator.url;
    const captured: Record<string, unknown>[] = [];
    await pulumi.runtime.setMocks(
      {
        newResource: (args) => {
          captured.push(args.inputs);
          return { id: `${args.name}-id`, state: args.inputs };
        },
        call: () => ({}),
      },
      "project",
      "stack",
      true,
    );
    const { CertificateLookup } = await import("../../api/certificateLookup");
    const lookup = new CertificateLookup("site", { domainName: "example.com", minDaysValid: 30 });
    await new Promise<void>((resolve) => lookup.urn.apply(() => resolve()));
    providerText = String(captured[0]?.__provider ?? "");
  });
  after(() => {
    delete process.env.AWS_ACCESS_KEY_ID;
    delete process.env.AWS_SECRET_ACCESS_KEY;
    delete process.env.AWS_ENDPOINT_URL_LIGHTSAIL;
  });

  it("serializes the provider", () => {
    assert.match(providerText, /exports\.handler/);
    assert.match(providerText, /require\("pulumi-lightsail-certificates\/provider"\)/);
  });

  it("holds no credential, endpoint, environment value or deep path, and is below 8 KB", () => {
    for (const forbidden of [
      secretLike,
      "serialization-test-secret-value",
      h.emulator.url,
      String(h.emulator.port),
      EMULATOR_CREDENTIALS.secretAccessKey,
      "dist-cjs",
      "process.env",
    ]) {
      assert.equal(providerText.includes(forbidden), false, `the serialized provider contains ${forbidden}`);
    }
    assert.ok(
      Buffer.byteLength(providerText) < 8 * 1024,
      `serialized provider is ${Buffer.byteLength(providerText)} bytes`,
    );
  });

  it("runs check and create in a fresh process, evaluated the way the dynamic-provider host does", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lsc-provider-"));
    fs.writeFileSync(path.join(dir, "provider.txt"), providerText);
    // The host requires the text with require-from-string from the program directory (here: the repo root).
    const script = `
      const text = require("fs").readFileSync(${JSON.stringify(path.join(dir, "provider.txt"))}, "utf8");
      const requireFromString = require(require.resolve("require-from-string", { paths: [require.resolve("@pulumi/pulumi")] }));
      const provider = requireFromString(text).handler();
      (async () => {
        await provider.configure({ config: { get: (k) => (k === "aws:region" ? "us-east-1" : undefined), require: () => { throw new Error("x"); } } });
        const checked = await provider.check({}, { query: { domainName: "example.com", minDaysValid: 30 } });
        const created = await provider.create(checked.inputs);
        console.log(JSON.stringify({ checked, created }));
      })().catch((e) => { console.error(e && e.message); process.exit(3); });`;
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? "",
      HOME: dir,
      AWS_CONFIG_FILE: "/dev/null",
      AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
      ...h.emulator.env(),
    };
    delete env.AWS_REGION;
    const result = await runNode(script, env, ROOT);
    fs.rmSync(dir, { recursive: true, force: true });
    assert.equal(result.code, 0, result.stderr);
    const { checked, created } = JSON.parse(result.stdout.trim().split("\n").pop()!);
    assert.equal(checked.inputs.name, "site");
    assert.equal(checked.inputs.notAfter, "2030-01-01T00:00:00.000Z");
    assert.equal(created.id, checked.inputs.arn);
    assert.equal(created.outs.domainName, "example.com");
    assert.equal(typeof created.outs.daysUntilExpiry, "number");
    const ops = h.emulator.calls().map((c) => c.operation);
    assert.ok(ops.length >= 1 && ops.every((o) => o === "GetCertificates"), `calls: ${ops.join(",")}`);
  });
});
