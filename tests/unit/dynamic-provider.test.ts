import { strict as assert } from "node:assert";
import * as provider from "../../provider/dynamic";
import { UNKNOWN_VALUE } from "../../lookup/unknowns";
import { fakeAccount, FakeAccount } from "../helpers/fake-lightsail";

const NOW = new Date("2026-06-01T00:00:00.000Z");
/** Provider state as the host passes it: a plain property bag. */
const bag = (x: object): Record<string, unknown> => x as Record<string, unknown>;

describe("CertificateLookup provider (mocked client)", () => {
  let account: FakeAccount;
  beforeEach(() => {
    account = fakeAccount(
      [
        {
          name: "site",
          domainName: "example.com",
          serialNumber: "s1",
          notAfter: "2026-09-01T00:00:00.000Z",
          arn: "arn:site-1",
        },
        { name: "api", domainName: "api.example.com", arn: "arn:api-1" },
      ],
      1,
    );
    provider.setLookupContext(account.context({ now: NOW }));
  });
  afterEach(() => {
    provider.setLookupContext(undefined);
    account.restore();
  });

  it("check resolves the certificate into the checked inputs (no daysUntilExpiry)", async () => {
    const { inputs, failures } = await provider.check({}, { query: { domainName: "example.com" } });
    assert.equal(failures, undefined);
    assert.equal(inputs!.arn, "arn:site-1");
    assert.equal(inputs!.name, "site");
    assert.equal(inputs!.status, "ISSUED");
    assert.equal(inputs!.notAfter, "2026-09-01T00:00:00.000Z");
    assert.deepEqual(inputs!.query, { domainName: "example.com" });
    assert.equal("daysUntilExpiry" in inputs!, false);
  });

  it("check reports every bad argument as a failure naming it, and sends nothing", async () => {
    const { failures, inputs } = await provider.check(
      {},
      { query: { domainName: "https://x.com", minDaysValid: -1, statuses: ["issued"] } },
    );
    assert.deepEqual(
      failures!.map((f) => f.property),
      ["domainName", "statuses[0]", "minDaysValid"],
    );
    assert.deepEqual(inputs, {
      query: { domainName: "https://x.com", minDaysValid: -1, statuses: ["issued"] },
    });
    assert.equal(account.requests.length, 0);
  });

  it("check leaves the certificate unknown while the search is unknown", async () => {
    const { inputs, failures } = await provider.check({}, { query: { domainName: UNKNOWN_VALUE } });
    assert.equal(failures, undefined);
    assert.deepEqual(inputs, { query: { domainName: UNKNOWN_VALUE } });
    assert.equal(account.requests.length, 0);
  });

  it("check reports a failed lookup as one failure with its message, which the engine prints once", async () => {
    const { inputs, failures } = await provider.check({}, { query: { domainName: "missing.example.com" } });
    assert.equal(failures!.length, 1);
    assert.equal(failures![0].property, "");
    assert.match(failures![0].reason, /^No Lightsail certificate matches domainName "missing\.example\.com"/);
    assert.deepEqual(inputs, { query: { domainName: "missing.example.com" } });
  });

  it("check validates settings with the search, naming each bad one, and sends nothing", async () => {
    const { failures } = await provider.check(
      {},
      { query: { domainName: "example.com" }, settings: { maxPages: 0, retries: 3 } },
    );
    assert.deepEqual(failures, [
      { property: "maxPages", reason: "must be from 1 to 100000, got 0" },
      { property: "retries", reason: "is not a lookup setting; use requestTimeoutMs, maxAttempts, maxPages" },
    ]);
    assert.equal(account.requests.length, 0);
  });

  it("settings bound the lookup's scan, and are kept in inputs and outputs but never compared", async () => {
    const limited = await provider.check(
      {},
      { query: { domainName: "api.example.com" }, settings: { maxPages: 1 } },
    );
    assert.equal(limited.failures!.length, 1);
    assert.match(limited.failures![0].reason, /after 1 pages; stopped/);
    const { inputs } = await provider.check(
      {},
      { query: { domainName: "example.com" }, settings: { maxPages: 5 } },
    );
    assert.deepEqual(inputs!.settings, { maxPages: 5 });
    const { outs } = await provider.create(inputs!);
    assert.deepEqual(outs.settings, { maxPages: 5 });
    const again = await provider.check(bag(outs), {
      query: { domainName: "example.com" },
      settings: { maxPages: 9 },
    });
    assert.equal((await provider.diff(outs.arn, bag(outs), again.inputs!)).changes, false);
  });

  it("keeps the secret markers (null) of the new inputs so the engine marks those outputs secret", async () => {
    const news = { query: { name: "site" }, arn: null, daysUntilExpiry: null, tags: null, other: null };
    const { inputs } = await provider.check({}, news);
    assert.equal(inputs!.arn, "arn:site-1", "a resolved compared property replaces its marker");
    assert.equal((inputs as Record<string, unknown>).daysUntilExpiry, null);
    assert.equal("other" in inputs!, false, "only certificate fields are markers");
    const { outs } = await provider.create(inputs!);
    assert.equal(outs.daysUntilExpiry, 92, "outputs hold the values, never the markers");
    assert.deepEqual(outs.tags, {});
    const unresolved = await provider.check({}, { query: { name: UNKNOWN_VALUE }, notAfter: null });
    assert.deepEqual(unresolved.inputs, { query: { name: UNKNOWN_VALUE }, notAfter: null });
  });

  it("create fails, recording nothing, when the search finds another certificate than check did", async () => {
    const { inputs } = await provider.check({}, { query: { name: "site" } });
    account.set([{ name: "site", domainName: "example.com", arn: "arn:site-2" }]);
    provider.setLookupContext(account.context({ now: NOW }));
    await assert.rejects(
      provider.create(inputs!),
      /resolved to arn:site-1 at preview but finds arn:site-2 \(certificate "site"\) now; nothing was recorded/,
    );
  });

  it("create records the certificate with its ARN as id and daysUntilExpiry as of now", async () => {
    const { inputs } = await provider.check({}, { query: { name: "site" } });
    const { id, outs } = await provider.create(inputs!);
    assert.equal(id, "arn:site-1");
    assert.equal(outs.daysUntilExpiry, 92);
    assert.equal(outs.name, "site");
  });

  it("diff: nothing changed -> no changes", async () => {
    const { inputs } = await provider.check({}, { query: { name: "site" } });
    const { outs } = await provider.create(inputs!);
    const again = await provider.check(bag(outs), { query: { name: "site" } });
    assert.deepEqual(await provider.diff(outs.arn, bag(outs), again.inputs!), {
      changes: false,
      replaces: [],
      deleteBeforeReplace: false,
    });
  });

  it("diff reports a change for a renewal, a replacement and a status change", async () => {
    const { inputs } = await provider.check({}, { query: { name: "site" } });
    const { outs } = await provider.create(inputs!);
    const renewed = {
      ...inputs!,
      serialNumber: "s2",
      notAfter: "2027-09-01T00:00:00.000Z",
      notBefore: "2026-08-01T00:00:00.000Z",
    };
    const d = await provider.diff(outs.arn, bag(outs), renewed);
    assert.equal(d.changes, true);
    assert.deepEqual(d.replaces, []);
    const status = await provider.diff(outs.arn, bag(outs), { ...inputs!, status: "REVOKED" });
    assert.equal(status.changes, true);
    const replaced = await provider.diff(outs.arn, bag(outs), { ...inputs!, arn: "arn:site-2" });
    assert.equal(replaced.changes, true);
  });

  it("diff ignores a change of the provider's own code and of counters that move by themselves", async () => {
    const { inputs } = await provider.check({}, { query: { name: "site" } });
    const { outs } = await provider.create(inputs!);
    const news = {
      ...inputs!,
      __provider: "exports.handler = () => ({ /* new code */ })",
      inUseResourceCount: 3,
    };
    const olds = { ...outs, __provider: "exports.handler = () => ({ /* old code */ })", daysUntilExpiry: 1 };
    assert.equal((await provider.diff(outs.arn, olds, news)).changes, false);
  });

  it("diff reports a change while the new search is unknown", async () => {
    const { inputs } = await provider.check({}, { query: { name: "site" } });
    const { outs } = await provider.create(inputs!);
    assert.equal(
      (await provider.diff(outs.arn, bag(outs), { query: { name: UNKNOWN_VALUE } })).changes,
      true,
    );
  });

  it("read picks up a renewal and says clearly when the certificate is gone", async () => {
    const { inputs } = await provider.check({}, { query: { name: "site" } });
    const { outs } = await provider.create(inputs!);
    account.set([
      {
        name: "site",
        domainName: "example.com",
        serialNumber: "s2",
        notAfter: "2027-09-01T00:00:00.000Z",
        arn: "arn:site-1",
      },
    ]);
    provider.setLookupContext(account.context({ now: NOW }));
    const read = await provider.read(outs.arn, outs);
    assert.equal(read.id, "arn:site-1");
    assert.equal(read.props!.serialNumber, "s2");
    assert.equal(read.props!.daysUntilExpiry, 457);
    account.set([]);
    provider.setLookupContext(account.context({ now: NOW }));
    await assert.rejects(
      provider.read(outs.arn, outs),
      /recorded by this CertificateLookup \(site\) is gone or no longer matches/,
    );
  });

  it("delete needs nothing from Lightsail: it succeeds with no client to be had and the certificate gone", async () => {
    const { inputs } = await provider.check({}, { query: { name: "site" } });
    const { outs } = await provider.create(inputs!);
    account.set([]);
    const ctx = account.context({ now: NOW });
    provider.setLookupContext({
      ...ctx,
      clientFor: () => {
        throw new Error("delete asked for a Lightsail client");
      },
    });
    await provider.remove(outs.arn, outs);
    assert.equal(account.requests.length, 1, "only check's request");
  });

  it("configure takes aws:region and aws:profile from the stack config", async () => {
    const ctx = account.context({ now: NOW });
    provider.setLookupContext(ctx);
    await provider.configure({
      config: {
        get: (k: string) => ({ "aws:region": "eu-west-2", "aws:profile": "ops" })[k],
        require: () => "",
      },
    });
    assert.equal(ctx.connection.configRegion, "eu-west-2");
    assert.equal(ctx.connection.profile, "ops");
  });
});

