/**
 * Child processes of the benchmarks. Children run plain `node` on JavaScript transpiled from
 * bench/*.ts into bench/.tmp/ (git-ignored), so that neither ts-node nor the TypeScript
 * compiler sits in their memory or start-up time.
 *
 * Every module of bench/ loads this package as built, by its name
 * (`require("pulumi-lightsail-certificates/...")`, resolved from the repository's node_modules
 * by walking up), and takes only types from the sources (`typeof import("../provider")`): type
 * imports vanish from the transpiled children, and type-checking needs no build.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

/** bench/ in the source tree. */
export const BENCH_DIR = __dirname;
/** The repository root. */
export const REPO_ROOT = path.resolve(__dirname, "..");

let compiledDir: string | undefined;

/** The path of bench/`name`.ts transpiled to JavaScript (all of bench/*.ts is transpiled once per process). */
export function childScript(name: string): string {
  if (!compiledDir) {
    const ts = require("typescript") as typeof import("typescript");
    const out = path.join(BENCH_DIR, ".tmp");
    fs.mkdirSync(out, { recursive: true });
    for (const file of fs.readdirSync(BENCH_DIR).filter((f) => f.endsWith(".ts"))) {
      const source = fs.readFileSync(path.join(BENCH_DIR, file), "utf8");
      const { outputText } = ts.transpileModule(source, {
        fileName: file,
        compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
      });
      // Written aside and renamed, so that a concurrent run never loads half a file.
      const target = path.join(out, file.replace(/\.ts$/, ".js"));
      const tmp = `${target}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, outputText);
      fs.renameSync(tmp, target);
    }
    compiledDir = out;
  }
  return path.join(compiledDir, `${name}.js`);
}

/** What a finished child printed. */
export interface ChildResult {
  code: number;
  stdout: string;
  stderr: string;
  /** Wall time from spawn to exit. */
  ms: number;
}

/** Runs `node <args>` from the repository root with exactly `env` (plus PATH and HOME). */
export function runNode(
  args: string[],
  env: Record<string, string> = {},
  timeoutMs = 120_000,
): Promise<ChildResult> {
  const started = process.hrtime.bigint();
  const fullEnv: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "",
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    ...env,
  };
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      args,
      { cwd: REPO_ROOT, env: fullEnv, timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const code = err ? Number((err as { code?: number }).code ?? 1) || 1 : 0;
        resolve({ code, stdout, stderr, ms: Number(process.hrtime.bigint() - started) / 1e6 });
      },
    );
  });
}

/** The last line of a child's stdout, parsed as JSON; throws with the child's stderr when it failed. */
export function lastJsonLine<T>(what: string, result: ChildResult): T {
  const line = result.stdout.trim().split("\n").pop() ?? "";
  if (result.code !== 0 || !line.startsWith("{")) {
    throw new Error(
      `${what} failed (exit ${result.code}):\n${result.stderr.slice(-2000)}${result.stdout.slice(-500)}`,
    );
  }
  return JSON.parse(line) as T;
}
