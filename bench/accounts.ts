/**
 * `npm run bench:accounts [-- --accounts 50 --latency-ms 50 --concurrency 20]`: the gate over many
 * accounts. An emulator (in this process) serves N member accounts, each with a role and one
 * certificate in every one of the 19 regions, every call delayed by the latency; the real
 * `lightsail-certs check --accounts FILE --all-regions` runs as a child process (built
 * `dist/gate/cli.js`). Reported, from the same run: wall time against the slowest single
 * account x region scan (the emulator's call log), requests against the minimum (one
 * AssumeRole per account, one GetCertificates page per account x region), and the child's peak
 * RSS at 10, 25 and N accounts (flat: what grows is the report, not the clients). Writes nothing.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { FixtureDocument } from "../emulator";

const { startEmulator, makeCertificate, LIGHTSAIL_REGIONS } =
  require("pulumi-lightsail-certificates/emulator") as typeof import("../emulator");

const ROOT = path.resolve(__dirname, "..");

function flag(name: string, byDefault: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : byDefault;
}

const accountId = (i: number) => String(100000000000 + i);
const roleArn = (i: number) => `arn:aws:iam::${accountId(i)}:role/LightsailAudit`;

function fixtures(n: number): FixtureDocument {
  const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();
  return {
    accounts: Array.from({ length: n }, (_, i) => ({
      accountId: accountId(i),
      roles: [{ arn: roleArn(i) }],
      certificates: LIGHTSAIL_REGIONS.map((region) =>
        makeCertificate({
          name: `site-${i}`,
          region,
          domainName: `a${i}.example.com`,
          notAfter: inDays(200),
        }),
      ),
    })),
  };
}

interface Run {
  status: number | null;
  wallMs: number;
  maxRssKb: number;
  stdout: string;
}

function runGate(args: string[], env: Record<string, string>): Promise<Run> {
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        "-e",
        `process.on("exit",()=>process.stderr.write("\\nmaxRSS "+process.resourceUsage().maxRSS+"\\n"));require(${JSON.stringify(path.join(ROOT, "dist/gate/cli.js"))})`,
        "--",
        "lightsail-certs", // process.argv[1] under -e: the gate reads argv from index 2
        ...args,
      ],
      {
        cwd: ROOT,
        env: {
          PATH: process.env.PATH ?? "",
          HOME: os.homedir(),
          AWS_CONFIG_FILE: "/dev/null",
          AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
          ...env,
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (status) => {
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      const maxRssKb = Number(/maxRSS (\d+)/.exec(stderr)?.[1] ?? NaN);
      resolve({ status, wallMs, maxRssKb, stdout });
    });
  });
}

async function main(): Promise<void> {
  const n = flag("--accounts", 50);
  const latencyMs = flag("--latency-ms", 50);
  const concurrency = flag("--concurrency", 20);
  const emulator = await startEmulator({ fixtures: fixtures(n), latencyMs, log: () => undefined });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-accounts-"));
  try {
    const rows: string[] = [];
    for (const size of [...new Set([10, 25, n])].filter((s) => s <= n)) {
      const file = path.join(dir, `accounts-${size}.json`);
      fs.writeFileSync(
        file,
        JSON.stringify({ accounts: Array.from({ length: size }, (_, i) => ({ roleArn: roleArn(i) })) }),
      );
      emulator.resetCalls();
      const run = await runGate(
        ["check", "--accounts", file, "--all-regions", "--concurrency", String(concurrency), "--json"],
        emulator.env(),
      );
      const calls = emulator.calls();
      const scans = calls.filter((c) => c.operation === "GetCertificates");
      const assumes = calls.filter((c) => c.operation === "AssumeRole");
      const slowest = Math.max(...scans.map((c) => c.durationMs));
      const minimum = size + size * LIGHTSAIL_REGIONS.length;
      const report = JSON.parse(run.stdout) as { coverage: unknown; summary: { total: number } };
      rows.push(
        `| ${size} x ${LIGHTSAIL_REGIONS.length} | ${run.status} | ${run.wallMs.toFixed(0)} ms | ${slowest} ms | ` +
          `${(run.wallMs / slowest).toFixed(1)} | ${assumes.length} + ${scans.length} = ${calls.length} | ${minimum} | ` +
          `${(run.maxRssKb / 1024).toFixed(0)} MiB | ${report.summary.total} |`,
      );
      process.stderr.write(`[bench:accounts] ${size} accounts done: ${JSON.stringify(report.coverage)}\n`);
    }
    process.stdout.write(
      `lightsail-certs check --accounts FILE --all-regions --concurrency ${concurrency}; emulator latency ${latencyMs} ms per call; ` +
        `${os.cpus().length} CPU(s), load ${os.loadavg()[0]!.toFixed(1)}\n\n` +
        "| accounts x regions | exit | wall time | slowest single scan | wall / slowest | requests (AssumeRole + GetCertificates) | minimum | peak RSS (gate process) | certificates judged |\n" +
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n" +
        `${rows.join("\n")}\n\n` +
        `Lower bound of the wall time with ${concurrency} scans at once: ceil(scans / ${concurrency}) x latency ` +
        `(${Math.ceil((n * LIGHTSAIL_REGIONS.length) / concurrency)} x ${latencyMs} ms = ${Math.ceil((n * LIGHTSAIL_REGIONS.length) / concurrency) * latencyMs} ms for ${n} accounts), plus one AssumeRole round per ${concurrency} accounts.\n`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    await emulator.stop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:accounts: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
