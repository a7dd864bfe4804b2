/**
 * The gate command's parts in process: argument parsing, verdicts, tables, the bounded region
 * scan, and `runGate` over a mocked Lightsail account (exit statuses, output). The child-process
 * runs against the emulator are in gate.test.ts.
 */
import { strict as assert } from "node:assert";
import { DEFAULT_MIN_DAYS, parseGateArgs, SETTING_FLAGS, USAGE, UsageError } from "../../gate/args";
import { judgeCertificate, judgeDomains } from "../../gate/check";
import { runGate } from "../../gate/main";
import { mapBounded } from "../../gate/scan";
import { formatInstant, renderCheckTable, renderTable } from "../../gate/table";
import { LIGHTSAIL_REGIONS } from "../../lightsail/regions";
import { DEFAULT_LOOKUP_SETTINGS, LOOKUP_SETTING_RANGES } from "../../lightsail/settings";
import type { Certificate } from "../../lightsail/types";
import {
  accessDenied,
  daysFrom,
  fakeLightsail,
  FakeLightsail,
  FakeAccountSpec,
} from "../helpers/policy-harness";

const NOW = new Date("2026-06-01T12:00:00.000Z");

function cert(partial: Partial<Certificate> & { name: string }): Certificate {
  const domainName = partial.domainName ?? `${partial.name}.example.com`;
  return {
    arn: `arn:aws:lightsail:us-east-1:123456789012:Certificate/${partial.name}`,
    domainName,
    subjectAlternativeNames: [domainName],
    status: "ISSUED",
    region: "us-east-1",
    notAfter: daysFrom(NOW, 100),
    inUseResourceCount: 0,
    domainValidationRecords: [],
    tags: {},
    ...partial,
  };
}

function usageError(fn: () => unknown, pattern: RegExp): void {
  assert.throws(fn, (err: Error) => {
    assert.ok(err instanceof UsageError, `expected a UsageError, got ${err.name}: ${err.message}`);
    assert.match(err.message, pattern);
    return true;
  });
}

describe("lightsail-certs: arguments", () => {
  it("defaults: no region (runGate resolves it), min-days 30, every status", () => {
    assert.deepEqual(parseGateArgs(["check"]), {
      command: "check",
      regions: [],
      statuses: [],
      minDays: 30,
      domains: [],
      settings: {},
      json: false,
      format: "table",
      allowStuckRenewals: false,
      roleArns: [],
      concurrency: 20,
    });
    assert.equal(DEFAULT_MIN_DAYS, 30);
  });

  it("repeatable and comma-separated flags, normalised and deduplicated", () => {
    const o = parseGateArgs([
      "check",
      "--region",
      "us-east-1,eu-west-1",
      "--region=us-east-1",
      "--domain",
      "WWW.Example.com.",
      "--domain",
      "www.example.com",
      "--status",
      "ISSUED",
      "--min-days",
      "14",
      "--json",
    ]);
    assert.deepEqual(o.regions, ["us-east-1", "eu-west-1"]);
    assert.deepEqual(o.domains, ["www.example.com"]);
    assert.deepEqual(o.statuses, ["ISSUED"]);
    assert.equal(o.minDays, 14);
    assert.equal(o.json, true);
    assert.equal(parseGateArgs(["check", "--all-regions"]).regions.length, 19);
  });

  it("help with --help, -h or no command", () => {
    for (const argv of [["--help"], ["-h"], [], ["check", "--help"]])
      assert.equal(parseGateArgs(argv).command, "help");
  });

  it("every mistake is a usage error naming the flag", () => {
    usageError(() => parseGateArgs(["check", "--bogus"]), /Unknown option '--bogus'/);
    usageError(() => parseGateArgs(["verify"]), /unknown command "verify"/);
    usageError(() => parseGateArgs(["check", "extra"]), /unexpected argument "extra"/);
    usageError(
      () => parseGateArgs(["check", "--region", "us-west-1"]),
      /--region "us-west-1" has no Lightsail endpoint/,
    );
    usageError(() => parseGateArgs(["check", "--status", "issued"]), /--status "issued".*upper case: ISSUED/);
    usageError(() => parseGateArgs(["check", "--domain", "*.example.com"]), /--domain .*wildcard/);
    usageError(() => parseGateArgs(["list", "--min-days", "3"]), /--min-days applies to check/);
    usageError(() => parseGateArgs(["check", "--region", "us-east-1", "--all-regions"]), /not both/);
  });
});

