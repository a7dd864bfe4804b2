/**
 * The benchmark report: the targets of the issue judged against the measured figures, and the
 * Markdown tables printed by `npm run bench` and kept in bench/RESULTS.md.
 */
import * as os from "node:os";
import type { LookupRow } from "./lookups";
import type { MemoryRow } from "./memory";
import type { PreviewRow } from "./preview";
import type { RegionRow } from "./regions";
import type { SerializationResult } from "./serialization";
import type { StartupResult } from "./startup";
import { formatMiB, formatMs, formatRatio } from "./stats";

/** The machine the figures come from. */
export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryBytes: number;
  node: string;
  os: string;
  /** 1-minute load average when the run started and when it ended. */
  loadAtStart: number;
  loadAtEnd?: number;
  date: string;
}

/** Everything one run of the benchmarks measured (bench/results.json). */
export interface BenchResults {
  mode: "full" | "quick";
  machine: Machine;
  durationMs?: number;
  lookups?: LookupRow[];
  regions?: RegionRow[];
  regionNotes?: string[];
  memory?: MemoryRow[];
  startup?: StartupResult;
  serialization?: SerializationResult;
  preview?: PreviewRow[];
  /** Cases not run, with why. */
  skipped: string[];
  targets?: TargetResult[];
}

/** A target of the issue, judged. */
export interface TargetResult {
  target: string;
  /** The measured figure(s). */
  measured: string;
  status: "met" | "MISSED" | "not measured";
  /** Evidence from the same run that explains a miss (or a caveat). */
  note?: string;
}

/** Describes this machine now. */
export function describeMachine(): Machine {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? "unknown",
    memoryBytes: os.totalmem(),
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAtStart: os.loadavg()[0],
    date: new Date().toISOString(),
  };
}

const verdict = (ok: boolean): TargetResult["status"] => (ok ? "met" : "MISSED");

