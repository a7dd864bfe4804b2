/**
 * Case 3: peak RSS of one lookup over N certificates (with details) in a fresh process, this
 * package against the naive baseline, each measured in a child process of its own
 * (bench/memory-child.ts) and read from `process.resourceUsage().maxRSS` at its end.
 */
import { childScript, lastJsonLine, runNode } from "./child";
import type { BenchEmulator } from "./emulator";
import { benchDomain, benchName, type FixtureSpec } from "./fixtures";
import type { MemoryChildResult } from "./memory-child";
import { interleaved, median, medianRatio } from "./stats";

/** Settings of case 3. */
export interface MemoryGrid {
  /** Certificates in the region. */
  n: number;
  pageSize: number;
  latencyMs: number;
  runs: number;
}

/** The settings of `npm run bench`. */
export const FULL_MEMORY_GRID: MemoryGrid = { n: 10_000, pageSize: 100, latencyMs: 20, runs: 3 };
/** The settings of `--quick`. */
export const QUICK_MEMORY_GRID: MemoryGrid = { n: 1_000, pageSize: 100, latencyMs: 20, runs: 1 };

const REGION = "eu-central-1";

/** The compared pairs: the lookup layer against the SDK alone, and both with `@pulumi/pulumi` loaded. */
export const MEMORY_PAIRS = [
  { pkg: "package", baseline: "baseline", label: "lookup layer vs SDK only" },
  { pkg: "package-public", baseline: "baseline-pulumi", label: "getCertificate vs SDK + @pulumi/pulumi" },
] as const;

/** One compared pair. */
export interface MemoryRow {
  label: string;
  pkgVariant: string;
  baselineVariant: string;
  n: number;
  /** Median peak RSS, bytes. */
  pkgMaxRss: number;
  baselineMaxRss: number;
  /** Median over runs of package / baseline peak RSS (same run). */
  ratio: number;
}

/** The fixtures of case 3. */
export function memoryFixtures(grid: MemoryGrid): FixtureSpec {
  return { regions: [{ region: REGION, count: grid.n }] };
}

/** Runs case 3 against `emulator` (serving {@link memoryFixtures}). */
export async function runMemoryBench(
  emulator: BenchEmulator,
  grid: MemoryGrid,
  log: (line: string) => void = () => undefined,
): Promise<MemoryRow[]> {
  await emulator.configure({ pageSize: grid.pageSize, latencyMs: grid.latencyMs });
  const script = childScript("memory-child");
  const target = Math.floor(grid.n / 2);
  const pages = Math.ceil(grid.n / grid.pageSize);
  const measure = async (variant: string): Promise<number> => {
    const args = [script, variant, REGION, benchDomain(target), benchName(REGION, target), String(pages + 1)];
    const result = lastJsonLine<MemoryChildResult>(
      `memory child ${variant}`,
      await runNode(args, emulator.env()),
    );
    return result.maxRssBytes;
  };
  const samples = new Map<string, number[]>();
  const variants = MEMORY_PAIRS.flatMap((p) => [p.pkg, p.baseline]);
  for (let run = 0; run < grid.runs; run++) {
    for (const variant of interleaved(variants, run)) {
      samples.set(variant, [...(samples.get(variant) ?? []), await measure(variant)]);
    }
    log(`memory: run ${run + 1}/${grid.runs} done`);
  }
  await emulator.takeCalls();
  return MEMORY_PAIRS.map((p) => ({
    label: p.label,
    pkgVariant: p.pkg,
    baselineVariant: p.baseline,
    n: grid.n,
    pkgMaxRss: median(samples.get(p.pkg)!),
    baselineMaxRss: median(samples.get(p.baseline)!),
    ratio: medianRatio(samples.get(p.pkg)!, samples.get(p.baseline)!),
  }));
}
