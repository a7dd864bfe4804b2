#!/usr/bin/env node
// `npm run plugin:build`: the provider plugin `lightsail-certificates` as an archive that
// `pulumi plugin install resource lightsail-certificates <version> --file <archive>` accepts:
//   pulumi-resource-lightsail-certificates-v<version>-linux-amd64.tar.gz
//     pulumi-resource-lightsail-certificates   the launcher (provider/plugin/), runs node on
//     node_modules/pulumi-lightsail-certificates/dist/provider/plugin/main.js
//     node_modules/                             the package, installed from its packed tarball,
//                                               with its production dependencies and @pulumi/pulumi
//     package.json, package-lock.json
// The tarball is the one scripts/install-packed.js packs (reused while no input changed). The
// archive is kept in the cache outside the clone, <cache>/plugin/<hash>/, keyed by the package's
// inputs and the launcher: a second run with nothing changed does nothing. Built in a temporary
// directory renamed into place; every command has a timeout. Prints the archive's path on stdout
// (progress on stderr); exit 1 with a message. Needs node on PATH where the plugin runs.
"use strict";
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");
const { cacheRoot, pinnedPulumiVersion, repoRoot } = require("./pulumi-cli-paths");
const { ensureInstalledPackage, inputHash } = require("./install-packed");
const { UserError, createLogger, run } = require("./process-helpers");
const { tempDir, cleanStale } = require("./cache-staging");

const PLUGIN = "lightsail-certificates";
const LAUNCHER = path.join(repoRoot, "provider", "plugin", `pulumi-resource-${PLUGIN}`);
const INSTALL_TIMEOUT_MS = 10 * 60_000;
const TAR_TIMEOUT_MS = 5 * 60_000;

const { log, step } = createLogger("build-plugin", process.stderr);

function packageVersion() {
  return JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")).version;
}

/** The archive's file name for a version (the name `pulumi plugin install` expects). */
function archiveName(version) {
  return `pulumi-resource-${PLUGIN}-v${version}-linux-amd64.tar.gz`;
}

function sizeOf(dir) {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) total += sizeOf(p);
    else if (entry.isFile()) total += fs.statSync(p).size;
  }
  return total;
}

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Builds the archive unless one of the same inputs exists; returns { archive, version, ...sizes }. */
async function ensurePluginArchive() {
  const version = packageVersion();
  const hash = crypto
    .createHash("sha256")
    .update(inputHash())
    .update(fs.readFileSync(LAUNCHER))
    .update(pinnedPulumiVersion())
    .digest("hex")
    .slice(0, 16);
  const root = path.join(cacheRoot(), "plugin");
  const dir = path.join(root, hash);
  const archive = path.join(dir, archiveName(version));
  const infoFile = path.join(dir, "build.json");
  if (fs.existsSync(infoFile) && fs.existsSync(archive)) {
    log(`cached: ${archive}`);
    return { ...JSON.parse(fs.readFileSync(infoFile, "utf8")), archive, reused: true };
  }
  cleanStale(root);
  const started = Date.now();
  const installed = await ensureInstalledPackage({ log });
  const staging = tempDir(root, "tmp");
  try {
    const content = path.join(staging, "plugin");
    fs.mkdirSync(content);
    fs.writeFileSync(
      path.join(content, "package.json"),
      `${JSON.stringify({ name: `pulumi-resource-${PLUGIN}`, version, private: true }, null, 2)}\n`,
    );
    const specs = [installed.tarball, `@pulumi/pulumi@${pinnedPulumiVersion()}`];
    step(`npm install --omit=dev ${specs.map((s) => path.basename(s)).join(" ")}`, () =>
      run("npm", ["install", "--omit=dev", "--prefer-offline", "--no-audit", "--no-fund", ...specs], {
        cwd: content,
        logFile: path.join(staging, "npm.log"),
        timeoutMs: INSTALL_TIMEOUT_MS,
        what: "npm install of the plugin's packages",
      }),
    );
    const main = path.join(
      content,
      "node_modules",
      "pulumi-lightsail-certificates",
      "dist",
      "provider",
      "plugin",
      "main.js",
    );
    if (!fs.existsSync(main))
      throw new UserError(`the installed package has no ${path.relative(content, main)}`);
    fs.copyFileSync(LAUNCHER, path.join(content, `pulumi-resource-${PLUGIN}`));
    fs.chmodSync(path.join(content, `pulumi-resource-${PLUGIN}`), 0o755);
    const unpacked = sizeOf(content);
    const out = path.join(staging, archiveName(version));
    step(`tar ${archiveName(version)}`, () =>
      run("tar", ["-czf", out, "-C", content, "."], { cwd: staging, timeoutMs: TAR_TIMEOUT_MS, what: "tar" }),
    );
    const info = {
      version,
      hash,
      archiveBytes: fs.statSync(out).size,
      unpackedBytes: unpacked,
      buildMs: Date.now() - started,
      createdAt: new Date(),
    };
    fs.rmSync(content, { recursive: true, force: true });
    fs.rmSync(path.join(staging, "npm.log"), { force: true });
    fs.writeFileSync(path.join(staging, "build.json"), `${JSON.stringify(info, null, 2)}\n`);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(staging, dir);
    // Keep only this archive: older ones are rebuilt from their commit if ever needed.
    for (const name of fs.readdirSync(root))
      if (name !== hash && /^[0-9a-f]{16}$/.test(name))
        fs.rmSync(path.join(root, name), { recursive: true, force: true });
    log(
      `${archive}: ${mb(info.archiveBytes)} (unpacked ${mb(unpacked)}), built in ${(info.buildMs / 1000).toFixed(1)} s`,
    );
    return { ...info, archive, reused: false };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

module.exports = { ensurePluginArchive, archiveName, PLUGIN };

if (require.main === module) {
  ensurePluginArchive().then(
    (r) => process.stdout.write(`${r.archive}\n`),
    (err) => {
      console.error(`[build-plugin] error: ${err instanceof UserError ? err.message : err.stack || err}`);
      process.exit(1);
    },
  );
}
