/**
 * Runs the real Pulumi CLI against a throwaway copy of a program, offline and isolated.
 *
 * Every workspace gets its own temporary directory holding a copy of the program (so that
 * `Pulumi.<stack>.yaml` never lands in the source tree), a `PULUMI_HOME` and a file-backend
 * state directory. The copy's `node_modules` links to the project of the package under test
 * (tools/installed-package.ts): by default the packed tarball installed with a plain
 * `npm install` into a throwaway project outside the checkout, where the workspace lives too;
 * with `LSC_TEST_PACKAGE=checkout`, this checkout's node_modules, and the workspace lives in
 * `<repo>/.pulumi-test/` (git-ignored). Either way the program finds `@pulumi/pulumi`, the
 * package and its policy pack (`node_modules/pulumi-lightsail-certificates/policy`) where a
 * user's program finds them. The CLI runs with a clean environment: only PATH (with the CLI's
 * bin dir first), HOME, locale and temp-dir variables pass through; the caller's `AWS_*` and
 * other variables do not, so anything the program needs (e.g. the emulator's endpoint and
 * credentials) must be passed in `env`.
 *
 * The CLI comes from `scripts/ensure-pulumi-cli.js` (npm test's pretest runs it); call
 * {@link assertPulumiCli} in a `before` hook to fail clearly when it is missing.
 */
import * as fs from "fs";
import * as path from "path";
import { copyProgram, testPackage, type TestPackage } from "./installed-package";
import type { PreviewJson, StateExport } from "./engine-json";
import { spawnWithTimeout, tail, type RunResult } from "./process-tree";

export { changedInputs } from "./engine-json";
export type { PreviewJson, PreviewStep, StateExport, StepState } from "./engine-json";
export type { RunResult } from "./process-tree";

const cliPaths = require("../scripts/pulumi-cli-paths") as {
  repoRoot: string;
  pinnedPulumiVersion(): string;
  cliBinDir(version?: string): string;
  REQUIRED_EXECUTABLES: string[];
};

export const REPO_ROOT: string = cliPaths.repoRoot;
export const PULUMI_VERSION: string = cliPaths.pinnedPulumiVersion();
/** Where ensure-pulumi-cli.js puts the CLI when it is not already on PATH. */
export const PULUMI_BIN_DIR: string = cliPaths.cliBinDir(PULUMI_VERSION);
/** The policy pack as a user's project reaches it, relative to a workspace's `dir`. */
export const INSTALLED_POLICY_PACK = path.join("node_modules", "pulumi-lightsail-certificates", "policy");

const DEFAULT_TIMEOUT_MS = 240_000;
const PASSTHROUGH_ENV = [
  "HOME",
  "USER",
  "LOGNAME",
  "SHELL",
  "TMPDIR",
  "TMP",
  "TEMP",
  "LANG",
  "LC_ALL",
  "LC_CTYPE",
  "TZ",
];

export interface RunOptions {
  /** Resolve (instead of reject) when the command exits non-zero; reject when it succeeds. */
  expectFailure?: boolean;
  /** Kill the command (and everything it started) after this long; default 240 s. */
  timeoutMs?: number;
  /** Extra environment for this command only. */
  env?: Record<string, string>;
  /**
   * Given, as soon as the command started, a function that kills it with every process it
   * started (SIGKILL, as a crash or a CI job cancelled would): a test that interrupts an update.
   */
  onStarted?: (kill: () => void) => void;
}

export interface WorkspaceOptions {
  /** Directory holding Pulumi.yaml. */
  programDir: string;
  /** Stack name; default "e2e". */
  stack?: string;
  /** Environment for every command (e.g. the emulator's endpoint and credentials). */
  env?: Record<string, string>;
  /** Stack config set after `stack init` (`pulumi config set`). */
  config?: Record<string, string>;
  /** Stack config set as secrets (`pulumi config set --secret`). */
  secretConfig?: Record<string, string>;
  /**
   * Run in programDir itself instead of a copy (for programs that import files outside their
   * directory; they get the checkout's modules, not the package under test). cleanup() then
   * removes the `Pulumi.<stack>.yaml` that `stack init` wrote.
   */
  inPlace?: boolean;
  /** Copy only these paths (relative to programDir), e.g. `["Pulumi.yaml", "examples/lookup-only"]`. */
  only?: string[];
}

