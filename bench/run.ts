/**
 * `npm run bench [-- --quick] [--only CASE,...] [--engine | --skip-engine] [--render]`: the benchmarks of
 * the lookups against the physical limit and a naive baseline, and of the dynamic provider
 * under the engine. Prints the report, writes bench/last-run.json, and after a full run of every
 * case updates the generated part of bench/RESULTS.md.
 *
 * Cases: lookups (1), regions (2), memory (3), startup (4), provider (5: serialization), preview
 * (5: `pulumi preview` under the real engine), accounts (6: the gate over 10, 25 and 50 accounts x
 * 19 regions, about 20 s; bench/accounts.ts),
 * plugin (7: YAML and TypeScript previews through the provider plugin's archive and the
 * dynamic provider, bench/plugin-preview.ts; issue 19).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { FULL_ACCOUNTS_GRID, QUICK_ACCOUNTS_GRID, runAccountsBench } from "./accounts";
import { BENCH_DIR } from "./child";
import { applyEnv, startChildEmulator } from "./emulator";
import { FULL_LOOKUP_GRID, lookupFixtures, QUICK_LOOKUP_GRID, runLookupBench } from "./lookups";
import { FULL_MEMORY_GRID, memoryFixtures, QUICK_MEMORY_GRID, runMemoryBench } from "./memory";
import { FULL_PREVIEW_GRID, previewFixtures, QUICK_PREVIEW_GRID, runPreviewBench } from "./preview";
import { runPluginPreviewBench } from "./plugin-preview";
import { FULL_REGION_GRID, QUICK_REGION_GRID, regionFixtures, runRegionBench } from "./regions";
import { renderReport } from "./report";
import { describeMachine, type BenchResults } from "./bench-results";
import { judgeTargets } from "./targets";
import { FULL_SERIALIZATION_GRID, QUICK_SERIALIZATION_GRID, runSerializationBench } from "./serialization";
import { FULL_STARTUP_GRID, QUICK_STARTUP_GRID, runStartupBench } from "./startup";

const CASES = [
  "lookups",
  "regions",
  "memory",
  "startup",
  "provider",
  "preview",
  "accounts",
  "plugin",
] as const;
const ENGINE_CASES: readonly string[] = ["preview", "plugin"];
type CaseName = (typeof CASES)[number];

const USAGE = `Usage: npm run bench [-- options]
  --quick          tiny sizes, one or two runs (a smoke test; skips the engine case unless --engine)
  --only A,B       run only these cases: ${CASES.join(", ")}
  --engine         run the engine case (preview) in --quick mode too
  --skip-engine    do not run the engine case
  --render         measure nothing: judge and print bench/last-run.json again (and update RESULTS.md
                   when it holds a complete full run), after a change of the report code
  --help           show this help`;

// Not "results.json": a `require("./results")` under ts-node would load it before a results.ts.
const RESULTS_JSON = path.join(BENCH_DIR, "last-run.json");
const RESULTS_MD = path.join(BENCH_DIR, "RESULTS.md");
const START_MARK = "<!-- bench:results:start -->";
const END_MARK = "<!-- bench:results:end -->";

interface Options {
  render: boolean;
  quick: boolean;
  cases: Set<CaseName>;
  engine: boolean | undefined;
}

function parseOptions(argv: string[]): Options | undefined {
  const options: Options = { render: false, quick: false, cases: new Set(CASES), engine: undefined };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    switch (flag) {
      case "--quick":
        options.quick = true;
        break;
      case "--render":
        options.render = true;
        break;
      case "--only": {
        const list = (inline ?? argv[++i] ?? "").split(",").filter((s) => s !== "");
        const unknown = list.filter((c) => !(CASES as readonly string[]).includes(c));
        if (list.length === 0 || unknown.length > 0)
          throw new Error(`--only: unknown case(s) ${unknown.join(", ") || "(none given)"}`);
        options.cases = new Set(list as CaseName[]);
        break;
      }
      case "--engine":
        options.engine = true;
        break;
      case "--skip-engine":
        options.engine = false;
        break;
      case "--help":
      case "-h":
        return undefined;
      default:
        throw new Error(`unknown argument ${argv[i]}`);
    }
  }
  return options;
}

/** Replaces the generated part of RESULTS.md, keeping what is written around it. */
function updateResultsMarkdown(report: string): void {
  const block = `${START_MARK}\n${report}${END_MARK}`;
  let text = fs.existsSync(RESULTS_MD)
    ? fs.readFileSync(RESULTS_MD, "utf8")
    : `# Benchmark results\n\n${START_MARK}\n${END_MARK}\n`;
  const start = text.indexOf(START_MARK);
  const end = text.indexOf(END_MARK);
  text =
    start >= 0 && end > start
      ? text.slice(0, start) + block + text.slice(end + END_MARK.length)
      : `${text}\n${block}\n`;
  fs.writeFileSync(RESULTS_MD, text);
}

