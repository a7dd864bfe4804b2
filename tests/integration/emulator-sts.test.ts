// STS AssumeRole on the emulator, with the real STS and Lightsail clients: the roles the fixtures
// allow, external ids, the XML errors STS sends, and credentials that see their own account only.
import * as assert from "node:assert/strict";
import { AssumeRoleCommand, STSClient, type Credentials } from "@aws-sdk/client-sts";
import { CreateCertificateCommand, GetCertificatesCommand, LightsailClient } from "@aws-sdk/client-lightsail";
import {
  EMULATOR_CREDENTIALS,
  FixtureError,
  makeCertificate,
  validateFixtureDocument,
  type FixtureDocument,
} from "../../emulator";
import { useEmulator } from "../helpers/emulator";

const AUDIT = "arn:aws:iam::111111111111:role/LightsailAudit";
const GUARDED = "arn:aws:iam::222222222222:role/ci/LightsailAudit";

const FIXTURES: FixtureDocument = {
  certificates: [makeCertificate({ name: "own-cert" })],
  accounts: [
    {
      accountId: "111111111111",
      roles: [{ arn: AUDIT }],
      certificates: [
        makeCertificate({ name: "a-cert", domainName: "a.example.com" }),
        makeCertificate({ name: "a-eu", domainName: "eu.a.example.com", region: "eu-west-1" }),
      ],
    },
    {
      accountId: "222222222222",
      roles: [{ arn: GUARDED, externalId: "ci-2f9b", maxSessionDuration: 7200 }],
      certificates: [makeCertificate({ name: "b-cert", domainName: "b.example.com" })],
    },
  ],
};

async function rejection(
  promise: Promise<unknown>,
): Promise<Error & { $metadata?: { httpStatusCode?: number } }> {
  try {
    await promise;
  } catch (err) {
    return err as Error & { $metadata?: { httpStatusCode?: number } };
  }
  assert.fail("expected the call to fail");
}

