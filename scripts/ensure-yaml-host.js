#!/usr/bin/env node
// Makes the YAML language host `pulumi-language-yaml` available offline, for the end-to-end test
// that runs a YAML program against this package's provider plugin (tests/e2e/yaml.test.ts).
//
// Built from the Go module proxy: module github.com/pulumi/pulumi-yaml at YAML_VERSION, package
// ./cmd/pulumi-language-yaml, with the pulumi pkg/sdk versions its own go.mod asks for (forcing
// the CLI's v3.248.0 does not compile: plugin.NewContextWithRoot changed). The result goes into
// the same cache as the CLI: <cache>/pulumi-v<version>/yaml-v<YAML_VERSION>/pulumi-language-yaml,
// linked from <cache>/pulumi-v<version>/bin/. Same conventions as ensure-pulumi-cli.js: temporary
// directories renamed into place, every command with a timeout, idempotent (nothing to do: 0.1 s).
// Prints the path of the host on stdout (progress on stdout with a prefix); exit 1 with a message.
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const { pinnedPulumiVersion, versionDir, cliBinDir } = require("./pulumi-cli-paths");
const { UserError, createLogger, isExecutableFile } = require("./process-helpers");
const { tempDir, cleanStale } = require("./cache-staging");
const { chmodWritable, goBuild, goModDownload, goVersion } = require("./go-toolchain");

const YAML_MODULE = "github.com/pulumi/pulumi-yaml";
const YAML_VERSION = "1.25.0";

const { log, step } = createLogger("ensure-yaml-host", process.stderr);

/** Whether the host runs: it has no -version flag, so ask for its usage (`-h` exits 0). */
function answers(bin) {
  const r = spawnSync(bin, ["-h"], { encoding: "utf8", timeout: 30_000 });
  return r.status === 0 && /-root/.test(`${r.stdout}${r.stderr}`);
}

function main() {
  const version = pinnedPulumiVersion();
  const vdir = versionDir(version);
  const dir = path.join(vdir, `yaml-v${YAML_VERSION}`);
  const dest = path.join(dir, "pulumi-language-yaml");
  const bin = cliBinDir(version);
  if (!(isExecutableFile(dest) && answers(dest))) {
    const go = goVersion();
    if (!go)
      throw new UserError(
        "Go is needed to build pulumi-language-yaml (go on PATH, /usr/local/go/bin/go or $GO)",
      );
    log(`go: ${go}`);
    cleanStale(vdir);
    const [modDir] = step(`download ${YAML_MODULE}@v${YAML_VERSION}`, () =>
      goModDownload([`${YAML_MODULE}@v${YAML_VERSION}`]),
    );
    const src = path.join(dir, "src");
    if (!fs.existsSync(path.join(src, "go.mod"))) {
      const tmp = tempDir(vdir, "src");
      fs.cpSync(modDir, path.join(tmp, "m"), { recursive: true });
      chmodWritable(tmp);
      fs.mkdirSync(dir, { recursive: true });
      fs.rmSync(src, { recursive: true, force: true });
      fs.renameSync(path.join(tmp, "m"), src);
      fs.rmSync(tmp, { recursive: true, force: true });
    }
    goBuild({
      stagingParent: vdir,
      cwd: src,
      target: "./cmd/pulumi-language-yaml",
      dest,
      ldflags: `-X github.com/pulumi/pulumi-yaml/pkg/version.Version=v${YAML_VERSION}`,
      what: `go build pulumi-language-yaml v${YAML_VERSION}`,
      step,
    });
    if (!answers(dest)) throw new UserError(`built ${dest} but it does not answer -h`);
  } else {
    log(`pulumi-language-yaml v${YAML_VERSION}: cached at ${dest}`);
  }
  fs.mkdirSync(bin, { recursive: true });
  const link = path.join(bin, "pulumi-language-yaml");
  const rel = path.relative(bin, dest);
  let current;
  try {
    current = fs.readlinkSync(link);
  } catch {
    current = undefined;
  }
  if (current !== rel) {
    const tmp = path.join(bin, `.pulumi-language-yaml.${process.pid}`);
    fs.rmSync(tmp, { force: true });
    fs.symlinkSync(rel, tmp);
    fs.renameSync(tmp, link);
  }
  process.stdout.write(`${dest}\n`);
}

try {
  main();
} catch (err) {
  console.error(`[ensure-yaml-host] error: ${err instanceof UserError ? err.message : err.stack || err}`);
  process.exit(1);
}
