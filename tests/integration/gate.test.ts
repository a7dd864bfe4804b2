/**
 * `lightsail-certs` as a real child process against the local Lightsail emulator: real SDK
 * clients, SigV4, paging, per-region fixtures and injected faults.
 */
import { strict as assert } from "node:assert";
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { EMULATOR_CREDENTIALS, makeCertificate } from "../../emulator";
import { useEmulator } from "../helpers/emulator";

const ROOT = path.resolve(__dirname, "../..");
const DAY_MS = 86_400_000;
/** Fixture dates are relative to the real clock, with an hour of slack so whole days are stable. */
const START = Date.now();
const inDays = (days: number) => new Date(START + days * DAY_MS + 3_600_000).toISOString();

interface Result {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * How to start the gate: the built `dist/gate/cli.js` (the package bin) when it is newer than
 * every source it is built from (`npm test` builds first), else the sources through ts-node
 * (ten times slower to start).
 */
function gateCommand(): string[] {
  const built = path.join(ROOT, "dist", "gate", "cli.js");
  const newest = (dir: string) =>
    Math.max(
      ...fs
        .readdirSync(path.join(ROOT, dir))
        .filter((f) => f.endsWith(".ts"))
        .map((f) => fs.statSync(path.join(ROOT, dir, f)).mtimeMs),
    );
  try {
    if (fs.statSync(built).mtimeMs >= Math.max(newest("gate"), newest("provider"))) return [built];
  } catch {
    // not built
  }
  return ["-r", "ts-node/register/transpile-only", "gate/cli.ts"];
}

const GATE = gateCommand();

/** Runs `node argv...` in a child process (never spawnSync: the emulator serves from this process). */
function node(argv: string[], env: Record<string, string>, cwd = ROOT): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, argv, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

/** Runs the gate in a child process with a hermetic environment plus `env`. */
function gate(args: string[], env: Record<string, string>): Promise<Result> {
  return node([...GATE, ...args], {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "",
    // Hermetic: no shared config or profile from the machine.
    AWS_CONFIG_FILE: path.join(ROOT, ".tmp", "no-aws-config"),
    AWS_SHARED_CREDENTIALS_FILE: path.join(ROOT, ".tmp", "no-aws-credentials"),
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    ...env,
  });
}

function show(r: Result): string {
  return `exit ${r.status}\n--- stdout\n${r.stdout}--- stderr\n${r.stderr}`;
}

describe("lightsail-certs against the emulator (child process)", function () {
  this.timeout(60_000);

  const h = useEmulator(() => ({
    pageSize: 2,
    fixtures: {
      certificates: [
        makeCertificate({ name: "www-cert", domainName: "www.example.com", notAfter: inDays(120) }),
        makeCertificate({ name: "api-cert", domainName: "api.example.com", notAfter: inDays(45) }),
        makeCertificate({
          name: "shop-cert",
          domainName: "shop.example.com",
          subjectAlternativeNames: ["store.example.com"],
          notAfter: inDays(300),
        }),
        makeCertificate({
          name: "eu-cert",
          region: "eu-west-1",
          domainName: "eu.example.com",
          notAfter: inDays(10),
        }),
        makeCertificate({
          name: "eu-new",
          region: "eu-west-1",
          domainName: "new.example.com",
          status: "PENDING_VALIDATION",
        }),
      ],
    },
  }));

  const env = (): Record<string, string> => h.emulator.env();

  /** A fresh directory under .tmp/, removed after the suite. */
  const tempDirs: string[] = [];
  const tempDir = (prefix: string): string => {
    fs.mkdirSync(path.join(ROOT, ".tmp"), { recursive: true });
    const dir = fs.mkdtempSync(path.join(ROOT, ".tmp", prefix));
    tempDirs.push(dir);
    return dir;
  };
  after(() => {
    for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  function assertNoSecrets(r: Result): void {
    const all = r.stdout + r.stderr;
    const { port } = new URL(h.emulator.url);
    for (const secret of [
      h.emulator.url,
      `:${port}`,
      EMULATOR_CREDENTIALS.accessKeyId,
      EMULATOR_CREDENTIALS.secretAccessKey,
    ])
      assert.ok(!all.includes(secret), `output shows ${secret}\n${show(r)}`);
  }

  it("check: all pass -> exit 0 and an aligned table of every certificate", async () => {
    const r = await gate(["check"], env());
    assert.equal(r.status, 0, show(r));
    assert.equal(r.stderr, "", show(r));
    const lines = r.stdout.split("\n");
    assert.match(lines[0], /^NAME\s+DOMAIN\s+REGION\s+STATUS\s+NOT AFTER\s+DAYS LEFT\s+RENEWAL\s+VERDICT$/);
    assert.match(
      lines[1],
      /^api-cert\s+api\.example\.com\s+us-east-1\s+ISSUED\s+\d{4}-\d\d-\d\dT[\d:]+Z\s+45\s+-\s+PASS$/,
    );
    assert.match(lines[2], /^shop-cert\s+shop\.example\.com\s+.*\s+300\s+-\s+PASS$/);
    assert.match(lines[3], /^www-cert\s+www\.example\.com\s+.*\s+120\s+-\s+PASS$/);
    const verdictAt = lines[0].indexOf("VERDICT");
    assert.ok(
      lines.slice(1, 4).every((l) => l.slice(verdictAt) === "PASS"),
      show(r),
    );
    assert.match(
      r.stdout,
      /3 certificate\(s\) in us-east-1: 3 pass, 0 fail \(ISSUED with at least 30 day\(s\) left, no stuck renewal\)/,
    );
    assertNoSecrets(r);
  });

  it("check: one certificate under --min-days -> exit 1 with FAIL in its verdict column", async () => {
    const r = await gate(["check", "--min-days", "60"], env());
    assert.equal(r.status, 1, show(r));
    assert.match(
      r.stdout,
      /^api-cert\s+.*\s+45\s+-\s+FAIL: expires in 45 day\(s\), under the minimum of 60$/m,
    );
    assert.match(r.stdout, /^www-cert\s+.*\s+PASS$/m);
    assert.match(r.stdout, /2 pass, 1 fail/);
  });

  it("check: several regions at once, each with its own certificates", async () => {
    const r = await gate(["check", "--region", "us-east-1", "--region", "eu-west-1"], env());
    assert.equal(r.status, 1, show(r));
    assert.match(
      r.stdout,
      /^eu-cert\s+eu\.example\.com\s+eu-west-1\s+ISSUED\s+\S+\s+10\s+-\s+FAIL: expires in 10 day/m,
    );
    assert.match(
      r.stdout,
      /^eu-new\s+new\.example\.com\s+eu-west-1\s+PENDING_VALIDATION\s+-\s+-\s+-\s+FAIL: status PENDING_VALIDATION/m,
    );
    assert.match(r.stdout, /^www-cert\s+www\.example\.com\s+us-east-1\s/m);
    assert.match(r.stdout, /5 certificate\(s\) in us-east-1, eu-west-1: 3 pass, 2 fail/);
    const regions = new Set(h.emulator.calls().map((c) => c.region));
    assert.ok(regions.has("eu-west-1") && regions.has("us-east-1"), JSON.stringify([...regions]));
  });

  it("check --all-regions reads every Lightsail region (8 at a time)", async () => {
    const r = await gate(["check", "--all-regions", "--json", "--min-days", "5"], env());
    assert.equal(r.status, 1, show(r));
    const report = JSON.parse(r.stdout) as { regions: string[]; summary: unknown };
    assert.equal(report.regions.length, 19);
    assert.deepEqual(report.summary, { total: 5, passed: 4, failed: 1 });
    assert.equal(new Set(h.emulator.calls().map((c) => c.region)).size, 19);
  });

  it("check --domain: each domain needs a passing certificate (SANs count); a domain with none fails", async () => {
    const r = await gate(
      [
        "check",
        "--domain",
        "STORE.example.com.",
        "--domain",
        "www.example.com",
        "--domain",
        "missing.example.com",
      ],
      env(),
    );
    assert.equal(r.status, 1, show(r));
    assert.match(r.stdout, /^shop-cert\s+store\.example\.com\s+us-east-1\s+ISSUED\s+\S+\s+300\s+-\s+PASS$/m);
    assert.match(r.stdout, /^www-cert\s+www\.example\.com\s+.*PASS$/m);
    assert.match(
      r.stdout,
      /^-\s+missing\.example\.com\s+-\s+-\s+-\s+-\s+-\s+FAIL: no certificate covers it$/m,
    );
    assert.match(r.stdout, /3 domain\(s\) in us-east-1: 2 pass, 1 fail/);
    const ok = await gate(["check", "--domain", "www.example.com", "--domain", "api.example.com"], env());
    assert.equal(ok.status, 0, show(ok));
  });

  it("check --json: the documented shape", async () => {
    const r = await gate(["check", "--json", "--region", "eu-west-1", "--min-days", "5"], env());
    assert.equal(r.status, 1, show(r));
    const report = JSON.parse(r.stdout) as Record<string, unknown> & {
      certificates: Array<Record<string, unknown>>;
    };
    assert.deepEqual(Object.keys(report), [
      "schemaVersion",
      "command",
      "mode",
      "checkedAt",
      "minDays",
      "allowStuckRenewals",
      "regions",
      "statuses",
      "passed",
      "summary",
      "certificates",
      "domains",
      "errors",
      "accounts",
      "coverage",
    ]);
    assert.equal(report.schemaVersion, 3);
    assert.deepEqual(report.errors, []);
    // One account (the SDK chain's identity: null), its region read.
    assert.deepEqual(report.accounts, [
      {
        account: null,
        roleArn: null,
        assumed: true,
        regions: [{ region: "eu-west-1", read: true, certificates: 2, failed: 1 }],
      },
    ]);
    assert.deepEqual(report.coverage, {
      accounts: 1,
      accountsNotAssumed: 0,
      regionScans: 1,
      regionScansNotRead: 0,
    });
    assert.equal(report.command, "check");
    assert.equal(report.mode, "certificates");
    assert.ok(!Number.isNaN(Date.parse(report.checkedAt as string)));
    assert.equal(report.minDays, 5);
    assert.deepEqual(report.regions, ["eu-west-1"]);
    assert.equal((report.statuses as string[]).length, 7);
    assert.equal(report.passed, false);
    assert.deepEqual(report.summary, { total: 2, passed: 1, failed: 1 });
    assert.deepEqual(report.domains, []);
    const [euCert, euNew] = report.certificates;
    assert.deepEqual(Object.keys(euCert), [
      "account",
      "name",
      "arn",
      "domainName",
      "subjectAlternativeNames",
      "region",
      "status",
      "notAfter",
      "daysLeft",
      "verdict",
      "reason",
      "renewalStatus",
      "renewalStatusReason",
      "renewalStuck",
      "renewalRecords",
    ]);
    assert.deepEqual(
      [euCert.name, euCert.region, euCert.status, euCert.daysLeft, euCert.verdict, euCert.reason],
      ["eu-cert", "eu-west-1", "ISSUED", 10, "PASS", null],
    );
    assert.match(euCert.arn as string, /^arn:aws:lightsail:eu-west-1:/);
    assert.deepEqual(
      [euNew.name, euNew.notAfter, euNew.daysLeft, euNew.verdict],
      ["eu-new", null, null, "FAIL"],
    );
    const domains = JSON.parse(
      (await gate(["check", "--json", "--domain", "nope.example.com"], env())).stdout,
    ) as {
      mode: string;
      domains: Array<Record<string, unknown>>;
    };
    assert.equal(domains.mode, "domains");
    assert.deepEqual(domains.domains, [
      {
        domain: "nope.example.com",
        verdict: "FAIL",
        reason: "no certificate covers it",
        certificate: null,
        candidates: [],
      },
    ]);
  });

  it("list: every status by default, --status narrows; --json", async () => {
    const r = await gate(["list", "--region", "eu-west-1"], env());
    assert.equal(r.status, 0, show(r));
    assert.match(r.stdout, /^NAME\s+DOMAIN\s+REGION\s+STATUS\s+NOT AFTER\s+DAYS LEFT/);
    assert.match(r.stdout, /^eu-cert\s/m);
    assert.match(r.stdout, /^eu-new\s+.*PENDING_VALIDATION/m);
    const json = await gate(["list", "--region", "eu-west-1", "--status", "ISSUED", "--json"], env());
    const report = JSON.parse(json.stdout) as {
      command: string;
      certificates: Array<{ name: string; daysLeft: number }>;
    };
    assert.equal(report.command, "list");
    assert.deepEqual(
      report.certificates.map((c) => [c.name, c.daysLeft]),
      [["eu-cert", 10]],
    );
  });

  it("a bad flag -> exit 2 with a usage message on stderr", async () => {
    const r = await gate(["check", "--mindays", "3"], env());
    assert.equal(r.status, 2, show(r));
    assert.equal(r.stdout, "");
    assert.match(r.stderr, /^lightsail-certs: Unknown option '--mindays'/);
    assert.match(r.stderr, /Run "lightsail-certs --help" for usage\./);
    assert.equal(h.emulator.calls().length, 0);
  });

  it("a negative --min-days, given either way, gets our usage message naming the flag and range", async () => {
    for (const args of [
      ["check", "--min-days", "-1"],
      ["check", "--min-days=-1"],
    ]) {
      const r = await gate(args, env());
      assert.deepEqual(
        [r.status, r.stdout, r.stderr],
        [
          2,
          "",
          'lightsail-certs: --min-days must be from 0 to 3650, got -1\nRun "lightsail-certs --help" for usage.\n',
        ],
        show(r),
      );
    }
    const fraction = await gate(["list", "--max-attempts", "1.5"], env());
    assert.equal(fraction.status, 2, show(fraction));
    assert.match(
      fraction.stderr,
      /^lightsail-certs: --max-attempts must be a whole number from 1 to 10, got 1\.5\n/,
    );
    assert.equal(h.emulator.calls().length, 0);
  });

  it("--max-pages bounds the pages of a region's scan", async () => {
    const r = await gate(["list", "--max-pages", "1"], env());
    assert.equal(r.status, 2, show(r));
    assert.match(
      r.stderr,
      /^lightsail-certs: us-east-1: GetCertificates in us-east-1 still returned a nextPageToken after 1 pages; stopped\./m,
    );
    assert.equal(h.emulator.calls().length, 1);
    const enough = await gate(["list", "--max-pages", "2"], env());
    assert.equal(enough.status, 0, show(enough));
  });

  it("--max-attempts sets the attempts per request", async () => {
    h.emulator.addFault({ operation: "GetCertificates", kind: "throttle" });
    const r = await gate(["check", "--max-attempts", "2"], env());
    assert.equal(r.status, 2, show(r));
    assert.match(
      r.stderr,
      /^lightsail-certs: us-east-1: Lightsail GetCertificates in us-east-1 kept throttling after 2 attempts/m,
    );
    assert.equal(h.emulator.calls().length, 2);
  });

  it("--request-timeout-ms abandons a request that does not answer", async () => {
    h.emulator.addFault({ operation: "GetCertificates", kind: "hang", latencyMs: 10_000 });
    const started = Date.now();
    const r = await gate(["check", "--request-timeout-ms", "300", "--max-attempts", "1"], env());
    assert.equal(r.status, 2, show(r));
    assert.match(
      r.stderr,
      /^lightsail-certs: us-east-1: Lightsail GetCertificates in us-east-1 got no answer within 300 ms/m,
    );
    assert.equal(h.emulator.calls().length, 1);
    assert.ok(Date.now() - started < 5_000, `took ${Date.now() - started} ms`);
  });

  it("an unknown region, or none at all -> exit 2", async () => {
    const bad = await gate(["check", "--region", "us-west-1"], env());
    assert.equal(bad.status, 2, show(bad));
    assert.match(bad.stderr, /--region "us-west-1" has no Lightsail endpoint; use one of us-east-1/);
    const { AWS_REGION: _region, ...noRegion } = env();
    const none = await gate(["check"], noRegion);
    assert.deepEqual(
      [none.status, none.stdout, none.stderr],
      [
        2,
        "",
        "lightsail-certs: no region: give --region R (or --all-regions), or set AWS_REGION, AWS_DEFAULT_REGION, " +
          "or `region` in the profile's section of the shared config file (~/.aws/config)\n" +
          'Run "lightsail-certs --help" for usage.\n',
      ],
      show(none),
    );
    assert.equal(h.emulator.calls().length, 0);
  });

  it("default region: AWS_REGION, else AWS_DEFAULT_REGION, else the profile's region in the shared config file", async () => {
    const dir = tempDir("gate-profile-");
    const config = path.join(dir, "config");
    const credentials = path.join(dir, "credentials");
    fs.writeFileSync(config, "[default]\nregion = eu-west-1\n\n[profile ci]\nregion = us-east-1\n");
    fs.writeFileSync(
      credentials,
      `[ci]\naws_access_key_id = ${EMULATOR_CREDENTIALS.accessKeyId}\n` +
        `aws_secret_access_key = ${EMULATOR_CREDENTIALS.secretAccessKey}\n`,
    );
    const { AWS_REGION: _region, ...base } = env();
    const files = { AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: credentials };
    const all: Record<string, string> = { ...base, ...files };
    const { AWS_ACCESS_KEY_ID: _key, AWS_SECRET_ACCESS_KEY: _secret, ...withoutKeys } = all;
    const summary = (r: Result) => r.stdout.trimEnd().split("\n").pop();
    const cases: Array<[string, string[], Record<string, string>, string]> = [
      ["[default] of the config file", ["list"], { ...base, ...files }, "2 certificate(s) in eu-west-1."],
      [
        "AWS_DEFAULT_REGION over the profile",
        ["list"],
        { ...base, ...files, AWS_DEFAULT_REGION: "us-east-1" },
        "3 certificate(s) in us-east-1.",
      ],
      [
        "AWS_REGION over AWS_DEFAULT_REGION",
        ["list"],
        { ...base, ...files, AWS_REGION: "eu-west-1", AWS_DEFAULT_REGION: "us-east-1" },
        "2 certificate(s) in eu-west-1.",
      ],
      ["--profile ci", ["list", "--profile", "ci"], withoutKeys, "3 certificate(s) in us-east-1."],
      ["AWS_PROFILE=ci", ["list"], { ...withoutKeys, AWS_PROFILE: "ci" }, "3 certificate(s) in us-east-1."],
    ];
    for (const [what, args, environment, expected] of cases) {
      const r = await gate(args, environment);
      assert.deepEqual([what, r.status, r.stderr, summary(r)], [what, 0, "", expected], show(r));
    }
  });

  it("access denied -> exit 2 naming the IAM action and the region, no stack, no endpoint", async () => {
    h.emulator.addFault({ operation: "GetCertificates", kind: "access-denied" });
    const r = await gate(["check", "--region", "eu-west-1"], env());
    assert.equal(r.status, 2, show(r));
    assert.equal(
      r.stdout,
      "NOT READ  eu-west-1: access denied to lightsail:GetCertificates (the error is on stderr)\n" +
        "1 of 1 region(s) could not be read: exit status 2.\n",
    );
    assert.match(
      r.stderr,
      /^lightsail-certs: eu-west-1: Access denied: .*lightsail:GetCertificates in eu-west-1[^\n]*\n$/,
    );
    assert.match(r.stderr, /Grant it lightsail:GetCertificates/);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
    assertNoSecrets(r);
  });

  describe("one region of several cannot be read", () => {
    const denyEu = () => h.emulator.addFault({ kind: "access-denied", region: "eu-west-1" });
    const STDERR_EU =
      /^lightsail-certs: eu-west-1: Access denied: the AWS identity in use may not call lightsail:GetCertificates in eu-west-1 [^\n]*\n$/;

    it("check: the other region's certificates are judged and printed; the region is reported; exit 2", async () => {
      denyEu();
      const r = await gate(["check", "--region", "us-east-1,eu-west-1"], env());
      assert.equal(r.status, 2, show(r));
      const lines = r.stdout.split("\n");
      assert.match(lines[0], /^NAME\s+DOMAIN\s+REGION\s+STATUS\s+NOT AFTER\s+DAYS LEFT\s+RENEWAL\s+VERDICT$/);
      assert.deepEqual(
        lines.slice(1, 4).map((l) => l.split(/\s+/).filter((_, i) => [0, 2, 5, 7].includes(i))),
        [
          ["api-cert", "us-east-1", "45", "PASS"],
          ["shop-cert", "us-east-1", "300", "PASS"],
          ["www-cert", "us-east-1", "120", "PASS"],
        ],
      );
      assert.deepEqual(lines.slice(4), [
        "",
        "3 certificate(s) in us-east-1: 3 pass, 0 fail (ISSUED with at least 30 day(s) left, no stuck renewal).",
        "NOT READ  eu-west-1: access denied to lightsail:GetCertificates (the error is on stderr)",
        "1 of 2 region(s) could not be read: exit status 2.",
        "",
      ]);
      assert.match(r.stderr, STDERR_EU);
      assert.deepEqual(
        h.emulator
          .calls()
          .map((c) => [c.region, c.fault ?? null])
          .sort(),
        [
          ["eu-west-1", "access-denied"],
          ["us-east-1", null],
          ["us-east-1", null],
        ],
      );
      assertNoSecrets(r);
    });

    it("check --json: the read region's verdicts, and the other in errors; passed false, exit 2", async () => {
      denyEu();
      const r = await gate(["check", "--json", "--region", "eu-west-1", "--region", "us-east-1"], env());
      assert.equal(r.status, 2, show(r));
      const report = JSON.parse(r.stdout) as {
        schemaVersion: number;
        regions: string[];
        passed: boolean;
        summary: unknown;
        certificates: Array<{ name: string; region: string; verdict: string }>;
        errors: Array<Record<string, unknown>>;
      };
      assert.equal(report.schemaVersion, 3);
      assert.deepEqual(report.regions, ["eu-west-1", "us-east-1"]);
      assert.equal(report.passed, false);
      assert.deepEqual(report.summary, { total: 3, passed: 3, failed: 0 });
      assert.deepEqual(
        report.certificates.map((c) => [c.name, c.region, c.verdict]),
        [
          ["api-cert", "us-east-1", "PASS"],
          ["shop-cert", "us-east-1", "PASS"],
          ["www-cert", "us-east-1", "PASS"],
        ],
      );
      assert.equal(report.errors.length, 1);
      const [error] = report.errors;
      assert.deepEqual(Object.keys(error), ["account", "roleArn", "region", "error", "code", "message"]);
      assert.deepEqual(
        [error.account, error.roleArn, error.region, error.error, error.code],
        [null, null, "eu-west-1", "AccessDeniedError", null],
      );
      assert.equal(`lightsail-certs: eu-west-1: ${String(error.message)}\n`, r.stderr);
      assert.match(r.stderr, STDERR_EU);
    });

    it("a failing certificate in a read region still exits 2 (an unread region wins), its FAIL row printed", async () => {
      denyEu();
      const r = await gate(["check", "--min-days", "60", "--region", "us-east-1,eu-west-1"], env());
      assert.equal(r.status, 2, show(r));
      assert.match(
        r.stdout,
        /^api-cert\s+.*\s+45\s+-\s+FAIL: expires in 45 day\(s\), under the minimum of 60$/m,
      );
      assert.match(r.stdout, /^3 certificate\(s\) in us-east-1: 2 pass, 1 fail /m);
      assert.match(r.stdout, /^1 of 2 region\(s\) could not be read: exit status 2\.$/m);
      const json = await gate(
        ["check", "--json", "--min-days", "60", "--region", "us-east-1,eu-west-1"],
        env(),
      );
      assert.equal(json.status, 2, show(json));
      assert.deepEqual((JSON.parse(json.stdout) as { summary: unknown }).summary, {
        total: 3,
        passed: 2,
        failed: 1,
      });
    });

    it("check --domain: a domain covered only in the unread region fails 'in the regions read'; exit 2", async () => {
      denyEu();
      const r = await gate(
        [
          "check",
          "--region",
          "us-east-1,eu-west-1",
          "--domain",
          "eu.example.com",
          "--domain",
          "www.example.com",
        ],
        env(),
      );
      assert.equal(r.status, 2, show(r));
      assert.match(
        r.stdout,
        /^-\s+eu\.example\.com\s+-\s+-\s+-\s+-\s+-\s+FAIL: no certificate covers it in the regions read$/m,
      );
      assert.match(r.stdout, /^www-cert\s+www\.example\.com\s+us-east-1\s+.*PASS$/m);
      assert.match(r.stdout, /^2 domain\(s\) in us-east-1: 1 pass, 1 fail /m);
      assert.match(r.stdout, /^NOT READ  eu-west-1: access denied to lightsail:GetCertificates/m);
    });

    it("list: the other region's certificates, a NOT READ line, exit 2", async () => {
      denyEu();
      const r = await gate(["list", "--region", "eu-west-1,us-east-1"], env());
      assert.equal(r.status, 2, show(r));
      const lines = r.stdout.split("\n");
      assert.deepEqual(
        lines.slice(1, 4).map((l) => l.split(/\s+/).slice(0, 3).join(" ")),
        [
          "api-cert api.example.com us-east-1",
          "shop-cert shop.example.com us-east-1",
          "www-cert www.example.com us-east-1",
        ],
      );
      assert.deepEqual(lines.slice(4), [
        "",
        "3 certificate(s) in us-east-1.",
        "NOT READ  eu-west-1: access denied to lightsail:GetCertificates (the error is on stderr)",
        "1 of 2 region(s) could not be read: exit status 2.",
        "",
      ]);
      assert.match(r.stderr, STDERR_EU);
    });

    it("list --json: throttled after the retries, and a timeout, each reported with its code", async () => {
      h.emulator.addFault({ kind: "throttle", region: "eu-west-1" });
      h.emulator.addFault({ kind: "hang", region: "ap-south-1", latencyMs: 10_000 });
      const r = await gate(
        [
          "list",
          "--json",
          "--region",
          "eu-west-1,us-east-1,ap-south-1",
          "--max-attempts",
          "2",
          "--request-timeout-ms",
          "500",
        ],
        env(),
      );
      assert.equal(r.status, 2, show(r));
      const report = JSON.parse(r.stdout) as {
        schemaVersion: number;
        certificates: Array<{ region: string }>;
        errors: Array<{ region: string; error: string; code: string; message: string }>;
      };
      assert.equal(report.schemaVersion, 3);
      assert.deepEqual(
        report.certificates.map((c) => c.region),
        ["us-east-1", "us-east-1", "us-east-1"],
      );
      assert.deepEqual(
        report.errors.map((e) => [e.region, e.error]),
        [
          ["eu-west-1", "LightsailApiError"],
          ["ap-south-1", "LightsailApiError"],
        ],
      );
      assert.equal(report.errors[0].code, "ThrottlingException");
      assert.match(
        report.errors[0].message,
        /^Lightsail GetCertificates in eu-west-1 kept throttling after 2 attempts/,
      );
      assert.equal(report.errors[1].code, "TimeoutError");
      assert.match(
        report.errors[1].message,
        /^Lightsail GetCertificates in ap-south-1 got no answer within 500 ms after 2 attempts/,
      );
      assert.deepEqual(
        r.stderr.split("\n").map((l) => l.slice(0, l.indexOf(":", 17))),
        ["lightsail-certs: eu-west-1", "lightsail-certs: ap-south-1", ""],
      );
    });

    it("--all-regions: the 18 readable regions are read and judged, the unreadable one reported", async () => {
      denyEu();
      const r = await gate(["check", "--all-regions", "--json", "--min-days", "5"], env());
      assert.equal(r.status, 2, show(r));
      const report = JSON.parse(r.stdout) as {
        regions: string[];
        summary: unknown;
        errors: Array<{ region: string }>;
      };
      assert.equal(report.regions.length, 19);
      assert.deepEqual(report.summary, { total: 3, passed: 3, failed: 0 });
      assert.deepEqual(
        report.errors.map((e) => e.region),
        ["eu-west-1"],
      );
      assert.equal(new Set(h.emulator.calls().map((c) => c.region)).size, 19);
    });
  });

  it("throttling is retried by the SDK; the check still succeeds", async () => {
    h.emulator.addFault({ operation: "GetCertificates", kind: "throttle", calls: [1] });
    const r = await gate(["check"], env());
    assert.equal(r.status, 0, show(r));
  });

  it("--version prints the version of the package's own package.json, exit 0", async () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
      version: string;
    };
    const r = await gate(["--version"], {});
    assert.deepEqual([r.status, r.stdout, r.stderr], [0, `${version}\n`, ""], show(r));
    const withCommand = await gate(["check", "--version"], {});
    assert.deepEqual([withCommand.status, withCommand.stdout], [0, `${version}\n`], show(withCommand));
  });

  it("--version of an installed copy (dist/gate/cli.js under node_modules) reads that copy's package.json", async () => {
    const built = path.join(ROOT, "dist", "gate", "cli.js");
    assert.ok(fs.existsSync(built), "run `npm run build` first: this test runs the built bin");
    const pkg = path.join(ROOT, ".tmp", "installed", "node_modules", "pulumi-lightsail-certificates");
    fs.rmSync(pkg, { recursive: true, force: true });
    for (const dir of ["gate", "lookup", "lightsail"])
      fs.cpSync(path.join(ROOT, "dist", dir), path.join(pkg, "dist", dir), { recursive: true });
    fs.writeFileSync(
      path.join(pkg, "package.json"),
      JSON.stringify({ name: "pulumi-lightsail-certificates", version: "9.8.7-installed" }),
    );
    const r = await node([path.join(pkg, "dist", "gate", "cli.js"), "--version"], { PATH: "" }, os.tmpdir());
    assert.deepEqual([r.status, r.stdout, r.stderr], [0, "9.8.7-installed\n", ""], show(r));
  });

  it("loads no @pulumi/pulumi, also when the default region comes from the profile's config", async () => {
    const dir = tempDir("gate-modules-");
    fs.writeFileSync(path.join(dir, "config"), "[default]\nregion = eu-west-1\n");
    const { AWS_REGION: _region, ...noRegion } = env();
    const script = `
      const { runGate } = require(${JSON.stringify(path.join(ROOT, "dist", "gate", "main.js"))});
      let out = "";
      runGate(["list"], { stdout: (t) => (out += t), stderr: (t) => (out += t), env: process.env }).then((status) => {
        const pulumi = Object.keys(require.cache).filter((m) => m.includes("@pulumi"));
        process.stdout.write(JSON.stringify({ status, out, pulumi }));
      });`;
    const r = await node(["-e", script], { ...noRegion, AWS_CONFIG_FILE: path.join(dir, "config") });
    assert.equal(r.status, 0, show(r));
    const result = JSON.parse(r.stdout) as { status: number; out: string; pulumi: string[] };
    assert.deepEqual([result.status, result.pulumi], [0, []], result.out);
    assert.match(result.out, /2 certificate\(s\) in eu-west-1\.\n$/);
  });

  it("--help -> exit 0 with the usage text", async () => {
    const r = await gate(["--help"], {});
    assert.equal(r.status, 0, show(r));
    assert.match(r.stdout, /lightsail-certs check \[--min-days N\] \[--domain D\]\.\.\./);
    assert.match(
      r.stdout.replace(/\s+/g, " "),
      /Exit status: 0 every account assumed, every region read and all pass; 1 a certificate or domain fails; 2 a usage error, or a region could not be read, or a role could not be assumed .* 2 wins over 1/,
    );
  });
});