describe("emulator: STS AssumeRole and several accounts", function () {
  const h = useEmulator({ fixtures: FIXTURES });
  const clients: Array<{ destroy(): void }> = [];
  after(() => clients.forEach((c) => c.destroy()));

  function sts(
    credentials: {
      accessKeyId: string;
      secretAccessKey: string;
      sessionToken?: string;
    } = EMULATOR_CREDENTIALS,
  ) {
    const client = new STSClient({
      endpoint: h.emulator.url,
      region: "us-east-1",
      credentials,
      maxAttempts: 1,
    });
    clients.push(client);
    return client;
  }

  function lightsail(credentials: Credentials, region = "us-east-1") {
    const client = new LightsailClient({
      endpoint: h.emulator.url,
      region,
      maxAttempts: 1,
      credentials: {
        accessKeyId: credentials.AccessKeyId!,
        secretAccessKey: credentials.SecretAccessKey!,
        sessionToken: credentials.SessionToken!,
      },
    });
    clients.push(client);
    return client;
  }

  async function names(client: LightsailClient): Promise<string[]> {
    const out = await client.send(new GetCertificatesCommand({}));
    return (out.certificates ?? []).map((c) => c.certificateName!);
  }

  it("issues temporary credentials for an allowed role; they see that account's certificates only", async () => {
    const out = await sts().send(new AssumeRoleCommand({ RoleArn: AUDIT, RoleSessionName: "gate" }));
    const creds = out.Credentials!;
    assert.match(creds.AccessKeyId!, /^ASIA[0-9A-Z]{16}$/);
    assert.ok(creds.SecretAccessKey && creds.SessionToken);
    assert.ok(creds.Expiration instanceof Date);
    const lifetimeS = (creds.Expiration.getTime() - Date.now()) / 1000;
    assert.ok(lifetimeS > 3500 && lifetimeS <= 3600, `default duration is an hour, got ${lifetimeS}s`);
    assert.equal(out.AssumedRoleUser?.Arn, "arn:aws:sts::111111111111:assumed-role/LightsailAudit/gate");
    assert.match(out.AssumedRoleUser?.AssumedRoleId ?? "", /:gate$/);

    assert.deepEqual(await names(lightsail(creds)), ["a-cert"]);
    assert.deepEqual(await names(lightsail(creds, "eu-west-1")), ["a-eu"]);
    assert.deepEqual(await names(h.client()), ["own-cert"], "the emulator's own credentials: the top level");
    const call = h.emulator.calls().find((c) => c.operation === "AssumeRole")!;
    assert.deepEqual(call.request, { RoleArn: AUDIT });
    assert.doesNotMatch(
      JSON.stringify(h.emulator.calls()),
      new RegExp(creds.SecretAccessKey!.slice(0, 12).replace(/[+/]/g, ".")),
    );
  });

  it("requires the role's external id; names the caller and the role when it refuses", async () => {
    for (const ExternalId of [undefined, "wrong-id"]) {
      const err = await rejection(
        sts().send(new AssumeRoleCommand({ RoleArn: GUARDED, RoleSessionName: "gate", ExternalId })),
      );
      assert.equal(err.name, "AccessDenied");
      assert.equal(err.$metadata?.httpStatusCode, 403);
      assert.equal(
        err.message,
        `User: arn:aws:iam::123456789012:user/lightsail-emulator is not authorized to perform: sts:AssumeRole on resource: ${GUARDED}`,
      );
    }
    const ok = await sts().send(
      new AssumeRoleCommand({
        RoleArn: GUARDED,
        RoleSessionName: "gate",
        ExternalId: "ci-2f9b",
        DurationSeconds: 7200,
      }),
    );
    assert.deepEqual(await names(lightsail(ok.Credentials!)), ["b-cert"]);
  });

  it("refuses a role the fixtures do not list, and a session longer than the role allows", async () => {
    const unknown = await rejection(
      sts().send(
        new AssumeRoleCommand({ RoleArn: "arn:aws:iam::333333333333:role/Nope", RoleSessionName: "gate" }),
      ),
    );
    assert.equal(unknown.name, "AccessDenied");
    const long = await rejection(
      sts().send(new AssumeRoleCommand({ RoleArn: AUDIT, RoleSessionName: "gate", DurationSeconds: 7200 })),
    );
    assert.equal(long.name, "ValidationError");
    assert.match(long.message, /exceeds the MaxSessionDuration/);
    const bad = await rejection(
      sts().send(new AssumeRoleCommand({ RoleArn: AUDIT, RoleSessionName: "a b" })),
    );
    assert.equal(bad.name, "ValidationError");
    assert.match(bad.message, /^1 validation error detected: Value 'a b' at 'roleSessionName'/);
  });

  it("verifies the STS signature: a wrong secret or an unknown key fails as STS answers", async () => {
    const wrongSecret = await rejection(
      sts({ accessKeyId: EMULATOR_CREDENTIALS.accessKeyId, secretAccessKey: "not-the-secret" }).send(
        new AssumeRoleCommand({ RoleArn: AUDIT, RoleSessionName: "gate" }),
      ),
    );
    assert.equal(wrongSecret.name, "SignatureDoesNotMatch");
    assert.equal(wrongSecret.$metadata?.httpStatusCode, 403);
    const unknownKey = await rejection(
      sts({ accessKeyId: "AKIAUNKNOWNUNKNOWN00", secretAccessKey: "x" }).send(
        new AssumeRoleCommand({ RoleArn: AUDIT, RoleSessionName: "gate" }),
      ),
    );
    assert.equal(unknownKey.name, "InvalidClientTokenId");
  });

  it("temporary credentials need their own session token; they may chain into another role", async () => {
    const out = await sts().send(new AssumeRoleCommand({ RoleArn: AUDIT, RoleSessionName: "gate" }));
    const creds = out.Credentials!;
    const tampered = lightsail({ ...creds, SessionToken: `${creds.SessionToken!.slice(0, -4)}AAAA` });
    const err = await rejection(names(tampered));
    assert.equal(err.name, "UnrecognizedClientException");
    const chained = await sts({
      accessKeyId: creds.AccessKeyId!,
      secretAccessKey: creds.SecretAccessKey!,
      sessionToken: creds.SessionToken!,
    }).send(new AssumeRoleCommand({ RoleArn: GUARDED, RoleSessionName: "hop", ExternalId: "ci-2f9b" }));
    assert.deepEqual(await names(lightsail(chained.Credentials!)), ["b-cert"]);
    const denied = await rejection(
      sts({
        accessKeyId: creds.AccessKeyId!,
        secretAccessKey: creds.SecretAccessKey!,
        sessionToken: creds.SessionToken!,
      }).send(new AssumeRoleCommand({ RoleArn: GUARDED, RoleSessionName: "hop" })),
    );
    assert.match(
      denied.message,
      /^User: arn:aws:sts::111111111111:assumed-role\/LightsailAudit\/gate is not authorized/,
    );
  });

  it("writes to a member account stay in that account", async () => {
    const out = await sts().send(new AssumeRoleCommand({ RoleArn: AUDIT, RoleSessionName: "gate" }));
    const member = lightsail(out.Credentials!);
    await member.send(
      new CreateCertificateCommand({ certificateName: "new-a", domainName: "new.a.example.com" }),
    );
    assert.deepEqual(await names(member), ["a-cert", "new-a"]);
    assert.deepEqual(await names(h.client()), ["own-cert"]);
    const doc = await h.emulator.fixtures();
    assert.deepEqual(doc.accounts![0]!.roles, [{ arn: AUDIT }]);
    assert.equal(doc.accounts![1]!.certificates!.length, 1);
  });

  it("fixtures: accounts are checked (ids, role ARNs of their own account, external ids, nested lists)", () => {
    assert.throws(
      () =>
        validateFixtureDocument({
          accounts: [
            { accountId: "12", roles: [] },
            {
              accountId: "444444444444",
              roles: [{ arn: "arn:aws:iam::555555555555:role/X", externalId: "!" }],
              certificates: [{ name: "x" }],
              extra: 1,
            },
          ],
        }),
      (err: unknown) => {
        assert.ok(err instanceof FixtureError);
        assert.deepEqual(err.problems, [
          "accounts[0].accountId: expected 12 digits",
          "accounts[1].extra: unknown key; expected one of accountId, roles, certificates, loadBalancerTlsCertificates, loadBalancers",
          "accounts[1].roles[0].arn: expected arn:aws:iam::444444444444:role/NAME (a role of this account)",
          "accounts[1].roles[0].externalId: expected 2 to 1224 characters of [\\w+=,.@:/-]",
          "accounts[1].certificates[0].arn: expected a non-empty string",
          "accounts[1].certificates[0].domainName: expected a non-empty string",
        ]);
        return true;
      },
    );
  });
});
