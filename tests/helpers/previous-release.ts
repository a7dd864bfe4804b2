/**
 * The previous release, 0.1.0, built from this repository's history, for the tests of the state
 * contract: stacks whose state was written by 0.1.0 must keep working with this version.
 *
 * 0.1.0 was never packed (its install script needed repository files), so its users ran it from
 * a checkout. This builds its library sources from the release commit with this repository's
 * compiler into `.pulumi-test/release-0.1.0/` (git-ignored), once: a package directory with
 * 0.1.0's package.json and dist/, whose dependencies resolve from this repository's node_modules.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

/** The commit of release 0.1.0 (CHANGELOG "0.1.0"). */
const RELEASE_0_1_0_COMMIT = "3c6a5c0";

/** What 0.1.0 shipped as its library: enough to run a program and its stored provider text. */
const LIBRARY_PATHS = [
  "index.ts",
  "provider",
  "sdk",
  "emulator",
  "gate",
  "package.json",
  "tsconfig.json",
  "tsconfig.build.json",
];

/** Builds (once) and returns the directory of the 0.1.0 package. */
export function previousReleaseDir(): string {
  const dir = path.join(ROOT, ".pulumi-test", "release-0.1.0");
  if (fs.existsSync(path.join(dir, "dist", "provider", "index.js"))) return dir;
  const building = `${dir}.build-${process.pid}`;
  fs.rmSync(building, { recursive: true, force: true });
  fs.mkdirSync(building, { recursive: true });
  try {
    const archive = execFileSync("git", ["archive", "--format=tar", RELEASE_0_1_0_COMMIT, ...LIBRARY_PATHS], {
      cwd: ROOT,
      timeout: 60_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    execFileSync("tar", ["-x", "-C", building], { input: archive, timeout: 60_000 });
    execFileSync(
      process.execPath,
      [path.join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.build.json"],
      {
        cwd: building,
        timeout: 180_000,
        stdio: "pipe",
      },
    );
  } catch (err) {
    fs.rmSync(building, { recursive: true, force: true });
    const detail = (err as { stdout?: Buffer }).stdout?.toString() ?? String(err);
    throw new Error(
      `could not build release 0.1.0 from commit ${RELEASE_0_1_0_COMMIT} (a clone with history is needed): ${detail.slice(0, 2000)}`,
    );
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.renameSync(building, dir);
  return dir;
}

/**
 * Makes `require("pulumi-lightsail-certificates")` in `programDir` load a copy of `packageDir`,
 * while every other module resolves as before; returns a function that puts back what was there.
 *
 * A workspace's `node_modules` may be a link to a shared project (the installed tarball's): it
 * is left untouched. The program gets a `node_modules` of its own instead, with a link to each
 * entry of the shared one and a copy (not a link) of the package, so that the package's own
 * dependencies (`@pulumi/pulumi`, the AWS SDK) resolve to the program's, one copy of each.
 */
export function pointPackageAt(programDir: string, packageDir: string): () => void {
  const modules = path.join(programDir, "node_modules");
  const linkedTo = isLink(modules) ? fs.readlinkSync(modules) : undefined;
  const shared = linkedTo !== undefined ? path.resolve(programDir, linkedTo) : undefined;
  const aside = `${modules}.before-${process.pid}`;
  if (fs.existsSync(modules) || linkedTo !== undefined) fs.renameSync(modules, aside);
  const source = shared ?? (fs.existsSync(aside) ? aside : undefined);
  fs.mkdirSync(modules);
  for (const entry of source ? fs.readdirSync(source) : []) {
    if (entry === "pulumi-lightsail-certificates" || entry === ".bin") continue;
    fs.symlinkSync(path.join(source!, entry), path.join(modules, entry), "dir");
  }
  const copy = path.join(modules, "pulumi-lightsail-certificates");
  fs.mkdirSync(copy);
  for (const entry of ["package.json", "dist"])
    fs.cpSync(path.join(packageDir, entry), path.join(copy, entry), { recursive: true });
  return () => {
    fs.rmSync(modules, { recursive: true, force: true });
    if (fs.existsSync(aside) || isLink(aside)) fs.renameSync(aside, modules);
  };
}
function isLink(p: string): boolean {
  try {
    return fs.lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}
