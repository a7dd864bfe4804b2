/**
 * V8's compile cache for the plugin process (issue 19). The archive's launcher starts node with
 * `NODE_COMPILE_CACHE` set to a directory in the user's cache (provider/plugin/launcher/), so
 * that node reads the compiled code of plugin.js from there instead of compiling the 3.6 MB
 * bundle again at every start. Node writes that cache when the process exits normally, but the
 * engine stops plugins with SIGINT, which ends node without writing it: so the plugin flushes it
 * itself, once when it has started (the bundle) and once after its first lookup (what was
 * compiled meanwhile, the AWS SDK's code, where node adds it). Nothing happens where node has no compile cache (Node < 22.10,
 * `NODE_DISABLE_COMPILE_CACHE=1`, no `NODE_COMPILE_CACHE`).
 */
import * as nodeModule from "node:module";

interface CompileCacheApi {
  flushCompileCache?: () => void;
  getCompileCacheDir?: () => string | undefined;
}

const flushed = new Set<string>();

/** Writes node's compile cache once per `stage`, on the next turn of the event loop; never throws. */
export function flushCompileCacheOnce(
  stage: string,
  api: CompileCacheApi = nodeModule as CompileCacheApi,
): boolean {
  if (flushed.has(stage) || typeof api.flushCompileCache !== "function" || !api.getCompileCacheDir?.())
    return false;
  flushed.add(stage);
  setImmediate(() => {
    try {
      api.flushCompileCache!();
    } catch {
      // A cache that cannot be written only costs the next start its compile time.
    }
  });
  return true;
}

/** Resets the once-guards (tests). */
export function resetCompileCacheFlush(): void {
  flushed.clear();
}

type Method = (...args: never[]) => Promise<unknown>;

/**
 * Wraps `names` methods of `target` so that the first call to settle flushes the compile cache.
 * The methods are otherwise unchanged (same arguments, result and rejection).
 */
export function flushAfterFirst<T extends object>(target: T, names: ReadonlyArray<keyof T>): T {
  for (const name of names) {
    const original = target[name] as unknown as Method | undefined;
    if (typeof original !== "function") continue;
    (target as Record<keyof T, unknown>)[name] = function (this: unknown, ...args: never[]) {
      const result = original.apply(this, args);
      void result.then(
        () => flushCompileCacheOnce("first call"),
        () => flushCompileCacheOnce("first call"),
      );
      return result;
    };
  }
  return target;
}
