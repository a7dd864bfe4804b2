/**
 * The package's version for `lightsail-certs --version`, read at run time from the package's
 * own package.json. It is found from this file's directory, walking up to the first
 * package.json: `dist/gate/` (built, in this repository or installed under
 * `node_modules/pulumi-lightsail-certificates/`) and `gate/` (run through ts-node) both reach
 * the package root. Nothing is read from the working directory.
 */
import * as fs from "node:fs";
import * as path from "node:path";

/** The name the package.json found must have. */
export const PACKAGE_NAME = "pulumi-lightsail-certificates";

/**
 * The version in the package.json of {@link PACKAGE_NAME} nearest above `from`.
 * @throws Error when the nearest package.json is missing, unreadable or of another package.
 */
export function packageVersion(from: string = __dirname): string {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, "utf8")) as { name?: unknown; version?: unknown };
      if (pkg.name !== PACKAGE_NAME || typeof pkg.version !== "string")
        throw new Error(`${file} is not the package.json of ${PACKAGE_NAME} (or has no version)`);
      return pkg.version;
    }
    if (path.dirname(dir) === dir) throw new Error(`no package.json of ${PACKAGE_NAME} above ${from}`);
  }
}
