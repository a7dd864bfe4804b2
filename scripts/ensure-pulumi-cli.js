#!/usr/bin/env node
// Makes the real Pulumi CLI usable offline for the end-to-end tests and the demo.
//
// Needs three executables: `pulumi`, `pulumi-language-nodejs` and `pulumi-resource-pulumi-nodejs`
// at the version of the pinned @pulumi/pulumi package. If all three are on PATH and
// `pulumi version` matches, they are used as they are. Otherwise they are kept in a cache outside
// the clone (see scripts/pulumi-cli-paths.js), built from the Go module proxy when missing:
//   - pulumi: modules github.com/pulumi/pulumi/{pkg,sdk}/v3 laid side by side (pkg/go.mod
//     replaces sdk/v3 with ../sdk), then `go build ./cmd/pulumi`;
//   - pulumi-language-nodejs: the official host if the proxy serves it (it did not when this was
//     written), else the minimal host in scripts/pulumi-language-nodejs (keyed by a hash of its
//     source, so an edit rebuilds it);
//   - pulumi-resource-pulumi-nodejs: the launcher script shipped in @pulumi/pulumi.
// Idempotent; every build writes into a temporary directory and renames into place, so a killed
// build leaves no half-made cache. Exit 1 with a message when it cannot provide the CLI.
// This file holds those Pulumi-specific steps; the Go commands are in go-toolchain.js, the staging
// directories in cache-staging.js, logging and running commands in process-helpers.js.
"use strict";
const { spawnSync } = require("child_process");
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");
const {
  repoRoot,
  pinnedPulumiVersion,
  versionDir,
  cliBinDir,
  REQUIRED_EXECUTABLES,
} = require("./pulumi-cli-paths");
const { UserError, createLogger, findOnPath, isExecutableFile } = require("./process-helpers");
const { tempDir, cleanStale } = require("./cache-staging");
const { chmodWritable, goBuild: goBuildIn, goModDownload, goVersion } = require("./go-toolchain");

// Pseudo-versions of the official language host module for the release tags we pin.
const OFFICIAL_LANGHOST_MODULE = "github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3";
const OFFICIAL_LANGHOST_PSEUDO = {
  "3.248.0": "v3.0.0-20260624120734-a88168d865b7", // commit a88168d865b7 = tag v3.248.0
};
const MINIMAL_LANGHOST_SRC = path.join(repoRoot, "scripts", "pulumi-language-nodejs");

const { log, step } = createLogger("ensure-pulumi-cli");

