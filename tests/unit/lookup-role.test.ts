/**
 * CertificateLookup with a role to assume (issue 21), one layer with mocked Lightsail clients: the
 * lookup reads the role's account, the role is checked and stored (the external id apart from
 * the role, never in a failure), a change of role is an update, and state written before 0.3.0
 * (no role) shows no change.
 */
import { strict as assert } from "node:assert";
import * as provider from "../../provider/dynamic";
import type { ClientOptions } from "../../lightsail/client";
import { createLookupContext } from "../../lookup/context";
import { ReadCache } from "../../lookup/cache";
import { AssumeRoleError } from "../../lightsail/errors";
import { UNKNOWN_VALUE } from "../../lookup/unknowns";
import { fakeAccount, FakeAccount } from "../helpers/fake-lightsail";

const NOW = new Date("2026-06-01T00:00:00.000Z");
const ROLE = "arn:aws:iam::111111111111:role/LightsailRead";
const EXTERNAL_ID = "ext-3c5e9a1f";
const bag = (x: object): Record<string, unknown> => x as Record<string, unknown>;

describe("CertificateLookup with assumeRole (mocked clients)", () => {
  let base: FakeAccount;
  let member: FakeAccount;
  let asked: ClientOptions[];
  beforeEach(() => {
    base = fakeAccount([{ name: "site", domainName: "example.com", arn: "arn:base-site" }]);
    member = fakeAccount([{ name: "site", domainName: "example.com", arn: "arn:member-site" }]);
    asked = [];
    provider.setLookupContext(
      createLookupContext({
        clientFor: (o) => {
          asked.push(o);
          if (o.assumeRole?.roleArn === "arn:aws:iam::222222222222:role/Denied")
            throw new AssumeRoleError({ roleArn: o.assumeRole.roleArn, code: "AccessDenied", detail: "" });
          return o.assumeRole ? member.client : base.client;
        },
        now: () => NOW,
        cache: new ReadCache(30_000, () => NOW.getTime()),
        connection: { configRegion: "us-east-1" },
      }),
    );
  });
  afterEach(() => {
    provider.setLookupContext(undefined);
    base.restore();
    member.restore();
  });

  it("reads the role's account, with the external id, and stores the role without credentials", async () => {
    const news = {
      query: { name: "site" },
      assumeRole: { roleArn: ROLE, sessionName: "lookups", durationSeconds: 900 },
      externalId: EXTERNAL_ID,
    };
    const { inputs, failures } = await provider.check({}, news);
    assert.equal(failures, undefined);
    assert.equal(inputs!.arn, "arn:member-site");
    assert.deepEqual(asked.at(-1)?.assumeRole, {
      roleArn: ROLE,
      externalId: EXTERNAL_ID,
      sessionName: "lookups",
      durationSeconds: 900,
    });
    assert.deepEqual(inputs!.assumeRole, news.assumeRole);
    assert.equal(inputs!.externalId, EXTERNAL_ID, "kept under its own name, which the program sends secret");
    const { outs } = await provider.create(inputs!);
    assert.equal(outs.arn, "arn:member-site");
    assert.deepEqual(outs.assumeRole, news.assumeRole);
    assert.equal(outs.externalId, EXTERNAL_ID);
    assert.doesNotMatch(JSON.stringify(outs), /AKID|unit-test-secret|accessKeyId|sessionToken/);
    const read = await provider.read(outs.arn, outs);
    assert.equal(read.props.arn, "arn:member-site", "refresh reads the role's account too");
    assert.deepEqual(read.inputs.assumeRole, news.assumeRole);
  });

  it("without a role it reads the base account and stores no role property", async () => {
    const { inputs } = await provider.check({}, { query: { name: "site" } });
    assert.equal(inputs!.arn, "arn:base-site");
    assert.equal(asked.at(-1)?.assumeRole, undefined);
    assert.equal("assumeRole" in inputs!, false);
    assert.equal("externalId" in inputs!, false);
  });

  it("a role that cannot be assumed fails check once, naming the role", async () => {
    const { failures } = await provider.check(
      {},
      { query: { name: "site" }, assumeRole: { roleArn: "arn:aws:iam::222222222222:role/Denied" } },
    );
    assert.equal(failures!.length, 1);
    assert.match(
      failures![0].reason,
      /^Could not assume role arn:aws:iam::222222222222:role\/Denied: AccessDenied/,
    );
  });

  it("a bad role fails check naming each property, without echoing the external id", async () => {
    const { failures } = await provider.check(
      {},
      {
        query: { name: "site" },
        assumeRole: { roleArn: "LightsailRead", durationSeconds: 60, policy: "x" },
        externalId: "has spaces, secret!",
      },
    );
    assert.deepEqual(
      failures!.map((f) => f.property),
      ["assumeRole.roleArn", "assumeRole.durationSeconds", "assumeRole.policy", "assumeRole.externalId"],
    );
    assert.doesNotMatch(JSON.stringify(failures), /has spaces|secret!/);
    const orphan = await provider.check({}, { query: { name: "site" }, externalId: EXTERNAL_ID });
    assert.deepEqual(
      orphan.failures!.map((f) => f.property),
      ["externalId"],
    );
    assert.equal(asked.length, 0, "nothing was read");
  });

  it("leaves the certificate unknown while the role is unknown", async () => {
    const { inputs, failures } = await provider.check(
      {},
      { query: { name: "site" }, assumeRole: UNKNOWN_VALUE },
    );
    assert.equal(failures, undefined);
    assert.equal(inputs!.arn, undefined);
    assert.equal(asked.length, 0);
  });

  it("diff: another role or external id is an update naming it; a 0.2.0 state without a role is no change", async () => {
    const role = { query: { name: "site" }, assumeRole: { roleArn: ROLE }, externalId: EXTERNAL_ID };
    const { inputs } = await provider.check({}, role);
    const { outs } = await provider.create(inputs!);
    const other = { ...inputs!, assumeRole: { roleArn: "arn:aws:iam::111111111111:role/Other" } };
    const d = await provider.diff(outs.arn, bag(outs), other);
    assert.equal(d.changes, true);
    assert.deepEqual(d.replaces, [], "an update, not a replacement: a lookup owns nothing");
    const rotated = await provider.diff(outs.arn, bag(outs), { ...inputs!, externalId: "ext-rotated" });
    assert.equal(rotated.changes, true);
    const dropped = { ...inputs! };
    delete dropped.assumeRole;
    delete dropped.externalId;
    assert.equal((await provider.diff(outs.arn, bag(outs), dropped)).changes, true, "dropping the role");

    const plain = await provider.check({}, { query: { name: "site" } });
    const old = (await provider.create(plain.inputs!)).outs;
    const again = await provider.check(bag(old), { query: { name: "site" } });
    assert.deepEqual(await provider.diff(old.arn, bag(old), again.inputs!), {
      changes: false,
      replaces: [],
      deleteBeforeReplace: false,
    });
  });
});
