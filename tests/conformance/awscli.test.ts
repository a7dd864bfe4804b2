// Conformance: the AWS CLI (botocore: an independent SigV4 signer and JSON 1.1 client) against
// the emulator. The client is awscli 1.45.11 from PyPI, which scripts/ensure-aws-cli.js installs
// into a Python virtual environment in the cache outside the clone (the `before` hook runs it: the
// first time about 20 s, then under a second). It is run by absolute path, not as whatever `aws`
// is on PATH, so that every machine runs the same client. PULUMI_LSC_AWS_CLI=/path/to/aws runs
// another one instead; the assertions describe awscli 1.45.11 (another version may differ: Debian's
// awscli 2.9.19, for one, predates pageToken and prints no nextPageToken). When the client cannot
// be had, the suite fails with the installer's message.
import * as assert from "node:assert/strict";
import { spawn } from "node:child_process";
import * as path from "node:path";
import { makeCertificate, makeLoadBalancerTlsCertificate, type CertificateFixture } from "../../emulator";
import { useEmulator } from "../helpers/emulator";

const { AWSCLI_VERSION } = require("../../scripts/ensure-aws-cli") as { AWSCLI_VERSION: string };
const ENSURE_SCRIPT = path.join(__dirname, "..", "..", "scripts", "ensure-aws-cli.js");
/** The installer's own steps are bounded (venv 5 min, pip 15 min); this bounds the whole. */
const INSTALL_TIMEOUT_MS = 22 * 60_000;
const SPAWN_TIMEOUT_MS = 30_000;

interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command to completion in a process group of its own; after timeoutMs the whole group
 * (the installer's pip included) is killed and the result says so.
 */
function runProcess(
  cmd: string,
  args: string[],
  opts: { env?: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      env: opts.env ?? process.env,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      stderr += `\n(killed after ${opts.timeoutMs / 1000} s)`;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }, opts.timeoutMs);
    child.once("error", (err) => {
      clearTimeout(timer);
      reject(new Error(`could not run ${cmd}: ${err.message}`));
    });
    child.once("close", (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

/** The client to run: its absolute path and its `aws --version` line. */
async function resolveAwsCli(): Promise<{ aws: string; version: string }> {
  const override = process.env.PULUMI_LSC_AWS_CLI;
  let aws: string;
  if (override) {
    aws = path.resolve(override);
  } else {
    const installed = await runProcess(process.execPath, [ENSURE_SCRIPT], { timeoutMs: INSTALL_TIMEOUT_MS });
    if (installed.status !== 0) {
      throw new Error(
        `The AWS CLI this suite runs (awscli ${AWSCLI_VERSION} from PyPI) could not be had: ` +
          `\`node scripts/ensure-aws-cli.js\` exited ${installed.status}:\n${installed.stderr.trim()}\n` +
          "Fix that, or set PULUMI_LSC_AWS_CLI to an aws executable to run instead.",
      );
    }
    if (installed.stderr.includes("installing awscli"))
      console.log(installed.stderr.trim().replace(/^/gm, "      "));
    aws = installed.stdout.trim().split("\n").pop() ?? "";
    assert.ok(
      path.isAbsolute(aws),
      `scripts/ensure-aws-cli.js printed no absolute path: ${installed.stdout}`,
    );
  }
  const answered = await runProcess(aws, ["--version"], { timeoutMs: 60_000 }).catch((err: Error) => ({
    status: null,
    stdout: "",
    stderr: err.message,
  }));
  if (answered.status !== 0) {
    throw new Error(
      `${aws} --version failed (exit ${answered.status}): ${answered.stderr.trim()}` +
        (override ? " (it is PULUMI_LSC_AWS_CLI)" : ""),
    );
  }
  const version = `${answered.stdout}${answered.stderr}`.trim();
  if (!override) assert.ok(version.startsWith(`aws-cli/${AWSCLI_VERSION} `), `${aws} says ${version}`);
  return { aws, version };
}

const CERTS: CertificateFixture[] = ["alpha", "bravo", "charlie", "delta", "echo"].map((name, i) =>
  makeCertificate({
    name,
    domainName: `${name}.example.com`,
    status: i === 3 ? "EXPIRED" : "ISSUED",
    notBefore: `2026-0${i + 1}-01T00:00:00Z`,
  }),
);

describe("conformance: the AWS CLI against the emulator", function () {
  this.timeout(120_000);
  const h = useEmulator({
    pageSize: 2,
    fixtures: {
      certificates: CERTS,
      loadBalancerTlsCertificates: [
        makeLoadBalancerTlsCertificate({ loadBalancerName: "web-lb", name: "lb-cert" }),
      ],
    },
  });
  let client = { aws: "", version: "" };

  before(async function () {
    this.timeout(INSTALL_TIMEOUT_MS + 2 * 60_000);
    client = await resolveAwsCli();
  });

  /** Runs `aws lightsail ...` asynchronously (the emulator lives in this process). */
  function aws(args: string[], secret?: string): Promise<CliResult> {
    const env: Record<string, string | undefined> = {};
    for (const [key, value] of Object.entries(process.env)) if (!key.startsWith("AWS_")) env[key] = value;
    const emulatorEnv = h.emulator.env();
    Object.assign(env, {
      AWS_ACCESS_KEY_ID: emulatorEnv.AWS_ACCESS_KEY_ID,
      AWS_SECRET_ACCESS_KEY: secret ?? emulatorEnv.AWS_SECRET_ACCESS_KEY,
      AWS_CONFIG_FILE: "/dev/null",
      AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
      AWS_PAGER: "",
      AWS_EC2_METADATA_DISABLED: "true",
      AWS_MAX_ATTEMPTS: "1",
    });
    return runProcess(
      client.aws,
      ["lightsail", ...args, "--endpoint-url", h.emulator.url, "--region", "us-east-1", "--output", "json"],
      { env, timeoutMs: SPAWN_TIMEOUT_MS },
    );
  }

  function json(result: CliResult): Record<string, unknown> {
    assert.equal(result.status, 0, `aws failed (${result.status}): ${result.stderr}`);
    return JSON.parse(result.stdout) as Record<string, unknown>;
  }

  /** A CLI timestamp (epoch number as received, or ISO text) in epoch milliseconds. */
  function toMs(value: unknown): number {
    return typeof value === "number" ? value * 1000 : Date.parse(String(value));
  }

  it("create-certificate and delete-certificate: a pending certificate with its records, then gone", async function () {
    const created = json(
      await aws([
        "create-certificate",
        "--certificate-name",
        "cli-made",
        "--domain-name",
        "cli.example.com",
        "--subject-alternative-names",
        "www.cli.example.com",
      ]),
    );
    const detail = (created.certificate as { certificateDetail: Record<string, unknown> }).certificateDetail;
    assert.equal(detail.status, "PENDING_VALIDATION");
    const records = detail.domainValidationRecords as Array<{
      domainName: string;
      resourceRecord: { type: string };
    }>;
    assert.deepEqual(
      records.map((r) => [r.domainName, r.resourceRecord.type]),
      [
        ["cli.example.com", "CNAME"],
        ["www.cli.example.com", "CNAME"],
      ],
    );
    assert.equal(
      (created.operations as Array<{ operationType: string }>)[0]!.operationType,
      "CreateCertificate",
    );
    const deleted = json(await aws(["delete-certificate", "--certificate-name", "cli-made"]));
    assert.equal(
      (deleted.operations as Array<{ operationType: string }>)[0]!.operationType,
      "DeleteCertificate",
    );
    const again = await aws(["delete-certificate", "--certificate-name", "cli-made"]);
    assert.notEqual(again.status, 0);
    assert.match(again.stderr, /NotFoundException.*The Certificate does not exist: cli-made/);
  });

  it("reads the first page as the fixtures say, then every page by the printed nextPageToken", async function () {
    const first = json(await aws(["get-certificates", "--include-certificate-details"]));
    const page = first.certificates as Array<{
      certificateName: string;
      certificateArn: string;
      certificateDetail: Record<string, unknown>;
    }>;
    assert.deepEqual(
      page.map((c) => c.certificateName),
      ["alpha", "bravo"],
    );
    for (const [i, summary] of page.entries()) {
      const fixture = CERTS[i]!;
      assert.equal(summary.certificateArn, fixture.arn);
      assert.equal(summary.certificateDetail.status, fixture.status);
      assert.equal(summary.certificateDetail.serialNumber, fixture.serialNumber);
      assert.deepEqual(summary.certificateDetail.subjectAlternativeNames, fixture.subjectAlternativeNames);
      assert.equal(toMs(summary.certificateDetail.notAfter), Date.parse(String(fixture.notAfter)));
    }

    const names = page.map((c) => c.certificateName);
    // awscli 1.45.11 has no paginator for GetCertificates: it prints nextPageToken and reads the
    // next page when given --page-token.
    let token = first.nextPageToken as string | undefined;
    assert.equal(
      typeof token,
      "string",
      `${client.version} printed no nextPageToken (these assertions describe aws-cli ${AWSCLI_VERSION})`,
    );
    let pages = 1;
    while (token) {
      const next = json(
        await aws(["get-certificates", "--include-certificate-details", "--page-token", token]),
      );
      names.push(...(next.certificates as Array<{ certificateName: string }>).map((c) => c.certificateName));
      token = next.nextPageToken as string | undefined;
      pages += 1;
      assert.ok(pages <= 10, "the listing does not end");
    }
    assert.deepEqual(
      names,
      CERTS.map((c) => c.name),
    );
    assert.equal(pages, 3);
    const calls = h.emulator.calls();
    assert.equal(calls.length, 3);
    assert.ok(
      calls.every((c) => c.status === 200 && c.region === "us-east-1" && c.operation === "GetCertificates"),
    );
    assert.ok(calls.every((c) => c.request?.includeCertificateDetails === true));
  });

  it("filters by status like the SDK does", async function () {
    const out = json(await aws(["get-certificates", "--certificate-statuses", "EXPIRED"]));
    assert.deepEqual(
      (out.certificates as Array<{ certificateName: string }>).map((c) => c.certificateName),
      ["delta"],
    );
  });

  it("fails with InvalidSignatureException for a wrong secret", async function () {
    const result = await aws(["get-certificates"], "not-the-secret");
    assert.notEqual(result.status, 0);
    assert.match(result.stderr, /InvalidSignatureException/);
    assert.match(result.stderr, /does not match the signature you provided/);
    assert.equal(h.emulator.calls()[0]?.errorType, "InvalidSignatureException");
  });

  it("reads a load balancer's TLS certificates", async function () {
    const out = json(await aws(["get-load-balancer-tls-certificates", "--load-balancer-name", "web-lb"]));
    const certs = out.tlsCertificates as Array<Record<string, unknown>>;
    assert.deepEqual(
      certs.map((c) => c.name),
      ["lb-cert"],
    );
    assert.equal(certs[0]!.loadBalancerName, "web-lb");
    const missing = await aws(["get-load-balancer-tls-certificates", "--load-balancer-name", "nope"]);
    assert.notEqual(missing.status, 0);
    assert.match(missing.stderr, /NotFoundException.*The LoadBalancer does not exist: nope/s);
  });
});
