#!/usr/bin/env node
// The committed schema and SDKs of the provider plugin lightsail-certificates, and their checks.
//
//   node scripts/generate-sdks.js            (`npm run generate`, after `npm run build`) writes
//       schema.json (repository root) and sdk/python, sdk/go, sdk/nodejs: idempotent, it rewrites
//       only what differs and says what it changed;
//   node scripts/generate-sdks.js --check    exit 1 naming every file that differs (no writes);
//   node scripts/generate-sdks.js python|go  builds the committed SDK of that language into the
//       cache and prints its directory (see checkPython / checkGo below).
//
// How the SDKs are made:
//   1. the generator, scripts/codegen/main.go, is built inside the cached
//      github.com/pulumi/pulumi/pkg/v3 sources the CLI was built from (<cache>/pulumi-v<v>/src/pkg,
//      laid out by ensure-pulumi-cli.js), so it uses that module's go.mod and Go build cache:
//      <cache>/pulumi-v<v>/codegen-<source hash>/lsc-codegen;
//   2. the schema comes from the built package (dist/provider/plugin/schema.js
//      `pluginSchema(version)` with package.json's version);
//   3. each language is generated once per (schema, generator) hash into
//      <cache>/sdks/gen-<language>-<hash>/; the Go one also gets its go.mod (module
//      <repository>/sdk/go, sdk/v3 v3.248.0) and go.sum (`go mod tidy` against the Go proxy).
//      The generators write the same bytes for the same schema, so the tree is deterministic.
// Building and installing happen on copies in the cache, never in sdk/ (no build/ or egg-info
// there), each keyed by the hash of its inputs, so an unchanged SDK costs well under a second:
//   - python: a venv with PyPA build==BUILD_VERSION (made once), `python -m build` of a copy of
//     sdk/python (wheel + sdist), then a fresh venv with pulumi==3.272.0 and the wheel installed;
//   - go: a copy of sdk/go with sdk/v3 replaced by the cached sdk sources, `go build ./...` and
//     `go vet ./...`.
// Every command has a timeout; temporary directories are renamed into place. Progress and
// durations go to stderr; exit 1 with a message.
"use strict";
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");
const { cacheRoot, pinnedPulumiVersion, repoRoot, versionDir } = require("./pulumi-cli-paths");
const { UserError, createLogger, run } = require("./process-helpers");
const { tempDir, cleanStale } = require("./cache-staging");
const { GO_ENV, goBuild, goCommand, goVersion } = require("./go-toolchain");

const PYTHON_PULUMI = "3.272.0";
const BUILD_VERSION = "1.3.0";
const LANGUAGES = ["python", "go", "nodejs"];
const CODEGEN_SRC = path.join(repoRoot, "scripts", "codegen", "main.go");
const SCHEMA_FILE = path.join(repoRoot, "schema.json");
const SDK_ROOT = path.join(repoRoot, "sdk");

const { log, step } = createLogger("generate-sdks", process.stderr);

const sha = (...parts) => {
  const h = crypto.createHash("sha256");
  for (const p of parts) h.update(p).update("\0");
  return h.digest("hex").slice(0, 16);
};

const packageJson = () => JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8"));

/** The Go module of the generated SDK: the repository URL's host and path, then /sdk/go. */
function goModulePath() {
  const url = packageJson()
    .repository.url.replace(/^git\+/, "")
    .replace(/\.git$/, "");
  return `${url.replace(/^https:\/\//, "")}/sdk/go`;
}

