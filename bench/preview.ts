/**
 * Case 5, part 2: `pulumi preview` under the real engine (Pulumi CLI 3.248.0, see
 * scripts/README.md) of a stack with 0, 10 and 50 CertificateLookups (bench/program.ts), each stack
 * up to date (`pulumi up` ran once before), against the emulator. For reference, a stack of 50
 * dynamic resources whose provider does nothing: what the engine costs any dynamic resource.
 * Previews of the stacks alternate within every run.
 */
import * as path from "node:path";
import { assertPulumiCli, createPulumiWorkspace, type PulumiWorkspace } from "../tools/harness";
import { BENCH_DIR, REPO_ROOT, runNode } from "./child";
import type { BenchEmulator } from "./emulator";
import type { FixtureSpec } from "./fixtures";
import { writeBenchProgram } from "./program";
import { interleaved, median, medianRatio, timed } from "./stats";

/** Settings of the engine part of case 5. */
export interface PreviewGrid {
  /** CertificateLookups in each stack; the first is the reference (normally 0). */
  lookupCounts: number[];
  /** Trivial dynamic resources in each reference stack. */
  trivialCounts: number[];
  /** Certificates in the stack's region. */
  n: number;
  pageSize: number;
  latencyMs: number;
  runs: number;
}

/** The settings of `npm run bench`. */
export const FULL_PREVIEW_GRID: PreviewGrid = {
  lookupCounts: [0, 10, 50],
  trivialCounts: [50],
  n: 1000,
  pageSize: 100,
  latencyMs: 20,
  runs: 5,
};
/** The settings of `--quick --engine`. */
export const QUICK_PREVIEW_GRID: PreviewGrid = {
  lookupCounts: [0, 2],
  trivialCounts: [],
  n: 10,
  pageSize: 10,
  latencyMs: 20,
  runs: 1,
};

const REGION = "us-east-1";
const PROGRAM_DIR = path.join(BENCH_DIR, ".tmp", "program");

/** One stack. */
export interface PreviewRow {
  /** CertificateLookups, or trivial dynamic resources. */
  kind: "lookups" | "trivial";
  /** How many. */
  count: number;
  /** Median wall time of `pulumi preview`, ms. */
  medianMs: number;
  /** Median over runs of this preview / the reference stack's preview (same run). */
  ratio: number;
  /** Wall time of the one `pulumi up` that created the stack, ms. */
  upMs: number;
  /** GetCertificates requests per preview (median). */
  requests: number;
}

/** The fixtures of the engine part of case 5. */
export function previewFixtures(grid: PreviewGrid): FixtureSpec {
  return { regions: [{ region: REGION, count: grid.n }] };
}

/** Makes the Pulumi CLI available (builds or finds it, see scripts/README.md). */
export async function ensurePulumiCli(): Promise<void> {
  const result = await runNode([path.join(REPO_ROOT, "scripts", "ensure-pulumi-cli.js")], {}, 20 * 60_000);
  if (result.code !== 0)
    throw new Error(`scripts/ensure-pulumi-cli.js failed:\n${result.stderr.slice(-2000)}`);
  await assertPulumiCli();
}

/** Runs the engine part of case 5 against `emulator` (serving {@link previewFixtures}). */
export async function runPreviewBench(
  emulator: BenchEmulator,
  grid: PreviewGrid,
  log: (line: string) => void = () => undefined,
): Promise<PreviewRow[]> {
  await ensurePulumiCli();
  await emulator.configure({ pageSize: grid.pageSize, latencyMs: grid.latencyMs });
  const programDir = writeBenchProgram(PROGRAM_DIR);
  const specs = [
    ...grid.lookupCounts.map((count) => ({ kind: "lookups" as const, count })),
    ...grid.trivialCounts.map((count) => ({ kind: "trivial" as const, count })),
  ];
  const stacks: Array<{ kind: PreviewRow["kind"]; count: number; ws: PulumiWorkspace; upMs: number }> = [];
  const wall = new Map<string, number[]>();
  const requests = new Map<string, number[]>();
  const key = (s: { kind: string; count: number }) => `${s.kind}:${s.count}`;
  try {
    for (const spec of specs) {
      const ws = await createPulumiWorkspace({
        programDir,
        stack: `bench-${spec.kind}-${spec.count}`,
        env: emulator.env(),
        config: { "aws:region": REGION, [spec.kind]: String(spec.count) },
      });
      const stack = { ...spec, ws, upMs: NaN };
      stacks.push(stack);
      stack.upMs = (await timed(() => ws.up())).ms;
      wall.set(key(spec), []);
      requests.set(key(spec), []);
      log(`preview: stack with ${spec.count} ${spec.kind} created in ${Math.round(stack.upMs)} ms`);
    }
    await emulator.takeCalls();
    for (let run = 0; run < grid.runs; run++) {
      for (const stack of interleaved(stacks, run)) {
        const { ms, value } = await timed(() => stack.ws.previewJson());
        const summary = value.changeSummary;
        if ((summary.same ?? 0) !== stack.count + 1 || Object.keys(summary).length !== 1) {
          throw new Error(
            `preview of the stack with ${stack.count} ${stack.kind}: ${JSON.stringify(summary)}`,
          );
        }
        wall.get(key(stack))!.push(ms);
        requests.get(key(stack))!.push((await emulator.takeCalls()).requests);
      }
      log(`preview: run ${run + 1}/${grid.runs} done`);
    }
  } finally {
    for (const { ws } of stacks) await ws.cleanup();
  }
  const reference = wall.get(key(specs[0]))!;
  return stacks.map((stack) => ({
    kind: stack.kind,
    count: stack.count,
    medianMs: median(wall.get(key(stack))!),
    ratio: medianRatio(wall.get(key(stack))!, reference),
    upMs: stack.upMs,
    requests: median(requests.get(key(stack))!),
  }));
}
