#!/usr/bin/env node
// Runs the unit, integration, examples and hardening suites under each Node.js line we support
// and at both ends of the @pulumi/pulumi peer range. `.ci/run` runs it after `npm test`, which
// covers the machine's Node (20) with the pinned @pulumi/pulumi (3.248.0).
//
//   node scripts/test-matrix.js                       # the legs below, pinned versions
//   node scripts/test-matrix.js --latest              # newest 22.x, 24.x and @pulumi/pulumi
//   node scripts/test-matrix.js --node 24 --pulumi none --suites unit
//
// Legs, in order, for each Node version N in --node (default 22,24; a major means the version
// pinned in ensure-node.js, or the newest with --latest; an exact version is taken as it is):
//   1. Node N with this checkout's own node_modules (@pulumi/pulumi as pinned in package.json);
//   2. Node N with @pulumi/pulumi --pulumi (default NEWEST_PULUMI below; `latest` asks the
//      registry, `none` skips these legs), in a copy of the repository in a temporary directory
//      (`npm ci`, then `npm install --save-dev --save-exact @pulumi/pulumi@<version>`, and the
//      examples' and policy pack's pins raised alike: the copy is the repository with its
//      pins raised), so the checkout's node_modules are never touched. The copy checks first
//      that the root, @pulumi/aws and @pulumi/policy all resolve the one new @pulumi/pulumi,
//      and type-checks the project against it (`tsc --noEmit`).
// Node builds come from the npm registry through scripts/ensure-node.js (cached outside the
// clone). Each leg runs mocha with that node and with its bin dir first on PATH, because the
// programs under test spawn `node` too. In the copy, tests/hardening/hygiene.test.ts is left
// out: it drives the real Pulumi CLI, which is built for the pinned SDK version only.
//
// Every leg prints a header, mocha's output per suite, and its totals; the last line is
// `== matrix totals: P passed, F failed (T s)`, which .ci/run adds to its own count. A suite
// that exits non-zero without reporting a failing test (a crash, a timeout) and a failed
// preparation step each count as one failure. Exit status 1 when anything failed, 2 on usage
// errors. Every child process has a timeout and is killed with everything it started.
"use strict";
const { spawn, spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { ensureNode } = require("./ensure-node");

/** The newest @pulumi/pulumi when this was last raised (`npm view @pulumi/pulumi version`). */
const NEWEST_PULUMI = "3.276.0";
const SUITES = ["unit", "integration", "examples", "hardening"];
/** Needs the real Pulumi CLI of the SDK's exact version: only in the legs on this checkout. */
const CLI_ONLY_IN_CLONE = ["tests/hardening/hygiene.test.ts"];

const SUITE_TIMEOUT_MS = 20 * 60_000;
const NPM_TIMEOUT_MS = 10 * 60_000;
const STEP_TIMEOUT_MS = 5 * 60_000;
const KILL_GRACE_MS = 5_000;

const repoRoot = path.resolve(__dirname, "..");
const mochaBin = (root) => path.join(root, "node_modules", "mocha", "bin", "mocha.js");

class UsageError extends Error {}

function parseArgs(argv) {
  const opts = {
    node: ["22", "24"],
    pulumi: NEWEST_PULUMI,
    suites: SUITES,
    latest: false,
    keep: false,
  };
  let pulumiGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new UsageError(`${a} needs a value`);
      return argv[++i];
    };
    if (a === "--node") opts.node = value().split(",").filter(Boolean);
    else if (a === "--pulumi") {
      opts.pulumi = value();
      pulumiGiven = true;
    } else if (a === "--suites") opts.suites = value().split(",").filter(Boolean);
    else if (a === "--latest") opts.latest = true;
    else if (a === "--keep") opts.keep = true;
    else throw new UsageError(`unknown argument ${JSON.stringify(a)}`);
  }
  if (opts.latest && !pulumiGiven) opts.pulumi = "latest";
  for (const s of opts.suites)
    if (!SUITES.includes(s)) throw new UsageError(`unknown suite ${s} (known: ${SUITES.join(", ")})`);
  if (opts.node.length === 0 || opts.suites.length === 0) throw new UsageError("nothing to run");
  if (opts.pulumi !== "latest" && opts.pulumi !== "none" && !/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(opts.pulumi))
    throw new UsageError(`--pulumi takes a version, latest or none, not ${JSON.stringify(opts.pulumi)}`);
  return opts;
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const say = (line) => process.stdout.write(`${line}\n`);