/** Judges the targets of the issue against `r`. */
export function judgeTargets(r: BenchResults): TargetResult[] {
  const out: TargetResult[] = [];
  const notMeasured = (target: string, why: string) =>
    out.push({ target, measured: "-", status: "not measured", note: why });

  if (r.lookups) {
    const measured = r.lookups.filter((row) => row.pkg.measured || row.baseline.measured);
    const bad = measured.filter((row) => !row.requestsAsExpected);
    out.push({
      target: "Requests: exactly ceil(N/P) per region for any K; the baseline K times that",
      measured: `${measured.length - bad.length} of ${measured.length} cells as expected`,
      status: verdict(bad.length === 0),
      note: bad.length
        ? `differs at ${bad.map((b) => `N=${b.n} P=${b.p} K=${b.k} ${b.mix} (package ${b.pkg.requests}, baseline ${b.baseline.requests})`).join("; ")}`
        : undefined,
    });
    const cell = r.lookups.find(
      (row) => row.n === 1000 && row.p === 100 && row.k === 50 && row.mix === "domain",
    );
    if (cell && cell.latencyMs === 20) {
      const mixed = r.lookups.find(
        (row) => row.n === 1000 && row.p === 100 && row.k === 50 && row.mix === "mixed",
      );
      const worst = Math.max(cell.pkgToLimit, mixed?.pkgToLimit ?? 0);
      out.push({
        target: "Wall time of 50 lookups <= 1.3x the limit (N=1000, P=100, 20 ms)",
        measured:
          `${formatMs(cell.pkg.medianMs)} = ${formatRatio(cell.pkgToLimit)} the limit (${formatMs(cell.limitMs)})` +
          (mixed ? `; mixed ${formatRatio(mixed.pkgToLimit)}` : ""),
        status: verdict(worst <= 1.3),
        note:
          `one naive scan alone (the floor of any client) takes ${formatMs(cell.floorMs)} = ` +
          `${formatRatio(cell.floorMs / cell.limitMs)} the limit; the 50 lookups take ${formatRatio(cell.pkgToFloor)} the floor. ` +
          `Per page: ${cell.latencyMs} ms latency + ${formatMs(cell.pkg.serverMsPerRequest)} in the emulator + ` +
          `${formatMs(cell.pkg.cpuMsPerRequest)} of client CPU (all threads)`,
      });
    } else
      notMeasured(
        "Wall time of 50 lookups <= 1.3x the limit (N=1000, P=100, 20 ms)",
        "not in this run's grid",
      );
  }

  if (r.regions) {
    const whatIf = (caller: string) => caller.includes("concurrency");
    for (const caller of [...new Set(r.regions.map((row) => row.caller))].filter((c) => !whatIf(c))) {
      const row = r.regions.find((x) => x.caller === caller && x.regions === 19);
      const target = `19 regions <= 1.5x the slowest single region (${caller})`;
      if (!row) {
        notMeasured(target, "R = 19 not in this run's grid");
        continue;
      }
      const alternative = r.regions.find(
        (x) => whatIf(x.caller) && x.caller.startsWith(caller) && x.regions === 19,
      );
      out.push({
        target,
        measured: `${formatMs(row.medianMs)} = ${formatRatio(row.ratio)} the slowest single region (${formatMs(row.slowestSingleMs)})`,
        status: verdict(row.ratio <= 1.5),
        note:
          (row.concurrency === "all"
            ? "every region's scan starts at once"
            : `reads at most ${row.concurrency} regions at once: ${Math.ceil(19 / row.concurrency)} rounds for 19 regions`) +
          `; client CPU ${formatMs(row.cpuMs)} (all threads) during the ${formatMs(row.medianMs)}, ${row.requests} requests` +
          (alternative ? `; with ${alternative.concurrency} at once: ${formatRatio(alternative.ratio)}` : ""),
      });
    }
  }

  if (r.memory) {
    const row = r.memory.find((m) => m.pkgVariant === "package");
    const pub = r.memory.find((m) => m.pkgVariant === "package-public");
    const target = "Peak RSS at N=10000: <= 1.5x the baseline's and < 200 MB";
    if (row && row.n === 10_000) {
      out.push({
        target,
        measured:
          `${formatMiB(row.pkgMaxRss)} = ${formatRatio(row.ratio)} the baseline (${formatMiB(row.baselineMaxRss)})` +
          (pub ? `; with @pulumi/pulumi ${formatMiB(pub.pkgMaxRss)} = ${formatRatio(pub.ratio)}` : ""),
        status: verdict(
          row.ratio <= 1.5 &&
            row.pkgMaxRss < 200 * 1024 * 1024 &&
            (!pub || pub.pkgMaxRss < 200 * 1024 * 1024),
        ),
      });
    } else notMeasured(target, `N = ${row?.n ?? "?"} in this run`);
  }

  if (r.startup) {
    const s = r.startup;
    out.push({
      target: "require of the package <= 1.3x @pulumi/pulumi alone",
      measured: `${formatMs(s.medianMs.pkg)} vs ${formatMs(s.medianMs.pulumi)} = ${formatRatio(s.ratio)}`,
      status: verdict(s.ratio <= 1.3),
      note: `AWS SDK modules loaded by the require: ${s.awsSdkModulesLoaded}; the provider entry alone: ${formatMs(s.medianMs.provider)}`,
    });
  }

  if (r.serialization) {
    const s = r.serialization;
    out.push({
      target: "Serialized provider < 4 KB",
      measured: `${s.bytes.toLocaleString("en-US")} bytes`,
      status: verdict(s.bytes < 4096),
    });
    out.push({
      target: "Serializing the provider < 100 ms once per program",
      measured: `${formatMs(s.firstMs)} (first lookup); ${formatMs(s.secondMs)} for each further one`,
      status: verdict(s.firstMs < 100),
      note:
        `a trivial dynamic provider takes ${formatMs(s.trivialFirstMs)} in the same runs: the first use of ` +
        "@pulumi/pulumi's closure serializer in a process, whatever the provider",
    });
  }

  if (r.preview) {
    const ref = r.preview[0];
    const find = (kind: string, count: number) =>
      r.preview!.find((p) => p.kind === kind && p.count === count);
    const row = find("lookups", 50);
    const target = "Preview with 50 lookups <= 2x the same stack with none";
    if (row && ref.kind === "lookups" && ref.count === 0) {
      const ten = find("lookups", 10);
      const trivial = find("trivial", 50);
      const notes: string[] = [];
      if (ten)
        notes.push(
          `10 lookups: ${formatRatio(ten.ratio)}; each lookup from 10 to 50 adds ${formatMs((row.medianMs - ten.medianMs) / 40)}`,
        );
      if (trivial) notes.push(`50 dynamic resources that do nothing: ${formatRatio(trivial.ratio)}`);
      out.push({
        target,
        measured: `${formatMs(row.medianMs)} vs ${formatMs(ref.medianMs)} = ${formatRatio(row.ratio)}`,
        status: verdict(row.ratio <= 2),
        note: notes.join("; ") || undefined,
      });
    } else notMeasured(target, "50 lookups not in this run's grid");
  } else if (r.skipped.some((s) => s.startsWith("preview"))) {
    notMeasured("Preview with 50 lookups <= 2x the same stack with none", "engine case skipped");
  }
  return out;
}

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

