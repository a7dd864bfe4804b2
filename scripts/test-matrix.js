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
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const { ensureNode } = require("./ensure-node");
const { latestPulumi, preparePulumiCopy } = require("./matrix-copy");
const { killCurrent, runSuites, say, seconds, step, STEP_TIMEOUT_MS } = require("./matrix-run");

/** The newest @pulumi/pulumi when this was last raised (`npm view @pulumi/pulumi version`). */
const NEWEST_PULUMI = "3.276.0";
const SUITES = ["unit", "integration", "examples", "hardening"];
/** Needs the real Pulumi CLI of the SDK's exact version: only in the legs on this checkout. */
const CLI_ONLY_IN_CLONE = ["tests/hardening/hygiene.test.ts"];

const repoRoot = path.resolve(__dirname, "..");

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
      killCurrent();
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
