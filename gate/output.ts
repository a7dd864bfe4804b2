/**
 * The edges of a gate run before anything is read: the default region (the lookup layer's
 * chain) and `--output`'s directory; and the atomic write of the report file.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { LookupContext } from "../lookup/context";
import { InvalidArgumentError, RegionNotSetError } from "../lightsail/errors";
import { resolveRegionWithSource } from "../lookup/region";
import { UsageError } from "./usage-error";

/**
 * The region to read when no --region is given: the lookup layer's chain (AWS_REGION,
 * AWS_DEFAULT_REGION, then the profile's region in the shared config file; the gate sets no
 * provider or stack-config region).
 * @throws UsageError when the chain sets none, or sets one without a Lightsail endpoint.
 */
export async function defaultRegion(context: LookupContext): Promise<string> {
  try {
    return (await resolveRegionWithSource(context, undefined)).region;
  } catch (err) {
    if (RegionNotSetError.isInstance(err))
      throw new UsageError(
        "no region: give --region R (or --all-regions), or set AWS_REGION, AWS_DEFAULT_REGION, " +
          "or `region` in the profile's section of the shared config file (~/.aws/config)",
      );
    if (InvalidArgumentError.isInstance(err)) {
      const problem = err.message.replace(/^Invalid argument `[^`]*`: /, "");
      throw new UsageError(`the default region (from ${err.argument}): ${problem}`);
    }
    throw err;
  }
}

/**
 * Checks, before anything is read, that `--output`'s directory exists.
 * @throws UsageError naming the file and the directory.
 */
export function checkOutputPath(file: string): void {
  const dir = path.dirname(path.resolve(file));
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(dir);
  } catch {
    stat = undefined;
  }
  if (!stat?.isDirectory())
    throw new UsageError(`--output ${file}: the directory ${dir} does not exist; create it first`);
  try {
    if (fs.statSync(path.resolve(file)).isDirectory())
      throw new UsageError(`--output ${file} is a directory; give a file name`);
  } catch (err) {
    if (err instanceof UsageError) throw err;
  }
}

/**
 * Writes `text` to `file` atomically: a temporary file in the same directory, then a rename over
 * `file`, so a reader (or a failed run) never sees half a report.
 */
export function writeFileAtomic(file: string, text: string): void {
  const target = path.resolve(file);
  const temp = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`,
  );
  try {
    fs.writeFileSync(temp, text, { mode: 0o644 });
    fs.renameSync(temp, target);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw err;
  }
}
