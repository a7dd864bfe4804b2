/**
 * The plugin's compile-cache flush (provider/plugin/compile-cache.ts, issue 19): once per stage,
 * only where node has a compile cache, after the first lookup settles, and without changing what
 * the wrapped methods return or throw.
 */
import { strict as assert } from "node:assert";
import {
  flushAfterFirst,
  flushCompileCacheOnce,
  resetCompileCacheFlush,
} from "../../provider/plugin/compile-cache";

const tick = () => new Promise<void>((resolve) => setImmediate(() => setImmediate(resolve)));

describe("plugin compile-cache flush", () => {
  beforeEach(() => resetCompileCacheFlush());
  afterEach(() => resetCompileCacheFlush());

  it("flushes once per stage, on the next turn, where node has a cache directory", async () => {
    let flushes = 0;
    const api = { flushCompileCache: () => void flushes++, getCompileCacheDir: () => "/cache" };
    assert.equal(flushCompileCacheOnce("start", api), true);
    assert.equal(flushes, 0, "not synchronously");
    assert.equal(flushCompileCacheOnce("start", api), false);
    await tick();
    assert.equal(flushes, 1);
    assert.equal(flushCompileCacheOnce("first call", api), true);
    await tick();
    assert.equal(flushes, 2);
  });

  it("does nothing without a cache directory or without the API (old node)", () => {
    assert.equal(
      flushCompileCacheOnce("a", { flushCompileCache: () => undefined, getCompileCacheDir: () => undefined }),
      false,
    );
    assert.equal(flushCompileCacheOnce("b", {}), false);
  });

  it("a failing flush is swallowed", async () => {
    const api = {
      flushCompileCache: () => {
        throw new Error("disk full");
      },
      getCompileCacheDir: () => "/cache",
    };
    assert.equal(flushCompileCacheOnce("start", api), true);
    await tick();
  });

  it("wrapped methods return and reject as before", async () => {
    const target = {
      calls: 0,
      async check(x: number) {
        this.calls++;
        return x * 2;
      },
      async invoke(): Promise<number> {
        throw new Error("lookup failed");
      },
    };
    const wrapped = flushAfterFirst(target, ["check", "invoke"]);
    assert.equal(wrapped, target);
    assert.equal(await wrapped.check(21), 42);
    assert.equal(target.calls, 1, "`this` is the target");
    await assert.rejects(wrapped.invoke(), /lookup failed/);
  });
});
