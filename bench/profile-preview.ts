/**
 * `npx ts-node --transpile-only bench/profile-preview.ts [stack...]` (issue 19): where the time of
 * one `pulumi preview` goes, for the stacks of `npm run bench:plugin`. Each stack is created
 * (`pulumi up`), previewed once to warm the caches, then previewed once more with every Node.js
 * process the engine starts (the program, the dynamic-provider host, the plugin) under
 * a CPU profiler (bench/profile-preload.js), and the engine's own log (`-v=9`, glog timestamps). Prints, per process, the
 * wall time from its first to its last sample and the sampled time by package, and from the
 * engine log the time to each plugin's first RPC. The profiles stay in bench/.tmp/profiles/.
 * Not part of `npm test`.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { startEmulator } from "../emulator";
import { assertPulumiCli, createPulumiWorkspace } from "../tools/harness";
import { BENCH_DIR } from "./child";
import { benchCertificates } from "./fixtures";
import { benchStacks, installPlugin, type BenchStackSpec } from "./plugin-stacks";
import { engineTimeline, summarizeProfile } from "./profile-summary";

const REGION = "us-east-1";
const OUT = path.join(BENCH_DIR, ".tmp", "profiles");

async function profileStack(spec: BenchStackSpec, env: Record<string, string>, index: number): Promise<void> {
  const ws = await createPulumiWorkspace({
    programDir: spec.dir,
    stack: `profile-${index}`,
    env,
    config: { "aws:region": REGION, "lightsail-certificates:region": REGION, ...spec.config },
  });
  try {
    if (spec.plugin) await installPlugin(ws);
    await ws.up();
    await ws.previewJson();
    const dir = path.join(OUT, spec.key);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    const nodeOptions = `--require ${path.join(BENCH_DIR, "profile-preload.js")}`;
    const started = Date.now();
    const run = await ws.run(["preview", "--stack", ws.stack, "-v=9", "--logtostderr", "--logflow"], {
      env: { NODE_OPTIONS: nodeOptions, LSC_PROFILE_DIR: dir },
    });
    const wall = Date.now() - started;
    fs.writeFileSync(path.join(dir, "engine.log"), run.stderr);
    console.log(`\n## ${spec.label}: preview ${wall} ms (profiled, -v=9)\n- engine (from its log):`);
    console.log(engineTimeline(run.stderr));
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"))) {
      console.log(summarizeProfile(path.join(dir, file)));
    }
  } finally {
    await ws.cleanup();
  }
}

async function main(): Promise<void> {
  await assertPulumiCli();
  const emulator = await startEmulator({
    fixtures: { certificates: benchCertificates({ regions: [{ region: REGION, count: 100 }] }) },
    pageSize: 100,
    latencyMs: 20,
  });
  try {
    const wanted = process.argv.slice(2);
    const specs = benchStacks().filter((s) => wanted.length === 0 || wanted.includes(s.key));
    for (const [i, spec] of specs.entries()) await profileStack(spec, emulator.env(), i);
  } finally {
    await emulator.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exit(1);
});
