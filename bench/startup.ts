/**
 * Case 4: the time to `require` the package (dist) in a fresh node process, against
 * `require("@pulumi/pulumi")` alone, which any program using the package loads anyway. The
 * time is taken inside the child around the `require` (node's own start-up is left out); runs
 * of the two alternate.
 */
import { lastJsonLine, runNode } from "./child";
import { interleaved, median, medianRatio } from "./stats";

/** Settings of case 4. */
export interface StartupGrid {
  runs: number;
}

/** The settings of `npm run bench`. */
export const FULL_STARTUP_GRID: StartupGrid = { runs: 9 };
/** The settings of `--quick`. */
export const QUICK_STARTUP_GRID: StartupGrid = { runs: 2 };

/** What is required, by name. */
export const STARTUP_MODULES = {
  pulumi: "@pulumi/pulumi",
  pkg: "pulumi-lightsail-certificates",
  provider: "pulumi-lightsail-certificates/provider",
} as const;

/** Result of case 4. */
export interface StartupResult {
  runs: number;
  /** Median require time of each module, ms. */
  medianMs: Record<keyof typeof STARTUP_MODULES, number>;
  /** Median process wall time (spawn to exit) of each, ms. */
  processMs: Record<keyof typeof STARTUP_MODULES, number>;
  /** Median over runs of package / @pulumi/pulumi require time (same run). */
  ratio: number;
  /** Modules of the AWS SDK loaded by requiring the package (0: it is loaded lazily). */
  awsSdkModulesLoaded: number;
}

const SCRIPT = (name: string) => `
const started = process.hrtime.bigint();
require(${JSON.stringify(name)});
const ms = Number(process.hrtime.bigint() - started) / 1e6;
const aws = Object.keys(require.cache).filter((k) => k.includes("@aws-sdk")).length;
console.log(JSON.stringify({ ms, aws }));`;

/** Runs case 4. */
export async function runStartupBench(
  grid: StartupGrid,
  log: (line: string) => void = () => undefined,
): Promise<StartupResult> {
  const keys = Object.keys(STARTUP_MODULES) as Array<keyof typeof STARTUP_MODULES>;
  const req = new Map<string, number[]>(keys.map((k) => [k, []]));
  const proc = new Map<string, number[]>(keys.map((k) => [k, []]));
  let aws = 0;
  await runNode(["-e", SCRIPT(STARTUP_MODULES.pkg)]); // warm the file cache
  for (let run = 0; run < grid.runs; run++) {
    for (const key of interleaved(keys, run)) {
      const result = await runNode(["-e", SCRIPT(STARTUP_MODULES[key])]);
      const { ms, aws: loaded } = lastJsonLine<{ ms: number; aws: number }>(`require ${key}`, result);
      req.get(key)!.push(ms);
      proc.get(key)!.push(result.ms);
      if (key === "pkg") aws = Math.max(aws, loaded);
    }
    if ((run + 1) % 5 === 0 || run + 1 === grid.runs) log(`startup: run ${run + 1}/${grid.runs} done`);
  }
  const medians = (m: Map<string, number[]>) =>
    Object.fromEntries(keys.map((k) => [k, median(m.get(k)!)])) as Record<
      keyof typeof STARTUP_MODULES,
      number
    >;
  return {
    runs: grid.runs,
    medianMs: medians(req),
    processMs: medians(proc),
    ratio: medianRatio(req.get("pkg")!, req.get("pulumi")!),
    awsSdkModulesLoaded: aws,
  };
}