export interface PulumiWorkspace {
  /** Directory the CLI runs in (the program copy, or programDir with inPlace). */
  dir: string;
  stack: string;
  /** The package under test whose node_modules the copy links to (undefined with inPlace). */
  package?: TestPackage;
  /** Runs `pulumi --non-interactive --color=never <args>` in dir. */
  run(args: string[], opts?: RunOptions): Promise<RunResult>;
  /** `pulumi up --yes --skip-preview`. */
  up(extra?: string[], opts?: RunOptions): Promise<RunResult>;
  /** `pulumi preview`. */
  preview(extra?: string[], opts?: RunOptions): Promise<RunResult>;
  /** `pulumi preview --json`, parsed. */
  previewJson(extra?: string[], opts?: RunOptions): Promise<PreviewJson>;
  /** `pulumi refresh --yes --skip-preview`. */
  refresh(extra?: string[], opts?: RunOptions): Promise<RunResult>;
  /** `pulumi destroy --yes --skip-preview`. */
  destroy(extra?: string[], opts?: RunOptions): Promise<RunResult>;
  /** `pulumi config set [--secret] -- key value`. */
  setConfig(key: string, value: string, opts?: { secret?: boolean }): Promise<void>;
  /** `pulumi stack output --json --show-secrets`, parsed. */
  stackOutputs<T = Record<string, unknown>>(): Promise<T>;
  /** `pulumi stack export --show-secrets`, parsed. */
  exportState(): Promise<StateExport>;
  /** Kills commands still running and removes the temporary directories. Idempotent. */
  cleanup(): Promise<void>;
}

/** PATH with the cached CLI's bin dir first. */
function cliPath(): string {
  return [PULUMI_BIN_DIR, process.env.PATH ?? ""].join(path.delimiter);
}

function baseEnv(): Record<string, string> {
  const env: Record<string, string> = { PATH: cliPath() };
  for (const key of PASSTHROUGH_ENV) {
    const v = process.env[key];
    if (v !== undefined) env[key] = v;
  }
  return env;
}

/** Fails with instructions unless `pulumi version` answers the pinned version with the harness's PATH. */
export async function assertPulumiCli(): Promise<void> {
  const hint =
    "run `node scripts/ensure-pulumi-cli.js` (npm test's pretest does) to build or locate the Pulumi CLI";
  for (const exe of cliPaths.REQUIRED_EXECUTABLES) {
    const found = cliPath()
      .split(path.delimiter)
      .some((d) => d !== "" && isExecutable(path.join(d, exe)));
    if (!found) throw new Error(`${exe} is not in ${PULUMI_BIN_DIR} nor on PATH: ${hint}`);
  }
  const env = { ...baseEnv(), PULUMI_SKIP_UPDATE_CHECK: "true" };
  const r = await spawnWithTimeout("pulumi", ["version"], { cwd: REPO_ROOT, env, timeoutMs: 60_000 });
  if (r.code !== 0 || r.stdout.trim() !== `v${PULUMI_VERSION}`) {
    throw new Error(
      `pulumi version answered ${JSON.stringify(r.stdout.trim() || r.stderr)}, want v${PULUMI_VERSION}: ${hint}`,
    );
  }
}

