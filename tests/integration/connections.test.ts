/**
 * How the functions reach Lightsail, the Pulumi way, under `pulumi.runtime.setMocks` with the
 * emulator behind the lookups: `opts.provider` (an aws.Provider's region and profile), the region
 * chain, `configureLookups`, and secretness of the Output forms.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { makeCertificate } from "../../emulator";
import {
  AssumeRoleError,
  configureLookups,
  getCertificate,
  getCertificateOutput,
  getCertificates,
  getCertificatesOutput,
  InvalidArgumentError,
  LightsailApiError,
  RegionNotSetError,
} from "../../index";
import { useEmulator } from "../helpers/emulator";
import { useEmulatorEnvironment } from "../helpers/environment";

/** Resolves an Output to { known, secret, value } (Output internals, stable across 3.x). */
async function settle<T>(output: pulumi.Output<T>): Promise<{ known: boolean; secret: boolean; value: T }> {
  const internal = output as unknown as {
    isKnown: Promise<boolean>;
    isSecret: Promise<boolean>;
    promise(): Promise<T>;
  };
  return { value: await internal.promise(), known: await internal.isKnown, secret: await internal.isSecret };
}

const MEMBER_ROLE = "arn:aws:iam::111111111111:role/LightsailRead";

function useMocks(preview = false): Promise<void> {
  return pulumi.runtime.setMocks(
    {
      // A provider resource's outputs are its inputs, as under the engine.
      newResource: async (args) => ({ id: preview ? undefined : `${args.name}-id`, state: args.inputs }),
      call: () => ({}),
    },
    "project",
    "stack",
    preview,
  );
}

