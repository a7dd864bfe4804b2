/**
 * `lightsail-certs` over several AWS accounts, as a real child process against the emulator: the
 * real STS client assumes each role (SigV4 for sts, the emulator's AssumeRole), the real
 * Lightsail client reads each account x region with the credentials issued. A role that cannot be
 * assumed and a region that cannot be read are named while the rest is judged; exit status 2.
 */
import { strict as assert } from "node:assert";
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { EMULATOR_CREDENTIALS, makeCertificate } from "../../emulator";
import { useEmulator } from "../helpers/emulator";

const ROOT = path.resolve(__dirname, "../..");
const START = Date.now();
const inDays = (days: number) => new Date(START + days * 86_400_000 + 3_600_000).toISOString();
const A = "arn:aws:iam::111111111111:role/LightsailAudit";
const B = "arn:aws:iam::222222222222:role/ci/LightsailAudit";
const C = "arn:aws:iam::333333333333:role/LightsailAudit";

interface Result {
  status: number | null;
  stdout: string;
  stderr: string;
}

function gate(args: string[], env: Record<string, string>): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", "gate/cli.ts", ...args], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "",
        AWS_CONFIG_FILE: path.join(ROOT, ".tmp", "no-aws-config"),
        AWS_SHARED_CREDENTIALS_FILE: path.join(ROOT, ".tmp", "no-aws-credentials"),
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

const show = (r: Result) => `exit ${r.status}\n--- stdout\n${r.stdout}--- stderr\n${r.stderr}`;

