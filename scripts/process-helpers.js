// Running commands from the ensure-* scripts and reporting what they do: a UserError (a message
// printed without a stack), a prefixed logger with timed steps, executable lookup on PATH, and a
// synchronous run with a timeout that throws with the tail of the output. Plain Node, no
// dependencies.
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

/** An error whose message is meant for the user as it is (printed without a stack). */
class UserError extends Error {}

/**
 * `log(msg)` prints `[prefix] msg` to `stream`; `step(label, fn)` runs fn between a
 * "label ..." and a "label: done in N s" line and returns its result.
 */
function createLogger(prefix, stream = process.stdout) {
  const log = (msg) => stream.write(`[${prefix}] ${msg}\n`);
  const step = (label, fn) => {
    const start = Date.now();
    log(`${label} ...`);
    const result = fn();
    log(`${label}: done in ${((Date.now() - start) / 1000).toFixed(1)} s`);
    return result;
  };
  return { log, step };
}

function isExecutableFile(p) {
  try {
    fs.accessSync(p, fs.constants.X_OK);
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/** The first executable `name` in a directory of PATH, or undefined. */
function findOnPath(name) {
  for (const dir of (process.env.PATH || "").split(path.delimiter)) {
    if (dir && isExecutableFile(path.join(dir, name))) return path.join(dir, name);
  }
  return undefined;
}

function tail(text, lines = 40) {
  return text.split("\n").slice(-lines).join("\n");
}

/**
 * Runs a command to completion (killed with SIGKILL after timeoutMs), output to logFile when
 * given; returns stdout, throws a UserError with the output's tail on failure.
 */
function run(cmd, args, { cwd, env = process.env, logFile, timeoutMs, what }) {
  const r = spawnSync(cmd, args, {
    cwd,
    env,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    timeout: timeoutMs,
    killSignal: "SIGKILL",
  });
  const output = `${r.stdout || ""}${r.stderr || ""}`;
  if (logFile) fs.writeFileSync(logFile, output);
  if (r.error || r.status !== 0) {
    const why = r.error ? r.error.message : `exit code ${r.status}`;
    const err = new UserError(`${what} failed (${why}):\n${tail(output)}`);
    err.output = output;
    throw err;
  }
  return r.stdout;
}

module.exports = { UserError, createLogger, isExecutableFile, findOnPath, tail, run };
