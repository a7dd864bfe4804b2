/**
 * The benchmark report as Markdown, printed by `npm run bench` and kept in bench/RESULTS.md: the
 * machine, the judged targets (bench/targets.ts) and one table per case.
 */
import { accountsTable } from "./accounts";
import type { LookupRow } from "./lookups";
import type { BenchResults } from "./bench-results";
import { formatMiB, formatMs, formatRatio } from "./stats";
import { pluginTable } from "./plugin-report";

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

function requestsCell(v: LookupRow["pkg"]): string {
  // NaN (not measured) is stored as null in last-run.json.
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
  if (r.accounts?.length) {
    const a = r.accounts[0];
    parts.push(
      `### 6. The gate over many accounts: \`check --accounts FILE --all-regions --concurrency ${a.concurrency}\`, ${a.latencyMs} ms per call`,
    );
    parts.push(
      "Each account holds a role and one certificate in each region. slowest = the slowest single account x region " +
        "scan of the same run; bound = ceil(scans / concurrency) x latency; minimum = one AssumeRole per account and " +
        "one GetCertificates page per account x region.",
    );
    parts.push(accountsTable(r.accounts).trimEnd());
  }
  if (r.plugin) {
    parts.push("### 7. Preview through the plugin and the dynamic provider (issue 19)");
    parts.push(pluginTable(r.plugin).join("\n"));
  }
  for (const s of r.skipped) parts.push(`Skipped: ${s}`);
  return `${parts.filter((p) => p !== "").join("\n\n")}\n`;
}
