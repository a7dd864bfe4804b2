#!/usr/bin/env node
// `npm run plugin:build`: the provider plugin `lightsail-certificates` as self-contained archives
// that `pulumi plugin install resource lightsail-certificates <version> --file <archive>` accepts,
// one per platform (linux-amd64, linux-arm64, darwin-amd64, darwin-arm64, windows-amd64):
//   pulumi-resource-lightsail-certificates-v<version>-<os>-<arch>.tar.gz
//     pulumi-resource-lightsail-certificates[.exe]  the Go launcher (provider/plugin/launcher/)
//     plugin.js                                     the plugin bundled by esbuild into one file
//     node/bin/node (node/node.exe on windows)      the official Node.js build (NODE_VERSION)
//     node/LICENSE                                  Node.js's licence
//     LICENSE                                       this project's licence
// No node is needed on PATH where the plugin runs.
//
//   node scripts/build-plugin.js                          all five
//   node scripts/build-plugin.js --platform linux-amd64   one (repeat the flag, or a comma list)
//
// Bundles dist/provider/plugin/main.js (run `npm run build` first; `npm run plugin:build` does),
// fetches the Node.js builds with `npm pack` (scripts/ensure-node.js's ensureNodeBuild), cross-
// compiles the launcher with the local Go (CGO_ENABLED=0, GOTOOLCHAIN=local, -trimpath), and tars
// each archive in a temporary directory renamed into place. Archives are kept in the cache
// outside the clone, <cache>/plugin/<os>-<arch>/<hash>/, keyed by a hash of their inputs (the
// bundle, the launcher's sources, the Go version, the Node.js package, this script): a second
// run with nothing changed only bundles (1 s) and reuses them. Every command has a timeout.
// Prints the archives' paths on stdout, one a line in the order asked; progress on stderr;
// exit 1 with a message, 2 on usage errors.
"use strict";
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");
const { cacheRoot, repoRoot } = require("./pulumi-cli-paths");
const { ensureNodeBuild } = require("./ensure-node");
const { GO_ENV, goCommand, goVersion } = require("./go-toolchain");
const { UserError, createLogger, run } = require("./process-helpers");
const { tempDir, cleanStale } = require("./cache-staging");

const PLUGIN = "lightsail-certificates";
const EXECUTABLE = `pulumi-resource-${PLUGIN}`;
const LAUNCHER_DIR = path.join(repoRoot, "provider", "plugin", "launcher");
const ENTRY = path.join(repoRoot, "dist", "provider", "plugin", "main.js");
/** The Node.js in the archives: raise on purpose (every archive is rebuilt). */
const NODE_VERSION = "22.23.2";
/** Per archive platform: Go's GOOS/GOARCH, the ensure-node build, and where node goes inside. */
const PLATFORMS = {
  "linux-amd64": { goos: "linux", goarch: "amd64", node: "linux-x64" },
  "linux-arm64": { goos: "linux", goarch: "arm64", node: "linux-arm64" },
  "darwin-amd64": { goos: "darwin", goarch: "amd64", node: "darwin-x64" },
  "darwin-arm64": { goos: "darwin", goarch: "arm64", node: "darwin-arm64" },
  "windows-amd64": { goos: "windows", goarch: "amd64", node: "win32-x64" },
};
const GO_BUILD_TIMEOUT_MS = 5 * 60_000;
const TAR_TIMEOUT_MS = 5 * 60_000;

const { log, step } = createLogger("build-plugin", process.stderr);

function packageVersion() {
  return JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")).version;
}

/** The archive's file name (the name `pulumi plugin install` expects); platform e.g. "linux-amd64". */
function archiveName(version, platform = "linux-amd64") {
  return `${EXECUTABLE}-v${version}-${platform}.tar.gz`;
}