/** `pulumi version` output (e.g. "v3.248.0"), or undefined when it does not answer. */
function pulumiVersionOf(bin) {
  const r = spawnSync(bin, ["version"], {
    encoding: "utf8",
    timeout: 60_000,
    env: { ...process.env, PULUMI_SKIP_UPDATE_CHECK: "true" },
  });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

function langhostAnswers(bin) {
  const r = spawnSync(bin, ["-version"], { encoding: "utf8", timeout: 30_000 });
  return r.status === 0;
}

function requireGo() {
  const version = goVersion();
  if (!version) {
    throw new UserError(
      "no Pulumi CLI at the pinned version on PATH and no Go toolchain to build one.\n" +
        `Either put ${REQUIRED_EXECUTABLES.join(", ")} (v${pinnedPulumiVersion()}) on PATH, ` +
        "or install Go >= 1.25.11 (on PATH, at /usr/local/go/bin/go, or named by $GO) and re-run.",
    );
  }
  return version;
}

/**
 * The pkg and sdk modules laid out side by side in <vdir>/src (kept: a stable path lets the Go
 * build cache serve a rebuild). Made in a temp dir and renamed into place.
 */
function ensureSource(version, vdir) {
  const src = path.join(vdir, "src");
  if (fs.existsSync(path.join(src, "pkg", "go.mod")) && fs.existsSync(path.join(src, "sdk", "go.mod"))) {
    return src;
  }
  const [pkgDir, sdkDir] = step(`download pulumi pkg/sdk v${version} modules`, () =>
    goModDownload([
      `github.com/pulumi/pulumi/pkg/v3@v${version}`,
      `github.com/pulumi/pulumi/sdk/v3@v${version}`,
    ]),
  );
  step("lay out pkg and sdk side by side", () => {
    const tmp = tempDir(vdir, "src");
    fs.cpSync(pkgDir, path.join(tmp, "pkg"), { recursive: true });
    fs.cpSync(sdkDir, path.join(tmp, "sdk"), { recursive: true });
    chmodWritable(tmp);
    fs.rmSync(src, { recursive: true, force: true });
    fs.renameSync(tmp, src);
  });
  return src;
}

const versionLdflags = (version) =>
  `-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v${version}`;

/** go build in cwd with the version stamped in, output binary renamed to dest. */
function goBuild({ vdir, cwd, target, dest, version, what }) {
  goBuildIn({ stagingParent: vdir, cwd, target, dest, ldflags: versionLdflags(version), what, step });
}

function ensurePulumi(version, vdir, bin) {
  const dest = path.join(bin, "pulumi");
  if (isExecutableFile(dest) && pulumiVersionOf(dest) === `v${version}`) {
    log(`pulumi v${version}: cached at ${dest}`);
    return;
  }
  log(`go: ${requireGo()}`);
  const src = ensureSource(version, vdir);
  log(
    "building the pulumi CLI (a cold build takes a long while on 2 cores; the Go build cache makes rebuilds fast)",
  );
  goBuild({
    vdir,
    cwd: path.join(src, "pkg"),
    target: "./cmd/pulumi",
    dest,
    version,
    what: `go build pulumi v${version}`,
  });
  const got = pulumiVersionOf(dest);
  if (got !== `v${version}`) throw new UserError(`built ${dest} but \`pulumi version\` says ${got}`);
}

function sourceHash(dir) {
  const h = crypto.createHash("sha256");
  const walk = (d) => {
    for (const name of fs.readdirSync(d).sort()) {
      const p = path.join(d, name);
      if (fs.statSync(p).isDirectory()) walk(p);
      else
        h.update(`${path.relative(dir, p)}\0`)
          .update(fs.readFileSync(p))
          .update("\0");
    }
  };
  walk(dir);
  return h.digest("hex").slice(0, 16);
}

/** Points <bin>/<name> at target with a relative symlink, replaced atomically. */
function linkInto(bin, name, target) {
  const link = path.join(bin, name);
  const rel = path.relative(bin, target);
  try {
    if (fs.readlinkSync(link) === rel) return;
  } catch {
    // missing or not a link
  }
  const tmp = path.join(bin, `.${name}.${process.pid}`);
  fs.rmSync(tmp, { force: true });
  fs.symlinkSync(rel, tmp);
  fs.renameSync(tmp, link);
}

/** Tries the official host; returns its binary path or undefined (with the reason logged). */
function tryOfficialLanghost(version, vdir) {
  const pseudo = OFFICIAL_LANGHOST_PSEUDO[version];
  if (!pseudo) {
    log(`official language host: no known pseudo-version for v${version}; skipping`);
    return undefined;
  }
  const dest = path.join(vdir, `langhost-official-${pseudo}`, "pulumi-language-nodejs");
  if (isExecutableFile(dest) && langhostAnswers(dest)) return dest;
  let modDir;
  try {
    [modDir] = step(`check the Go proxy for ${OFFICIAL_LANGHOST_MODULE}@${pseudo}`, () =>
      goModDownload([`${OFFICIAL_LANGHOST_MODULE}@${pseudo}`], { timeoutMs: 120_000 }),
    );
  } catch (err) {
    log(
      `official language host not available from the Go proxy (${err.message.split("\n").slice(-1)[0].trim()})`,
    );
    return undefined;
  }
  try {
    // Its go.mod replaces sdk/v3 => ../../.. and pkg/v3 => ../../../../pkg: place it inside sdk.
    const src = ensureSource(version, vdir);
    const hostDir = path.join(src, "sdk", "nodejs", "cmd", "pulumi-language-nodejs");
    if (!fs.existsSync(path.join(hostDir, "go.mod"))) {
      const tmp = tempDir(vdir, "src");
      fs.cpSync(modDir, path.join(tmp, "m"), { recursive: true });
      chmodWritable(tmp);
      fs.mkdirSync(path.dirname(hostDir), { recursive: true });
      fs.renameSync(path.join(tmp, "m"), hostDir);
      fs.rmSync(tmp, { recursive: true, force: true });
    }
    goBuild({
      vdir,
      cwd: hostDir,
      target: ".",
      dest,
      version,
      what: "go build official pulumi-language-nodejs",
    });
    return dest;
  } catch (err) {
    log(`building the official language host failed; using the minimal one instead:\n${err.message}`);
    return undefined;
  }
}

function ensureLanghost(version, vdir, bin) {
  const official = path.join(vdir, `langhost-official-${OFFICIAL_LANGHOST_PSEUDO[version] || "none"}`);
  const officialBin = path.join(official, "pulumi-language-nodejs");
  const hash = sourceHash(MINIMAL_LANGHOST_SRC);
  const minimalDir = path.join(vdir, `langhost-${hash}`);
  const minimalBin = path.join(minimalDir, "pulumi-language-nodejs");

  let chosen;
  if (isExecutableFile(officialBin) && langhostAnswers(officialBin)) {
    chosen = officialBin;
    log(`pulumi-language-nodejs: official host cached at ${officialBin}`);
  } else if (isExecutableFile(minimalBin) && langhostAnswers(minimalBin)) {
    chosen = minimalBin;
    log(`pulumi-language-nodejs: minimal host (source ${hash}) cached at ${minimalBin}`);
  } else {
    log(`go: ${requireGo()}`);
    chosen = tryOfficialLanghost(version, vdir);
    if (!chosen) {
      log(
        `building the minimal language host from ${path.relative(repoRoot, MINIMAL_LANGHOST_SRC)} (source ${hash})`,
      );
      goBuild({
        vdir,
        cwd: MINIMAL_LANGHOST_SRC,
        target: ".",
        dest: minimalBin,
        version,
        what: "go build minimal pulumi-language-nodejs",
      });
      if (!langhostAnswers(minimalBin))
        throw new UserError(`built ${minimalBin} but it does not answer -version`);
      chosen = minimalBin;
    }
  }
  linkInto(bin, "pulumi-language-nodejs", chosen);
  // Drop minimal hosts built from older sources.
  for (const name of fs.readdirSync(vdir)) {
    if (/^langhost-[0-9a-f]{16}$/.test(name) && path.join(vdir, name) !== minimalDir) {
      fs.rmSync(path.join(vdir, name), { recursive: true, force: true });
    }
  }
}

function ensureResourceLauncher(bin) {
  const source = path.join(repoRoot, "node_modules", "@pulumi", "pulumi", "pulumi-resource-pulumi-nodejs");
  const dest = path.join(bin, "pulumi-resource-pulumi-nodejs");
  const text = fs.readFileSync(source);
  if (isExecutableFile(dest) && fs.readFileSync(dest).equals(text)) return;
  const tmp = path.join(bin, `.pulumi-resource-pulumi-nodejs.${process.pid}`);
  fs.writeFileSync(tmp, text, { mode: 0o755 });
  fs.chmodSync(tmp, 0o755);
  fs.renameSync(tmp, dest);
  log(`pulumi-resource-pulumi-nodejs: copied from ${path.relative(repoRoot, source)}`);
}

function main() {
  const started = Date.now();
  const version = pinnedPulumiVersion();
  log(`pinned @pulumi/pulumi ${version}`);

  const onPath = REQUIRED_EXECUTABLES.map(findOnPath);
  if (onPath.every(Boolean)) {
    const v = pulumiVersionOf(onPath[0]);
    if (v === `v${version}`) {
      log(`using the CLI on PATH: ${onPath.join(", ")}`);
      log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      return;
    }
    log(`pulumi on PATH is ${v || "not answering"}, not v${version}: using the cache`);
  }

  const vdir = versionDir(version);
  const bin = cliBinDir(version);
  log(`cache: ${vdir}`);
  cleanStale(vdir);
  fs.mkdirSync(bin, { recursive: true });
  ensurePulumi(version, vdir, bin);
  ensureLanghost(version, vdir, bin);
  ensureResourceLauncher(bin);
  log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  log(`bin dir (put first on PATH): ${bin}`);
}

try {
  main();
} catch (err) {
  console.error(`[ensure-pulumi-cli] error: ${err instanceof UserError ? err.message : err.stack || err}`);
  process.exit(1);
}
