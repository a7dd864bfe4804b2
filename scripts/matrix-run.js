// How scripts/test-matrix.js runs its children: each command in its own process group with a
// timeout (killed with everything it started), a leg's environment, mocha's counts, the steps and
// suites of a leg.
"use strict";
const { spawn } = require("child_process");
const path = require("path");

const SUITE_TIMEOUT_MS = 20 * 60_000;
const STEP_TIMEOUT_MS = 5 * 60_000;
const KILL_GRACE_MS = 5_000;

const mochaBin = (root) => path.join(root, "node_modules", "mocha", "bin", "mocha.js");
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

/** Kills the child running now with its process group, if any (on an interrupt). */
function killCurrent() {
  if (!current) return;
  try {
    process.kill(-current.pid, "SIGKILL");
  } catch {
    // already gone
  }
}

module.exports = { countMocha, killCurrent, legEnv, run, runSuites, say, seconds, step, STEP_TIMEOUT_MS };
