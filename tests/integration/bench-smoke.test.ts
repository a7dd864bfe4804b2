/**
 * The core of the benchmarks' case 1 (bench/lookups.ts) at the sizes of `npm run bench -- --quick`,
 * run in-process against an in-process emulator. Request counts are deterministic, so they are
 * asserted: this package reads each page once whatever K is, the naive baseline K times. Timings
 * are never asserted (the engine case is not run here). The rows are then judged and rendered as
 * `npm run bench` does.
 */
import { strict as assert } from "node:assert";
import { applyEnv, startInlineEmulator, type BenchEmulator } from "../../bench/emulator";
import { lookupFixtures, QUICK_LOOKUP_GRID, runLookupBench, type LookupRow } from "../../bench/lookups";
import { renderReport } from "../../bench/report";
import { describeMachine, type BenchResults } from "../../bench/bench-results";
import { judgeTargets } from "../../bench/targets";

describe("benchmarks: lookups at --quick sizes", function () {
  this.timeout(120_000);
  let emulator: BenchEmulator | undefined;
  let restoreEnv: (() => void) | undefined;
  let rows: LookupRow[] = [];

  before(async function () {
    emulator = await startInlineEmulator();
    restoreEnv = applyEnv(emulator.env());
    await emulator.load(lookupFixtures(QUICK_LOOKUP_GRID));
    rows = await runLookupBench(emulator, QUICK_LOOKUP_GRID);
  });
  after(async () => {
    restoreEnv?.();
    await emulator?.stop();
  });

  const describeRow = (r: LookupRow) => `N=${r.n} P=${r.p} K=${r.k} ${r.mix}`;

  it("measures every cell of the quick grid, both variants", () => {
    const { sizes, pageSizes, ks, mixes } = QUICK_LOOKUP_GRID;
    const expected =
      sizes.length * pageSizes.length * ks.reduce((sum, k) => sum + (k === 1 ? 1 : mixes.length), 0);
    assert.equal(rows.length, expected, rows.map(describeRow).join(", "));
    for (const row of rows) {
      assert.ok(row.pkg.measured && row.baseline.measured, `${describeRow(row)} was not measured`);
      assert.equal(row.pkg.wallMs.length, QUICK_LOOKUP_GRID.runs, describeRow(row));
      assert.equal(row.baseline.wallMs.length, QUICK_LOOKUP_GRID.runs, describeRow(row));
    }
  });

  it("this package makes exactly ceil(N/P) requests for any K and mix", () => {
    for (const row of rows) {
      assert.equal(row.pkg.requests, Math.ceil(row.n / row.p), describeRow(row));
      assert.equal(row.pkg.requestsVary, undefined, describeRow(row));
    }
  });

  it("the naive baseline makes K x ceil(N/P) requests", () => {
    for (const row of rows) {
      assert.equal(row.baseline.requests, row.k * Math.ceil(row.n / row.p), describeRow(row));
      assert.equal(row.baseline.requestsExtrapolated, undefined, describeRow(row));
    }
  });

  it("judges every cell's requests as expected", () => {
    assert.deepEqual(rows.filter((r) => !r.requestsAsExpected).map(describeRow), []);
  });

  it("judges the requests target met and renders one table row per cell", () => {
    const results: BenchResults = { mode: "quick", machine: describeMachine(), lookups: rows, skipped: [] };
    results.targets = judgeTargets(results);
    const requests = results.targets.find((t) => t.target.startsWith("Requests:"));
    assert.equal(requests?.status, "met");
    assert.equal(requests?.measured, `${rows.length} of ${rows.length} cells as expected`);
    const report = renderReport(results);
    assert.match(report, /^Machine: \d+ x .*Mode: quick\./);
    assert.match(report, /### Targets\n\n\| target \| measured \| status \| note \|/);
    const cells = report
      .split("\n")
      .filter((line) => /^\| [\d,]+ \| \d+ \| \d+ \| (domain|mixed) \|/.test(line));
    assert.equal(cells.length, rows.length);
  });
});
