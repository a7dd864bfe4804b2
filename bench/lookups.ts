/**
 * Case 1: K concurrent lookups over N certificates in one region, P per page, with round-trip
 * latency: requests and wall time of this package, of the naive baseline (bench/baseline.ts),
 * and the physical limit ceil(N/P) x latency (every page read once, one after the other).
 */
import { LightsailClient } from "@aws-sdk/client-lightsail";
import type { LightsailClient as ProviderClient } from "@aws-sdk/client-lightsail";
import { naiveFindCertificate, type NaiveQuery } from "./baseline";
import type { BenchEmulator } from "./emulator";
import { benchDomain, benchName, type FixtureSpec } from "./fixtures";
import { interleaved, median, medianRatio, timed } from "./stats";

type ProviderModule = typeof import("../provider/pack-entry");

/** Which lookups a cell makes: all by domain, or alternating domain / name (domain first). */
export type LookupMix = "domain" | "mixed";

/** The grid of case 1. */
export interface LookupGrid {
  /** Certificates in the region (N). */
  sizes: number[];
  /** Page sizes (P). */
  pageSizes: number[];
  /** Concurrent lookups (K). */
  ks: number[];
  /** Mixes measured for K > 1 (K = 1 is a domain lookup). */
  mixes: LookupMix[];
  /** Round-trip latency. */
  latencyMs: number;
  /** Runs of a cell whose limit is under 1 s. */
  runs: number;
  /** Runs of a cell whose limit is 1 s or more. */
  slowRuns: number;
  /**
   * The baseline is measured only where K x ceil(N/P) is at most this many requests and K x N
   * at most `baselineMaxCertificates`; elsewhere its request count is K x the count measured
   * with K = 1 (labelled extrapolated) and its wall time is not given.
   */
  baselineMaxRequests: number;
  /** See `baselineMaxRequests`. */
  baselineMaxCertificates: number;
  /**
   * Where the limit exceeds this (ms), only K = max by domain is run, for the package alone
   * (one shared scan whatever K is); the baseline is not run there.
   */
  fullGridMaxLimitMs: number;
}

/** The grid of `npm run bench`. */
export const FULL_LOOKUP_GRID: LookupGrid = {
  sizes: [10, 100, 1000, 10_000],
  pageSizes: [10, 100],
  ks: [1, 10, 50],
  mixes: ["domain", "mixed"],
  latencyMs: 20,
  runs: 5,
  slowRuns: 3,
  baselineMaxRequests: 2_000,
  baselineMaxCertificates: 50_000,
  fullGridMaxLimitMs: 10_000,
};

/** The grid of `npm run bench -- --quick` and of the smoke test. */
export const QUICK_LOOKUP_GRID: LookupGrid = {
  sizes: [10, 100],
  pageSizes: [10],
  ks: [1, 10],
  mixes: ["domain", "mixed"],
  latencyMs: 20,
  runs: 1,
  slowRuns: 1,
  baselineMaxRequests: 5_000,
  baselineMaxCertificates: 100_000,
  fullGridMaxLimitMs: 10_000,
};

/** Where each N lives: one region per size, so that no fixtures change between runs. */
const SIZE_REGIONS = ["us-east-2", "us-west-2", "eu-west-1", "eu-central-1", "eu-west-2", "eu-west-3"];

/** One measured variant of a cell. */
export interface VariantResult {
  /** Whether it was measured (the baseline is not measured where it would take too long). */
  measured: boolean;
  /** Requests per run, as the emulator counted them (all runs agree, else `requestsVary`). */
  requests: number;
  /** The request count is K x the K = 1 count, not measured. */
  requestsExtrapolated?: boolean;
  /** Runs disagreed on the request count (the largest is in `requests`). */
  requestsVary?: boolean;
  /** Wall time of each run, ms. */
  wallMs: number[];
  /** Median wall time, ms. */
  medianMs: number;
  /** Median CPU time of the measuring process per request (every thread), ms. */
  cpuMsPerRequest: number;
  /** Median time the emulator spent on a request beyond the injected latency, ms. */
  serverMsPerRequest: number;
}

/** One cell of the grid. */
export interface LookupRow {
  n: number;
  p: number;
  k: number;
  mix: LookupMix;
  region: string;
  latencyMs: number;
  /** ceil(N/P). */
  pages: number;
  /** ceil(N/P) x latency. */
  limitMs: number;
  pkg: VariantResult;
  baseline: VariantResult;
  /** Median over runs of package wall time / limit. */
  pkgToLimit: number;
  /** Median over runs of package wall time / baseline wall time (same run). */
  pkgToBaseline: number;
  /**
   * The floor of any client: one naive scan (the baseline with K = 1, same N and P), median ms.
   * What it takes above the limit is the per-page cost outside the lookup layer (SDK, emulator).
   */
  floorMs: number;
  /** Median over runs of package wall time / floor (same run). */
  pkgToFloor: number;
  /** The package made exactly ceil(N/P) requests and the baseline K x that. */
  requestsAsExpected: boolean;
}

