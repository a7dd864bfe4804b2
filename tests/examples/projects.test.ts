/**
 * Every example under examples/ is a complete Pulumi TypeScript project that uses the package by
 * its name, and type-checks with its own tsconfig against the package under test: a copy of the
 * example whose node_modules is the project where the packed tarball was installed with a plain
 * `npm install` (tools/installed-package.ts), checked by that project's TypeScript.
 */
import { strict as assert } from "node:assert";
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { REPO_ROOT } from "../helpers/example-harness";
import {
  copyProgram,
  testPackage,
  type TestPackage,
  INSTALL_TIMEOUT_MS,
} from "../../tools/installed-package";

const EXAMPLES_DIR = path.join(REPO_ROOT, "examples");
const EXAMPLES = fs
  .readdirSync(EXAMPLES_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(EXAMPLES_DIR, entry.name, "Pulumi.yaml")))
  .map((entry) => entry.name)
  .sort();
/** The examples the issue asks for (more may exist). */
const REQUIRED = ["container-service", "distribution", "load-balancer", "lookup-only", "policy"];
const TSC_TIMEOUT_MS = 240_000;
/** Type checks run at most this many at a time (each takes a core for a while with @pulumi/aws). */
const TSC_PARALLEL = 2;

interface Result {
  code: number | null;
  output: string;
}

/** Runs `tsc --noEmit -p <tsconfig>` (the project's TypeScript), killed after TSC_TIMEOUT_MS. */
function typeCheck(pkg: TestPackage, tsconfig: string): Promise<Result> {
  const tsc = pkg.require.resolve("typescript/bin/tsc");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tsc, "--noEmit", "--pretty", "false", "-p", tsconfig], {
      cwd: path.dirname(tsconfig),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      output += `\n(killed after ${TSC_TIMEOUT_MS} ms)`;
    }, TSC_TIMEOUT_MS);
    child.on("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/** Starts every type check now (on a copy each), TSC_PARALLEL at a time; each test awaits its own result. */
function startTypeChecks(pkg: TestPackage, names: string[]): Map<string, Promise<Result>> {
  const queue = names.map((name) => {
    let settle!: { resolve: (r: Result) => void; reject: (e: unknown) => void };
    const result = new Promise<Result>((resolve, reject) => (settle = { resolve, reject }));
    result.catch(() => undefined); // awaited by its test
    return { name, result, settle };
  });
  const pending = [...queue];
  const worker = async () => {
    for (let job = pending.shift(); job; job = pending.shift()) {
      const copy = copyProgram(pkg, path.join(EXAMPLES_DIR, job.name), { prefix: `typecheck-${job.name}` });
      await typeCheck(pkg, path.join(copy, "tsconfig.json")).then(job.settle.resolve, job.settle.reject);
    }
  };
  for (let i = 0; i < TSC_PARALLEL; i++) void worker();
  return new Map(queue.map((job) => [job.name, job.result]));
}

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>;
}

describe("examples are complete projects", function () {
  const rootManifest = readJson(path.join(REPO_ROOT, "package.json"));
  const rootDev = rootManifest.devDependencies as Record<string, string>;

  it("include every example the issue asks for", () => {
    for (const name of REQUIRED) assert.ok(EXAMPLES.includes(name), `examples/${name} is missing`);
  });

  for (const name of EXAMPLES) {
    describe(`examples/${name}`, () => {
      const dir = path.join(EXAMPLES_DIR, name);
      const source = () => fs.readFileSync(path.join(dir, "index.ts"), "utf8");

      it("has Pulumi.yaml (nodejs, TypeScript), index.ts, tsconfig.json, package.json and README.md", () => {
        for (const file of ["Pulumi.yaml", "index.ts", "tsconfig.json", "package.json", "README.md"]) {
          assert.ok(fs.existsSync(path.join(dir, file)), `examples/${name}/${file} is missing`);
        }
        const yaml = fs.readFileSync(path.join(dir, "Pulumi.yaml"), "utf8");
        assert.match(yaml, /^name: \S+/m);
        assert.match(yaml, /^runtime:\n {2}name: nodejs\n {2}options:\n {4}typescript: true$/m);
        assert.match(fs.readFileSync(path.join(dir, "README.md"), "utf8"), /pulumi (up|preview)/);
      });

      it("depends on the package as file:../.. and on the pinned Pulumi packages it imports", () => {
        const deps = readJson(path.join(dir, "package.json")).dependencies as Record<string, string>;
        assert.equal(deps["pulumi-lightsail-certificates"], "file:../..");
        assert.equal(deps["@pulumi/pulumi"], rootDev["@pulumi/pulumi"]);
        const imports = [...source().matchAll(/from "([^"]+)"/g)].map((m) => m[1]!);
        assert.ok(
          imports.includes("pulumi-lightsail-certificates"),
          "index.ts must import the package by name",
        );
        for (const specifier of imports) {
          assert.ok(
            !specifier.startsWith("."),
            `index.ts imports ${specifier}: examples import packages only`,
          );
          assert.ok(deps[specifier] !== undefined, `index.ts imports ${specifier}, not in package.json`);
        }
        if (imports.includes("@pulumi/aws")) assert.equal(deps["@pulumi/aws"], rootDev["@pulumi/aws"]);
        for (const version of Object.values(deps)) assert.match(version, /^(file:\.\.\/\.\.|\d+\.\d+\.\d+)$/);
      });
    });
  }

  describe("type-check with their own tsconfig against the installed package", function () {
    this.timeout(TSC_TIMEOUT_MS * Math.ceil(EXAMPLES.length / TSC_PARALLEL) + 10_000);
    let checks: Map<string, Promise<Result>>;

    before(async function () {
      this.timeout(INSTALL_TIMEOUT_MS);
      checks = startTypeChecks(await testPackage(), EXAMPLES);
    });

    for (const name of EXAMPLES) {
      it(`examples/${name}`, async () => {
        const { code, output } = await checks.get(name)!;
        assert.equal(code, 0, `tsc -p examples/${name}/tsconfig.json failed:\n${output}`);
      });
    }
  });
});