describe("CertificateLookup state comparison", () => {
  const { changedProperties, toLookupInputs, queryChanged } =
    require("../../provider/lookup-state") as typeof import("../../provider/lookup-state");
  const base = {
    arn: "arn:1",
    name: "site",
    domainName: "example.com",
    subjectAlternativeNames: ["example.com"],
    status: "ISSUED",
    region: "us-east-1",
    serialNumber: "s1",
    notAfter: "2027-01-01T00:00:00.000Z",
    inUseResourceCount: 1,
    domainValidationRecords: [],
    tags: { env: "prod" },
    daysUntilExpiry: 12,
  };

  it("names exactly the properties a renewal, replacement or status change touches", () => {
    assert.deepEqual(
      changedProperties(base, { ...base, serialNumber: "s2", notAfter: "2028-01-01T00:00:00.000Z" }),
      ["serialNumber", "notAfter"],
    );
    assert.deepEqual(changedProperties(base, { ...base, arn: "arn:2" }), ["arn"]);
    assert.deepEqual(changedProperties(base, { ...base, status: "EXPIRED" }), ["status"]);
    assert.deepEqual(changedProperties(base, { ...base, tags: { env: "dev" } }), ["tags"]);
    assert.deepEqual(changedProperties(base, { ...base, inUseResourceCount: 5, daysUntilExpiry: 3 }), []);
  });

  it("checked inputs hold only the query and the compared properties", () => {
    const inputs = toLookupInputs({ name: "site" }, base);
    assert.deepEqual(Object.keys(inputs).sort(), [
      "arn",
      "domainName",
      "name",
      "notAfter",
      "query",
      "region",
      "serialNumber",
      "status",
      "subjectAlternativeNames",
      "tags",
    ]);
  });

  it("compares queries regardless of key order", () => {
    assert.equal(queryChanged({ query: { a: 1, b: [1, 2] } }, { query: { b: [1, 2], a: 1 } }), false);
    assert.equal(queryChanged({ query: { a: 1 } }, { query: { a: 2 } }), true);
  });
});
