/**
 * The package the example tests, the end-to-end tests, the packaging tests and the demo use:
 * by default the one users get, `npm pack` of this checkout installed with a plain `npm install`
 * into a throwaway project outside the checkout (scripts/install-packed.js; reused while the
 * package's inputs are unchanged). `LSC_TEST_PACKAGE=checkout` uses this checkout instead (its
 * node_modules, where tools/checkout-link.ts links the package to the checkout): quicker while
 * developing, but it cannot see a file missing from the tarball or a dependency missing from
 * package.json. CI and `npm test` use the installed package.
 *
 * Programs are run from copies made with {@link copyProgram}: a copy of the program directory
 * whose `node_modules` links to the project's, laid out like a user's project (so that
 * `node_modules/pulumi-lightsail-certificates/policy` is the pack's path from the program).
 */
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { linkCheckout } from "./checkout-link";

const installer = require("../scripts/install-packed") as {
  ensureInstalledPackage(opts?: { log?: (line: string) => void; force?: boolean }): Promise<InstallInfo>;
  PACKAGE_NAME: string;
};

interface InstallInfo {
  projectDir: string;
  nodeModules: string;
  packageDir: string;
  tarball: string;
  hash: string;
  packMs: number;
  installMs: number;
  reused: boolean;
}

/** The repository root. */
export const REPO_ROOT = path.resolve(__dirname, "..");

/** How long a cold pack + install may take (a warm one takes seconds; a reused one nothing). */
export const INSTALL_TIMEOUT_MS = 20 * 60_000;

/** Where the package under test comes from. */
export type PackageSource = "installed" | "checkout";

/** `installed` unless `LSC_TEST_PACKAGE=checkout`; anything else is an error, not a silent default. */
export function packageSource(env: NodeJS.ProcessEnv = process.env): PackageSource {
  const value = env.LSC_TEST_PACKAGE;
  if (value === undefined || value === "" || value === "installed") return "installed";
  if (value === "checkout") return "checkout";
  throw new Error(`LSC_TEST_PACKAGE=${value}: use "installed" (the default) or "checkout"`);
}

/** A project in which `pulumi-lightsail-certificates` resolves. */
export interface TestPackage {
  source: PackageSource;
  /** The project directory (its package.json and node_modules). */
  projectDir: string;
  /** `<projectDir>/node_modules`. */
  nodeModules: string;
  /** Where `pulumi-lightsail-certificates` resolves from the project (real path). */
  packageDir: string;
  /** The policy pack as users reach it: `<nodeModules>/pulumi-lightsail-certificates/policy`. */
  policyPack: string;
  /** The packed tarball (installed source only). */
  tarball?: string;
  /** Directory for copies of programs: inside the project for an install, `.pulumi-test/` for the checkout. */
  workRoot: string;
  /** `require` from the project, e.g. `pkg.require("@pulumi/pulumi")` is the copy its programs use. */
  require: NodeJS.Require;
  /** Timings of the pack and the install that made it (0 and reused for the checkout). */
  packMs: number;
  installMs: number;
  reused: boolean;
}

const pending = new Map<PackageSource, Promise<TestPackage>>();
const ready = new Map<PackageSource, TestPackage>();

function describePackage(info: InstallInfo | undefined): TestPackage {
  const projectDir = info?.projectDir ?? REPO_ROOT;
  const nodeModules = path.join(projectDir, "node_modules");
  const link = info ? path.join(nodeModules, installer.PACKAGE_NAME) : linkCheckout(projectDir);
  if (!fs.existsSync(path.join(link, "package.json"))) throw new Error(`${link} is missing`);
  const workRoot = info ? path.join(projectDir, "work") : path.join(REPO_ROOT, ".pulumi-test");
  fs.mkdirSync(workRoot, { recursive: true });
  return {
    source: info ? "installed" : "checkout",
    projectDir,
    nodeModules,
    packageDir: fs.realpathSync(link),
    policyPack: path.join(link, "policy"),
    ...(info ? { tarball: info.tarball } : {}),
    workRoot,
    require: createRequire(path.join(projectDir, "package.json")),
    packMs: info?.packMs ?? 0,
    installMs: info?.installMs ?? 0,
    reused: info?.reused ?? true,
  };
}

/**
 * The package under test (by default from {@link packageSource}), packed and installed at most
 * once per process (see the module doc). The packaging tests ask for `"installed"` whatever the
 * environment says.
 */
export function testPackage(source: PackageSource = packageSource()): Promise<TestPackage> {
  let promise = pending.get(source);
  if (!promise) {
    promise = (async () => {
      const info =
        source === "installed"
          ? await installer.ensureInstalledPackage({
              log: (line) => process.stderr.write(`    [install-packed] ${line}\n`),
            })
          : undefined;
      const pkg = describePackage(info);
      ready.set(source, pkg);
      return pkg;
    })();
    promise.catch(() => pending.delete(source)); // a failed install is retried by the next caller
    pending.set(source, promise);
  }
  return promise;
}

/** The package once {@link testPackage} has resolved in this process; throws before that. */
export function readyTestPackage(source: PackageSource = packageSource()): TestPackage {
  const pkg = ready.get(source);
  if (!pkg) throw new Error("the package under test is not ready: call useTestPackage() in the suite");
  return pkg;
}

/** Whether {@link testPackage} has resolved in this process. */
export function isTestPackageReady(source: PackageSource = packageSource()): boolean {
  return ready.has(source);
}

/** Mocha: prepares the package in a `before` hook of the calling suite; the getter returns it. */
export function useTestPackage(source: PackageSource = packageSource()): () => TestPackage {
  before(async function () {
    this.timeout(INSTALL_TIMEOUT_MS);
    await testPackage(source);
  });
  return () => readyTestPackage(source);
}

const copies: string[] = [];
process.on("exit", () => {
  for (const dir of copies) fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * Copies `srcDir` (without node_modules, `Pulumi.<stack>.yaml` files and `bin/`) into a fresh
 * directory under the package's work root and links its `node_modules` to the project's.
 * `only` limits the copy to these paths relative to srcDir. Removed when the process exits
 * unless `keep` (the caller removes it).
 */
export function copyProgram(
  pkg: TestPackage,
  srcDir: string,
  opts: { prefix?: string; only?: string[]; keep?: boolean; into?: string } = {},
): string {
  const dest = opts.into ?? fs.mkdtempSync(path.join(pkg.workRoot, `${opts.prefix ?? "program"}-`));
  fs.mkdirSync(dest, { recursive: true });
  const skip = (src: string) => {
    const base = path.basename(src);
    return base === "node_modules" || base === "bin" || /^Pulumi\..+\.yaml$/.test(base);
  };
  for (const rel of opts.only ?? ["."]) {
    const from = path.join(srcDir, rel);
    fs.cpSync(from, path.join(dest, rel), { recursive: true, filter: (src) => !skip(src) || src === from });
  }
  fs.symlinkSync(pkg.nodeModules, path.join(dest, "node_modules"), "dir");
  if (!opts.keep && !opts.into) copies.push(dest);
  return dest;
}
