#!/usr/bin/env node
// Makes the AWS CLI that tests/conformance/awscli.test.ts runs against the emulator available
// without system packages: awscli (v1) from PyPI, pinned with every dependency, in a Python virtual
// environment in the cache outside the clone (the one of scripts/pulumi-cli-paths.js):
// <cache>/awscli-<version>/, whose bin/aws is the client. The venv is made (`python3 -m venv`) and
// filled (`pip install`) in a temporary directory beside it, its scripts pointed at the final path,
// checked, and renamed into place, so a killed install leaves nothing half made. Idempotent: a
// venv whose `aws --version` names the pinned versions is used as it is (a broken one, e.g. after
// its Python was removed, is rebuilt). Prints the absolute path of `aws` on stdout, progress on
// stderr; exit 1 with a message when it cannot provide the client. Every command has a timeout.
"use strict";
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");
const { cacheRoot } = require("./pulumi-cli-paths");
const { UserError, createLogger, run } = require("./process-helpers");
const { tempDir, cleanStale } = require("./cache-staging");

// Why awscli 1.45.11: it is the release the conformance assertions were written against (the one
// on the development machines' image); it prints `nextPageToken` for get-certificates and reads
// further pages with --page-token. v1 is what pip installs (v2 is not published on PyPI). It pins
// botocore exactly and needs only pure-Python wheels plus PyYAML's binary wheels (cp310 to cp313
// for x86_64 checked), so it installs on Python 3.11 and Debian 13's 3.13 without a compiler.
// 1.46 (the newest line) bundles botocore inside a 20 MB wheel: a packaging change that a test
// client does not need to take on. The dependencies are pinned as pip resolved them on
// 2026-11-30, so that every machine runs the same client.
const AWSCLI_VERSION = "1.45.11";
const BOTOCORE_VERSION = "1.43.11";
const REQUIREMENTS = [
  `awscli==${AWSCLI_VERSION}`,
  `botocore==${BOTOCORE_VERSION}`,
  "colorama==0.4.6",
  "docutils==0.19",
  "jmespath==1.1.0",
  "pyasn1==0.6.5",
  "python-dateutil==2.9.0.post0",
  "PyYAML==6.0.4",
  "rsa==4.7.2",
  "s3transfer==0.17.1",
  "six==1.17.0",
  "urllib3==2.8.0",
];
/** awscli 1.45 declares Requires-Python >= 3.10. */
const MIN_PYTHON = [3, 10];

const { log, step } = createLogger("ensure-aws-cli", process.stderr);

/** <cache>/awscli-<version>: the virtual environment. */
function awsCliDir(env = process.env) {
  return path.join(cacheRoot(env), `awscli-${AWSCLI_VERSION}`);
}

/** <cache>/awscli-<version>/bin/aws: the client, by absolute path. */
function awsCliPath(env = process.env) {
  return path.join(awsCliDir(env), "bin", "aws");
}

/** The `aws --version` line (e.g. "aws-cli/1.45.11 Python/3.11.7 ..."), or undefined. */
function versionLine(cmd, args) {
  const r = spawnSync(cmd, [...args, "--version"], {
    encoding: "utf8",
    timeout: 60_000,
    killSignal: "SIGKILL",
    env: { ...process.env, AWS_CONFIG_FILE: "/dev/null", AWS_SHARED_CREDENTIALS_FILE: "/dev/null" },
  });
  return r.error || r.status !== 0 ? undefined : `${r.stdout}${r.stderr}`.trim();
}

/** Whether a `--version` line names the pinned awscli and botocore. */
function isPinned(line) {
  return (
    line !== undefined &&
    line.startsWith(`aws-cli/${AWSCLI_VERSION} `) &&
    line.includes(` botocore/${BOTOCORE_VERSION}`)
  );
}

/** The Python to make the venv with: $PULUMI_LSC_PYTHON, else python3 on PATH; checked. */
function python() {
  const py = process.env.PULUMI_LSC_PYTHON || "python3";
  const r = spawnSync(py, ["-c", "import sys, venv, ensurepip; print('%d.%d' % sys.version_info[:2])"], {
    encoding: "utf8",
    timeout: 60_000,
    killSignal: "SIGKILL",
  });
  const version = r.status === 0 ? r.stdout.trim() : undefined;
  const [major, minor] = (version || "0.0").split(".").map(Number);
  if (!version || major < MIN_PYTHON[0] || (major === MIN_PYTHON[0] && minor < MIN_PYTHON[1])) {
    const why =
      (r.error && r.error.message) || (r.stderr || "").trim().split("\n").pop() || `exit code ${r.status}`;
    const found = version
      ? `${py} is Python ${version}`
      : `${py} did not run, or lacks the venv/ensurepip modules (${why})`;
    throw new UserError(
      `cannot install the AWS CLI: it needs Python >= ${MIN_PYTHON.join(".")} with the venv module, and ${found}.\n` +
        "Install one (Debian: python3 and python3-venv) or name it with PULUMI_LSC_PYTHON.",
    );
  }
  return { py, version };
}

