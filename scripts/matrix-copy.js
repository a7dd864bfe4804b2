// The copy of the repository in which scripts/test-matrix.js runs the suites with a newer
// @pulumi/pulumi: the files git lists, `npm ci`, the new version installed and saved, the other
// pins raised alike, one @pulumi/pulumi resolved by every package, a build and a type check.
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { legEnv, run, say, step } = require("./matrix-run");

const NPM_TIMEOUT_MS = 10 * 60_000;
const repoRoot = path.resolve(__dirname, "..");

/** Tracked and untracked-but-not-ignored files of the working tree, as git lists them. */
function repositoryFiles() {
  const r = spawnSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    cwd: repoRoot,
    encoding: "utf8",
    timeout: 60_000,
    killSignal: "SIGKILL",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`git ls-files failed in ${repoRoot}: ${r.error || r.stderr}`);
  return r.stdout.split("\0").filter((f) => f !== "" && fs.existsSync(path.join(repoRoot, f)));
}

function copyRepository(dest) {
  const files = repositoryFiles();
  for (const f of files) {
    const from = path.join(repoRoot, f);
    const to = path.join(dest, f);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    const st = fs.lstatSync(from);
    if (st.isSymbolicLink()) fs.symlinkSync(fs.readlinkSync(from), to);
    else fs.copyFileSync(from, to);
  }
  return files;
}

/**
 * Raises the exact pins of @pulumi/pulumi from `from` to `to` in the copy's other package.json
 * files (examples, policy pack; the root's devDependencies are npm's job), so that the copy is
 * this repository as it would be with its pins raised: its tests compare those pins with the
 * root's. peerDependencies are left as written. Returns the files changed.
 */
function raisePins(dir, files, from, to) {
  const changed = [];
  for (const f of files) {
    if (path.basename(f) !== "package.json" || f === "package.json" || f.includes("node_modules/")) continue;
    const file = path.join(dir, f);
    const manifest = JSON.parse(fs.readFileSync(file, "utf8"));
    let touched = false;
    for (const section of ["dependencies", "devDependencies", "optionalDependencies"]) {
      if (manifest[section]?.["@pulumi/pulumi"] === from) {
        manifest[section]["@pulumi/pulumi"] = to;
        touched = true;
      }
    }
    if (touched) {
      fs.writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
      changed.push(f);
    }
  }
  return changed;
}

/** Says whether the copy's peer range of @pulumi/pulumi admits `version` (a note, not a failure). */
function notePeerRange(dir, version) {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
  const range = manifest.peerDependencies?.["@pulumi/pulumi"];
  if (range === undefined) return;
  let semver;
  try {
    semver = require(require.resolve("semver", { paths: [dir] }));
  } catch {
    return;
  }
  const ok = semver.satisfies(version, range);
  say(
    `--- package.json's peer range of @pulumi/pulumi, ${JSON.stringify(range)}, ${ok ? "admits" : "does NOT admit"} ${version}`,
  );
}

/** The version of @pulumi/pulumi that `fromDir` resolves, and its path. */
function resolvedPulumi(root, fromPackage) {
  const base = fromPackage
    ? path.dirname(require.resolve(`${fromPackage}/package.json`, { paths: [root] }))
    : root;
  const manifest = require.resolve("@pulumi/pulumi/package.json", { paths: [base] });
  return { manifest, version: JSON.parse(fs.readFileSync(manifest, "utf8")).version };
}

async function latestPulumi() {
  const r = await run("npm", ["view", "@pulumi/pulumi", "version"], {
    cwd: repoRoot,
    env: process.env,
    timeoutMs: 2 * 60_000,
    echo: false,
  });
  const v = r.output.trim();
  if (r.code !== 0 || !/^\d+\.\d+\.\d+$/.test(v)) throw new Error(`npm view @pulumi/pulumi version: ${v}`);
  return v;
}

/**
 * Copies the repository into a temporary directory and installs @pulumi/pulumi@version there.
 * Returns the directory (undefined when a step failed; the failure is on `leg`).
 */
async function preparePulumiCopy(leg, pinned, version, nodeBinDir, tmpDirs) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lsc-matrix-pulumi-"));
  tmpDirs.push(dir);
  const started = Date.now();
  const files = copyRepository(dir);
  leg.steps.push({ label: "copy", ms: Date.now() - started, ok: true });
  say(`--- copied ${files.length} files of the repository to ${dir}`);
  // npm itself runs under the leg's node (@pulumi/pulumi >= 3.249 asks for Node >= 22).
  const env = legEnv(nodeBinDir);
  const npm = (label, args) => step(leg, label, "npm", args, { cwd: dir, env, timeoutMs: NPM_TIMEOUT_MS });
  if (!(await npm("npm ci", ["ci", "--no-audit", "--no-fund"]))) return undefined;
  const spec = `@pulumi/pulumi@${version}`;
  // Saved (in the copy only), so that its package.json and lockfile pin what is installed: tools
  // that read the pins (a test that installs the packed package beside the pinned
  // @pulumi/pulumi) then use this version too.
  const install = ["install", "--save-dev", "--save-exact", "--no-audit", "--no-fund", spec];
  if (!(await npm(`npm install --save-dev --save-exact ${spec}`, install))) return undefined;
  const raised = raisePins(dir, files, pinned, version);
  say(
    `--- raised @pulumi/pulumi ${pinned} to ${version} in ${raised.length ? raised.join(", ") : "no other package.json"}`,
  );
  notePeerRange(dir, version);

  say(`--- which @pulumi/pulumi each package resolves`);
  let ok = true;
  const seen = new Set();
  for (const from of [undefined, "@pulumi/aws", "@pulumi/policy"]) {
    try {
      const r = resolvedPulumi(dir, from);
      seen.add(r.manifest);
      say(`    ${(from || "the project").padEnd(16)} -> ${r.version} (${path.relative(dir, r.manifest)})`);
      if (r.version !== version) ok = false;
    } catch (err) {
      say(`    ${(from || "the project").padEnd(16)} -> cannot resolve: ${err.message}`);
      ok = false;
    }
  }
  if (!ok || seen.size !== 1) {
    say(`--- FAILED: not every package resolves the one @pulumi/pulumi ${version}`);
    leg.failed += 1;
    return undefined;
  }
  if (!(await step(leg, "npm run build", "npm", ["run", "build"], { cwd: dir, env }))) return undefined;
  const tsc = path.join(dir, "node_modules", "typescript", "bin", "tsc");
  if (
    !(await step(
      leg,
      `tsc --noEmit against @pulumi/pulumi ${version}`,
      "node",
      [tsc, "--noEmit", "-p", "tsconfig.json"],
      { cwd: dir, env },
    ))
  )
    return undefined;
  return dir;
}

module.exports = { latestPulumi, preparePulumiCopy };
