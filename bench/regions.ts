/**
 * Case 2: reading R regions at once, against the slowest of those regions read alone. Two
 * callers: the public `getCertificates`, called for every region at once (what a program does),
 * and the gate's `scanRegions` (bounded concurrency). The emulator serves each region from the
 * request's SigV4 scope, so one emulator serves them all.
 */
import * as path from "node:path";
import { REPO_ROOT } from "./child";
import type { BenchEmulator } from "./emulator";
import type { FixtureSpec } from "./fixtures";
import { interleaved, median, medianRatio, timed } from "./stats";

type PackageModule = typeof import("../index");
type ProviderModule = typeof import("../provider/pack-entry");
type GateScanModule = typeof import("../gate/scan");

/** Settings of case 2. */
export interface RegionGrid {
  /** R: how many regions are read at once (the first R of the package's region list). */
  regionCounts: number[];
  /** Certificates in every region. */
  perRegion: number;
  /** Page size. */
  pageSize: number;
  /** Round-trip latency. */
  latencyMs: number;
  /** Runs. */
  runs: number;
}

/** The settings of `npm run bench`. */
export const FULL_REGION_GRID: RegionGrid = {
  regionCounts: [1, 4, 19],
  perRegion: 100,
  pageSize: 10,
  latencyMs: 20,
  runs: 5,
};

/** The settings of `--quick`. */
export const QUICK_REGION_GRID: RegionGrid = {
  regionCounts: [1, 4],
  perRegion: 20,
  pageSize: 10,
  latencyMs: 20,
  runs: 1,
};

/** One R, one caller. */
export interface RegionRow {
  /** `getCertificates` (all regions at once) or `gate scanRegions` (bounded). */
  caller: string;
  regions: number;
  /** Median wall time of reading the R regions at once. */
  medianMs: number;
  /** Median CPU time this process used meanwhile (every thread). */
  cpuMs: number;
  /** Median over runs of the slowest single-region time among those R regions. */
  slowestSingleMs: number;
  /** Median over runs of (R regions at once) / (slowest single region in the same run). */
  ratio: number;
  /** Requests per run (R x ceil(N/P) expected). */
  requests: number;
  /** Regions read at once by this caller. */
  concurrency: number | "all";
}

/** The regions case 2 reads, in order. */
export function benchRegions(): readonly string[] {
  const { LIGHTSAIL_REGIONS } = require("pulumi-lightsail-certificates") as PackageModule;
  return LIGHTSAIL_REGIONS;
}

/** The fixtures of case 2: `perRegion` certificates in each of the largest R's regions. */
export function regionFixtures(grid: RegionGrid): FixtureSpec {
  const count = Math.max(...grid.regionCounts);
  return {
    regions: benchRegions()
      .slice(0, count)
      .map((region) => ({ region, count: grid.perRegion })),
  };
}

function loadGateScan(): GateScanModule | undefined {
  try {
    return require(path.join(REPO_ROOT, "dist", "gate", "scan.js")) as GateScanModule;
  } catch {
    return undefined;
  }
}

/** Runs case 2 against `emulator` (serving {@link regionFixtures}). */
export async function runRegionBench(
  emulator: BenchEmulator,
  grid: RegionGrid,
  log: (line: string) => void = () => undefined,
): Promise<{ rows: RegionRow[]; notes: string[] }> {
  await emulator.configure({ pageSize: grid.pageSize, latencyMs: grid.latencyMs });
  const pkg = require("pulumi-lightsail-certificates") as PackageModule;
  const provider = require("pulumi-lightsail-certificates/internal/pack") as ProviderModule;
  const gate = loadGateScan();
  const notes: string[] = [];
  if (!gate) notes.push("gate: dist/gate/scan.js could not be loaded; only getCertificates was measured.");
  const regions = benchRegions().slice(0, Math.max(...grid.regionCounts));

  const viaFunctions = async (list: readonly string[]) => {
    pkg.resetLookupCache();
    const results = await Promise.all(list.map((region) => pkg.getCertificates({ region })));
    for (const r of results) {
      if (r.certificates.length !== grid.perRegion)
        throw new Error(`${r.region}: ${r.certificates.length} certificates`);
    }
  };
  const viaGate = (concurrency: number) => async (list: readonly string[]) => {
    const scans = await gate!.scanRegions(provider.createLookupContext(), list, ["ISSUED"], concurrency);
    for (const s of scans) {
      if (!s.ok) throw s.error;
      if (s.certificates.length !== grid.perRegion)
        throw new Error(`${s.region}: ${s.certificates.length} certificates`);
    }
  };
  const callers: Array<{
    caller: string;
    run: (l: readonly string[]) => Promise<void>;
    concurrency: number | "all";
  }> = [{ caller: "getCertificates", run: viaFunctions, concurrency: "all" }];
  if (gate) {
    const bound = gate.DEFAULT_CONCURRENCY;
    callers.push({ caller: "gate scanRegions", run: viaGate(bound), concurrency: bound });
    // What the gate would do with one slot per region (a scan is sequential, so at most one
    // request per region is in flight): the fix proposed when the default bound is lower.
    const all = regions.length;
    if (bound < all) {
      callers.push({ caller: `gate scanRegions, concurrency ${all}`, run: viaGate(all), concurrency: all });
    }
  }

  await viaFunctions(regions.slice(0, 1)); // warm-up
  await emulator.takeCalls();
  const single = new Map<string, number[]>(regions.map((r) => [r, []]));
  const multi = new Map<string, number[]>();
  const multiCpu = new Map<string, number[]>();
  const requests = new Map<string, number>();
  for (let run = 0; run < grid.runs; run++) {
    const tasks: Array<{
      key: string;
      list: readonly string[];
      fn: (l: readonly string[]) => Promise<void>;
    }> = [];
    for (const region of regions) tasks.push({ key: `single:${region}`, list: [region], fn: viaFunctions });
    for (const r of grid.regionCounts) {
      for (const c of callers) tasks.push({ key: `${c.caller}:${r}`, list: regions.slice(0, r), fn: c.run });
    }
    for (const task of interleaved(tasks, run)) {
      const { ms, cpuMs } = await timed(() => task.fn(task.list));
      requests.set(task.key, (await emulator.takeCalls()).requests);
      if (task.key.startsWith("single:")) single.get(task.list[0])!.push(ms);
      else {
        multi.set(task.key, [...(multi.get(task.key) ?? []), ms]);
        multiCpu.set(task.key, [...(multiCpu.get(task.key) ?? []), cpuMs]);
      }
    }
    log(`regions: run ${run + 1}/${grid.runs} done`);
  }

  const rows: RegionRow[] = [];
  for (const c of callers) {
    for (const r of grid.regionCounts) {
      const key = `${c.caller}:${r}`;
      const wall = multi.get(key)!;
      const slowest = wall.map((_, run) =>
        Math.max(...regions.slice(0, r).map((region) => single.get(region)![run])),
      );
      rows.push({
        caller: c.caller,
        regions: r,
        medianMs: median(wall),
        cpuMs: median(multiCpu.get(key)!),
        slowestSingleMs: median(slowest),
        ratio: medianRatio(wall, slowest),
        requests: requests.get(key)!,
        concurrency: c.concurrency,
      });
    }
  }
  return { rows, notes };
}