describe("lightsail-certs over several accounts (STS AssumeRole against the emulator)", function () {
  this.timeout(60_000);
  const h = useEmulator({
    fixtures: {
      certificates: [
        makeCertificate({ name: "ci-own", domainName: "ci.example.com", notAfter: inDays(200) }),
      ],
      accounts: [
        {
          accountId: "111111111111",
          roles: [{ arn: A }],
          certificates: [
            makeCertificate({ name: "a-www", domainName: "www.a.example.com", notAfter: inDays(120) }),
            makeCertificate({
              name: "a-eu",
              region: "eu-west-1",
              domainName: "eu.a.example.com",
              notAfter: inDays(90),
            }),
          ],
        },
        {
          accountId: "222222222222",
          roles: [{ arn: B, externalId: "ci-2f9b" }],
          certificates: [
            makeCertificate({ name: "b-api", domainName: "api.b.example.com", notAfter: inDays(10) }),
            makeCertificate({ name: "b-shop", domainName: "shop.b.example.com", notAfter: inDays(300) }),
          ],
        },
        { accountId: "333333333333", roles: [], certificates: [] },
      ],
    },
  });
  const tmp = path.join(ROOT, ".tmp");
  const accountsFile = path.join(tmp, `gate-accounts-${process.pid}.json`);
  before(() => {
    fs.mkdirSync(tmp, { recursive: true });
    fs.writeFileSync(
      accountsFile,
      JSON.stringify({
        accounts: [
          { roleArn: A, regions: ["us-east-1", "eu-west-1"] },
          { roleArn: B, externalId: "ci-2f9b", regions: ["us-east-1"] },
          { roleArn: C },
        ],
      }),
    );
  });
  after(() => fs.rmSync(accountsFile, { force: true }));
  const env = () => h.emulator.env();

  /** No credential of any kind in `r`: the emulator's, an issued access key, a secret or a session token. */
  function assertNoCredentials(r: Result): void {
    const all = r.stdout + r.stderr;
    for (const secret of [
      EMULATOR_CREDENTIALS.accessKeyId,
      EMULATOR_CREDENTIALS.secretAccessKey,
      h.emulator.url,
    ])
      assert.ok(!all.includes(secret), `output shows ${secret}\n${show(r)}`);
    assert.doesNotMatch(all, /ASIA[0-9A-Z]{16}/, "an issued access key id");
    assert.doesNotMatch(all, /[A-Za-z0-9+/]{40,}={0,2}/, "a secret or session token (long base64)");
    assert.doesNotMatch(all, /ci-2f9b/, "the external id");
  }

  it("check --accounts: names the account it could not assume and the region it could not read; judges the rest; exit 2", async () => {
    h.emulator.addFault({ kind: "access-denied", region: "eu-west-1" });
    const r = await gate(
      ["check", "--accounts", accountsFile, "--region", "us-east-1", "--concurrency", "3"],
      env(),
    );
    assert.equal(r.status, 2, show(r));
    const lines = r.stdout.split("\n");
    assert.match(
      lines[0]!,
      /^ACCOUNT\s+NAME\s+DOMAIN\s+REGION\s+STATUS\s+NOT AFTER\s+DAYS LEFT\s+RENEWAL\s+VERDICT$/,
    );
    assert.match(r.stdout, /^111111111111\s+a-www\s+www\.a\.example\.com\s+us-east-1\s+ISSUED\s.*PASS$/m);
    assert.match(
      r.stdout,
      /^222222222222\s+b-api\s+.*FAIL: expires in 10 day\(s\), under the minimum of 30$/m,
    );
    assert.doesNotMatch(
      r.stdout,
      /ci-own|a-eu/,
      "neither the CI account's own certificate nor an unread region's",
    );
    assert.match(r.stdout, /^3 certificate\(s\) in 2 region\(s\) of 2 account\(s\): 2 pass, 1 fail /m);
    assert.match(
      r.stdout,
      /^333333333333\s+arn:aws:iam::333333333333:role\/LightsailAudit\s+NOT ASSUMED\s+0\s+-$/m,
    );
    assert.match(r.stdout, /^111111111111\s+arn:aws:iam::111111111111:role\/LightsailAudit\s+1\/2\s+1\s+0$/m);
    assert.match(
      r.stdout,
      /^NOT ASSUMED {2}333333333333 \(arn:aws:iam::333333333333:role\/LightsailAudit\): sts:AssumeRole failed: AccessDenied; none of its 1 region\(s\) read/m,
    );
    assert.match(
      r.stdout,
      /^NOT READ {2}111111111111 eu-west-1: access denied to lightsail:GetCertificates/m,
    );
    assert.match(
      r.stdout,
      /^1 of 3 account\(s\) could not be assumed; 2 of 4 region\(s\) \(account x region\) could not be read: exit status 2\.$/m,
    );
    const stderr = r.stderr.trimEnd().split("\n");
    assert.equal(stderr.length, 2, show(r));
    assert.match(stderr[0]!, /^lightsail-certs: 111111111111 eu-west-1: Access denied: /);
    assert.match(
      stderr[1]!,
      /^lightsail-certs: 333333333333: Could not assume role arn:aws:iam::333333333333:role\/LightsailAudit: AccessDenied: User: arn:aws:iam::123456789012:user\/lightsail-emulator is not authorized to perform: sts:AssumeRole/,
    );
    assertNoCredentials(r);
  });

  it("check --json: per account x region, errors with account and role, coverage; schemaVersion 3", async () => {
    h.emulator.addFault({ kind: "access-denied", region: "eu-west-1" });
    const r = await gate(["check", "--json", "--accounts", accountsFile, "--region", "us-east-1"], env());
    assert.equal(r.status, 2, show(r));
    const report = JSON.parse(r.stdout);
    assert.equal(report.schemaVersion, 3);
    assert.equal(report.passed, false);
    assert.deepEqual(report.regions, ["us-east-1", "eu-west-1"]);
    assert.deepEqual(report.accounts, [
      {
        account: "111111111111",
        roleArn: A,
        assumed: true,
        regions: [
          { region: "us-east-1", read: true, certificates: 1, failed: 0 },
          { region: "eu-west-1", read: false, certificates: 0, failed: null },
        ],
      },
      {
        account: "222222222222",
        roleArn: B,
        assumed: true,
        regions: [{ region: "us-east-1", read: true, certificates: 2, failed: 1 }],
      },
      {
        account: "333333333333",
        roleArn: C,
        assumed: false,
        regions: [{ region: "us-east-1", read: false, certificates: 0, failed: null }],
      },
    ]);
    assert.deepEqual(report.coverage, {
      accounts: 3,
      accountsNotAssumed: 1,
      regionScans: 4,
      regionScansNotRead: 2,
    });
    assert.deepEqual(
      report.errors.map((e: Record<string, unknown>) => [e.account, e.roleArn, e.region, e.error, e.code]),
      [
        ["111111111111", A, "eu-west-1", "AccessDeniedError", null],
        ["333333333333", C, null, "AssumeRoleError", "AccessDenied"],
      ],
    );
    assert.deepEqual(
      report.certificates.map((c: Record<string, unknown>) => [c.account, c.name, c.verdict]),
      [
        ["111111111111", "a-www", "PASS"],
        ["222222222222", "b-api", "FAIL"],
        ["222222222222", "b-shop", "PASS"],
      ],
    );
    assertNoCredentials(r);
  });

  it("check --role-arn (repeated) with --external-id: every account read and judged; exit 1 on a failure, 0 without", async () => {
    const failing = await gate(
      ["check", "--role-arn", B, "--external-id", "ci-2f9b", "--region", "us-east-1"],
      env(),
    );
    assert.equal(failing.status, 1, show(failing));
    assert.equal(failing.stderr, "");
    const passing = await gate(
      ["check", "--role-arn", A, "--region", "us-east-1,eu-west-1", "--min-days", "5"],
      env(),
    );
    assert.equal(passing.status, 0, show(passing));
    assert.match(passing.stdout, /^2 certificate\(s\) in 2 region\(s\) of 1 account\(s\): 2 pass, 0 fail /m);
    assertNoCredentials(passing);
    const calls = h.emulator.calls().filter((c) => c.operation === "AssumeRole");
    assert.deepEqual(
      calls.map((c) => c.request),
      [{ RoleArn: B }, { RoleArn: A }],
      "one AssumeRole per account, not one per region",
    );
  });

  it("list --format markdown is refused; check --format markdown names the accounts and what was not read", async () => {
    const r = await gate(
      ["check", "--format", "markdown", "--accounts", accountsFile, "--region", "us-east-1"],
      env(),
    );
    assert.equal(r.status, 2, show(r));
    assert.match(r.stdout, /^## Lightsail certificates: INCOMPLETE$/m);
    assert.match(r.stdout, /in 3 region\(s\) of 2 account\(s\)/);
    assert.match(r.stdout, /^### Accounts$/m);
    assert.match(
      r.stdout,
      /^\| 333333333333 \| arn:aws:iam::333333333333:role\/LightsailAudit \| \*\*not assumed\*\* \| 0 \| 0 \|$/m,
    );
    assert.match(r.stdout, /^- \*\*333333333333 \(role not assumed\)\*\*: Could not assume role/m);
    assertNoCredentials(r);
  });

  it("usage errors name the flag and exit 2 before anything is read", async () => {
    const cases: Array<[string[], RegExp]> = [
      [["--concurrency", "0"], /--concurrency must be from 1 to 200, got 0/],
      [["--concurrency", "many"], /--concurrency must be a whole number from 1 to 200, got "many"/],
      [["--concurrency"], /--concurrency needs a value: a whole number from 1 to 200/],
      [
        ["--role-arn", "arn:aws:iam::12:role/x"],
        /--role-arn must be an IAM role ARN like arn:aws:iam::123456789012:role\/NAME/,
      ],
      [["--external-id", "abc"], /--external-id applies to --role-arn: give one or more/],
      [
        ["--accounts", path.join(tmp, "no-such-file.json")],
        /--accounts .*no-such-file\.json: cannot read it: ENOENT/,
      ],
      [
        ["--role-arn", A, "--role-arn", A, "--accounts", accountsFile],
        /role arn:aws:iam::111111111111:role\/LightsailAudit is given twice/,
      ],
    ];
    h.emulator.resetCalls();
    for (const [args, message] of cases) {
      const r = await gate(["check", "--region", "us-east-1", ...args], env());
      assert.equal(r.status, 2, show(r));
      assert.equal(r.stdout, "");
      assert.match(r.stderr, message);
    }
    assert.deepEqual(h.emulator.calls(), []);
  });
});