function requestsCell(v: LookupRow["pkg"]): string {
  // NaN (not measured) is stored as null in results.json.
  if (typeof v.requests !== "number" || !Number.isFinite(v.requests)) return "-";
  const n = v.requests.toLocaleString("en-US");
  if (v.requestsExtrapolated) return `${n} (extrapolated)`;
  return v.requestsVary ? `${n} (varied)` : n;
}

/** The report as Markdown: machine, targets, one table per case. */
export function renderReport(r: BenchResults): string {
  const m = r.machine;
  const parts: string[] = [];
  parts.push(
    `Machine: ${m.cpus} x ${m.cpuModel}, ${(m.memoryBytes / 1024 ** 3).toFixed(1)} GB memory, Node ${m.node}, ${m.os}; ` +
      `load average ${m.loadAtStart.toFixed(1)} at start${m.loadAtEnd !== undefined ? `, ${m.loadAtEnd.toFixed(1)} at end` : ""}. ` +
      `Date: ${m.date}. Mode: ${r.mode}${r.durationMs ? `, ${(r.durationMs / 60_000).toFixed(1)} min` : ""}.`,
  );
  if (r.targets) {
    parts.push("### Targets");
    parts.push(
      table(
        ["target", "measured", "status", "note"],
        r.targets.map((t) => [
          t.target,
          t.measured,
          t.status === "MISSED" ? "**MISSED**" : t.status,
          t.note ?? "",
        ]),
      ),
    );
  }
  if (r.lookups) {
    const latency = r.lookups[0]?.latencyMs ?? 0;
    parts.push(`### 1. K concurrent lookups over N certificates, P per page, ${latency} ms round trip`);
    parts.push(
      "limit = ceil(N/P) x latency. floor = one naive scan alone (the baseline with K = 1): the least any client " +
        "takes once the SDK and the emulator do their per-page work. Ratios are medians of same-run ratios. " +
        "mixed = alternately by domain and by name, domain first.",
    );
    parts.push(
      table(
        [
          "N",
          "P",
          "K",
          "mix",
          "limit",
          "floor",
          "package req",
          "package",
          "pkg/limit",
          "pkg/floor",
          "baseline req",
          "baseline",
          "pkg/baseline",
        ],
        r.lookups.map((row) => [
          row.n.toLocaleString("en-US"),
          String(row.p),
          String(row.k),
          row.mix,
          formatMs(row.limitMs),
          formatMs(row.floorMs),
          requestsCell(row.pkg),
          row.pkg.measured ? formatMs(row.pkg.medianMs) : "not run",
          row.pkg.measured ? formatRatio(row.pkgToLimit) : "-",
          formatRatio(row.pkgToFloor),
          requestsCell(row.baseline),
          row.baseline.measured ? formatMs(row.baseline.medianMs) : "not run",
          formatRatio(row.pkgToBaseline),
        ]),
      ),
    );
    const unrun = r.lookups.filter((row) => !row.baseline.measured || !row.pkg.measured);
    if (unrun.length > 0) {
      parts.push(
        "Not run: the baseline where K x ceil(N/P) > 2,000 requests or K x N > 50,000 certificates (there its request " +
          "count is K x the count measured with K = 1, marked extrapolated; its wall time is not extrapolated, since K " +
          "concurrent scans of that size are CPU-bound rather than latency-bound), and everything at N = 10,000, P = 10 " +
          "(a 20 s limit) but K = 50 by domain for the package (one shared scan whatever K is): the baseline there would " +
          "make 1,000 sequential requests per lookup, K x 1,000 in all (one request per page, as measured at every other cell).",
      );
    }
  }
  if (r.regions) {
    parts.push("### 2. Regions read at once");
    const first = r.regions[0];
    parts.push(
      first
        ? "Each region holds the same certificates; slowest single = the slowest of those R regions read alone in the " +
            "same run. Client CPU = CPU time of the measuring process meanwhile (every thread): near the wall time, the " +
            "client is CPU-bound. A row with a concurrency in its name is a what-if of a gate setting, not judged."
        : "",
    );
    parts.push(
      table(
        ["caller", "regions at once", "R", "requests", "wall", "client CPU", "slowest single", "ratio"],
        r.regions.map((row) => [
          row.caller,
          String(row.concurrency),
          String(row.regions),
          row.requests.toLocaleString("en-US"),
          formatMs(row.medianMs),
          formatMs(row.cpuMs),
          formatMs(row.slowestSingleMs),
          formatRatio(row.ratio),
        ]),
      ),
    );
    for (const note of r.regionNotes ?? []) parts.push(`Note: ${note}`);
  }
  if (r.memory) {
    parts.push("### 3. Peak RSS of one lookup in a fresh process");
    parts.push(
      table(
        ["compared", "N", "package", "baseline", "ratio"],
        r.memory.map((row) => [
          `${row.label} (${row.pkgVariant} / ${row.baselineVariant})`,
          row.n.toLocaleString("en-US"),
          formatMiB(row.pkgMaxRss),
          formatMiB(row.baselineMaxRss),
          formatRatio(row.ratio),
        ]),
      ),
    );
  }
  if (r.startup) {
    const s = r.startup;
    parts.push(`### 4. require in a fresh node process (median of ${s.runs})`);
    parts.push(
      table(
        ["module", "require", "process (spawn to exit)"],
        [
          ["@pulumi/pulumi", formatMs(s.medianMs.pulumi), formatMs(s.processMs.pulumi)],
          ["pulumi-lightsail-certificates", formatMs(s.medianMs.pkg), formatMs(s.processMs.pkg)],
          [
            "pulumi-lightsail-certificates/provider",
            formatMs(s.medianMs.provider),
            formatMs(s.processMs.provider),
          ],
          ["package / @pulumi/pulumi", formatRatio(s.ratio), ""],
        ],
      ),
    );
  }
  if (r.serialization || r.preview) parts.push("### 5. The dynamic provider");
  if (r.serialization) {
    const s = r.serialization;
    parts.push(
      table(
        ["provider", "__provider size", "first lookup (serializes)", "each further lookup"],
        [
          [
            "CertificateLookup",
            `${s.bytes.toLocaleString("en-US")} B`,
            formatMs(s.firstMs),
            formatMs(s.secondMs),
          ],
          [
            "trivial dynamic provider",
            `${s.trivialBytes.toLocaleString("en-US")} B`,
            formatMs(s.trivialFirstMs),
            formatMs(s.trivialSecondMs),
          ],
        ],
      ),
    );
  }
  if (r.preview) {
    parts.push("`pulumi preview` of an up-to-date stack, real engine, against the emulator:");
    parts.push(
      table(
        ["stack", "preview", "ratio to none", "GetCertificates per preview", "first `pulumi up`"],
        r.preview.map((row) => [
          row.kind === "lookups"
            ? `${row.count} CertificateLookups`
            : `${row.count} dynamic resources that do nothing`,
          formatMs(row.medianMs),
          formatRatio(row.ratio),
          String(row.requests),
          formatMs(row.upMs),
        ]),
      ),
    );
  }
  for (const s of r.skipped) parts.push(`Skipped: ${s}`);
  return `${parts.filter((p) => p !== "").join("\n\n")}\n`;
}