/**
 * Points the venv's scripts (bin/aws's shebang, activate, pip) and pyvenv.cfg at `to` instead of
 * the staging path `from` where pip wrote them (a venv records its absolute path).
 */
function retarget(venv, from, to) {
  const files = [path.join(venv, "pyvenv.cfg")];
  for (const entry of fs.readdirSync(path.join(venv, "bin"), { withFileTypes: true })) {
    if (entry.isFile()) files.push(path.join(venv, "bin", entry.name));
  }
  for (const file of files) {
    const data = fs.readFileSync(file);
    if (data.includes(0) || !data.includes(from)) continue; // binary, or nothing to change
    const mode = fs.statSync(file).mode;
    fs.writeFileSync(file, data.toString("utf8").split(from).join(to));
    fs.chmodSync(file, mode);
  }
}

/** Moves a complete staging venv to dest, unless another run put a working one there first. */
function moveIntoPlace(staging, dest, parent) {
  if (fs.existsSync(dest)) {
    if (isPinned(versionLine(path.join(dest, "bin", "aws"), []))) return;
    // A venv that no longer runs (e.g. its Python is gone): move it aside, then remove it.
    const old = path.join(tempDir(parent, "tmp"), "old");
    fs.renameSync(dest, old);
    fs.rmSync(path.dirname(old), { recursive: true, force: true });
  }
  try {
    fs.renameSync(staging, dest);
  } catch (err) {
    // Another run renamed its venv into place between our check and our rename.
    if (!["ENOTEMPTY", "EEXIST"].includes(err.code)) throw err;
  }
}

function install(dest) {
  const parent = path.dirname(dest);
  const { py, version } = python();
  log(`installing awscli ${AWSCLI_VERSION} from PyPI into ${dest} (Python ${version})`);
  cleanStale(parent);
  const staging = tempDir(parent, "tmp");
  fs.chmodSync(staging, 0o755); // mkdtemp makes it private; the venv is for every user
  try {
    step(`${py} -m venv`, () =>
      run(py, ["-m", "venv", staging], { timeoutMs: 5 * 60_000, what: `${py} -m venv ${staging}` }),
    );
    const venvPython = path.join(staging, "bin", "python");
    step(`pip install awscli==${AWSCLI_VERSION} and its pinned dependencies`, () =>
      run(
        venvPython,
        [
          "-m",
          "pip",
          "install",
          "--disable-pip-version-check",
          "--no-input",
          "--progress-bar",
          "off",
          ...REQUIREMENTS,
        ],
        {
          env: { ...process.env, PIP_NO_INPUT: "1" },
          logFile: path.join(staging, "pip-install.log"),
          timeoutMs: 15 * 60_000,
          what: `pip install awscli==${AWSCLI_VERSION}`,
        },
      ),
    );
    const staged = versionLine(venvPython, ["-m", "awscli"]);
    if (!isPinned(staged)) {
      throw new UserError(
        `installed awscli ${AWSCLI_VERSION}, but \`python -m awscli --version\` says ${staged || "nothing (it failed)"}`,
      );
    }
    retarget(staging, staging, dest);
    moveIntoPlace(staging, dest, parent);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** Returns the absolute path of the pinned `aws`, installing it first when needed. */
function ensureAwsCli(env = process.env) {
  const dest = awsCliDir(env);
  const aws = awsCliPath(env);
  const cached = versionLine(aws, []);
  if (isPinned(cached)) {
    log(`${cached}: cached at ${aws}`);
    return aws;
  }
  if (fs.existsSync(dest))
    log(`${dest} does not run the pinned client (${cached || "aws failed"}): rebuilding`);
  const started = Date.now();
  install(dest);
  const line = versionLine(aws, []);
  if (!isPinned(line))
    throw new UserError(`installed ${aws}, but \`aws --version\` says ${line || "nothing (it failed)"}`);
  log(`${line}: installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return aws;
}

module.exports = { AWSCLI_VERSION, BOTOCORE_VERSION, awsCliDir, awsCliPath, ensureAwsCli };

if (require.main === module) {
  try {
    process.stdout.write(`${ensureAwsCli()}\n`);
  } catch (err) {
    process.stderr.write(
      `[ensure-aws-cli] error: ${err instanceof UserError ? err.message : err.stack || err}\n`,
    );
    process.exit(1);
  }
}
