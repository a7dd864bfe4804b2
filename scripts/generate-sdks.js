#!/usr/bin/env node
// `node scripts/generate-sdks.js python|go`: the Python or Go SDK of the provider plugin
// lightsail-certificates, generated from the plugin's schema and checked to build:
//   1. the generator, scripts/codegen/main.go, is built inside the cached
//      github.com/pulumi/pulumi/pkg/v3 sources the CLI was built from (<cache>/pulumi-v<v>/src/pkg,
//      laid out by ensure-pulumi-cli.js), so it uses that module's go.mod and Go build cache:
//      <cache>/pulumi-v<v>/codegen-<source hash>/lsc-codegen;
//   2. the schema comes from the built package (dist/provider/plugin/schema.js: run `npm run build`);
//   3. the SDK is written to <cache>/sdks/<hash>/<language>/ (hash of schema and generator), then
//      - python: a throwaway venv in it (`python3 -m venv`, or $PULUMI_LSC_PYTHON) with
//        pulumi==3.272.0 from PyPI and the generated package pip-installed, and an import check;
//      - go: a go.mod (module example.com/pulumi-lightsail-certificates/sdk/go) requiring sdk/v3
//        v3.248.0 replaced by the cached sdk sources, `go build ./...` and `go vet ./...`.
// The SDKs are not committed: they are made again from the schema whenever it changes.
// Same conventions as the other ensure-* scripts: temporary directories renamed into place,
// every command with a timeout, idempotent (nothing to do: well under a second). Prints the SDK
// directory on stdout (progress on stderr); exit 1 with a message.
"use strict";
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");
const { cacheRoot, pinnedPulumiVersion, repoRoot, versionDir } = require("./pulumi-cli-paths");
const { UserError, createLogger, run } = require("./process-helpers");
const { tempDir, cleanStale } = require("./cache-staging");
const { GO_ENV, goBuild, goCommand, goVersion } = require("./go-toolchain");

const PYTHON_PULUMI = "3.272.0";
const GO_MODULE = "example.com/pulumi-lightsail-certificates/sdk/go";
const CODEGEN_SRC = path.join(repoRoot, "scripts", "codegen", "main.go");

const { log, step } = createLogger("generate-sdks", process.stderr);

const sha = (...parts) => {
  const h = crypto.createHash("sha256");
  for (const p of parts) h.update(p).update("\0");
  return h.digest("hex").slice(0, 16);
};

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

function schemaJson() {
  const built = path.join(repoRoot, "dist", "provider", "plugin", "schema.js");
  if (!fs.existsSync(built)) throw new UserError(`${built} is missing: run \`npm run build\` first`);
  const { pluginSchema } = require(built);
  const { version } = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8"));
  return `${JSON.stringify(pluginSchema(version), null, 2)}\n`;
}

function finishPython(staging) {
  const python = process.env.PULUMI_LSC_PYTHON || "python3";
  const venv = path.join(staging, "venv");
  step("python -m venv", () =>
    run(python, ["-m", "venv", venv], { cwd: staging, timeoutMs: 5 * 60_000, what: "venv" }),
  );
  const pip = path.join(venv, "bin", "pip");
  step(`pip install pulumi==${PYTHON_PULUMI} and the generated SDK`, () =>
    run(
      pip,
      ["install", "--disable-pip-version-check", "-q", `pulumi==${PYTHON_PULUMI}`, path.join(staging, "sdk")],
      {
        cwd: staging,
        timeoutMs: 15 * 60_000,
        what: "pip install",
      },
    ),
  );
  step("import pulumi_lightsail_certificates", () =>
    run(
      path.join(venv, "bin", "python"),
      ["-c", "import pulumi_lightsail_certificates as m; print(m.get_certificate)"],
      {
        cwd: staging,
        timeoutMs: 60_000,
        what: "import check",
      },
    ),
  );
}

function finishGo(staging, src) {
  const sdk = path.join(staging, "sdk");
  fs.writeFileSync(
    path.join(sdk, "go.mod"),
    `module ${GO_MODULE}\n\ngo 1.25\n\nrequire github.com/pulumi/pulumi/sdk/v3 v${pinnedPulumiVersion()}\n\n` +
      `replace github.com/pulumi/pulumi/sdk/v3 => ${path.join(src, "sdk")}\n`,
  );
  const go = (args, what, timeoutMs = 15 * 60_000) =>
    step(what, () => run(goCommand(), args, { cwd: sdk, env: GO_ENV, timeoutMs, what }));
  go(["mod", "tidy"], "go mod tidy");
  go(["build", "./..."], "go build ./...");
  go(["vet", "./..."], "go vet ./...");
}

/** Generates (and checks) the SDK of `language` unless done for this schema; returns its directory. */
function ensureSdk(language) {
  if (language !== "python" && language !== "go")
    throw new UserError(`language must be python or go, got ${language}`);
  const codegen = ensureCodegen();
  const schema = schemaJson();
  const root = path.join(cacheRoot(), "sdks");
  const dir = path.join(root, `${language}-${sha(schema, codegen.hash, PYTHON_PULUMI)}`);
  if (fs.existsSync(path.join(dir, "ok"))) {
    log(`${language} SDK: cached at ${dir}`);
    return dir;
  }
  fs.mkdirSync(root, { recursive: true });
  cleanStale(root);
  const staging = tempDir(root, "tmp");
  try {
    fs.writeFileSync(path.join(staging, "schema.json"), schema);
    step(`generate the ${language} SDK`, () =>
      run(
        codegen.bin,
        [
          "-schema",
          path.join(staging, "schema.json"),
          "-language",
          language,
          "-out",
          path.join(staging, "sdk"),
        ],
        {
          cwd: staging,
          timeoutMs: 2 * 60_000,
          what: "lsc-codegen",
        },
      ),
    );
    if (language === "python") finishPython(staging);
    else finishGo(staging, codegen.src);
    fs.writeFileSync(path.join(staging, "ok"), `${new Date().toISOString()}\n`);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(staging, dir);
    if (language === "python") relocateVenv(staging, dir);
    for (const name of fs.readdirSync(root))
      if (name.startsWith(`${language}-`) && path.join(root, name) !== dir)
        fs.rmSync(path.join(root, name), { recursive: true, force: true });
    return dir;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** Points the venv's configuration at its final place (pyvenv.cfg names no path of its own; scripts do). */
function relocateVenv(from, to) {
  const bin = path.join(to, "venv", "bin");
  for (const name of fs.readdirSync(bin)) {
    const p = path.join(bin, name);
    if (!fs.lstatSync(p).isFile()) continue;
    const text = fs.readFileSync(p, "latin1");
    if (text.includes(from)) fs.writeFileSync(p, text.split(from).join(to), "latin1");
  }
}

module.exports = { ensureSdk, ensureCodegen };

if (require.main === module) {
  try {
    process.stdout.write(`${ensureSdk(process.argv[2])}\n`);
  } catch (err) {
    console.error(`[generate-sdks] error: ${err instanceof UserError ? err.message : err.stack || err}`);
    process.exit(1);
  }
}
