import { strict as assert } from "node:assert";
import { ReadCache } from "../../lookup/cache";

describe("ReadCache", () => {
  it("shares one in-flight read between concurrent callers", async () => {
    const cache = new ReadCache(1000, () => 0);
    let loads = 0;
    const load = async () => {
      loads++;
      await new Promise((r) => setTimeout(r, 5));
      return loads;
    };
    const results = await Promise.all(Array.from({ length: 20 }, () => cache.get("k", load).promise));
    assert.equal(loads, 1);
    assert.deepEqual(new Set(results), new Set([1]));
  });

  it("reuses a completed read until the TTL passes, then reads again", async () => {
    let now = 0;
    const cache = new ReadCache(1000, () => now);
    let loads = 0;
    const load = async () => ++loads;
    assert.equal(await cache.get("k", load).promise, 1);
    now = 999;
    assert.deepEqual(await cache.get("k", load).promise, 1);
    assert.equal(cache.get("k", load).shared, true);
    now = 1000;
    assert.equal(await cache.get("k", load).promise, 2);
  });

  it("does not keep a failed read", async () => {
    const cache = new ReadCache(1000, () => 0);
    await assert.rejects(cache.get("k", async () => Promise.reject(new Error("boom"))).promise, /boom/);
    await new Promise((r) => setImmediate(r));
    assert.equal(await cache.get("k", async () => "ok").promise, "ok");
  });

  it("clear forgets everything", async () => {
    const cache = new ReadCache(1000, () => 0);
    await cache.get("k", async () => 1).promise;
    cache.clear();
    assert.equal(cache.size, 0);
    assert.equal(await cache.get("k", async () => 2).promise, 2);
  });
});
