#!/usr/bin/env node
// The package as users get it: `npm pack` of this checkout (which runs `prepack`: a clean build)
// installed with a plain `npm install <tarball>` into a throwaway project, together with what a
// user's Pulumi program adds (@pulumi/pulumi, @pulumi/aws, @pulumi/policy, typescript, ts-node,
// @types/node, at the versions this repository pins). The example tests, the end-to-end tests,
// the packaging tests and the demo run against that project instead of this checkout.
//
// Where: ${LSC_INSTALL_ROOT:-<os tmpdir>/pulumi-lightsail-certificates-installed/<checkout key>}/<hash>/
//   pack/<tarball>       what `npm pack` wrote
//   project/             package.json + node_modules (the throwaway project)
//   installed.json       what was installed, and how long packing and installing took
// It is outside the checkout on purpose: below it, Node and tsc would find whatever the
// installed package lacks in the checkout's node_modules by walking up, and hide the gap.
//
// <hash> covers every file that goes into the tarball or into building it, and the install
// list, so an unchanged checkout reuses its install (a run costs nothing then) and any change
// makes a new one. Concurrent callers in one checkout wait on a lock (packing rewrites dist/);
// a dead holder's lock is taken over. Installs not used for an hour are removed, except the
// newest two. Every command has a timeout.
//
// CLI: node scripts/install-packed.js   prints the project directory (progress on stderr).
"use strict";
const { spawn } = require("child_process");
const crypto = require("crypto");
const fs = require("fs");
const os = require("os");
const path = require("path");

const repoRoot = path.resolve(__dirname, "..");
const PACKAGE_NAME = "pulumi-lightsail-certificates";

/** What the tarball is made from (files, and directories walked without node_modules/bin/.tmp). */
const PACKAGE_INPUTS = [
  "package.json",
  "README.md",
  "LICENSE",
  "CHANGELOG.md",
  "RELIABILITY.md",
  "tsconfig.json",
  "tsconfig.build.json",
  "tsconfig.sdk-nodejs.json",
  "index.ts",
  "lightsail",
  "lookup",
  "provider",
  "api",
  "sdk/nodejs",
  "emulator",
  "gate",
  "policy",
  "examples",
  "scripts/clean-build.js",
  "scripts/build-sdk-nodejs.js",
  "scripts/install-packed.js",
];
const SKIPPED_DIRS = new Set(["node_modules", "bin", ".tmp", "dist"]);

/** Packages a user's program installs beside this one; versions from this repository's devDependencies. */
const COMPANIONS = [
  "@pulumi/pulumi",
  "@pulumi/aws",
  "@pulumi/policy",
  "typescript",
  "ts-node",
  "@types/node",
];

const PACK_TIMEOUT_MS = 5 * 60_000;
const INSTALL_TIMEOUT_MS = 10 * 60_000;
const LOCK_WAIT_MS = 20 * 60_000;
const KEEP_UNUSED_MS = 60 * 60_000;

/** Root of this checkout's installs. */
function installRoot(env = process.env) {
  if (env.LSC_INSTALL_ROOT) return path.resolve(env.LSC_INSTALL_ROOT);
  const key = crypto.createHash("sha256").update(fs.realpathSync(repoRoot)).digest("hex").slice(0, 12);
  return path.join(os.tmpdir(), `${PACKAGE_NAME}-installed`, key);
}

/** `name@version` for each companion, as pinned in this repository's package.json. */
function companionSpecs() {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8"));
  const pins = { ...manifest.devDependencies };
  return COMPANIONS.map((name) => {
    if (!pins[name]) throw new Error(`package.json pins no version of ${name} in devDependencies`);
    return `${name}@${pins[name]}`;
  });
}

