/**
 * The targets of the issue judged against the figures of one run: each one met, MISSED (with the
 * evidence from the same run that explains it) or not measured (with why).
 */
import type { BenchResults } from "./bench-results";
import { judgePluginTargets } from "./plugin-report";
import { formatMiB, formatMs, formatRatio } from "./stats";

/** A target of the issue, judged. */
export interface TargetResult {
  target: string;
  /** The measured figure(s). */
  measured: string;
  status: "met" | "MISSED" | "not measured";
  /** Evidence from the same run that explains a miss (or a caveat). */
  note?: string;
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
  if (r.accounts?.length) {
    const rows = r.accounts;
    const last = rows[rows.length - 1];
    const first = rows[0];
    out.push({
      target: "Accounts: requests = the minimum (one AssumeRole per account, one page per account x region)",
      measured: rows.map((row) => `${row.accounts}: ${row.requests}/${row.minimumRequests}`).join("; "),
      status: verdict(rows.every((row) => row.requests === row.minimumRequests && row.exit === 0)),
      note:
        `${last.accounts} accounts: wall ${formatMs(last.wallMs)} = ${formatRatio(last.wallMs / last.slowestScanMs)} the slowest ` +
        `single scan, ${formatRatio(last.wallMs / last.lowerBoundMs)} the bound of ${formatMs(last.lowerBoundMs)}; peak RSS ` +
        `${formatMiB(last.peakRssBytes)} = ${formatRatio(last.peakRssBytes / first.peakRssBytes)} that at ${first.accounts} accounts`,
    });
  }
  if (r.plugin) out.push(...judgePluginTargets(r.plugin));
  return out;
}
