/**
 * CertificateLookup with a role (issue 21) against the emulator with the real AWS SDK: STS
 * `AssumeRole` (SigV4-verified) and the member account's `GetCertificates`, through the dynamic
 * provider's functions; and what the resource sends to the engine under `setMocks` (the role in
 * plaintext, the external id as a secret, an aws.Provider's role taken and the provider not
 * passed on).
 */
import { strict as assert } from "node:assert";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { makeCertificate } from "../../emulator";
import { CertificateLookup } from "../../index";
import { createLookupContext } from "../../lookup/context";
import * as provider from "../../provider/dynamic";
import { useEmulator } from "../helpers/emulator";
import { useEmulatorEnvironment } from "../helpers/environment";

const MEMBER_ROLE = "arn:aws:iam::111111111111:role/LightsailRead";
const EXTERNAL_ID = "pulumi-ci-7f3a";
const BASE_ARN = "arn:aws:lightsail:us-east-1:123456789012:Certificate/base-site";
const MEMBER_ARN = "arn:aws:lightsail:us-east-1:111111111111:Certificate/member-site";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

describe("CertificateLookup with assumeRole (emulator, real SDK)", function () {
  this.timeout(30_000);
  const h = useEmulator({
    fixtures: {
      certificates: [makeCertificate({ name: "site", domainName: "example.com", arn: BASE_ARN })],
      accounts: [
        {
          accountId: "111111111111",
          roles: [{ arn: MEMBER_ROLE, externalId: EXTERNAL_ID }],
          certificates: [makeCertificate({ name: "site", domainName: "example.com", arn: MEMBER_ARN })],
        },
      ],
    },
  });
  useEmulatorEnvironment(() => h.emulator);
  beforeEach(() =>
    provider.setLookupContext(createLookupContext({ connection: { configRegion: "us-east-1" } })),
  );
  after(() => provider.setLookupContext(undefined));

  it("reads the certificate of the role's account, the role assumed once for check, create and refresh", async () => {
    const news = { query: { name: "site" }, assumeRole: { roleArn: MEMBER_ROLE }, externalId: EXTERNAL_ID };
    const { inputs, failures } = await provider.check({}, news);
    assert.equal(failures, undefined, JSON.stringify(failures));
    assert.equal(inputs!.arn, MEMBER_ARN);
    const { outs } = await provider.create(inputs!);
    const refreshed = await provider.read(outs.arn, outs);
    assert.equal(refreshed.props.arn, inputs!.arn);
    const calls = h.emulator.calls();
    assert.deepEqual(
      calls.filter((c) => c.operation === "AssumeRole").map((c) => c.request),
      [{ RoleArn: MEMBER_ROLE }],
    );
    assert.ok(calls.filter((c) => c.operation === "GetCertificates").length >= 1);
    const plain = await provider.check({}, { query: { name: "site" } });
    assert.equal(plain.inputs!.arn, BASE_ARN, "without the role: the base account's certificate");
  });

  it("a role that cannot be assumed fails check with one failure naming the role, not the external id", async () => {
    const { failures, inputs } = await provider.check(
      {},
      { query: { name: "site" }, assumeRole: { roleArn: MEMBER_ROLE }, externalId: "wrong-external-id" },
    );
    assert.equal(failures?.length, 1);
    assert.match(
      failures![0].reason,
      /^Could not assume role arn:aws:iam::111111111111:role\/LightsailRead: AccessDenied/,
    );
    assert.doesNotMatch(failures![0].reason, /wrong-external-id|ASIA|AKIA|127\.0\.0\.1/);
    assert.equal(inputs!.arn, undefined, "nothing resolved");
    assert.deepEqual(
      h.emulator.calls().map((c) => c.operation),
      ["AssumeRole"],
      "no Lightsail request with the base identity",
    );
  });

  describe("what the resource sends (setMocks)", () => {
    let registered: Array<{ type: string; name: string; inputs: Record<string, unknown> }>;
    beforeEach(async () => {
      registered = [];
      await pulumi.runtime.setMocks(
        {
          newResource: async (args) => {
            registered.push({ type: args.type, name: args.name, inputs: args.inputs });
            return { id: `${args.name}-id`, state: args.inputs };
          },
          call: () => ({}),
        },
        "project",
        "stack",
        false,
      );
    });
    const lookupInputs = (name: string) => registered.find((r) => r.name === name)!.inputs;
    const settled = (r: pulumi.Resource) =>
      new Promise<void>((resolve) => pulumi.output(r.urn).apply(() => resolve()));

    it("assumeRole in plaintext without the external id; the external id alone, as a secret", async () => {
      const lookup = new CertificateLookup("member", {
        name: "site",
        assumeRole: { roleArn: MEMBER_ROLE, externalId: EXTERNAL_ID, durationSeconds: 900 },
      });
      await settled(lookup);
      const inputs = lookupInputs("member");
      assert.deepEqual(inputs.assumeRole, { roleArn: MEMBER_ROLE, durationSeconds: 900 });
      assert.deepEqual(inputs.externalId, { [pulumi.runtime.specialSigKey]: SECRET_SIG, value: EXTERNAL_ID });
      assert.deepEqual(inputs.query, { name: "site" });
      const none = new CertificateLookup("plain", { name: "site" });
      await settled(none);
      assert.deepEqual(
        Object.keys(lookupInputs("plain")).filter((k) => ["assumeRole", "externalId", "profile"].includes(k)),
        [],
        "a lookup without a role sends what 0.2.0 sent",
      );
    });

    it("takes an aws.Provider's role, profile and region, and does not pass the provider on", async () => {
      const member = new aws.Provider("member", {
        region: "eu-west-1",
        profile: "ops",
        assumeRoles: [{ roleArn: MEMBER_ROLE, externalId: EXTERNAL_ID, sessionName: "lookups" }],
      });
      const lookup = new CertificateLookup("via-provider", { name: "site" }, { provider: member });
      await settled(lookup);
      const inputs = lookupInputs("via-provider");
      assert.deepEqual(inputs.query, { name: "site", region: "eu-west-1" });
      assert.equal(inputs.profile, "ops");
      assert.deepEqual(inputs.assumeRole, { roleArn: MEMBER_ROLE, sessionName: "lookups" });
      assert.deepEqual(inputs.externalId, { [pulumi.runtime.specialSigKey]: SECRET_SIG, value: EXTERNAL_ID });
      const own = await new Promise((resolve) =>
        pulumi.output(lookup.urn).apply(() => resolve((lookup as unknown as { __prov?: unknown }).__prov)),
      );
      assert.equal(own, undefined, "the aws.Provider is not the lookup's provider");
    });
  });
});