function listFiles(rel, out) {
  const abs = path.join(repoRoot, rel);
  let stat;
  try {
    stat = fs.statSync(abs);
  } catch (err) {
    if (err.code === "ENOENT") return;
    throw err;
  }
  if (stat.isFile()) {
    out.push(rel);
    return;
  }
  for (const entry of fs.readdirSync(abs, { withFileTypes: true })) {
    if (entry.isDirectory() && SKIPPED_DIRS.has(entry.name)) continue;
    if (entry.isFile() && /^Pulumi\..+\.yaml$/.test(entry.name)) continue; // stack files
    listFiles(path.join(rel, entry.name), out);
  }
}

/** Hash of every package input (paths and contents) and of the install list. */
function inputHash() {
  const files = [];
  for (const input of PACKAGE_INPUTS) listFiles(input, files);
  const hash = crypto.createHash("sha256");
  for (const rel of files.sort()) {
    hash.update(`${rel}\0`);
    hash.update(fs.readFileSync(path.join(repoRoot, rel)));
    hash.update("\0");
  }
  hash.update(companionSpecs().join("\n"));
  return hash.digest("hex").slice(0, 16);
}

function tail(text, lines = 30) {
  return text.trimEnd().split("\n").slice(-lines).join("\n");
}

/** Runs a command; rejects on a non-zero exit or after timeoutMs (killing its process group). */
function run(cmd, args, { cwd, timeoutMs, env = process.env }) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (d) => (output += d));
    child.stderr.setEncoding("utf8").on("data", (d) => (output += d));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }, timeoutMs);
    child.on("error", (err) => {
      clearTimeout(timer);
      reject(new Error(`could not run ${cmd}: ${err.message}`));
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const what = `${cmd} ${args.join(" ")} (in ${cwd})`;
      if (timedOut) reject(new Error(`${what} timed out after ${timeoutMs} ms\n${tail(output)}`));
      else if (code !== 0) reject(new Error(`${what} exited ${code ?? signal}\n${tail(output)}`));
      else resolve(output);
    });
  });
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === "EPERM";
  }
}

