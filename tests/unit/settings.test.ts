import { strict as assert } from "node:assert";
import { createLookupContext, withSettings } from "../../lookup/context";
import { InvalidArgumentError } from "../../lightsail/errors";
import {
  checkLookupSettings,
  DEFAULT_LOOKUP_SETTINGS,
  describeSetting,
  describeSettingProblem,
  LOOKUP_SETTING_MEANINGS,
  LOOKUP_SETTING_RANGES,
  parseLookupSettings,
  resolveLookupSettings,
} from "../../lightsail/settings";

describe("lookup settings", () => {
  it("accepts whole numbers at both ends of each range and keeps only the given fields", () => {
    assert.deepEqual(checkLookupSettings({ requestTimeoutMs: 100, maxAttempts: 10 }), {
      settings: { requestTimeoutMs: 100, maxAttempts: 10 },
      problems: [],
    });
    assert.deepEqual(
      checkLookupSettings({ requestTimeoutMs: 600_000, maxAttempts: 1, maxPages: 100_000 }).problems,
      [],
    );
    assert.deepEqual(checkLookupSettings(undefined), { settings: {}, problems: [] });
    assert.deepEqual(checkLookupSettings({ maxPages: undefined }), { settings: {}, problems: [] });
  });

  it("reports every problem, each naming its setting and the range", () => {
    const { settings, problems } = checkLookupSettings({
      requestTimeoutMs: 99,
      maxAttempts: 1.5,
      maxPages: "5",
      timeout: 1,
    });
    assert.equal(settings, undefined);
    assert.deepEqual(problems, [
      { property: "requestTimeoutMs", reason: "must be from 100 to 600000, got 99" },
      { property: "maxAttempts", reason: "must be a whole number from 1 to 10, got 1.5" },
      { property: "maxPages", reason: 'must be a whole number from 1 to 100000, got "5"' },
      { property: "timeout", reason: "is not a lookup setting; use requestTimeoutMs, maxAttempts, maxPages" },
    ]);
    assert.deepEqual(checkLookupSettings([1]).problems, [
      { property: "settings", reason: "must be an object, got an array" },
    ]);
    assert.deepEqual(
      checkLookupSettings({ maxAttempts: 11 }).problems[0].reason,
      "must be from 1 to 10, got 11",
    );
    assert.deepEqual(
      checkLookupSettings({ maxPages: 0 }).problems[0].reason,
      "must be from 1 to 100000, got 0",
    );
  });

  it("parseLookupSettings throws an InvalidArgumentError naming the setting with a prefix", () => {
    assert.throws(
      () => parseLookupSettings({ maxPages: -1 }, "settings."),
      (err: unknown) => err instanceof InvalidArgumentError && err.argument === "settings.maxPages",
    );
  });

  it("defaults fill what is unset; a context takes them into its clients and scans", () => {
    assert.deepEqual(resolveLookupSettings({ maxPages: 7 }), { ...DEFAULT_LOOKUP_SETTINGS, maxPages: 7 });
    const ctx = createLookupContext({ settings: { maxAttempts: 2, maxPages: 9 } });
    assert.deepEqual(ctx.clientOptions, { requestTimeoutMs: 15_000, maxAttempts: 2 });
    assert.equal(ctx.maxPages, 9);
    const plain = createLookupContext();
    assert.deepEqual(plain.clientOptions, { requestTimeoutMs: 15_000, maxAttempts: 4 });
    assert.equal(plain.maxPages, 500);
  });

  it("withSettings overrides only what is given and shares everything else", () => {
    const ctx = createLookupContext({ settings: { maxAttempts: 2 } });
    assert.equal(withSettings(ctx, {}), ctx);
    const tuned = withSettings(ctx, { requestTimeoutMs: 500 });
    assert.deepEqual(tuned.clientOptions, { requestTimeoutMs: 500, maxAttempts: 2 });
    assert.equal(tuned.cache, ctx.cache);
    assert.equal(tuned.clientFor, ctx.clientFor);
    assert.equal(tuned.maxPages, 500);
  });
});