/** Paths inside an archive: the launcher and node for that platform. */
function archiveLayout(platform) {
  const windows = PLATFORMS[platform].goos === "windows";
  return {
    launcher: windows ? `${EXECUTABLE}.exe` : EXECUTABLE,
    bundle: "plugin.js",
    node: windows ? "node/node.exe" : "node/bin/node",
    nodeLicense: "node/LICENSE",
    license: "LICENSE",
  };
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

/**
 * The plugin as one CommonJS file: everything main.js requires (the gRPC server, google-protobuf,
 * the lazily required @aws-sdk/client-lightsail) inside, Node's built-ins outside, the version
 * injected (main.ts reads LSC_PLUGIN_BUNDLE_VERSION instead of package.json, and requires
 * @grpc/grpc-js statically). Every @grpc/grpc-js import resolves to the copy @pulumi/pulumi uses,
 * so the bundle holds one, whose Server main.ts wraps. Returns { code, inputs }.
 */
async function bundle(version) {
  if (!fs.existsSync(ENTRY))
    throw new UserError(`no ${path.relative(repoRoot, ENTRY)}: run \`npm run build\` first`);
  let esbuild;
  try {
    esbuild = require("esbuild");
  } catch {
    throw new UserError("esbuild is not installed: run `npm ci`");
  }
  const pulumiMain = require.resolve("@pulumi/pulumi", { paths: [repoRoot] });
  const grpcMain = require.resolve("@grpc/grpc-js", { paths: [pulumiMain] });
  const oneGrpc = {
    name: "one-grpc-js",
    setup(build) {
      build.onResolve({ filter: /^@grpc\/grpc-js$/ }, () => ({ path: grpcMain }));
    },
  };
  const result = await esbuild.build({
    entryPoints: [ENTRY],
    absWorkingDir: repoRoot,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    define: { LSC_PLUGIN_BUNDLE_VERSION: JSON.stringify(version) },
    plugins: [oneGrpc],
    write: false,
    outfile: "plugin.js",
    metafile: true,
    logLevel: "silent",
  });
  for (const w of result.warnings) log(`esbuild warning: ${w.text}`);
  return { code: Buffer.from(result.outputFiles[0].contents), inputs: Object.keys(result.metafile.inputs) };
}

function launcherSources() {
  return fs
    .readdirSync(LAUNCHER_DIR)
    .filter((n) => n.endsWith(".go") || n === "go.mod")
    .sort()
    .map((n) => [n, fs.readFileSync(path.join(LAUNCHER_DIR, n))]);
}

/** The hash naming one platform's archive: everything that goes into it. */
function inputHashOf(platform, { code, goVer, nodeSpec }) {
  const h = crypto.createHash("sha256");
  for (const part of [platform, code, goVer, nodeSpec, fs.readFileSync(__filename)])
    h.update(part).update("\0");
  for (const [name, text] of launcherSources()) h.update(name).update("\0").update(text).update("\0");
  return h.digest("hex").slice(0, 16);
}

/** Builds one platform's archive unless one with the same inputs exists; returns its info. */
function ensureArchive(platform, { version, code, goVer }) {
  const target = PLATFORMS[platform];
  const layout = archiveLayout(platform);
  const nodeBuild = ensureNodeBuild(NODE_VERSION, target.node);
  const hash = inputHashOf(platform, { code, goVer, nodeSpec: nodeBuild.pkgSpec });
  const root = path.join(cacheRoot(), "plugin", platform);
  const dir = path.join(root, hash);
  const archive = path.join(dir, archiveName(version, platform));
  const infoFile = path.join(dir, "build.json");
  if (fs.existsSync(infoFile) && fs.existsSync(archive)) {
    log(`cached: ${archive}`);
    return { ...JSON.parse(fs.readFileSync(infoFile, "utf8")), archive, reused: true };
  }
  cleanStale(root);
  const started = Date.now();
  const staging = tempDir(root, "tmp");
  try {
    const content = path.join(staging, "plugin");
    fs.mkdirSync(path.join(content, path.dirname(layout.node)), { recursive: true });
    const launcher = path.join(content, layout.launcher);
    step(`go build the launcher for ${target.goos}/${target.goarch}`, () =>
      run(goCommand(), ["build", "-trimpath", "-ldflags=-s -w", "-o", launcher, "."], {
        cwd: LAUNCHER_DIR,
        env: {
          ...GO_ENV, // CGO_ENABLED=0, GOTOOLCHAIN=local
          GOOS: target.goos,
          GOARCH: target.goarch,
        },
        timeoutMs: GO_BUILD_TIMEOUT_MS,
        what: `go build of the launcher (${platform})`,
      }),
    );
    fs.writeFileSync(path.join(content, layout.bundle), code);
    fs.copyFileSync(nodeBuild.binary, path.join(content, layout.node));
    fs.copyFileSync(nodeBuild.license, path.join(content, layout.nodeLicense));
    fs.copyFileSync(path.join(repoRoot, "LICENSE"), path.join(content, layout.license));
    for (const exe of [layout.launcher, layout.node]) fs.chmodSync(path.join(content, exe), 0o755);
    const unpacked = sizeOf(content);
    const out = path.join(staging, archiveName(version, platform));
    const members = [layout.launcher, layout.bundle, layout.license, "node"];
    step(`tar ${archiveName(version, platform)}`, () =>
      run("tar", ["-czf", out, "--owner=0", "--group=0", "--numeric-owner", "-C", content, ...members], {
        cwd: staging,
        timeoutMs: TAR_TIMEOUT_MS,
        what: "tar",
      }),
    );
    const info = {
      platform,
      version,
      hash,
      node: nodeBuild.pkgSpec,
      archiveBytes: fs.statSync(out).size,
      unpackedBytes: unpacked,
      bundleBytes: code.length,
      launcherBytes: fs.statSync(launcher).size,
      buildMs: Date.now() - started,
      createdAt: new Date(),
    };
    fs.rmSync(content, { recursive: true, force: true });
    fs.writeFileSync(path.join(staging, "build.json"), `${JSON.stringify(info, null, 2)}\n`);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(staging, dir);
    // Keep only this archive per platform: older ones are rebuilt from their commit if needed.
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

/**
 * Builds (or reuses) the archives for `platforms` (default all five); returns their infos, each
 * { archive, platform, version, hash, archiveBytes, unpackedBytes, bundleBytes, reused, ... }.
 */
async function ensurePluginArchives({ platforms = Object.keys(PLATFORMS) } = {}) {
  for (const p of platforms)
    if (!PLATFORMS[p])
      throw new UserError(
        `unknown platform ${JSON.stringify(p)} (known: ${Object.keys(PLATFORMS).join(", ")})`,
      );
  const version = packageVersion();
  const goVer = goVersion();
  if (!goVer) throw new UserError(`no Go toolchain (${goCommand()}): the launcher is built with Go`);
  const started = Date.now();
  const { code } = await bundle(version);
  log(
    `bundled ${path.relative(repoRoot, ENTRY)}: ${mb(code.length)} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return platforms.map((p) => ensureArchive(p, { version, code, goVer }));
}

/** The linux-amd64 archive (what this machine runs); kept for callers of the one-archive API. */
async function ensurePluginArchive() {
  return (await ensurePluginArchives({ platforms: ["linux-amd64"] }))[0];
}

/** `--platform a --platform b,c` -> [a, b, c]; undefined when none is given. */
function parseArgs(argv) {
  const platforms = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--platform" && i + 1 < argv.length) platforms.push(...argv[++i].split(","));
    else if (a.startsWith("--platform=")) platforms.push(...a.slice("--platform=".length).split(","));
    else
      throw new UserError(`usage: node scripts/build-plugin.js [--platform <os>-<arch>]... (unknown ${a})`);
  }
  return platforms.length ? platforms.filter(Boolean) : undefined;
}

module.exports = {
  ensurePluginArchive,
  ensurePluginArchives,
  bundle,
  archiveName,
  archiveLayout,
  PLATFORMS,
  NODE_VERSION,
  PLUGIN,
};

if (require.main === module) {
  let platforms;
  try {
    platforms = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`[build-plugin] ${err.message}`);
    process.exit(2);
  }
  ensurePluginArchives({ platforms }).then(
    (infos) => process.stdout.write(infos.map((r) => `${r.archive}\n`).join("")),
    (err) => {
      console.error(`[build-plugin] error: ${err instanceof UserError ? err.message : err.stack || err}`);
      process.exit(1);
    },
  );
}