describe("lightsail-certs: numeric flags", () => {
  /** The exact message of the UsageError `argv` gives. */
  function message(argv: string[]): string {
    try {
      parseGateArgs(argv);
    } catch (err) {
      assert.ok(err instanceof UsageError, `expected a UsageError, got ${String(err)}`);
      return err.message;
    }
    assert.fail(`${argv.join(" ")} was accepted`);
  }

  it("--min-days: negative (as a separate or joined value), fractional, non-numeric, too large, missing", () => {
    assert.deepEqual(
      [
        ["check", "--min-days", "-1"],
        ["check", "--min-days=-1"],
        ["check", "--min-days", "-0.5"],
        ["check", "--min-days", "1.5"],
        ["check", "--min-days", "ten"],
        ["check", "--min-days", "1e3"],
        ["check", "--min-days", ""],
        ["check", "--min-days", "3651"],
        ["check", "--min-days"],
        ["check", "--min-days", "--json"],
      ].map(message),
      [
        "--min-days must be from 0 to 3650, got -1",
        "--min-days must be from 0 to 3650, got -1",
        "--min-days must be a whole number from 0 to 3650, got -0.5",
        "--min-days must be a whole number from 0 to 3650, got 1.5",
        '--min-days must be a whole number from 0 to 3650, got "ten"',
        '--min-days must be a whole number from 0 to 3650, got "1e3"',
        '--min-days must be a whole number from 0 to 3650, got ""',
        "--min-days must be from 0 to 3650, got 3651",
        "--min-days needs a value: a whole number from 0 to 3650",
        "--min-days needs a value: a whole number from 0 to 3650",
      ],
    );
    assert.equal(parseGateArgs(["check", "--min-days", "0"]).minDays, 0);
    assert.equal(parseGateArgs(["check", "--min-days=3650"]).minDays, 3650);
  });

  it("request options: the ranges and words of lightsail/settings.ts, negative values included", () => {
    assert.deepEqual(
      [
        ["list", "--request-timeout-ms", "-5"],
        ["list", "--request-timeout-ms", "99"],
        ["list", "--request-timeout-ms", "1500.5"],
        ["check", "--max-attempts", "0"],
        ["check", "--max-attempts=-2"],
        ["check", "--max-attempts", "11"],
        ["check", "--max-attempts", "two"],
        ["check", "--max-pages", "-1"],
        ["check", "--max-pages", "100001"],
        ["check", "--max-pages"],
      ].map(message),
      [
        "--request-timeout-ms must be from 100 to 600000, got -5",
        "--request-timeout-ms must be from 100 to 600000, got 99",
        "--request-timeout-ms must be a whole number from 100 to 600000, got 1500.5",
        "--max-attempts must be from 1 to 10, got 0",
        "--max-attempts must be from 1 to 10, got -2",
        "--max-attempts must be from 1 to 10, got 11",
        '--max-attempts must be a whole number from 1 to 10, got "two"',
        "--max-pages must be from 1 to 100000, got -1",
        "--max-pages must be from 1 to 100000, got 100001",
        "--max-pages needs a value: a whole number from 1 to 100000",
      ],
    );
    assert.deepEqual(parseGateArgs(["check"]).settings, {});
    assert.deepEqual(
      parseGateArgs(["list", "--request-timeout-ms", "2500", "--max-attempts=1", "--max-pages", "7"])
        .settings,
      { requestTimeoutMs: 2500, maxAttempts: 1, maxPages: 7 },
    );
  });

  it("the usage text gives each range and default from lightsail/settings.ts", () => {
    for (const [flag, name] of Object.entries(SETTING_FLAGS)) {
      const [min, max] = LOOKUP_SETTING_RANGES[name];
      const text = USAGE.slice(USAGE.indexOf(`  ${flag} N`)).replace(/\s+/g, " ");
      assert.match(
        text,
        new RegExp(`^ ${flag} N [^-]*?From ${min} to ${max}; default ${DEFAULT_LOOKUP_SETTINGS[name]}\\.`),
      );
    }
  });
});