describe("connections: opts.provider, the region chain, settings, secrets", function () {
  this.timeout(30_000);
  const h = useEmulator({
    fixtures: {
      certificates: [
        makeCertificate({ name: "us-site", domainName: "example.com", region: "us-east-1" }),
        makeCertificate({ name: "eu-site", domainName: "example.com", region: "eu-west-1" }),
        makeCertificate({ name: "north-site", domainName: "example.com", region: "eu-north-1" }),
      ],
      accounts: [
        {
          accountId: "111111111111",
          roles: [{ arn: MEMBER_ROLE, externalId: "pulumi-ci" }],
          certificates: [
            makeCertificate({ name: "member-site", domainName: "example.com", region: "eu-west-1" }),
          ],
        },
      ],
    },
  });
  useEmulatorEnvironment(() => h.emulator);
  afterEach(() => configureLookups({}));

  const regionsCalled = () => h.emulator.calls().map((c) => c.region);

  it("takes the region of an aws.Provider given as opts.provider, in both forms", async () => {
    await useMocks();
    const eu = new aws.Provider("eu", { region: "eu-west-1" });
    const { value } = await settle(getCertificatesOutput({}, { provider: eu }));
    assert.equal(value.region, "eu-west-1");
    assert.deepEqual(
      value.certificates.map((c) => c.name),
      ["eu-site"],
    );
    const one = await getCertificate({ domainName: "example.com" }, { provider: eu });
    assert.equal(one.name, "eu-site");
    // The second lookup is answered from the first one's scan: every request went to eu-west-1.
    assert.deepEqual(regionsCalled(), ["eu-west-1"]);
  });

  it("the call's region wins over the provider's", async () => {
    await useMocks();
    const eu = new aws.Provider("eu", { region: "eu-west-1" });
    const cert = await getCertificate({ domainName: "example.com", region: "eu-north-1" }, { provider: eu });
    assert.equal(cert.name, "north-site");
  });

  it("uses the provider's profile: a profile that does not exist fails, it does not fall back to the defaults", async () => {
    await useMocks();
    const broken = new aws.Provider("broken", { region: "eu-west-1", profile: "does-not-exist" });
    const result = settle(getCertificatesOutput({}, { provider: broken }));
    await assert.rejects(result, (err: unknown) => {
      assert.ok(LightsailApiError.isInstance(err), String(err));
      assert.match(
        err.message,
        /rejected the credentials .*check the profile "does-not-exist" \(from opts\.provider/,
      );
      return true;
    });
    assert.deepEqual(h.emulator.calls(), [], "no request with the default credentials");
  });

  it("refuses a provider that is not an aws.Provider, naming it", async () => {
    await useMocks();
    class OtherProvider extends pulumi.ProviderResource {
      constructor(name: string) {
        super("random", name, {});
      }
    }
    const other = new OtherProvider("rnd");
    assert.throws(
      () => getCertificateOutput({ name: "us-site" }, { provider: other }),
      (err: unknown) =>
        InvalidArgumentError.isInstance(err) &&
        err.argument === "opts.provider" &&
        /pulumi:providers:random provider/.test(err.message),
    );
    await assert.rejects(
      getCertificate({ name: "us-site" }, { provider: other }),
      (err: unknown) => InvalidArgumentError.isInstance(err) && err.argument === "opts.provider",
    );
  });

  it("refuses an aws.Provider with explicit keys, without echoing them", async () => {
    await useMocks();
    const keyed = new aws.Provider("keyed", {
      region: "eu-west-1",
      accessKey: "AKIAEXAMPLEKEY000000",
      secretKey: "very-secret-value",
    });
    await assert.rejects(getCertificate({ name: "eu-site" }, { provider: keyed }), (err: unknown) => {
      assert.ok(InvalidArgumentError.isInstance(err));
      assert.equal(err.argument, "opts.provider");
      assert.match(err.message, /explicit credentials/);
      assert.doesNotMatch(err.message, /AKIAEXAMPLE|very-secret/);
      return true;
    });
    assert.deepEqual(h.emulator.calls(), []);
  });

  it("honours the provider's assumeRoles: the lookups read the role's account, the role assumed once", async () => {
    await useMocks();
    const member = new aws.Provider("member", {
      region: "eu-west-1",
      assumeRoles: [
        { roleArn: MEMBER_ROLE, externalId: "pulumi-ci", sessionName: "lookups", duration: "15m" },
      ],
    });
    const { value } = await settle(getCertificatesOutput({}, { provider: member }));
    assert.deepEqual(
      value.certificates.map((c) => c.name),
      ["member-site"],
    );
    assert.equal(
      (await getCertificate({ domainName: "example.com" }, { provider: member })).name,
      "member-site",
    );
    // The base identity (no provider role) reads its own account: the reads are not shared.
    const own = await getCertificates({ region: "eu-west-1" });
    assert.deepEqual(
      own.certificates.map((c) => c.name),
      ["eu-site"],
    );
    const calls = h.emulator.calls();
    assert.deepEqual(
      calls.filter((c) => c.operation === "AssumeRole").map((c) => c.request),
      [{ RoleArn: MEMBER_ROLE }],
    );
    assert.equal(calls.filter((c) => c.operation === "GetCertificates").length, 2);
  });

  it("a role that cannot be assumed fails with AssumeRoleError; a chain of roles is refused", async () => {
    await useMocks();
    const wrong = new aws.Provider("wrong", { region: "eu-west-1", assumeRoles: [{ roleArn: MEMBER_ROLE }] });
    await assert.rejects(getCertificate({ name: "member-site" }, { provider: wrong }), (err: unknown) => {
      assert.ok(AssumeRoleError.isInstance(err), String(err));
      assert.equal(err.code, "AccessDenied");
      assert.match(
        err.message,
        /^Could not assume role arn:aws:iam::111111111111:role\/LightsailRead: AccessDenied/,
      );
      assert.doesNotMatch(err.message, /AKIA|ASIA|127\.0\.0\.1/);
      return true;
    });
    const chain = new aws.Provider("chain", {
      region: "eu-west-1",
      assumeRoles: [{ roleArn: MEMBER_ROLE }, { roleArn: "arn:aws:iam::222222222222:role/Next" }],
    });
    await assert.rejects(getCertificate({ name: "member-site" }, { provider: chain }), (err: unknown) => {
      assert.ok(InvalidArgumentError.isInstance(err));
      assert.match(err.message, /assumes a chain of 2 roles/);
      return true;
    });
  });

  it("keeps the result unknown while the provider's region is unknown at preview", async () => {
    await useMocks(true);
    const eu = new aws.Provider("eu", {
      region: pulumi.output(undefined as unknown as string).apply(() => pulumi.unknown) as never,
    });
    const { known } = await settle(getCertificatesOutput({}, { provider: eu }));
    assert.equal(known, false);
    assert.deepEqual(h.emulator.calls(), []);
  });

  describe("the region chain", () => {
    let saved: NodeJS.ProcessEnv;
    let dir: string;
    beforeEach(() => {
      saved = { ...process.env };
      dir = fs.mkdtempSync(path.join(os.tmpdir(), "lsc-config-"));
    });
    afterEach(() => {
      process.env = saved;
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it("AWS_DEFAULT_REGION is honoured when AWS_REGION is not set", async () => {
      delete process.env.AWS_REGION;
      process.env.AWS_DEFAULT_REGION = "eu-north-1";
      assert.equal((await getCertificates({})).region, "eu-north-1");
      process.env.AWS_REGION = "eu-west-1";
      assert.equal((await getCertificates({})).region, "eu-west-1", "AWS_REGION comes first");
    });

    it("then the profile's region in the shared config file", async () => {
      delete process.env.AWS_REGION;
      delete process.env.AWS_DEFAULT_REGION;
      const config = path.join(dir, "config");
      const { AWS_ACCESS_KEY_ID: id, AWS_SECRET_ACCESS_KEY: key } = h.emulator.env();
      fs.writeFileSync(
        config,
        `[default]\nregion = eu-west-1\n[profile ops]\nregion = eu-north-1\naws_access_key_id = ${id}\naws_secret_access_key = ${key}\n`,
      );
      process.env.AWS_CONFIG_FILE = config;
      assert.equal((await getCertificates({})).region, "eu-west-1");
      await useMocks();
      const ops = new aws.Provider("ops", { profile: "ops" });
      // The provider gives a profile but no region: that profile's region.
      assert.equal((await getCertificates({}, { provider: ops })).region, "eu-north-1");
    });

    it("none set: RegionNotSetError naming every way, in order", async () => {
      delete process.env.AWS_REGION;
      delete process.env.AWS_DEFAULT_REGION;
      await assert.rejects(getCertificates({}), (err: unknown) => {
        assert.ok(RegionNotSetError.isInstance(err));
        const order = [
          "`region` argument",
          "opts.provider",
          "aws:region",
          "AWS_REGION",
          "AWS_DEFAULT_REGION",
          "shared config file",
        ];
        const at = order.map((part) => err.message.indexOf(part));
        assert.ok(
          at.every((i, k) => i >= 0 && (k === 0 || i > at[k - 1])),
          `${err.message}\npositions ${at.join(",")}`,
        );
        return true;
      });
    });
  });

  describe("configureLookups", () => {
    it("a silent endpoint ends in the package's timeout error after maxAttempts requests", async () => {
      configureLookups({ requestTimeoutMs: 300, maxAttempts: 2 });
      h.emulator.addFault({ kind: "hang" });
      await assert.rejects(getCertificates({}), (err: unknown) => {
        assert.ok(LightsailApiError.isInstance(err));
        assert.equal(err.code, "TimeoutError");
        assert.match(err.message, /got no answer within 300 ms after 2 attempts/);
        return true;
      });
      assert.equal(h.emulator.calls().length, 2);
    });

    it("maxPages bounds a scan, and the error names the setting to raise", async () => {
      configureLookups({ maxPages: 2 });
      h.emulator.addFault({ kind: "endless-token" });
      await assert.rejects(getCertificates({}), /after 2 pages.*maxPages setting \(configureLookups/s);
      assert.equal(h.emulator.calls().length, 2);
    });

    it("refuses a bad setting, naming it, and keeps the previous settings", async () => {
      configureLookups({ maxAttempts: 1 });
      assert.throws(
        () => configureLookups({ maxPages: 0 }),
        (err: unknown) =>
          InvalidArgumentError.isInstance(err) &&
          err.argument === "maxPages" &&
          /from 1 to 100000/.test(err.message),
      );
      assert.throws(
        () => configureLookups({ timeoutMs: 5 } as never),
        (err: unknown) => InvalidArgumentError.isInstance(err) && err.argument === "timeoutMs",
      );
      h.emulator.addFault({ kind: "server-error" });
      await assert.rejects(getCertificates({}), LightsailApiError);
      assert.equal(h.emulator.calls().length, 1, "maxAttempts 1 still in force");
    });
  });

  it("a secret argument makes the Output form's result secret", async () => {
    await useMocks();
    const secret = await settle(getCertificateOutput({ domainName: pulumi.secret("example.com") }));
    assert.equal(secret.secret, true);
    assert.equal(secret.value.name, "us-site");
    const plain = await settle(getCertificateOutput({ domainName: "example.com" }));
    assert.equal(plain.secret, false);
  });
});
