/**
 * `npm run bench:plugin` (issue 15, a cheap variant of case 5): `pulumi preview` under the real
 * engine of up-to-date stacks, in the same run, interleaved:
 * - an empty YAML stack (the reference), and one with 1 and with 50 CertificateLookups of the
 *   provider plugin (installed from its archive, npm run plugin:build): the first lookup's cost
 *   (plugin start, one scan) and the per-lookup cost;
 * - an empty TypeScript stack and one with 50 dynamic CertificateLookups (bench/program.ts).
 * Against the emulator: 100 certificates in us-east-1, 100 per page, 20 ms per call. Prints a
 * table and one JSON line; not part of `npm test`. Notes in bench/RESULTS.md.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { startEmulator } from "../emulator";
import { assertPulumiCli, createPulumiWorkspace, type PulumiWorkspace } from "../tools/harness";
import { BENCH_DIR, REPO_ROOT } from "./child";
import { benchCertificates, benchDomain } from "./fixtures";
import { writeBenchProgram } from "./program";
import { interleaved, median, medianRatio, timed } from "./stats";

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const REGION = "us-east-1";
const TMP = path.join(BENCH_DIR, ".tmp");

function yamlProgram(dir: string, lookups: number): string {
  fs.mkdirSync(dir, { recursive: true });
  const resources = Array.from(
    { length: lookups },
    (_, i) =>
      `  lookup-${i}:\n    type: lightsail-certificates:index:CertificateLookup\n    properties:\n      domainName: ${benchDomain(i)}\n`,
  ).join("");
  fs.writeFileSync(
    path.join(dir, "Pulumi.yaml"),
    `name: lightsail-bench-yaml\nruntime: yaml\n${lookups > 0 ? `resources:\n${resources}` : ""}outputs:\n  lookupCount: ${lookups}\n`,
  );
  return dir;
}

function script(name: string, args: string[] = []): string {
  return execFileSync(process.execPath, [path.join(REPO_ROOT, "scripts", name), ...args], {
    cwd: REPO_ROOT,
    encoding: "utf8",
    timeout: 20 * 60_000,
    stdio: ["ignore", "pipe", "inherit"],
  })
    .trim()
    .split("\n")
    .pop()!;
}

async function main(): Promise<void> {
  await assertPulumiCli();
  script("ensure-yaml-host.js");
  const archive = script("build-plugin.js", ["--platform", "linux-amd64"]);
  const version = (
    JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { version: string }
  ).version;
  const emulator = await startEmulator({
    fixtures: { certificates: benchCertificates({ regions: [{ region: REGION, count: 100 }] }) },
    pageSize: 100,
    latencyMs: 20,
  });
  const env = emulator.env();
  const specs: Array<{ label: string; count: number; dir: string; config: Record<string, string> }> = [
    { label: "YAML, empty", count: 0, dir: yamlProgram(path.join(TMP, "yaml-0"), 0), config: {} },
    {
      label: "YAML, 1 plugin CertificateLookup",
      count: 1,
      dir: yamlProgram(path.join(TMP, "yaml-1"), 1),
      config: {},
    },
    {
      label: "YAML, 50 plugin CertificateLookups",
      count: 50,
      dir: yamlProgram(path.join(TMP, "yaml-50"), 50),
      config: {},
    },
    {
      label: "TypeScript, empty",
      count: 0,
      dir: writeBenchProgram(path.join(TMP, "program")),
      config: { lookups: "0" },
    },
    {
      label: "TypeScript, 50 dynamic CertificateLookups",
      count: 50,
      dir: path.join(TMP, "program"),
      config: { lookups: "50" },
    },
  ];
  const stacks: Array<(typeof specs)[number] & { ws: PulumiWorkspace; upMs: number; wall: number[] }> = [];
  try {
    for (const [i, spec] of specs.entries()) {
      const ws = await createPulumiWorkspace({
        programDir: spec.dir,
        stack: `bench-${i}`,
        env,
        config: { "aws:region": REGION, "lightsail-certificates:region": REGION, ...spec.config },
      });
      if (spec.label.startsWith("YAML"))
        await ws.run(["plugin", "install", "resource", "lightsail-certificates", version, "--file", archive]);
      const up = await timed(() => ws.up());
      stacks.push({ ...spec, ws, upMs: up.ms, wall: [] });
      console.error(`${spec.label}: up in ${Math.round(up.ms)} ms`);
    }
    for (let run = 0; run < RUNS; run++) {
      for (const stack of interleaved(stacks, run)) {
        const { ms, value } = await timed(() => stack.ws.previewJson());
        if ((value.changeSummary.same ?? 0) !== stack.count + 1)
          throw new Error(`${stack.label}: ${JSON.stringify(value.changeSummary)}`);
        stack.wall.push(ms);
      }
      console.error(`run ${run + 1}/${RUNS} done`);
    }
  } finally {
    for (const { ws } of stacks) await ws.cleanup();
    await emulator.stop();
  }
  const yamlRef = stacks[0].wall;
  const tsRef = stacks[3].wall;
  console.log(`| stack | up | preview (median of ${RUNS}) | / empty stack of its language |`);
  console.log("| --- | --- | --- | --- |");
  const rows = stacks.map((s) => ({
    stack: s.label,
    upMs: Math.round(s.upMs),
    previewMs: Math.round(median(s.wall)),
    ratio: medianRatio(s.wall, s.label.startsWith("YAML") ? yamlRef : tsRef),
  }));
  for (const r of rows)
    console.log(`| ${r.stack} | ${r.upMs} ms | ${r.previewMs} ms | ${r.ratio.toFixed(2)}x |`);
  console.log(JSON.stringify({ runs: RUNS, rows }));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