function isExecutable(p: string): boolean {
  try {
    fs.accessSync(p, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Creates the stack and sets its config; call cleanup() in `after`. */
export async function createPulumiWorkspace(opts: WorkspaceOptions): Promise<PulumiWorkspace> {
  const stack = opts.stack ?? "e2e";
  const programDir = path.resolve(opts.programDir);
  if (!fs.existsSync(path.join(programDir, "Pulumi.yaml")))
    throw new Error(`no Pulumi.yaml in ${programDir}`);

  const pkg = opts.inPlace ? undefined : await testPackage();
  const base = pkg?.workRoot ?? path.join(REPO_ROOT, ".pulumi-test");
  fs.mkdirSync(base, { recursive: true });
  const root = fs.mkdtempSync(path.join(base, "ws-"));
  const home = path.join(root, "home");
  const state = path.join(root, "state");
  fs.mkdirSync(home);
  fs.mkdirSync(state);
  const stackFile = `Pulumi.${stack}.yaml`;
  let dir: string;
  let createdStackFile: string | undefined;
  if (!pkg) {
    dir = programDir;
    if (!fs.existsSync(path.join(dir, stackFile))) createdStackFile = path.join(dir, stackFile);
  } else {
    dir = copyProgram(pkg, programDir, { into: path.join(root, "program"), only: opts.only });
  }

  const env: Record<string, string> = {
    ...baseEnv(),
    PULUMI_HOME: home,
    PULUMI_BACKEND_URL: `file://${state}`,
    PULUMI_CONFIG_PASSPHRASE: "e2e-passphrase",
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_SKIP_CONFIRMATIONS: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK: "true",
    NO_COLOR: "1",
    // ts-node without type checking (npm run lint type-checks the programs); pass "false" in env
    // to have the program type-checked at run time as `pulumi` does by default.
    PULUMI_NODEJS_TRANSPILE_ONLY: "true",
    ...opts.env,
  };
  const running = new Set<Promise<RunResult>>();
  const killers = new Set<() => void>();
  let cleaned = false;

  const run = async (args: string[], runOpts: RunOptions = {}): Promise<RunResult> => {
    if (cleaned) throw new Error("workspace already cleaned up");
    const fullArgs = ["--non-interactive", "--color=never", ...args];
    const mine = new Set<() => void>();
    const p = spawnWithTimeout("pulumi", fullArgs, {
      cwd: dir,
      env: { ...env, ...runOpts.env },
      timeoutMs: runOpts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      onKill: mine,
    });
    const kills = [...mine];
    for (const kill of kills) {
      killers.add(kill);
      runOpts.onStarted?.(kill);
    }
    running.add(p);
    let r: RunResult;
    try {
      r = await p;
    } finally {
      running.delete(p);
      for (const kill of kills) killers.delete(kill);
    }
    const failed = r.code !== 0;
    if (failed !== Boolean(runOpts.expectFailure)) {
      throw new Error(
        `pulumi ${args.join(" ")} ${failed ? `exited ${r.code}` : "succeeded but a failure was expected"}\n` +
          `--- stdout (tail) ---\n${tail(r.stdout)}\n--- stderr (tail) ---\n${tail(r.stderr)}`,
      );
    }
    return r;
  };

  const withStack = (args: string[]) => [...args, "--stack", stack];

  await run(["stack", "init", stack]);
  const ws: PulumiWorkspace = {
    dir,
    stack,
    ...(pkg ? { package: pkg } : {}),
    run,
    up: (extra = [], o) => run(withStack(["up", "--yes", "--skip-preview", ...extra]), o),
    preview: (extra = [], o) => run(withStack(["preview", ...extra]), o),
    previewJson: async (extra = [], o) => {
      const r = await run(withStack(["preview", "--json", ...extra]), o);
      return JSON.parse(r.stdout) as PreviewJson;
    },
    refresh: (extra = [], o) => run(withStack(["refresh", "--yes", "--skip-preview", ...extra]), o),
    destroy: (extra = [], o) => run(withStack(["destroy", "--yes", "--skip-preview", ...extra]), o),
    setConfig: async (key, value, o = {}) => {
      await run(["config", "set", "--stack", stack, ...(o.secret ? ["--secret"] : []), "--", key, value]);
    },
    stackOutputs: async <T>() => {
      const r = await run(withStack(["stack", "output", "--json", "--show-secrets"]));
      return JSON.parse(r.stdout) as T;
    },
    exportState: async () => {
      const r = await run(withStack(["stack", "export", "--show-secrets"]));
      return JSON.parse(r.stdout) as StateExport;
    },
    cleanup: async () => {
      if (cleaned) return;
      cleaned = true;
      for (const kill of killers) kill();
      await Promise.allSettled([...running]);
      if (createdStackFile) fs.rmSync(createdStackFile, { force: true });
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
  try {
    for (const [k, v] of Object.entries(opts.config ?? {})) await ws.setConfig(k, v);
    for (const [k, v] of Object.entries(opts.secretConfig ?? {})) await ws.setConfig(k, v, { secret: true });
  } catch (err) {
    await ws.cleanup();
    throw err;
  }
  return ws;
}