interface Cell {
  n: number;
  p: number;
  k: number;
  mix: LookupMix;
  region: string;
  pages: number;
  runs: number;
  baselineMeasured: boolean;
}

interface Query {
  args: NaiveQuery & { region: string };
  expect: string;
}

/** One run of one variant. */
interface Sample {
  ms: number;
  cpuMs: number;
  requests: number;
  serverMs: number;
}

/** The K lookups of a cell: spread over the region's certificates; odd ones by name in "mixed". */
export function cellQueries(n: number, k: number, mix: LookupMix, region: string): Query[] {
  const queries: Query[] = [];
  for (let i = 0; i < k; i++) {
    const j = Math.floor(((i + 0.5) * n) / k) % n;
    const byName = mix === "mixed" && i % 2 === 1;
    const expect = benchName(region, j);
    queries.push({
      args: byName ? { name: expect, region } : { domainName: benchDomain(j), region },
      expect,
    });
  }
  return queries;
}

function loadProvider(): ProviderModule {
  return require("pulumi-lightsail-certificates/internal/pack") as ProviderModule;
}

/** Runs the K lookups of a cell with this package (a fresh lookup context: nothing cached). */
async function runPackage(cell: Cell): Promise<{ ms: number; cpuMs: number }> {
  const provider = loadProvider();
  const ctx = provider.createLookupContext({ maxPages: Math.max(500, cell.pages + 1) });
  const clients: ProviderClient[] = [];
  const clientFor = ctx.clientFor;
  ctx.clientFor = (options) => {
    const client = clientFor(options);
    if (!clients.includes(client)) clients.push(client);
    return client;
  };
  const queries = cellQueries(cell.n, cell.k, cell.mix, cell.region);
  try {
    const { ms, cpuMs, value } = await timed(() =>
      Promise.all(queries.map((q) => provider.findCertificate(ctx, q.args))),
    );
    value.forEach((cert, i) => {
      if (cert.name !== queries[i].expect)
        throw new Error(`package lookup found ${cert.name}, expected ${queries[i].expect}`);
    });
    return { ms, cpuMs };
  } finally {
    for (const client of clients) client.destroy();
  }
}

/** Runs the K lookups of a cell the naive way (one fresh client shared by the K lookups). */
async function runBaseline(cell: Cell): Promise<{ ms: number; cpuMs: number }> {
  const client = new LightsailClient({ region: cell.region });
  const queries = cellQueries(cell.n, cell.k, cell.mix, cell.region);
  try {
    const { ms, cpuMs, value } = await timed(() =>
      Promise.all(queries.map((q) => naiveFindCertificate(client, q.args as NaiveQuery))),
    );
    value.forEach((r, i) => {
      if (r.certificate.certificateName !== queries[i].expect) {
        throw new Error(
          `baseline lookup found ${r.certificate.certificateName}, expected ${queries[i].expect}`,
        );
      }
    });
    return { ms, cpuMs };
  } finally {
    client.destroy();
  }
}

/** The fixtures case 1 needs: each N in a region of its own. */
export function lookupFixtures(grid: LookupGrid): FixtureSpec {
  return { regions: grid.sizes.map((count, i) => ({ region: SIZE_REGIONS[i], count })) };
}

function cellsOf(grid: LookupGrid, p: number): Cell[] {
  const cells: Cell[] = [];
  const kMax = Math.max(...grid.ks);
  grid.sizes.forEach((n, i) => {
    const pages = Math.max(1, Math.ceil(n / p));
    const limitMs = pages * grid.latencyMs;
    for (const k of grid.ks) {
      for (const mix of k === 1 ? (["domain"] as const) : grid.mixes) {
        const slow = limitMs > grid.fullGridMaxLimitMs;
        if (slow && !(mix === "domain" && k === kMax)) continue;
        cells.push({
          n,
          p,
          k,
          mix,
          region: SIZE_REGIONS[i],
          pages,
          runs: limitMs < 1000 ? grid.runs : grid.slowRuns,
          baselineMeasured:
            !slow && k * pages <= grid.baselineMaxRequests && k * n <= grid.baselineMaxCertificates,
        });
      }
    }
  });
  return cells;
}

