/**
 * `lightsail-certs check` and renewals (issue 13): the RENEWAL column, stuck renewals failing
 * (and `--allow-stuck-renewals`), the renewal fields of the JSON, `--format markdown` for a fixed
 * clock, and `--output`. In process through `runGate` (fixed clock) with real SDK clients against
 * the emulator, plus the real executable for `--output`.
 */
import { strict as assert } from "node:assert";
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { makeCertificate, type CertificateFixture } from "../../emulator";
import { ReadCache } from "../../lookup/cache";
import { createLookupContext } from "../../lookup/context";
import { runGate } from "../../gate/main";
import { timelineBar } from "../../gate/markdown";
import { useEmulator } from "../helpers/emulator";

const ROOT = path.resolve(__dirname, "../..");
const NOW = new Date("2026-06-01T12:00:00.000Z");
const at = (days: number) => new Date(NOW.getTime() + days * 86_400_000 + 3_600_000).toISOString();

const cname = (domainName: string, name: string, value: string, validationStatus: string) => ({
  domainName,
  resourceRecord: { name, type: "CNAME", value },
  validationStatus,
});

const CERTIFICATES: CertificateFixture[] = [
  makeCertificate({
    name: "stuck-cert",
    domainName: "www.example.com",
    subjectAlternativeNames: ["example.com"],
    notAfter: at(8),
    renewalSummary: {
      renewalStatus: "PendingValidation",
      renewalStatusReason: "The DNS records could not be found",
      domainValidationRecords: [
        cname("www.example.com", "_a1.www.example.com.", "_b1.acm-validations.aws.", "FAILED"),
        cname("example.com", "_a2.example.com.", "_b2.acm-validations.aws.", "SUCCESS"),
      ],
    },
  }),
  makeCertificate({
    name: "api-cert",
    domainName: "api.example.com",
    notAfter: at(45),
    renewalSummary: { renewalStatus: "PendingAutoRenewal" },
  }),
  makeCertificate({ name: "shop-cert", domainName: "shop.example.com", notAfter: at(120) }),
  makeCertificate({
    name: "caa-cert",
    domainName: "caa.example.com",
    notAfter: at(200),
    domainValidationRecords: [
      cname("caa.example.com", "_c1.caa.example.com.", "_d1.acm-validations.aws.", "SUCCESS"),
    ],
    renewalSummary: { renewalStatus: "Failed", renewalStatusReason: "CAA error" },
  }),
  makeCertificate({
    name: "eu-new",
    region: "eu-west-1",
    domainName: "new.example.com",
    status: "PENDING_VALIDATION",
  }),
];

interface Outcome {
  status: number;
  stdout: string;
  stderr: string;
}