describe("lightsail-certs: verdicts", () => {
  it("passes when ISSUED and floor(days left) >= min-days (29 fails, 30 and 31 pass)", () => {
    const at = (days: number) =>
      judgeCertificate(cert({ name: "c", notAfter: daysFrom(NOW, days) }), 30, NOW);
    assert.deepEqual(
      [at(29), at(30), at(31)].map((v) => [v.daysLeft, v.verdict]),
      [
        [29, "FAIL"],
        [30, "PASS"],
        [31, "PASS"],
      ],
    );
    assert.equal(at(30 - 1 / 86_400_000).verdict, "FAIL");
    assert.match(at(29).reason ?? "", /expires in 29 day\(s\), under the minimum of 30/);
    assert.deepEqual([at(-2).daysLeft, at(-2).reason], [-2, "expired"]);
    const pending = judgeCertificate(
      cert({ name: "p", status: "PENDING_VALIDATION", notAfter: undefined }),
      30,
      NOW,
    );
    assert.deepEqual(
      [pending.verdict, pending.reason, pending.notAfter, pending.daysLeft],
      ["FAIL", "status PENDING_VALIDATION, not ISSUED", null, null],
    );
  });

  it("a domain passes when one covering certificate (primary or SAN, any case, trailing dot) passes", () => {
    const certs = [
      cert({ name: "old", domainName: "WWW.example.com.", notAfter: daysFrom(NOW, 3) }),
      cert({
        name: "new",
        domainName: "example.com",
        subjectAlternativeNames: ["example.com", "www.example.com"],
      }),
      cert({
        name: "api-pending",
        domainName: "api.example.com",
        status: "PENDING_VALIDATION",
        notAfter: undefined,
      }),
      cert({ name: "api-old", domainName: "api.example.com", notAfter: daysFrom(NOW, 10) }),
    ];
    const verdicts = judgeDomains(["www.example.com", "api.example.com", "none.example.com"], certs, 30, NOW);
    assert.deepEqual(
      verdicts.map((v) => [
        v.domain,
        v.verdict,
        v.certificate?.name ?? null,
        v.candidates.map((c) => c.name),
      ]),
      [
        ["www.example.com", "PASS", "new", ["new", "old"]],
        ["api.example.com", "FAIL", "api-old", ["api-old", "api-pending"]],
        ["none.example.com", "FAIL", null, []],
      ],
    );
    assert.match(
      verdicts[1].reason ?? "",
      /expires in 10 day\(s\).*none of the 2 certificates covering it passes/,
    );
    assert.equal(verdicts[2].reason, "no certificate covers it");
  });
});

describe("lightsail-certs: tables", () => {
  it("aligns every column, right-aligns numbers, leaves no trailing spaces", () => {
    const text = renderTable(
      [
        { header: "NAME", cell: (r: { n: string; d: number }) => r.n },
        { header: "DAYS", cell: (r) => String(r.d), align: "right" },
        { header: "END", cell: () => "x" },
      ],
      [
        { n: "a", d: 5 },
        { n: "a-much-longer-name", d: 120 },
      ],
    );
    assert.equal(
      text,
      [
        "NAME                DAYS  END",
        "a                      5  x",
        "a-much-longer-name   120  x",
        "",
      ].join("\n"),
    );
  });

  it("the check table has the documented columns, one row per certificate", () => {
    const rows = [
      cert({ name: "www", notAfter: "2026-09-01T00:00:00.000Z" }),
      cert({ name: "old", notAfter: daysFrom(NOW, 3) }),
    ];
    const lines = renderCheckTable(rows.map((c) => judgeCertificate(c, 30, NOW)))
      .trimEnd()
      .split("\n");
    assert.match(lines[0], /^NAME\s+DOMAIN\s+REGION\s+STATUS\s+NOT AFTER\s+DAYS LEFT\s+RENEWAL\s+VERDICT$/);
    assert.match(
      lines[1],
      /^www\s+www\.example\.com\s+us-east-1\s+ISSUED\s+2026-09-01T00:00:00Z\s+91\s+-\s+PASS$/,
    );
    assert.match(lines[2], /^old\s+.*\s+3\s+-\s+FAIL: expires in 3 day\(s\), under the minimum of 30$/);
    const verdictAt = lines[0].indexOf("VERDICT");
    assert.ok(
      lines.slice(1).every((l) => /^(PASS|FAIL)/.test(l.slice(verdictAt))),
      lines.join("\n"),
    );
    assert.equal(formatInstant(undefined), "-");
  });
});

describe("lightsail-certs: bounded concurrency", () => {
  it("runs at most `limit` at once and keeps the input order", async () => {
    let inFlight = 0;
    let most = 0;
    const items = Array.from({ length: 19 }, (_, i) => i);
    const results = await mapBounded(items, 8, async (i) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, (i * 7) % 5));
      inFlight--;
      return i * 2;
    });
    assert.deepEqual(
      results,
      items.map((i) => i * 2),
    );
    assert.equal(most, 8);
    assert.deepEqual(await mapBounded([], 8, async (i: number) => i), []);
  });
});