/** Whether `results` is a full run of every case (what RESULTS.md keeps). */
function isComplete(results: BenchResults): boolean {
  return (
    results.mode === "full" &&
    results.lookups !== undefined &&
    results.regions !== undefined &&
    results.memory !== undefined &&
    results.startup !== undefined &&
    results.serialization !== undefined &&
    results.preview !== undefined &&
    results.accounts !== undefined &&
    results.plugin !== undefined
  );
}

/** `--render`: judges and prints the stored results again. */
function render(): number {
  const results = JSON.parse(fs.readFileSync(RESULTS_JSON, "utf8")) as BenchResults;
  results.targets = judgeTargets(results);
  fs.writeFileSync(RESULTS_JSON, `${JSON.stringify(results, null, 2)}\n`);
  const report = renderReport(results);
  process.stdout.write(report);
  if (isComplete(results)) updateResultsMarkdown(report);
  return 0;
}

async function main(): Promise<number> {
  let options: Options | undefined;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`bench: ${(err as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (!options) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (options.render) return render();
  const started = Date.now();
  const log = (line: string) =>
    process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);
  const quick = options.quick;
  const results: BenchResults = { mode: quick ? "quick" : "full", machine: describeMachine(), skipped: [] };
  const runEngine = options.engine ?? !quick;
  for (const c of ENGINE_CASES.filter((c) => options.cases.has(c as CaseName) && !runEngine)) {
    results.skipped.push(
      quick
        ? `${c} (the engine cases add 20-30 s even at tiny sizes; add --engine to run them with --quick)`
        : `${c} (--skip-engine)`,
    );
  }

  log(
    `${results.mode} run; cases: ${[...options.cases].filter((c) => !ENGINE_CASES.includes(c) || runEngine).join(", ")}`,
  );
  const emulator = await startChildEmulator();
  const restoreEnv = applyEnv(emulator.env());
  try {
    if (options.cases.has("lookups")) {
      const grid = quick ? QUICK_LOOKUP_GRID : FULL_LOOKUP_GRID;
      await emulator.load(lookupFixtures(grid));
      log("case 1: lookups");
      results.lookups = await runLookupBench(emulator, grid, log);
    }
    if (options.cases.has("regions")) {
      const grid = quick ? QUICK_REGION_GRID : FULL_REGION_GRID;
      await emulator.load(regionFixtures(grid));
      log("case 2: regions");
      const { rows, notes } = await runRegionBench(emulator, grid, log);
      results.regions = rows;
      results.regionNotes = notes;
    }
    if (options.cases.has("memory")) {
      const grid = quick ? QUICK_MEMORY_GRID : FULL_MEMORY_GRID;
      await emulator.load(memoryFixtures(grid));
      log("case 3: memory");
      results.memory = await runMemoryBench(emulator, grid, log);
    }
    if (options.cases.has("startup")) {
      log("case 4: start-up");
      results.startup = await runStartupBench(quick ? QUICK_STARTUP_GRID : FULL_STARTUP_GRID, log);
    }
    if (options.cases.has("provider")) {
      log("case 5: provider serialization");
      results.serialization = await runSerializationBench(
        quick ? QUICK_SERIALIZATION_GRID : FULL_SERIALIZATION_GRID,
        log,
      );
    }
    if (runEngine && options.cases.has("plugin")) {
      log("case 6: previews through the plugin and the dynamic provider");
      results.plugin = await runPluginPreviewBench(quick ? 1 : 5, log);
    }
    if (runEngine && options.cases.has("preview")) {
      const grid = quick ? QUICK_PREVIEW_GRID : FULL_PREVIEW_GRID;
      await emulator.load(previewFixtures(grid));
      log("case 5: pulumi preview under the engine");
      results.preview = await runPreviewBench(emulator, grid, log);
    }
    if (options.cases.has("accounts")) {
      log("case 6: the gate over many accounts");
      results.accounts = await runAccountsBench(quick ? QUICK_ACCOUNTS_GRID : FULL_ACCOUNTS_GRID, log);
    }
  } finally {
    restoreEnv();
    await emulator.stop();
  }

  results.machine.loadAtEnd = os.loadavg()[0];
  results.durationMs = Date.now() - started;
  results.targets = judgeTargets(results);
  fs.writeFileSync(RESULTS_JSON, `${JSON.stringify(results, null, 2)}\n`);
  const report = renderReport(results);
  process.stdout.write(`\n${report}`);
  const complete = isComplete(results);
  if (complete) updateResultsMarkdown(report);
  log(
    `wrote ${path.relative(process.cwd(), RESULTS_JSON)}${complete ? ` and ${path.relative(process.cwd(), RESULTS_MD)}` : ""}`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`bench: ${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  },
);
