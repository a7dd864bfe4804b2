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
export const RELEASE_0_1_0_COMMIT = "3c6a5c0";

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
 * Makes `require("pulumi-lightsail-certificates")` in `programDir` resolve to `packageDir`
 * (a symlink in the program's own node_modules); returns a function that puts back what was there.
 */
export function pointPackageAt(programDir: string, packageDir: string): () => void {
  const modules = path.join(programDir, "node_modules");
  const link = path.join(modules, "pulumi-lightsail-certificates");
  const aside = `${link}.before-${process.pid}`;
  fs.mkdirSync(modules, { recursive: true });
  const had = fs.existsSync(link) || isLink(link);
  if (had) fs.renameSync(link, aside);
  fs.symlinkSync(packageDir, link, "dir");
  return () => {
    fs.rmSync(link, { recursive: true, force: true });
    if (had) fs.renameSync(aside, link);
  };
}

function isLink(p: string): boolean {
  try {
    return fs.lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}