describe("lightsail-certs check: renewals and reports for CI (against the emulator)", function () {
  this.timeout(60_000);
  const h = useEmulator(() => ({ pageSize: 2, fixtures: { certificates: CERTIFICATES } }));

  /** runGate in process, fixed clock, real SDK clients pointed at the emulator. */
  async function check(args: string[]): Promise<Outcome> {
    let stdout = "";
    let stderr = "";
    const context = createLookupContext({
      clientFor: (o) => h.client({ region: o.region ?? "us-east-1" }),
      now: () => NOW,
      cache: new ReadCache(30_000, () => NOW.getTime()),
      env: {},
    });
    const status = await runGate(["check", ...args], {
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
      env: {},
      now: () => NOW,
      context,
    });
    return { status, stdout, stderr };
  }
  const show = (r: Outcome) => `exit ${r.status}\n--- stdout\n${r.stdout}--- stderr\n${r.stderr}`;

  const tempDirs: string[] = [];
  const tempDir = (): string => {
    fs.mkdirSync(path.join(ROOT, ".tmp"), { recursive: true });
    const dir = fs.mkdtempSync(path.join(ROOT, ".tmp", "gate-renewal-"));
    tempDirs.push(dir);
    return dir;
  };
  after(() => {
    for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("the table has a RENEWAL column; a stuck renewal fails naming its status, reason and records", async () => {
    const r = await check(["--region", "us-east-1"]);
    assert.equal(r.status, 1, show(r));
    assert.equal(r.stderr, "");
    assert.equal(
      r.stdout,
      [
        "NAME        DOMAIN            REGION     STATUS  NOT AFTER             DAYS LEFT  RENEWAL             VERDICT",
        "api-cert    api.example.com   us-east-1  ISSUED  2026-07-16T13:00:00Z         45  PendingAutoRenewal  PASS",
        "caa-cert    caa.example.com   us-east-1  ISSUED  2026-12-18T13:00:00Z        200  Failed              FAIL: renewal stuck (Failed: CAA error); (re)create CNAME _c1.caa.example.com. -> _d1.acm-validations.aws.",
        "shop-cert   shop.example.com  us-east-1  ISSUED  2026-09-29T13:00:00Z        120  -                   PASS",
        "stuck-cert  www.example.com   us-east-1  ISSUED  2026-06-09T13:00:00Z          8  PendingValidation   FAIL: expires in 8 day(s), under the minimum of 30; renewal stuck (PendingValidation, 1 validation record(s) FAILED: The DNS records could not be found); (re)create CNAME _a1.www.example.com. -> _b1.acm-validations.aws.",
        "",
        "4 certificate(s) in us-east-1: 2 pass, 2 fail (ISSUED with at least 30 day(s) left, no stuck renewal).",
        "",
      ].join("\n"),
    );
  });

  it("--allow-stuck-renewals lets a stuck renewal pass (still shown); other failures remain", async () => {
    const r = await check(["--region", "us-east-1", "--allow-stuck-renewals", "--min-days", "5"]);
    assert.equal(r.status, 0, show(r));
    assert.match(r.stdout, /^caa-cert\s+.*\s+200\s+Failed\s+PASS$/m);
    assert.match(r.stdout, /^stuck-cert\s+.*\s+8\s+PendingValidation\s+PASS$/m);
    assert.match(r.stdout, /4 pass, 0 fail \(ISSUED with at least 5 day\(s\) left, stuck renewals allowed\)/);
    const failing = await check(["--region", "us-east-1", "--allow-stuck-renewals"]);
    assert.equal(failing.status, 1, show(failing));
    assert.match(failing.stdout, /^stuck-cert\s+.*FAIL: expires in 8 day\(s\), under the minimum of 30$/m);
  });

  it("--json (and --format json): the renewal fields of each certificate; schemaVersion 3 (accounts added in 0.3.0)", async () => {
    const r = await check(["--region", "us-east-1", "--format", "json"]);
    assert.equal(r.status, 1, show(r));
    const report = JSON.parse(r.stdout) as {
      schemaVersion: number;
      allowStuckRenewals: boolean;
      certificates: Array<Record<string, unknown>>;
    };
    assert.equal(report.schemaVersion, 3);
    assert.equal(report.allowStuckRenewals, false);
    const pick = (name: string) => {
      const c = report.certificates.find((x) => x.name === name) ?? {};
      return [c.renewalStatus, c.renewalStatusReason, c.renewalStuck, c.renewalRecords, c.verdict];
    };
    assert.deepEqual(pick("stuck-cert"), [
      "PendingValidation",
      "The DNS records could not be found",
      true,
      [
        {
          domainName: "www.example.com",
          name: "_a1.www.example.com.",
          type: "CNAME",
          value: "_b1.acm-validations.aws.",
          validationStatus: "FAILED",
        },
      ],
      "FAIL",
    ]);
    assert.deepEqual(pick("api-cert"), ["PendingAutoRenewal", null, false, [], "PASS"]);
    assert.deepEqual(pick("shop-cert"), [null, null, false, [], "PASS"]);
    assert.deepEqual(JSON.parse((await check(["--region", "us-east-1", "--json"])).stdout), report);
  });

  it("--format markdown: sorted by days left, a timeline, stuck renewals with records, unreadable regions", async () => {
    h.emulator.addFault({ kind: "access-denied", region: "eu-west-1" });
    const r = await check(["--region", "us-east-1,eu-west-1", "--format", "markdown"]);
    assert.equal(r.status, 2, show(r));
    assert.equal(
      r.stdout.replace(/\(AWS request id [\w-]+\)/, "(AWS request id <id>)"),
      `## Lightsail certificates: INCOMPLETE

2 of 4 certificate(s) fail in us-east-1 (ISSUED, at least 30 day(s) left, no stuck renewal). Checked 2026-06-01T12:00:00Z.

| Certificate | Domain | Region | Status | Not after | Days left | Renewal | Verdict |
| --- | --- | --- | --- | --- | ---: | --- | --- |
| stuck-cert | www.example.com | us-east-1 | ISSUED | 2026-06-09T13:00:00Z | 8 | PendingValidation | **FAIL**: expires in 8 day(s), under the minimum of 30; renewal stuck (PendingValidation, 1 validation record(s) FAILED: The DNS records could not be found); (re)create CNAME _a1.www.example.com. -> _b1.acm-validations.aws. |
| api-cert | api.example.com | us-east-1 | ISSUED | 2026-07-16T13:00:00Z | 45 | PendingAutoRenewal | **PASS** |
| shop-cert | shop.example.com | us-east-1 | ISSUED | 2026-09-29T13:00:00Z | 120 | - | **PASS** |
| caa-cert | caa.example.com | us-east-1 | ISSUED | 2026-12-18T13:00:00Z | 200 | Failed | **FAIL**: renewal stuck (Failed: CAA error); (re)create CNAME _c1.caa.example.com. -> _d1.acm-validations.aws. |

### Expiry timeline: the next 90 days

From 2026-06-01; one character is 3 day(s), \`|\` marks the minimum of 30 day(s), \`>\` valid beyond 90 days.

\`\`\`text
stuck-cert (us-east-1)  [===       |                   ]  8 day(s)    FAIL
api-cert (us-east-1)    [==========|====               ]  45 day(s)   PASS
shop-cert (us-east-1)   [==========|===================>  120 day(s)  PASS
caa-cert (us-east-1)    [==========|===================>  200 day(s)  FAIL
\`\`\`

### Stuck renewals

2 certificate(s) whose renewal is stuck.

**stuck-cert** (www.example.com, us-east-1): renewal PendingValidation: The DNS records could not be found. Create (or re-create) these DNS records:

| Domain | Type | Name | Value | Validation |
| --- | --- | --- | --- | --- |
| www.example.com | CNAME | \`_a1.www.example.com.\` | \`_b1.acm-validations.aws.\` | FAILED |

**caa-cert** (caa.example.com, us-east-1): renewal Failed: CAA error. Create (or re-create) these DNS records:

| Domain | Type | Name | Value | Validation |
| --- | --- | --- | --- | --- |
| caa.example.com | CNAME | \`_c1.caa.example.com.\` | \`_d1.acm-validations.aws.\` | SUCCESS |

### Regions not read

1 of 2 region(s) could not be read, so the check is incomplete (exit status 2):

- **eu-west-1**: Access denied: the AWS identity in use may not call lightsail:GetCertificates in eu-west-1 (User: arn:aws:iam::123456789012:user/lightsail-emulator is not authorized to perform: lightsail:GetCertificates on resource: arn:aws:lightsail:eu-west-1:123456789012:*). Grant it lightsail:GetCertificates (read-only) in an IAM policy, or use another profile. (AWS request id <id>)
`,
    );
  });

  it("--format markdown with --domain: one row per domain, sorted by days left; the timeline of the covering certificates", async () => {
    const r = await check([
      "--region",
      "us-east-1",
      "--domain",
      "shop.example.com",
      "--domain",
      "www.example.com",
      "--domain",
      "none.example.com",
      "--allow-stuck-renewals",
      "--format",
      "markdown",
    ]);
    assert.equal(r.status, 1, show(r));
    const rows = r.stdout.split("\n").filter((l) => l.startsWith("| ") && !l.startsWith("| ---"));
    assert.deepEqual(rows.slice(0, 4), [
      "| Domain | Certificate | Region | Status | Not after | Days left | Renewal | Verdict |",
      "| www.example.com | stuck-cert | us-east-1 | ISSUED | 2026-06-09T13:00:00Z | 8 | PendingValidation | **FAIL**: expires in 8 day(s), under the minimum of 30 |",
      "| shop.example.com | shop-cert | us-east-1 | ISSUED | 2026-09-29T13:00:00Z | 120 | - | **PASS** |",
      "| none.example.com | - | - | - | - | - | - | **FAIL**: no certificate covers it |",
    ]);
    assert.match(
      r.stdout,
      /^2 of 3 domain\(s\) fail in us-east-1 \(ISSUED, at least 30 day\(s\) left, stuck renewals allowed\)/m,
    );
    assert.match(
      r.stdout,
      /1 certificate\(s\) whose renewal is stuck\. They do not fail the check \(`--allow-stuck-renewals`\)\./,
    );
  });

  it("timeline bars: expired and undated are empty, beyond the span ends in >, the minimum is marked", () => {
    assert.equal(timelineBar(-3, 30, 90), "[          |                   ]");
    assert.equal(timelineBar(null, 30, 90), "[          |                   ]");
    assert.equal(timelineBar(1, 30, 90), "[=         |                   ]");
    assert.equal(timelineBar(90, 30, 90), "[==========|===================]");
    assert.equal(timelineBar(91, 30, 90), "[==========|===================>");
    assert.equal(timelineBar(60, 100, 120), "[===============          |    ]");
  });

  it("--output FILE: the chosen format in the file (replaced atomically), the table on stdout", async () => {
    const dir = tempDir();
    const file = path.join(dir, "report.md");
    fs.writeFileSync(file, "an older report\n");
    const r = await check(["--region", "us-east-1", "--format", "markdown", "--output", file]);
    assert.equal(r.status, 1, show(r));
    assert.match(r.stdout, /^NAME\s+DOMAIN\s+REGION\s+STATUS\s+NOT AFTER\s+DAYS LEFT\s+RENEWAL\s+VERDICT$/m);
    assert.equal(r.stdout, (await check(["--region", "us-east-1"])).stdout);
    assert.equal(
      fs.readFileSync(file, "utf8"),
      (await check(["--region", "us-east-1", "--format", "markdown"])).stdout,
    );
    assert.deepEqual(fs.readdirSync(dir), ["report.md"], "no temporary file left behind");
  });

  it("--output into a directory that does not exist: a usage error (exit 2) before anything is read", async () => {
    const missing = path.join(tempDir(), "no-such-dir", "report.json");
    const r = await check(["--json", "--output", missing]);
    assert.equal(r.status, 2, show(r));
    assert.equal(r.stdout, "");
    assert.equal(
      r.stderr,
      `lightsail-certs: --output ${missing}: the directory ${path.dirname(missing)} does not exist; create it first\n` +
        'Run "lightsail-certs --help" for usage.\n',
    );
    assert.equal(h.emulator.calls().length, 0);
  });

  it("usage: --format values, --json with another --format, list refuses markdown and --output", async () => {
    const usage = async (args: string[], message: string) => {
      let stderr = "";
      const status = await runGate(args, { stdout: () => undefined, stderr: (t) => (stderr += t), env: {} });
      assert.equal(status, 2);
      assert.equal(stderr.split("\n")[0], `lightsail-certs: ${message}`);
    };
    await usage(["check", "--format", "html"], '--format must be one of table, json, markdown, got "html"');
    await usage(
      ["check", "--json", "--format", "markdown"],
      "--json is --format json: give one of them, not --json with --format markdown",
    );
    await usage(["list", "--format", "markdown"], "--format markdown applies to check, not list");
    await usage(["list", "--output", "x.json"], "--output applies to check, not list");
    await usage(["list", "--allow-stuck-renewals"], "--allow-stuck-renewals applies to check, not list");
  });

  it("the executable: --format json --output writes the JSON file, stdout keeps the table", async () => {
    const dir = tempDir();
    const file = path.join(dir, "report.json");
    const built = path.join(ROOT, "dist", "gate", "cli.js");
    const args = fs.existsSync(built) ? [built] : ["-r", "ts-node/register/transpile-only", "gate/cli.ts"];
    const r = await new Promise<Outcome>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [...args, "check", "--region", "us-east-1", "--format", "json", "--output", file],
        {
          cwd: ROOT,
          env: {
            PATH: process.env.PATH ?? "",
            AWS_CONFIG_FILE: path.join(ROOT, ".tmp", "no-aws-config"),
            AWS_SHARED_CREDENTIALS_FILE: path.join(ROOT, ".tmp", "no-aws-credentials"),
            AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
            ...h.emulator.env(),
          },
          stdio: ["ignore", "pipe", "pipe"],
        },
      );
      let stdout = "";
      let stderr = "";
      child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
      child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
      child.on("error", reject);
      child.on("close", (status) => resolve({ status: status ?? -1, stdout, stderr }));
    });
    assert.equal(r.status, 1, show(r));
    assert.match(r.stdout, /^NAME\s+DOMAIN\s+REGION\s+STATUS\s+NOT AFTER\s+DAYS LEFT\s+RENEWAL\s+VERDICT$/m);
    assert.match(r.stdout, /^stuck-cert\s+.*\s+PendingValidation\s+FAIL: /m);
    const report = JSON.parse(fs.readFileSync(file, "utf8")) as {
      command: string;
      summary: { total: number };
      certificates: Array<{ name: string; renewalStuck: boolean }>;
    };
    assert.equal(report.command, "check");
    // The real clock (the fixtures' dates are set around a fixed one): only what does not depend on it.
    assert.equal(report.summary.total, 4);
    assert.deepEqual(
      report.certificates.filter((c) => c.renewalStuck).map((c) => c.name),
      ["caa-cert", "stuck-cert"],
    );
    assert.deepEqual(fs.readdirSync(dir), ["report.json"]);
  });
});