/** Holds `<root>/.lock` (a directory holding the owner's pid) while fn runs. */
async function withLock(root, fn, log) {
  const lock = path.join(root, ".lock");
  const deadline = Date.now() + LOCK_WAIT_MS;
  let said = false;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, "pid"), String(process.pid));
      break;
    } catch (err) {
      if (err.code !== "EEXIST") throw err;
    }
    let owner = NaN;
    try {
      owner = Number(fs.readFileSync(path.join(lock, "pid"), "utf8"));
    } catch {
      // being created or removed; look again
    }
    const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    if ((Number.isInteger(owner) && owner > 0 && !alive(owner)) || (Number.isNaN(owner) && age > 60_000)) {
      fs.rmSync(lock, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${lock} (held by pid ${owner})`);
    if (!said) log(`waiting for pid ${owner}, which is packing or installing (${lock})`);
    said = true;
    await new Promise((r) => setTimeout(r, 500));
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/** Removes installs not used for an hour (keeping the newest two) and leftovers of killed runs. */
function prune(root, keep) {
  const entries = fs
    .readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name !== ".lock")
    .map((e) => {
      const dir = path.join(root, e.name);
      const marker = path.join(dir, "installed.json");
      const stat = fs.statSync(fs.existsSync(marker) ? marker : dir);
      return { dir, name: e.name, used: stat.mtimeMs };
    })
    .sort((a, b) => b.used - a.used);
  const stale = (e) => Date.now() - e.used > KEEP_UNUSED_MS;
  const installs = entries.filter((e) => e.name !== keep && !e.name.startsWith(".staging-"));
  const doomed = [
    ...entries.filter((e) => e.name.startsWith(".staging-") && stale(e)),
    ...installs.slice(1).filter(stale), // the newest other install stays
  ];
  for (const e of doomed) fs.rmSync(e.dir, { recursive: true, force: true });
}

function describe(dir, info) {
  const projectDir = path.join(dir, "project");
  const nodeModules = path.join(projectDir, "node_modules");
  return {
    ...info,
    dir,
    projectDir,
    nodeModules,
    packageDir: path.join(nodeModules, PACKAGE_NAME),
    tarball: path.join(dir, "pack", info.tarball),
  };
}

/**
 * Packs and installs the package unless an install of the same inputs exists; returns where it is.
 * `force` repacks and reinstalls. `log` gets progress lines.
 */
async function ensureInstalledPackage({ log = () => undefined, force = false } = {}) {
  const root = installRoot();
  fs.mkdirSync(root, { recursive: true });
  const hash = inputHash();
  const dir = path.join(root, hash);
  const marker = path.join(dir, "installed.json");
  const reuse = () => {
    const info = JSON.parse(fs.readFileSync(marker, "utf8"));
    const now = new Date();
    fs.utimesSync(marker, now, now); // used: keeps it from being pruned
    return describe(dir, { ...info, reused: true });
  };
  if (!force && fs.existsSync(marker)) return reuse();

  return withLock(
    root,
    async () => {
      if (!force && fs.existsSync(marker)) return reuse();
      const staging = fs.mkdtempSync(path.join(root, `.staging-${process.pid}-`));
      try {
        const packDir = path.join(staging, "pack");
        const projectDir = path.join(staging, "project");
        fs.mkdirSync(packDir);
        fs.mkdirSync(projectDir);

        log(`npm pack (prepack: clean build) of ${repoRoot} ...`);
        let start = Date.now();
        await run("npm", ["pack", "--pack-destination", packDir], {
          cwd: repoRoot,
          timeoutMs: PACK_TIMEOUT_MS,
        });
        const packMs = Date.now() - start;
        const tarballs = fs.readdirSync(packDir).filter((f) => f.endsWith(".tgz"));
        if (tarballs.length !== 1) throw new Error(`npm pack wrote ${tarballs.length} tarballs: ${tarballs}`);
        const tarball = tarballs[0];
        log(`packed ${tarball} in ${(packMs / 1000).toFixed(1)} s`);

        fs.writeFileSync(
          path.join(projectDir, "package.json"),
          JSON.stringify(
            {
              name: "installed-package-check",
              version: "1.0.0",
              private: true,
              description: `A throwaway project with ${PACKAGE_NAME} installed from its packed tarball.`,
            },
            null,
            2,
          ) + "\n",
        );
        const specs = [path.join("..", "pack", tarball), ...companionSpecs()];
        log(`npm install ${specs.join(" ")} ...`);
        start = Date.now();
        await run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", ...specs], {
          cwd: projectDir,
          timeoutMs: INSTALL_TIMEOUT_MS,
        });
        const installMs = Date.now() - start;
        log(`installed in ${(installMs / 1000).toFixed(1)} s`);

        const installed = path.join(projectDir, "node_modules", PACKAGE_NAME);
        if (fs.lstatSync(installed).isSymbolicLink())
          throw new Error(`${installed} is a symlink: npm did not install the tarball's contents`);

        const info = {
          hash,
          tarball,
          packMs,
          installMs,
          companions: companionSpecs(),
          createdAt: new Date(),
        };
        fs.writeFileSync(path.join(staging, "installed.json"), JSON.stringify(info, null, 2) + "\n");
        if (force) fs.rmSync(dir, { recursive: true, force: true });
        fs.renameSync(staging, dir);
        prune(root, hash);
        return describe(dir, { ...info, reused: false });
      } finally {
        fs.rmSync(staging, { recursive: true, force: true });
      }
    },
    log,
  );
}

module.exports = { ensureInstalledPackage, installRoot, inputHash, PACKAGE_NAME };

if (require.main === module) {
  const force = process.argv.includes("--force");
  ensureInstalledPackage({ force, log: (line) => console.error(`[install-packed] ${line}`) }).then(
    (installed) => console.log(installed.projectDir),
    (err) => {
      console.error(`[install-packed] ${err.message}`);
      process.exit(1);
    },
  );
}
