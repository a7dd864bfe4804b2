// Where scripts/ensure-pulumi-cli.js keeps the Pulumi CLI it builds, shared with the end-to-end
// test harness so both compute the same directory. Plain Node, no dependencies.
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");

const repoRoot = path.resolve(__dirname, "..");

/** Version of the pinned @pulumi/pulumi package (e.g. "3.248.0"); the CLI is built to match. */
function pinnedPulumiVersion(root = repoRoot) {
  const manifest = path.join(root, "node_modules", "@pulumi", "pulumi", "package.json");
  let pkg;
  try {
    pkg = JSON.parse(fs.readFileSync(manifest, "utf8"));
  } catch (err) {
    throw new Error(`cannot read ${manifest} (${err.code || err.message}): run \`npm ci\` first`);
  }
  return String(pkg.version).replace(/^v/, "");
}

/** Cache root outside the clone: $PULUMI_LSC_CACHE, else ${XDG_CACHE_HOME:-~/.cache}/pulumi-lightsail-certificates. */
function cacheRoot(env = process.env) {
  if (env.PULUMI_LSC_CACHE) return path.resolve(env.PULUMI_LSC_CACHE);
  const xdg = env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache");
  return path.join(path.resolve(xdg), "pulumi-lightsail-certificates");
}

/** Per-version directory: <cache>/pulumi-v<version>. */
function versionDir(version = pinnedPulumiVersion(), env = process.env) {
  return path.join(cacheRoot(env), `pulumi-v${version}`);
}

/**
 * Directory holding `pulumi`, `pulumi-language-nodejs` and `pulumi-resource-pulumi-nodejs`:
 * <cache>/pulumi-v<version>/bin. Put it first on PATH.
 */
function cliBinDir(version = pinnedPulumiVersion(), env = process.env) {
  return path.join(versionDir(version, env), "bin");
}

/** The three executables the engine needs on PATH for a nodejs project with dynamic providers. */
const REQUIRED_EXECUTABLES = ["pulumi", "pulumi-language-nodejs", "pulumi-resource-pulumi-nodejs"];

module.exports = { repoRoot, pinnedPulumiVersion, cacheRoot, versionDir, cliBinDir, REQUIRED_EXECUTABLES };
