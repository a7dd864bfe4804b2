/**
 * `npm run bench:plugin` (issue 15, issue 19): `pulumi preview` under the real engine of
 * up-to-date stacks (bench/plugin-stacks.ts), in the same run, interleaved:
 * - an empty YAML stack (the reference), and one with 1 and with 50 CertificateLookups of the
 *   provider plugin (installed from its archive, npm run plugin:build): the first lookup's cost
 *   (plugin start, one scan) and the per-lookup cost;
 * - an empty TypeScript stack, one with 50 dynamic CertificateLookups and one with 50
 *   CertificateLookups of the plugin's Node.js SDK (`pulumi-lightsail-certificates/plugin`).
 * Against the emulator: 100 certificates in us-east-1, 100 per page, 20 ms per call. Prints a
 * table and one JSON line; not part of `npm test`. `npm run bench` runs the same stacks as its
 * case "plugin" (bench/run.ts). Notes in bench/RESULTS.md.
 */
import { startEmulator } from "../emulator";
import { assertPulumiCli, createPulumiWorkspace, type PulumiWorkspace } from "../tools/harness";
import { benchCertificates } from "./fixtures";
import { benchStacks, installPlugin, preparePlugin, type BenchStackSpec } from "./plugin-stacks";
import { interleaved, median, medianRatio, timed } from "./stats";

const REGION = "us-east-1";

/** One stack's result. */
export interface PluginPreviewRow {
  key: string;
  stack: string;
  upMs: number;
  /** Median preview wall time, ms. */
  previewMs: number;
  /** Median of same-run ratios to the empty stack of its language. */
  ratio: number;
  /** Median of same-run differences to that stack, ms. */
  addedMs: number;
}

function medianDifference(a: number[], b: number[]): number {
  return median(a.map((x, i) => x - b[i]));
}

/** Creates every stack, previews them `runs` times interleaved, returns one row a stack. */
export async function runPluginPreviewBench(
  runs: number,
  log: (line: string) => void = (line) => console.error(line),
  only?: (spec: BenchStackSpec) => boolean,
): Promise<PluginPreviewRow[]> {
  await assertPulumiCli();
  preparePlugin();
  const emulator = await startEmulator({
    fixtures: { certificates: benchCertificates({ regions: [{ region: REGION, count: 100 }] }) },
    pageSize: 100,
    latencyMs: 20,
  });
  const stacks: Array<BenchStackSpec & { ws: PulumiWorkspace; upMs: number; wall: number[] }> = [];
  try {
    for (const [i, spec] of benchStacks()
      .filter((s) => only?.(s) ?? true)
      .entries()) {
      const ws = await createPulumiWorkspace({
        programDir: spec.dir,
        stack: `bench-${i}`,
        env: emulator.env(),
        config: { "aws:region": REGION, "lightsail-certificates:region": REGION, ...spec.config },
      });
      stacks.push({ ...spec, ws, upMs: NaN, wall: [] });
      if (spec.plugin) await installPlugin(ws);
      stacks[stacks.length - 1].upMs = (await timed(() => ws.up())).ms;
      log(`${spec.label}: up in ${Math.round(stacks[stacks.length - 1].upMs)} ms`);
    }
    for (let run = 0; run < runs; run++) {
      for (const stack of interleaved(stacks, run)) {
        const { ms, value } = await timed(() => stack.ws.previewJson());
        const summary = value.changeSummary;
        if ((summary.same ?? 0) !== stack.count + 1 || Object.keys(summary).length !== 1)
          throw new Error(`${stack.label}: ${JSON.stringify(summary)}`);
        stack.wall.push(ms);
      }
      log(`plugin preview: run ${run + 1}/${runs} done`);
    }
  } finally {
    for (const { ws } of stacks) await ws.cleanup();
    await emulator.stop();
  }
  return stacks.map((s) => {
    const ref = stacks.find((r) => r.key === s.reference)?.wall ?? s.wall.map(() => NaN);
    return {
      key: s.key,
      stack: s.label,
      upMs: Math.round(s.upMs),
      previewMs: Math.round(median(s.wall)),
      ratio: medianRatio(s.wall, ref),
      addedMs: Math.round(medianDifference(s.wall, ref)),
    };
  });
}

async function main(): Promise<void> {
  const runs = Number(process.env.BENCH_RUNS ?? 3);
  const keys = process.argv.slice(2);
  const rows = await runPluginPreviewBench(runs, undefined, (s) => keys.length === 0 || keys.includes(s.key));
  console.log(`| stack | up | preview (median of ${runs}) | / empty stack of its language | added |`);
  console.log("| --- | --- | --- | --- | --- |");
  for (const r of rows)
    console.log(
      `| ${r.stack} | ${r.upMs} ms | ${r.previewMs} ms | ${r.ratio.toFixed(2)}x | ${r.addedMs} ms |`,
    );
  console.log(JSON.stringify({ runs, rows }));
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  });
}
