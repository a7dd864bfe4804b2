// The Go toolchain as scripts/ensure-pulumi-cli.js uses it: which `go` to run, the environment
// every go command gets, `go mod download` of exact module versions, and `go build` into a staging
// directory renamed into place. Every command runs with a timeout. Plain Node, no dependencies.
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const { UserError, findOnPath, isExecutableFile, run, tail } = require("./process-helpers");
const { tempDir } = require("./cache-staging");

/** Module-mode builds from the proxy only, no cgo, and never a toolchain download. */
const GO_ENV = {
  ...process.env,
  GOFLAGS: "-mod=mod -buildvcs=false",
  CGO_ENABLED: "0",
  GOTOOLCHAIN: "local",
};

/** The go command: $GO, else `go` on PATH, else the go machine's /usr/local/go/bin/go. */
function goCommand() {
  if (process.env.GO) return process.env.GO;
  if (findOnPath("go")) return "go";
  const local = "/usr/local/go/bin/go";
  return isExecutableFile(local) ? local : "go";
}

/** `go version` output (e.g. "go version go1.26.8 linux/amd64"), or undefined without Go. */
function goVersion() {
  const r = spawnSync(goCommand(), ["version"], { encoding: "utf8", env: GO_ENV, timeout: 60_000 });
  return r.error || r.status !== 0 ? undefined : r.stdout.trim();
}

/** `go mod download -json` for the given module@version list; returns their directories. */
function goModDownload(modules, { timeoutMs = 20 * 60_000 } = {}) {
  const r = spawnSync(goCommand(), ["mod", "download", "-json", ...modules], {
    env: GO_ENV,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    timeout: timeoutMs,
    killSignal: "SIGKILL",
  });
  let infos = [];
  try {
    infos = JSON.parse(`[${(r.stdout || "").replace(/}\s*{/g, "},{")}]`);
  } catch {
    // fall through to the error below
  }
  const errors = infos.filter((i) => i.Error).map((i) => `${i.Path}@${i.Version}: ${i.Error}`);
  if (r.error || r.status !== 0 || errors.length || infos.length !== modules.length) {
    const detail = errors.join("\n") || tail(`${r.stdout || ""}${r.stderr || ""}`) || String(r.error);
    throw new UserError(`go mod download ${modules.join(" ")} failed:\n${detail}`);
  }
  return infos.map((i) => i.Dir);
}

/** Makes a copy of read-only module cache files writable (so it can be built in and removed). */
function chmodWritable(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      fs.chmodSync(p, 0o755);
      chmodWritable(p);
    } else if (entry.isFile()) {
      fs.chmodSync(p, fs.statSync(p).mode | 0o200);
    }
  }
}

/**
 * `go build -ldflags <ldflags> -o <binary> <target>` in cwd, inside a staging directory of
 * stagingParent, then the binary renamed to dest. `step` times and logs the build.
 */
function goBuild({ stagingParent, cwd, target, dest, ldflags, what, step }) {
  const tmp = tempDir(stagingParent, "build");
  try {
    const out = path.join(tmp, path.basename(dest));
    step(what, () =>
      run(goCommand(), ["build", "-ldflags", ldflags, "-o", out, target], {
        cwd,
        env: GO_ENV,
        logFile: path.join(tmp, "build.log"),
        timeoutMs: 80 * 60_000,
        what,
      }),
    );
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    fs.renameSync(out, dest);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

module.exports = { GO_ENV, goCommand, goVersion, goModDownload, chmodWritable, goBuild };