/** The generator binary, built inside the cached pkg module when missing. */
function ensureCodegen() {
  const version = pinnedPulumiVersion();
  const vdir = versionDir(version);
  const src = path.join(vdir, "src");
  if (!fs.existsSync(path.join(src, "pkg", "go.mod")))
    throw new UserError(`no Pulumi sources in ${src}: run \`node scripts/ensure-pulumi-cli.js\` first`);
  const source = fs.readFileSync(CODEGEN_SRC);
  const hash = sha(source, version);
  const dest = path.join(vdir, `codegen-${hash}`, "lsc-codegen");
  if (fs.existsSync(dest)) return { bin: dest, hash, src };
  if (!goVersion())
    throw new UserError("Go is needed to build the SDK generator (go on PATH, /usr/local/go/bin/go or $GO)");
  const cmdDir = path.join(src, "pkg", "cmd", `lsc-codegen-${hash}-${process.pid}`);
  fs.mkdirSync(cmdDir, { recursive: true });
  try {
    fs.writeFileSync(path.join(cmdDir, "main.go"), source);
    goBuild({
      stagingParent: vdir,
      cwd: path.join(src, "pkg"),
      target: `./cmd/${path.basename(cmdDir)}`,
      dest,
      ldflags: "-s -w",
      what: "go build lsc-codegen",
      step,
    });
  } finally {
    fs.rmSync(cmdDir, { recursive: true, force: true });
  }
  return { bin: dest, hash, src };
}

/** What schema.json holds: the built package's pluginSchema(package.json version), 2-space JSON. */
function schemaJson() {
  const built = path.join(repoRoot, "dist", "provider", "plugin", "schema.js");
  if (!fs.existsSync(built)) throw new UserError(`${built} is missing: run \`npm run build\` first`);
  const { pluginSchema } = require(built);
  return `${JSON.stringify(pluginSchema(packageJson().version), null, 2)}\n`;
}

/** Files of a tree (relative paths, sorted) with their contents. */
function readTree(dir) {
  const files = new Map();
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else files.set(path.relative(dir, p).split(path.sep).join("/"), fs.readFileSync(p));
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
}

const treeHash = (dir) => sha(...[...readTree(dir)].flatMap(([name, data]) => [name, data]));

