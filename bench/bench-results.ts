/**
 * What one run of the benchmarks records (bench/last-run.json): the machine the figures come from
 * and each case's rows. Not named results.ts: `require("./results")` would resolve to a
 * results.json first once a run had written one.
 */
import * as os from "node:os";
import type { AccountsRow } from "./accounts";
import type { LookupRow } from "./lookups";
import type { MemoryRow } from "./memory";
import type { PreviewRow } from "./preview";
import type { PluginPreviewRow } from "./plugin-preview";
import type { RegionRow } from "./regions";
import type { SerializationResult } from "./serialization";
import type { StartupResult } from "./startup";
import type { TargetResult } from "./targets";

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

/** Everything one run of the benchmarks measured (bench/last-run.json). */
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
  /** Case 6: the gate over many accounts (issue 21). */
  accounts?: AccountsRow[];
  /** Case "plugin": the stacks of bench/plugin-stacks.ts (issue 19). */
  plugin?: PluginPreviewRow[];
  /** Cases not run, with why. */
  skipped: string[];
  targets?: TargetResult[];
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
