/**
 * Small statistics for noisy machines: every figure the benchmarks report is a median of
 * several runs, and every comparison is the median of ratios taken within the same run.
 */

/** The median of `values` (mean of the two middle values for an even count); NaN when empty. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Smallest and largest of `values`. */
export function range(values: readonly number[]): { min: number; max: number } {
  return { min: Math.min(...values), max: Math.max(...values) };
}

/** The median of `a[i] / b[i]`: ratios taken within the same run, then summarised. */
export function medianRatio(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length)
    throw new Error(`medianRatio: ${a.length} numerators for ${b.length} denominators`);
  return median(a.map((x, i) => x / b[i]));
}

/**
 * Runs `fn` and returns its result with the elapsed wall time and the CPU time this process
 * used meanwhile (user + system, every thread: V8's GC and compiler threads included), in ms.
 */
export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; cpuMs: number; value: T }> {
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  const value = await fn();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000, value };
}

/**
 * The order in which to run the compared variants in run `run`: as given on even runs,
 * reversed on odd ones, so that drift of a noisy machine does not favour one variant.
 */
export function interleaved<T>(variants: readonly T[], run: number): T[] {
  return run % 2 === 0 ? [...variants] : [...variants].reverse();
}

/** Milliseconds for a table: no decimals from 100 ms on, one below. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return "-";
  if (ms >= 100) return `${Math.round(ms).toLocaleString("en-US")} ms`;
  return `${ms.toFixed(1)} ms`;
}

/** A ratio for a table, e.g. `1.07x`. */
export function formatRatio(r: number): string {
  return Number.isFinite(r) ? `${r.toFixed(2)}x` : "-";
}

/** Mebibytes from bytes, for a table. */
export function formatMiB(bytes: number): string {
  return Number.isFinite(bytes) ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : "-";
}