describe("lightsail-certs: runGate over a mocked account", () => {
  let account: FakeLightsail | undefined;
  afterEach(() => account?.restore());

  async function run(
    argv: string[],
    spec: FakeAccountSpec,
    env: NodeJS.ProcessEnv = { AWS_REGION: "us-east-1" },
  ) {
    account = fakeLightsail(spec, NOW);
    let stdout = "";
    let stderr = "";
    const status = await runGate(argv, {
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
      env,
      now: () => NOW,
      context: account.context,
    });
    return { status, stdout, stderr };
  }

  it("exit 0 when all pass, 1 when one fails, with a summary line", async () => {
    const healthy = { certificates: { "us-east-1": [{ name: "www", notAfter: daysFrom(NOW, 90) }] } };
    const ok = await run(["check"], healthy);
    assert.deepEqual([ok.status, ok.stderr], [0, ""]);
    assert.match(ok.stdout, /1 certificate\(s\) in us-east-1: 1 pass, 0 fail/);
    const failing = {
      certificates: {
        "us-east-1": [
          { name: "www", notAfter: daysFrom(NOW, 90) },
          { name: "old", notAfter: daysFrom(NOW, 2) },
        ],
      },
    };
    const bad = await run(["check"], failing);
    assert.equal(bad.status, 1, bad.stdout + bad.stderr);
    assert.match(bad.stdout, /old .* FAIL: expires in 2 day\(s\)/);
    assert.equal((await run(["check", "--min-days", "2"], failing)).status, 0);
  });

  it("no certificate at all passes; a --domain with no certificate fails", async () => {
    const none = await run(["check"], {});
    assert.deepEqual([none.status, none.stdout], [0, "No certificates in us-east-1: nothing to check.\n"]);
    const domain = await run(["check", "--domain", "www.example.com"], {});
    assert.equal(domain.status, 1);
    assert.match(domain.stdout, /-\s+www\.example\.com\s+-\s+-\s+-\s+-\s+-\s+FAIL: no certificate covers it/);
  });

  it("API errors in every region: exit 2, the region and IAM action on stderr, a NOT READ line each", async () => {
    const result = await run(["check", "--region", "us-east-1,eu-west-1"], { failWith: accessDenied() });
    assert.equal(result.status, 2);
    assert.equal(
      result.stdout,
      "NOT READ  us-east-1: access denied to lightsail:GetCertificates (the error is on stderr)\n" +
        "NOT READ  eu-west-1: access denied to lightsail:GetCertificates (the error is on stderr)\n" +
        "2 of 2 region(s) could not be read: exit status 2.\n",
    );
    assert.match(
      result.stderr,
      /^lightsail-certs: us-east-1: Access denied: .*lightsail:GetCertificates in us-east-1/m,
    );
    assert.match(
      result.stderr,
      /^lightsail-certs: eu-west-1: Access denied: .*lightsail:GetCertificates in eu-west-1/m,
    );
    assert.doesNotMatch(result.stderr, /\n\s+at /, "no stack trace");
  });

  it("default region: the region chain over io.env (also with an injected context)", async () => {
    const spec = { certificates: { "eu-west-1": [{ name: "eu", notAfter: daysFrom(NOW, 90) }] } };
    const fromDefault = await run(["check"], spec, { AWS_DEFAULT_REGION: "eu-west-1" });
    assert.deepEqual([fromDefault.status, fromDefault.stderr], [0, ""]);
    assert.match(fromDefault.stdout, /1 certificate\(s\) in eu-west-1: 1 pass, 0 fail/);
    assert.deepEqual(
      account?.calls.map((c) => c.region),
      ["eu-west-1"],
    );
    const first = await run(["list"], spec, { AWS_REGION: "eu-west-1", AWS_DEFAULT_REGION: "us-east-1" });
    assert.match(first.stdout, /1 certificate\(s\) in eu-west-1\./);
    const bad = await run(["check"], spec, { AWS_REGION: "mars-1" });
    assert.deepEqual(
      [bad.status, bad.stdout, bad.stderr],
      [
        2,
        "",
        'lightsail-certs: the default region (from AWS_REGION): "mars-1" has no Lightsail endpoint; use one of ' +
          `${LIGHTSAIL_REGIONS.join(", ")}\nRun "lightsail-certs --help" for usage.\n`,
      ],
    );
    assert.equal(account?.calls.length, 0);
  });

  it("--status narrows what is read and judged", async () => {
    const spec = {
      certificates: {
        "us-east-1": [
          { name: "www", notAfter: daysFrom(NOW, 90) },
          { name: "p", status: "FAILED", notAfter: null },
        ],
      },
    };
    assert.equal((await run(["check"], spec)).status, 1);
    const issuedOnly = await run(["check", "--status", "ISSUED", "--json"], spec);
    assert.equal(issuedOnly.status, 0);
    const report = JSON.parse(issuedOnly.stdout) as {
      statuses: string[];
      certificates: Array<{ name: string }>;
    };
    assert.deepEqual(report.statuses, ["ISSUED"]);
    assert.deepEqual(
      report.certificates.map((c) => c.name),
      ["www"],
    );
  });

  it("help goes to stdout with exit 0; usage errors to stderr with exit 2", async () => {
    const help = await run(["--help"], {});
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage:\n {2}lightsail-certs list/);
    const bad = await run(["check", "--min-days"], {});
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--min-days/);
    assert.match(bad.stderr, /Run "lightsail-certs --help" for usage/);
    assert.equal(account?.calls.length, 0);
  });
});