/** The generated tree of `language` for this schema (cached); returns its directory. */
function generated(language, schema, codegen) {
  const root = path.join(cacheRoot(), "sdks");
  const key = sha(schema, codegen.hash, language === "go" ? goModulePath() : "");
  const dir = path.join(root, `gen-${language}-${key}`);
  if (fs.existsSync(path.join(dir, "ok"))) return path.join(dir, "sdk");
  fs.mkdirSync(root, { recursive: true });
  cleanStale(root);
  const staging = tempDir(root, "tmp");
  try {
    fs.writeFileSync(path.join(staging, "schema.json"), schema);
    const out = path.join(staging, "sdk");
    step(`generate the ${language} SDK`, () =>
      run(codegen.bin, ["-schema", path.join(staging, "schema.json"), "-language", language, "-out", out], {
        cwd: staging,
        timeoutMs: 2 * 60_000,
        what: "lsc-codegen",
      }),
    );
    if (language === "go") {
      fs.writeFileSync(
        path.join(out, "go.mod"),
        `module ${goModulePath()}\n\ngo 1.25\n\nrequire github.com/pulumi/pulumi/sdk/v3 v${pinnedPulumiVersion()}\n`,
      );
      step("go mod tidy (go.sum)", () =>
        run(goCommand(), ["mod", "tidy"], {
          cwd: out,
          env: GO_ENV,
          timeoutMs: 15 * 60_000,
          what: "go mod tidy",
        }),
      );
    }
    fs.writeFileSync(path.join(staging, "ok"), `${new Date().toISOString()}\n`);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(staging, dir);
    for (const name of fs.readdirSync(root))
      if (name.startsWith(`gen-${language}-`) && path.join(root, name) !== dir)
        fs.rmSync(path.join(root, name), { recursive: true, force: true });
    return path.join(dir, "sdk");
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** Differences of two trees: paths missing, extra or changed in `actual` against `expected`. */
function diffTrees(expected, actual) {
  const want = readTree(expected);
  const got = readTree(actual);
  const diffs = [];
  for (const [name, data] of want) {
    if (!got.has(name)) diffs.push(`missing ${name}`);
    else if (!got.get(name).equals(data)) diffs.push(`differs ${name}`);
  }
  for (const name of got.keys()) if (!want.has(name)) diffs.push(`extra ${name}`);
  return diffs;
}

/**
 * Compares (check) or writes schema.json and sdk/<language> for every language; returns the
 * differences found (before writing), as repository-relative descriptions.
 */
function generateAll({ check }) {
  const start = Date.now();
  const schema = schemaJson();
  const diffs = [];
  const current = fs.existsSync(SCHEMA_FILE) ? fs.readFileSync(SCHEMA_FILE, "utf8") : undefined;
  if (current !== schema) {
    diffs.push(current === undefined ? "missing schema.json" : "differs schema.json");
    if (!check) fs.writeFileSync(SCHEMA_FILE, schema);
  }
  const codegen = ensureCodegen();
  for (const language of LANGUAGES) {
    const fresh = generated(language, schema, codegen);
    const target = path.join(SDK_ROOT, language);
    const d = diffTrees(fresh, target).map((x) => x.replace(/ /, ` sdk/${language}/`));
    diffs.push(...d);
    if (d.length && !check) {
      fs.rmSync(target, { recursive: true, force: true });
      fs.cpSync(fresh, target, { recursive: true });
    }
  }
  log(
    `${check ? "checked" : "generated"} schema.json and sdk/{${LANGUAGES.join(",")}}: ` +
      `${diffs.length ? `${diffs.length} file(s) ${check ? "differ" : "rewritten"}` : "up to date"}, ` +
      `${((Date.now() - start) / 1000).toFixed(1)} s`,
  );
  return diffs;
}

/** A venv with PyPA build pinned (made once per BUILD_VERSION and Python). */
function buildVenv(python) {
  const root = path.join(cacheRoot(), "sdks");
  const dir = path.join(root, `pybuild-${sha(BUILD_VERSION, python)}`);
  if (fs.existsSync(path.join(dir, "ok"))) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  step(`venv with build==${BUILD_VERSION}`, () => {
    run(python, ["-m", "venv", dir], { cwd: root, timeoutMs: 5 * 60_000, what: "venv" });
    run(
      path.join(dir, "bin", "pip"),
      ["install", "--disable-pip-version-check", "-q", `build==${BUILD_VERSION}`],
      { cwd: root, timeoutMs: 10 * 60_000, what: "pip install build" },
    );
  });
  fs.writeFileSync(path.join(dir, "ok"), `${new Date().toISOString()}\n`);
  return dir;
}

/**
 * Python: wheel and sdist of the committed sdk/python built with PyPA build, then a fresh venv
 * with pulumi==3.272.0 and the wheel. Returns the directory holding dist/ and venv/ (cached by
 * the hash of sdk/python).
 */
function checkPython() {
  const python = process.env.PULUMI_LSC_PYTHON || "python3";
  const root = path.join(cacheRoot(), "sdks");
  fs.mkdirSync(root, { recursive: true });
  const dir = path.join(
    root,
    `python-${sha(treeHash(path.join(SDK_ROOT, "python")), PYTHON_PULUMI, BUILD_VERSION)}`,
  );
  if (fs.existsSync(path.join(dir, "ok"))) {
    log(`python SDK: built and installed, cached at ${dir}`);
    return dir;
  }
  cleanStale(root);
  const builder = buildVenv(python);
  const staging = tempDir(root, "tmp");
  try {
    fs.cpSync(path.join(SDK_ROOT, "python"), path.join(staging, "src"), { recursive: true });
    step("python -m build (wheel and sdist)", () =>
      run(
        path.join(builder, "bin", "python"),
        [
          "-m",
          "build",
          "--sdist",
          "--wheel",
          "--outdir",
          path.join(staging, "dist"),
          path.join(staging, "src"),
        ],
        { cwd: staging, timeoutMs: 10 * 60_000, what: "python -m build" },
      ),
    );
    fs.rmSync(path.join(staging, "src"), { recursive: true, force: true });
    const wheel = fs.readdirSync(path.join(staging, "dist")).find((f) => f.endsWith(".whl"));
    if (!wheel) throw new UserError("python -m build wrote no wheel");
    const venv = path.join(dir, "venv");
    step(`fresh venv: pip install pulumi==${PYTHON_PULUMI} ${wheel}`, () => {
      run(python, ["-m", "venv", venv], { cwd: staging, timeoutMs: 5 * 60_000, what: "venv" });
      run(
        path.join(venv, "bin", "pip"),
        [
          "install",
          "--disable-pip-version-check",
          "-q",
          `pulumi==${PYTHON_PULUMI}`,
          path.join(staging, "dist", wheel),
        ],
        { cwd: staging, timeoutMs: 15 * 60_000, what: "pip install" },
      );
    });
    // The venv is made at its final path (its scripts name it); dist/ and ok move in beside it.
    fs.renameSync(path.join(staging, "dist"), path.join(dir, "dist"));
    fs.writeFileSync(path.join(dir, "ok"), `${new Date().toISOString()}\n`);
    for (const name of fs.readdirSync(root))
      if (/^python-/.test(name) && path.join(root, name) !== dir)
        fs.rmSync(path.join(root, name), { recursive: true, force: true });
    return dir;
  } catch (err) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * Go: a copy of the committed sdk/go with sdk/v3 replaced by the cached sdk sources, where
 * `go build ./...` and `go vet ./...` pass. Returns the copy (cached by the hash of sdk/go).
 */
function checkGo() {
  const { src } = ensureCodegen();
  const root = path.join(cacheRoot(), "sdks");
  fs.mkdirSync(root, { recursive: true });
  const dir = path.join(root, `go-${sha(treeHash(path.join(SDK_ROOT, "go")), src)}`);
  if (fs.existsSync(path.join(dir, "ok"))) {
    log(`go SDK: built and vetted, cached at ${dir}`);
    return dir;
  }
  cleanStale(root);
  const staging = tempDir(root, "tmp");
  try {
    const mod = path.join(staging, "sdk");
    fs.cpSync(path.join(SDK_ROOT, "go"), mod, { recursive: true });
    const go = (args, what) =>
      step(what, () => run(goCommand(), args, { cwd: mod, env: GO_ENV, timeoutMs: 15 * 60_000, what }));
    go(
      ["mod", "edit", `-replace=github.com/pulumi/pulumi/sdk/v3=${path.join(src, "sdk")}`],
      "go mod edit -replace",
    );
    go(["mod", "tidy"], "go mod tidy");
    go(["build", "./..."], "go build ./...");
    go(["vet", "./..."], "go vet ./...");
    fs.writeFileSync(path.join(staging, "ok"), `${new Date().toISOString()}\n`);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(staging, dir);
    for (const name of fs.readdirSync(root))
      if (/^go-/.test(name) && path.join(root, name) !== dir)
        fs.rmSync(path.join(root, name), { recursive: true, force: true });
    return dir;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** The built SDK of `language` (python or go), as the tests use it; returns its directory. */
function ensureSdk(language) {
  if (language === "python") return checkPython();
  if (language === "go") return checkGo();
  throw new UserError(`language must be python or go, got ${language}`);
}

module.exports = { ensureSdk, ensureCodegen, generateAll, schemaJson, diffTrees };

if (require.main === module) {
  try {
    const arg = process.argv[2];
    if (arg === "python" || arg === "go") {
      const start = Date.now();
      const dir = ensureSdk(arg);
      log(`${arg}: ${((Date.now() - start) / 1000).toFixed(1)} s`);
      process.stdout.write(`${dir}\n`);
    } else if (arg === undefined || arg === "--check") {
      const diffs = generateAll({ check: arg === "--check" });
      if (arg === "--check" && diffs.length) {
        console.error(
          `[generate-sdks] the committed schema/SDKs differ from what the code generates ` +
            `(run \`npm run generate\`):\n  ${diffs.join("\n  ")}`,
        );
        process.exit(1);
      }
      for (const d of diffs) log(d);
    } else throw new UserError(`usage: generate-sdks.js [--check | python | go], got ${arg}`);
  } catch (err) {
    console.error(`[generate-sdks] error: ${err instanceof UserError ? err.message : err.stack || err}`);
    process.exit(1);
  }
}