/** The child running now, killed (with its process group) if we are interrupted. */
let current;

/**
 * Runs a command in its own process group, echoing its output, and resolves with
 * { code, output, timedOut }. On timeout the whole group gets SIGTERM, then SIGKILL.
 */
function run(cmd, args, { cwd, env, timeoutMs, echo = true }) {
  return new Promise((resolve) => {
    let output = "";
    let timedOut = false;
    let child;
    try {
      child = spawn(cmd, args, { cwd, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    } catch (err) {
      resolve({ code: 127, output: String(err), timedOut });
      return;
    }
    current = child;
    const onData = (stream) => (chunk) => {
      output += chunk;
      if (echo) stream.write(chunk);
    };
    child.stdout.on("data", onData(process.stdout));
    child.stderr.on("data", onData(process.stderr));
    const killGroup = (signal) => {
      try {
        process.kill(-child.pid, signal);
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      process.stderr.write(
        `\n[test-matrix] ${cmd} ${args.join(" ")}: no end after ${seconds(timeoutMs)}, killing it\n`,
      );
      killGroup("SIGTERM");
      setTimeout(() => killGroup("SIGKILL"), KILL_GRACE_MS).unref();
    }, timeoutMs);
    child.on("error", (err) => {
      output += String(err);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      killGroup("SIGKILL"); // anything it left behind (mocha --exit leaves no one waiting)
      current = undefined;
      resolve({ code: code ?? (signal ? 128 : 1), output, timedOut });
    });
  });
}

/**
 * Environment of a leg: its node first on PATH. When this runs under `npm run`, npm's notes
 * about itself and this package (npm_execpath, npm_node_execpath, npm_package_*, npm_lifecycle_*,
 * npm_config_local_prefix: the checkout) are dropped; the user's npm configuration
 * (npm_config_cache, npm_config_registry, ...) is kept.
 */
function legEnv(binDir) {
  const env = { ...process.env, PATH: [binDir, process.env.PATH || ""].join(path.delimiter) };
  for (const key of Object.keys(env)) {
    const k = key.toLowerCase();
    if (k.startsWith("npm_") && (!k.startsWith("npm_config_") || k === "npm_config_local_prefix"))
      delete env[key];
  }
  env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  return env;
}

/** mocha's "N passing" / "N failing" from one run (colour codes removed first: with CI=true
 * mocha colours part of its output even into a pipe). */
function countMocha(output) {
  const plain = output.replace(/\x1b\[[0-9;]*m/g, "");
  const count = (word) => {
    const m = new RegExp(`^ +(\\d+) ${word}\\b`, "m").exec(plain);
    return m ? Number(m[1]) : 0;
  };
  return { passed: count("passing"), failed: count("failing"), pending: count("pending") };
}

/** A preparation step: fails the leg (counted as one failure) unless it exits 0. */
async function step(leg, label, cmd, args, opts) {
  const started = Date.now();
  say(`--- ${label}`);
  const r = await run(cmd, args, { timeoutMs: STEP_TIMEOUT_MS, ...opts });
  const ms = Date.now() - started;
  leg.steps.push({ label, ms, ok: r.code === 0 });
  if (r.code !== 0) {
    say(`--- ${label}: FAILED (exit ${r.code}${r.timedOut ? ", timed out" : ""}) after ${seconds(ms)}`);
    leg.failed += 1;
    return false;
  }
  say(`--- ${label}: ok in ${seconds(ms)}`);
  return true;
}

/** Runs each suite of a leg with its node; adds the counts to leg. */
async function runSuites(leg, { root, node, binDir, suites, ignore }) {
  for (const suite of suites) {
    const started = Date.now();
    say(`--- ${leg.name}: tests/${suite}`);
    const args = [mochaBin(root), `tests/${suite}/**/*.test.ts`];
    for (const file of ignore) if (file.startsWith(`tests/${suite}/`)) args.push("--ignore", file);
    const r = await run(node, args, { cwd: root, env: legEnv(binDir), timeoutMs: SUITE_TIMEOUT_MS });
    const c = countMocha(r.output);
    // A crash or a kill before mocha's summary still fails the leg, and is counted.
    if (r.code !== 0 && c.failed === 0) {
      say(
        `--- tests/${suite} exited ${r.code}${r.timedOut ? " (timed out)" : ""} without a failing test: counted as 1 failed`,
      );
      c.failed = 1;
    }
    if (c.pending > 0) say(`--- tests/${suite}: ${c.pending} pending (skipped) test(s)`);
    const ms = Date.now() - started;
    leg.suites.push({ suite, ...c, ms });
    leg.passed += c.passed;
    leg.failed += c.failed;
  }
}

/** Tracked and untracked-but-not-ignored files of the working tree, as git lists them. */
function repositoryFiles() {
  const r = spawnSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    cwd: repoRoot,
    encoding: "utf8",
    timeout: 60_000,
    killSignal: "SIGKILL",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`git ls-files failed in ${repoRoot}: ${r.error || r.stderr}`);
  return r.stdout.split("\0").filter((f) => f !== "" && fs.existsSync(path.join(repoRoot, f)));
}

function copyRepository(dest) {
  const files = repositoryFiles();
  for (const f of files) {
    const from = path.join(repoRoot, f);
    const to = path.join(dest, f);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    const st = fs.lstatSync(from);
    if (st.isSymbolicLink()) fs.symlinkSync(fs.readlinkSync(from), to);
    else fs.copyFileSync(from, to);
  }
  return files;
}

/**
 * Raises the exact pins of @pulumi/pulumi from `from` to `to` in the copy's other package.json
 * files (examples, policy pack; the root's devDependencies are npm's job), so that the copy is
 * this repository as it would be with its pins raised: its tests compare those pins with the
 * root's. peerDependencies are left as written. Returns the files changed.
 */
function raisePins(dir, files, from, to) {
  const changed = [];
  for (const f of files) {
    if (path.basename(f) !== "package.json" || f === "package.json" || f.includes("node_modules/")) continue;
    const file = path.join(dir, f);
    const manifest = JSON.parse(fs.readFileSync(file, "utf8"));
    let touched = false;
    for (const section of ["dependencies", "devDependencies", "optionalDependencies"]) {
      if (manifest[section]?.["@pulumi/pulumi"] === from) {
        manifest[section]["@pulumi/pulumi"] = to;
        touched = true;
      }
    }
    if (touched) {
      fs.writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
      changed.push(f);
    }
  }
  return changed;
}

/** Says whether the copy's peer range of @pulumi/pulumi admits `version` (a note, not a failure). */
function notePeerRange(dir, version) {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
  const range = manifest.peerDependencies?.["@pulumi/pulumi"];
  if (range === undefined) return;
  let semver;
  try {
    semver = require(require.resolve("semver", { paths: [dir] }));
  } catch {
    return;
  }
  const ok = semver.satisfies(version, range);
  say(
    `--- package.json's peer range of @pulumi/pulumi, ${JSON.stringify(range)}, ${ok ? "admits" : "does NOT admit"} ${version}`,
  );
}

/** The version of @pulumi/pulumi that `fromDir` resolves, and its path. */
function resolvedPulumi(root, fromPackage) {
  const base = fromPackage
    ? path.dirname(require.resolve(`${fromPackage}/package.json`, { paths: [root] }))
    : root;
  const manifest = require.resolve("@pulumi/pulumi/package.json", { paths: [base] });
  return { manifest, version: JSON.parse(fs.readFileSync(manifest, "utf8")).version };
}

async function latestPulumi() {
  const r = await run("npm", ["view", "@pulumi/pulumi", "version"], {
    cwd: repoRoot,
    env: process.env,
    timeoutMs: 2 * 60_000,
    echo: false,
  });
  const v = r.output.trim();
  if (r.code !== 0 || !/^\d+\.\d+\.\d+$/.test(v)) throw new Error(`npm view @pulumi/pulumi version: ${v}`);
  return v;
}

/**
 * Copies the repository into a temporary directory and installs @pulumi/pulumi@version there.
 * Returns the directory (undefined when a step failed; the failure is on `leg`).
 */
async function preparePulumiCopy(leg, pinned, version, nodeBinDir, tmpDirs) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lsc-matrix-pulumi-"));
  tmpDirs.push(dir);
  const started = Date.now();
  const files = copyRepository(dir);
  leg.steps.push({ label: "copy", ms: Date.now() - started, ok: true });
  say(`--- copied ${files.length} files of the repository to ${dir}`);
  // npm itself runs under the leg's node (@pulumi/pulumi >= 3.249 asks for Node >= 22).
  const env = legEnv(nodeBinDir);
  const npm = (label, args) => step(leg, label, "npm", args, { cwd: dir, env, timeoutMs: NPM_TIMEOUT_MS });
  if (!(await npm("npm ci", ["ci", "--no-audit", "--no-fund"]))) return undefined;
  const spec = `@pulumi/pulumi@${version}`;
  // Saved (in the copy only), so that its package.json and lockfile pin what is installed: tools
  // that read the pins (a test that installs the packed package beside the pinned
  // @pulumi/pulumi) then use this version too.
  const install = ["install", "--save-dev", "--save-exact", "--no-audit", "--no-fund", spec];
  if (!(await npm(`npm install --save-dev --save-exact ${spec}`, install))) return undefined;
  // npm install prunes the self-link that postinstall made; make it again.
  if (!(await step(leg, "link the package to itself", "node", ["scripts/link-self.js"], { cwd: dir, env })))
    return undefined;
  const raised = raisePins(dir, files, pinned, version);
  say(
    `--- raised @pulumi/pulumi ${pinned} to ${version} in ${raised.length ? raised.join(", ") : "no other package.json"}`,
  );
  notePeerRange(dir, version);

  say(`--- which @pulumi/pulumi each package resolves`);
  let ok = true;
  const seen = new Set();
  for (const from of [undefined, "@pulumi/aws", "@pulumi/policy"]) {
    try {
      const r = resolvedPulumi(dir, from);
      seen.add(r.manifest);
      say(`    ${(from || "the project").padEnd(16)} -> ${r.version} (${path.relative(dir, r.manifest)})`);
      if (r.version !== version) ok = false;
    } catch (err) {
      say(`    ${(from || "the project").padEnd(16)} -> cannot resolve: ${err.message}`);
      ok = false;
    }
  }
  if (!ok || seen.size !== 1) {
    say(`--- FAILED: not every package resolves the one @pulumi/pulumi ${version}`);
    leg.failed += 1;
    return undefined;
  }
  if (!(await step(leg, "npm run build", "npm", ["run", "build"], { cwd: dir, env }))) return undefined;
  const tsc = path.join(dir, "node_modules", "typescript", "bin", "tsc");
  if (
    !(await step(
      leg,
      `tsc --noEmit against @pulumi/pulumi ${version}`,
      "node",
      [tsc, "--noEmit", "-p", "tsconfig.json"],
      { cwd: dir, env },
    ))
  )
    return undefined;
  return dir;
}

function newLeg(name) {
  return { name, passed: 0, failed: 0, suites: [], steps: [], ms: 0 };
}

function printLegTotals(leg, index, count) {
  const parts = leg.suites.map(
    (s) => `${s.suite} ${s.passed}/${s.failed}${s.pending ? ` (${s.pending} pending)` : ""} ${seconds(s.ms)}`,
  );
  say(
    `=== leg ${index}/${count} done, ${leg.name}: ${leg.passed} passed, ${leg.failed} failed in ${seconds(leg.ms)}`,
  );
  if (parts.length) say(`    (passed/failed per suite: ${parts.join("; ")})`);
  say("");
}

async function main(argv) {
  let opts;
  try {
    opts = parseArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(
      `${err.message}\nusage: node scripts/test-matrix.js [--node 22,24] [--pulumi <version>|latest|none] ` +
        `[--suites ${SUITES.join(",")}] [--latest] [--keep]\n`,
    );
    return 2;
  }
  const started = Date.now();
  const legs = [];
  const tmpDirs = [];
  const cleanup = () => {
    for (const d of tmpDirs) {
      if (opts.keep) say(`(kept ${d})`);
      else fs.rmSync(d, { recursive: true, force: true });
    }
  };
  for (const sig of ["SIGINT", "SIGTERM"]) {
    process.once(sig, () => {
      if (current) {
        try {
          process.kill(-current.pid, "SIGKILL");
        } catch {
          // gone
        }
      }
      cleanup();
      process.exit(130);
    });
  }

  try {
    const pinned = JSON.parse(
      fs.readFileSync(path.join(repoRoot, "node_modules/@pulumi/pulumi/package.json"), "utf8"),
    ).version;
    const pulumi = opts.pulumi === "latest" ? await latestPulumi() : opts.pulumi;
    const nodes = [];
    const prep = newLeg("preparation");
    say(
      `=== test matrix: node ${opts.node.join(", ")}${opts.latest ? " (newest)" : ""} x @pulumi/pulumi ${pinned} (this checkout's)${pulumi === "none" ? "" : ` and ${pulumi}`}; suites ${opts.suites.join(", ")}`,
    );
    for (const spec of opts.node) {
      const t = Date.now();
      try {
        const n = ensureNode(spec, { latest: opts.latest });
        nodes.push(n);
        say(
          `--- node ${spec}: v${n.version} ${n.fetched ? "fetched" : "cached"} in ${n.binDir} (${seconds(Date.now() - t)})`,
        );
      } catch (err) {
        say(`--- node ${spec}: FAILED: ${err.message}`);
        prep.failed += 1;
      }
    }
    // This checkout's dist/ (the examples and the gate tests load it) and, for the hygiene test,
    // the Pulumi CLI: both are there after `npm test`, and these are then quick no-ops.
    const env = { ...process.env };
    await step(prep, "npm run build", "npm", ["run", "build"], {
      cwd: repoRoot,
      env,
      timeoutMs: STEP_TIMEOUT_MS,
    });
    if (opts.suites.includes("hardening"))
      await step(prep, "the Pulumi CLI for the hygiene test", "node", ["scripts/ensure-pulumi-cli.js"], {
        cwd: repoRoot,
        env,
        timeoutMs: 30 * 60_000,
      });
    prep.ms = Date.now() - started;
    legs.push(prep);
    say(
      `=== preparation: ${prep.failed === 0 ? "ok" : `${prep.failed} step(s) failed`} in ${seconds(prep.ms)}\n`,
    );

    const plan = nodes.map((n) => ({ n, pulumi: pinned, copy: false }));
    if (pulumi !== "none") plan.push(...nodes.map((n) => ({ n, pulumi, copy: true })));
    let copyDir;
    let copyTried = false;
    for (const [i, { n, pulumi: pv, copy }] of plan.entries()) {
      const leg = newLeg(
        `node v${n.version} + @pulumi/pulumi ${pv}${copy ? " (temporary copy)" : " (this checkout)"}`,
      );
      legs.push(leg);
      const t = Date.now();
      say(`=== leg ${i + 1}/${plan.length}: ${leg.name}`);
      const ver = spawnSync(n.node, ["--version"], { encoding: "utf8", timeout: 30_000 }).stdout.trim();
      say(`--- ${n.node} --version: ${ver}`);
      let root = repoRoot;
      if (copy) {
        if (!copyTried) {
          copyTried = true;
          copyDir = await preparePulumiCopy(leg, pinned, pv, n.binDir, tmpDirs);
        }
        root = copyDir;
      }
      if (root === undefined) {
        if (leg.failed === 0) {
          leg.failed = 1;
          say(`--- the copy with @pulumi/pulumi ${pv} could not be prepared`);
        }
      } else {
        await runSuites(leg, {
          root,
          node: n.node,
          binDir: n.binDir,
          suites: opts.suites,
          ignore: copy ? CLI_ONLY_IN_CLONE : [],
        });
      }
      leg.ms = Date.now() - t;
      printLegTotals(leg, i + 1, plan.length);
    }
  } finally {
    cleanup();
  }

  const passed = legs.reduce((s, l) => s + l.passed, 0);
  const failed = legs.reduce((s, l) => s + l.failed, 0);
  say("=== test matrix summary");
  for (const l of legs)
    say(
      `    ${l.name.padEnd(68)} ${String(l.passed).padStart(5)} passed ${String(l.failed).padStart(3)} failed ${seconds(l.ms).padStart(8)}`,
    );
  say(`== matrix totals: ${passed} passed, ${failed} failed (${seconds(Date.now() - started)})`);
  return failed === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`[test-matrix] ${err.stack || err}\n`);
    say("== matrix totals: 0 passed, 1 failed");
    process.exit(1);
  },
);