/**
 * Runs case 1 against `emulator` (which must serve {@link lookupFixtures}; this sets page size
 * and latency). The package and the baseline alternate within every run. Progress goes to `log`.
 */
export async function runLookupBench(
  emulator: BenchEmulator,
  grid: LookupGrid,
  log: (line: string) => void = () => undefined,
): Promise<LookupRow[]> {
  const rows: LookupRow[] = [];
  await emulator.configure({ latencyMs: grid.latencyMs });
  for (const p of grid.pageSizes) {
    await emulator.configure({ pageSize: p });
    const cells = cellsOf(grid, p);
    // Warm-up (loads the SDK, opens connections, JIT): not measured.
    await runPackage(cells[0]);
    await runBaseline(cells[0]);
    await emulator.takeCalls();
    const samples = new Map<Cell, { pkg: Sample[]; base: Sample[] }>();
    for (const cell of cells) samples.set(cell, { pkg: [], base: [] });
    const maxRuns = Math.max(...cells.map((c) => c.runs));
    for (let run = 0; run < maxRuns; run++) {
      for (const [index, cell] of cells.entries()) {
        if (run >= cell.runs) continue;
        const variants = cell.baselineMeasured ? (["pkg", "base"] as const) : (["pkg"] as const);
        for (const variant of interleaved(variants, run + index)) {
          const { ms, cpuMs } = variant === "pkg" ? await runPackage(cell) : await runBaseline(cell);
          const calls = await emulator.takeCalls();
          const serverMs = calls.durationMs - calls.requests * grid.latencyMs;
          samples.get(cell)![variant].push({ ms, cpuMs, requests: calls.requests, serverMs });
        }
      }
      log(`lookups P=${p}: run ${run + 1}/${maxRuns} done`);
    }
    for (const cell of cells) rows.push(rowOf(cell, cells, samples, grid.latencyMs));
  }
  rows.sort((a, b) => a.n - b.n || a.p - b.p || a.k - b.k || a.mix.localeCompare(b.mix));
  return rows;
}

function rowOf(
  cell: Cell,
  cells: Cell[],
  samples: Map<Cell, { pkg: Sample[]; base: Sample[] }>,
  latencyMs: number,
): LookupRow {
  const { pkg: pkgSamples, base: baseSamples } = samples.get(cell)!;
  const limitMs = cell.pages * latencyMs;
  const wall = (list: Sample[]) => list.map((x) => x.ms);
  // The floor: the single naive scan of the same N and P, run by run.
  const single = cells.find((c) => c.n === cell.n && c.k === 1 && c.baselineMeasured);
  const floor = single ? wall(samples.get(single)!.base) : [];
  const pkg = variantResult(pkgSamples);
  let baseline: VariantResult;
  if (cell.baselineMeasured) baseline = variantResult(baseSamples);
  else {
    const singleRequests = single ? Math.max(...samples.get(single)!.base.map((x) => x.requests)) : NaN;
    baseline = {
      ...notMeasured(),
      requests: cell.k * singleRequests,
      requestsExtrapolated: single !== undefined,
    };
  }
  return {
    n: cell.n,
    p: cell.p,
    k: cell.k,
    mix: cell.mix,
    region: cell.region,
    latencyMs,
    pages: cell.pages,
    limitMs,
    pkg,
    baseline,
    pkgToLimit: median(wall(pkgSamples).map((ms) => ms / limitMs)),
    pkgToBaseline: cell.baselineMeasured ? medianRatio(wall(pkgSamples), wall(baseSamples)) : NaN,
    floorMs: median(floor),
    pkgToFloor: floor.length === pkgSamples.length ? medianRatio(wall(pkgSamples), floor) : NaN,
    requestsAsExpected:
      !pkg.requestsVary &&
      pkg.requests === cell.pages &&
      (!baseline.measured || (!baseline.requestsVary && baseline.requests === cell.k * cell.pages)),
  };
}

function notMeasured(): VariantResult {
  return {
    measured: false,
    requests: NaN,
    wallMs: [],
    medianMs: NaN,
    cpuMsPerRequest: NaN,
    serverMsPerRequest: NaN,
  };
}

function variantResult(list: Sample[]): VariantResult {
  const requests = list.map((x) => x.requests);
  return {
    measured: true,
    requests: Math.max(...requests),
    ...(new Set(requests).size > 1 ? { requestsVary: true } : {}),
    wallMs: list.map((x) => x.ms),
    medianMs: median(list.map((x) => x.ms)),
    cpuMsPerRequest: median(list.map((x) => x.cpuMs / x.requests)),
    serverMsPerRequest: median(list.map((x) => x.serverMs / x.requests)),
  };
}