describe("lookup settings: defaults, ranges and every message", () => {
  it("the defaults and ranges are the documented ones, and frozen", () => {
    assert.deepEqual(DEFAULT_LOOKUP_SETTINGS, { requestTimeoutMs: 15_000, maxAttempts: 4, maxPages: 500 });
    assert.deepEqual(LOOKUP_SETTING_RANGES, {
      requestTimeoutMs: [100, 600_000],
      maxAttempts: [1, 10],
      maxPages: [1, 100_000],
    });
    assert.ok(Object.isFrozen(DEFAULT_LOOKUP_SETTINGS));
    assert.ok(Object.isFrozen(LOOKUP_SETTING_RANGES));
    assert.deepEqual(resolveLookupSettings(), DEFAULT_LOOKUP_SETTINGS);
    assert.deepEqual(resolveLookupSettings({ requestTimeoutMs: 200, maxAttempts: 3 }), {
      requestTimeoutMs: 200,
      maxAttempts: 3,
      maxPages: 500,
    });
  });

  it("describes each setting by its own meaning, a sentence, then its range and default", () => {
    const names = Object.keys(LOOKUP_SETTING_RANGES) as (keyof typeof LOOKUP_SETTING_RANGES)[];
    assert.deepEqual(Object.keys(LOOKUP_SETTING_MEANINGS).sort(), [...names].sort());
    for (const name of names) {
      const meaning = LOOKUP_SETTING_MEANINGS[name];
      assert.match(meaning, /^[A-Z][^]{20,}\.$/, name);
      const [min, max] = LOOKUP_SETTING_RANGES[name];
      assert.equal(
        describeSetting(name),
        `${meaning} From ${min} to ${max}; default ${DEFAULT_LOOKUP_SETTINGS[name]}.`,
      );
    }
    assert.equal(new Set(names.map((n) => LOOKUP_SETTING_MEANINGS[n])).size, names.length);
  });

  it("one past each end of each range is refused", () => {
    assert.equal(
      describeSettingProblem("requestTimeoutMs", 600_001),
      "must be from 100 to 600000, got 600001",
    );
    assert.equal(describeSettingProblem("maxAttempts", 0), "must be from 1 to 10, got 0");
    assert.equal(describeSettingProblem("maxPages", 100_001), "must be from 1 to 100000, got 100001");
    assert.equal(describeSettingProblem("maxPages", 1), undefined);
    assert.equal(describeSettingProblem("maxPages", 100_000), undefined);
  });

  it("says what a value of the wrong kind was", () => {
    const reason = (value: unknown) => describeSettingProblem("maxAttempts", value);
    assert.equal(reason(null), "must be a whole number from 1 to 10, got null");
    assert.equal(reason([2]), "must be a whole number from 1 to 10, got an array");
    assert.equal(reason({ n: 2 }), "must be a whole number from 1 to 10, got an object");
    assert.equal(reason(true), "must be a whole number from 1 to 10, got true");
    assert.equal(reason(Symbol("s")), "must be a whole number from 1 to 10, got Symbol(s)");
    assert.equal(reason(Infinity), "must be a whole number from 1 to 10, got null");
    assert.deepEqual(checkLookupSettings(null), {
      problems: [{ property: "settings", reason: "must be an object, got null" }],
    });
    assert.deepEqual(checkLookupSettings("fast"), {
      problems: [{ property: "settings", reason: 'must be an object, got "fast"' }],
    });
    assert.deepEqual(checkLookupSettings({}), { settings: {}, problems: [] });
  });

  it("parseLookupSettings returns the given fields, and names the setting alone without a prefix", () => {
    assert.deepEqual(parseLookupSettings({ maxPages: 3 }), { maxPages: 3 });
    assert.deepEqual(parseLookupSettings(undefined), {});
    assert.throws(
      () => parseLookupSettings({ maxAttempts: 0, maxPages: 0 }),
      (err: unknown) =>
        err instanceof InvalidArgumentError &&
        err.argument === "maxAttempts" &&
        err.message.includes("must be from 1 to 10, got 0"),
    );
    assert.throws(
      () => parseLookupSettings(7, "pack."),
      (err: unknown) => err instanceof InvalidArgumentError && err.argument === "pack.settings",
    );
  });
});

describe("lookup settings: values JSON cannot show", () => {
  it("a bigint is a problem naming the setting, not a TypeError", () => {
    assert.deepEqual(checkLookupSettings({ maxPages: BigInt(1) }).problems, [
      { property: "maxPages", reason: "must be a whole number from 1 to 100000, got 1n (a bigint)" },
    ]);
  });
});
