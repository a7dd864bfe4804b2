/**
 * The gate over many accounts (issue 21): case 6 of `npm run bench` (bench/run.ts), and alone
 * `npm run bench:accounts [-- --accounts 50 --latency-ms 50 --concurrency 20]`. An emulator (in this process) serves N member accounts, each with a role and one
 * certificate in every one of the 19 regions, every call delayed by the latency; the real
 * `lightsail-certs check --accounts FILE --all-regions` runs as a child process (built
 * `dist/gate/cli.js`). Reported, from the same run: wall time against the slowest single
 * account x region scan (the emulator's call log), requests against the minimum (one
 * AssumeRole per account, one GetCertificates page per account x region), and the child's peak
 * RSS at 10, 25 and N accounts (flat: what grows is the report, not the clients). Alone, it
 * prints its table and writes nothing.
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

/** The sizes and settings of one accounts run. */
export interface AccountsGrid {
  /** Account counts measured, in order (each a fresh gate process). */
  sizes: number[];
  latencyMs: number;
  concurrency: number;
}

/** The full grid: 10, 25 and 50 accounts x 19 regions, 50 ms per call, 20 scans at once. */
export const FULL_ACCOUNTS_GRID: AccountsGrid = { sizes: [10, 25, 50], latencyMs: 50, concurrency: 20 };
/** The quick grid (a smoke test). */
export const QUICK_ACCOUNTS_GRID: AccountsGrid = { sizes: [2, 5], latencyMs: 10, concurrency: 20 };

/** One gate run over `accounts` accounts x every region, with its ratios from the same run. */
export interface AccountsRow {
  accounts: number;
  regions: number;
  latencyMs: number;
  concurrency: number;
  exit: number | null;
  wallMs: number;
  /** The slowest single account x region scan of this run (the emulator's call log). */
  slowestScanMs: number;
  /** ceil(scans / concurrency) x latency: the least any client with that concurrency takes. */
  lowerBoundMs: number;
  assumeRoles: number;
  scans: number;
  requests: number;
  /** One AssumeRole per account and one GetCertificates page per account x region. */
  minimumRequests: number;
  peakRssBytes: number;
  certificates: number;
}

/** Runs the gate over each size of `grid` against a fresh in-process emulator with latency. */
export async function runAccountsBench(
  grid: AccountsGrid,
  log: (line: string) => void,
): Promise<AccountsRow[]> {
  const largest = Math.max(...grid.sizes);
  const emulator = await startEmulator({
    fixtures: fixtures(largest),
    latencyMs: grid.latencyMs,
    log: () => undefined,
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-accounts-"));
  const regions = LIGHTSAIL_REGIONS.length;
  try {
    const rows: AccountsRow[] = [];
    for (const size of grid.sizes) {
      const file = path.join(dir, `accounts-${size}.json`);
      const accounts = Array.from({ length: size }, (_, i) => ({ roleArn: roleArn(i) }));
      fs.writeFileSync(file, JSON.stringify({ accounts }));
      emulator.resetCalls();
      const args = ["check", "--accounts", file, "--all-regions", "--concurrency", String(grid.concurrency)];
      const run = await runGate([...args, "--json"], emulator.env());
      const calls = emulator.calls();
      const scans = calls.filter((c) => c.operation === "GetCertificates");
      const report = JSON.parse(run.stdout) as { summary: { total: number } };
      rows.push({
        accounts: size,
        regions,
        latencyMs: grid.latencyMs,
        concurrency: grid.concurrency,
        exit: run.status,
        wallMs: run.wallMs,
        slowestScanMs: Math.max(...scans.map((c) => c.durationMs)),
        lowerBoundMs: Math.ceil((size * regions) / grid.concurrency) * grid.latencyMs,
        assumeRoles: calls.filter((c) => c.operation === "AssumeRole").length,
        scans: scans.length,
        requests: calls.length,
        minimumRequests: size + size * regions,
        peakRssBytes: run.maxRssKb * 1024,
        certificates: report.summary.total,
      });
      log(`accounts: ${size} x ${regions} in ${run.wallMs.toFixed(0)} ms, ${calls.length} requests`);
    }
    return rows;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    await emulator.stop();
  }
}

/** The rows as the Markdown table `npm run bench:accounts` prints. */
export function accountsTable(rows: AccountsRow[]): string {
  const lines = rows.map(
    (r) =>
      `| ${r.accounts} x ${r.regions} | ${r.exit} | ${r.wallMs.toFixed(0)} ms | ${r.slowestScanMs} ms | ` +
      `${(r.wallMs / r.slowestScanMs).toFixed(1)} | ${r.lowerBoundMs} ms | ${(r.wallMs / r.lowerBoundMs).toFixed(2)} | ` +
      `${r.assumeRoles} + ${r.scans} = ${r.requests} | ${r.minimumRequests} | ${(r.requests / r.minimumRequests).toFixed(2)} | ` +
      `${(r.peakRssBytes / 1024 ** 2).toFixed(0)} MiB | ${r.certificates} |`,
  );
  return (
    "| accounts x regions | exit | wall time | slowest single scan | wall / slowest | lower bound | wall / bound | " +
    "requests (AssumeRole + GetCertificates) | minimum | requests / minimum | peak RSS (gate process) | certificates judged |\n" +
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n" +
    `${lines.join("\n")}\n`
  );
}

async function main(): Promise<void> {
  const n = flag("--accounts", 50);
  const grid: AccountsGrid = {
    sizes: [...new Set([10, 25, n])].filter((s) => s <= n),
    latencyMs: flag("--latency-ms", 50),
    concurrency: flag("--concurrency", 20),
  };
  const rows = await runAccountsBench(grid, (line) => process.stderr.write(`[bench:accounts] ${line}\n`));
  process.stdout.write(
    `lightsail-certs check --accounts FILE --all-regions --concurrency ${grid.concurrency}; emulator latency ` +
      `${grid.latencyMs} ms per call; ${os.cpus().length} CPU(s), load ${os.loadavg()[0]!.toFixed(1)}\n\n` +
      accountsTable(rows) +
      `\nLower bound: ceil(scans / ${grid.concurrency}) x latency (scans = accounts x ${LIGHTSAIL_REGIONS.length}), ` +
      `plus one AssumeRole round per ${grid.concurrency} accounts.\n`,
  );
}

if (require.main === module)
  main().catch((err: unknown) => {
    process.stderr.write(`bench:accounts: ${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  });
