// SigV4 verification by the emulator, checked against the real SDK's signatures: valid ones
// pass (also for arbitrary Unicode input), and every kind of bad one fails in the real shape.
import * as assert from "node:assert/strict";
import { GetCertificatesCommand } from "@aws-sdk/client-lightsail";
import * as fc from "fast-check";
import { EMULATOR_CREDENTIALS, makeCertificate, startEmulator } from "../../emulator";
import { captureSignedRequests, emulatorClientConfig, replay, useEmulator } from "../helpers/emulator";
import { LightsailClient } from "@aws-sdk/client-lightsail";

const SIGNATURE_MISMATCH =
  "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

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

describe("emulator: SigV4 verification", function () {
  const h = useEmulator({ fixtures: { certificates: [makeCertificate({ name: "a" })] } });

  async function signedRequest() {
    const client = h.client();
    const requests = captureSignedRequests(client);
    await client.send(new GetCertificatesCommand({ includeCertificateDetails: true }));
    return requests[0]!;
  }

  it("accepts the SDK's signature, also when the same request is replayed unchanged", async function () {
    const request = await signedRequest();
    const raw = await replay(h.emulator, request);
    assert.equal(raw.status, 200);
    assert.equal((raw.body.certificates as unknown[]).length, 1);
  });

  it("refuses a wrong secret with InvalidSignatureException (HTTP 403)", async function () {
    const client = h.client({ credentials: { ...EMULATOR_CREDENTIALS, secretAccessKey: "not-the-secret" } });
    const err = await rejection(client.send(new GetCertificatesCommand({})));
    assert.equal(err.name, "InvalidSignatureException");
    assert.equal(err.message, SIGNATURE_MISMATCH);
    assert.equal(err.$metadata?.httpStatusCode, 403);
    assert.equal(h.emulator.calls()[0]?.errorType, "InvalidSignatureException");
  });

  it("refuses an unknown access key with UnrecognizedClientException (HTTP 403)", async function () {
    const client = h.client({ credentials: { accessKeyId: "AKIAUNKNOWN000000000", secretAccessKey: "x" } });
    const err = await rejection(client.send(new GetCertificatesCommand({})));
    assert.equal(err.name, "UnrecognizedClientException");
    assert.equal(err.message, "The security token included in the request is invalid.");
    assert.equal(err.$metadata?.httpStatusCode, 403);
  });

  it("refuses a request without Authorization with MissingAuthenticationTokenException (HTTP 400)", async function () {
    const request = await signedRequest();
    const raw = await replay(h.emulator, request, { headers: { authorization: undefined } });
    assert.equal(raw.status, 400);
    assert.deepEqual(raw.body, {
      __type: "MissingAuthenticationTokenException",
      message: "Missing Authentication Token",
    });
    assert.match(raw.headers.get("x-amzn-errortype") ?? "", /^MissingAuthenticationTokenException:/);
  });

  it("refuses a request whose body or a signed header was changed after signing", async function () {
    const request = await signedRequest();
    const body = await replay(h.emulator, request, {
      body: JSON.stringify({ includeCertificateDetails: false }),
    });
    assert.equal(body.status, 403);
    assert.equal(body.body.__type, "InvalidSignatureException");

    const unhashed = await replay(h.emulator, request, {
      body: JSON.stringify({ includeCertificateDetails: false }),
      headers: { "x-amz-content-sha256": undefined },
    });
    assert.equal(unhashed.status, 403);
    assert.equal(unhashed.body.message, SIGNATURE_MISMATCH);

    const header = await replay(h.emulator, request, {
      headers: { "x-amz-target": "Lightsail_20161128.GetCertificatez" },
    });
    assert.equal(header.status, 403);
    assert.equal(header.body.message, SIGNATURE_MISMATCH);
  });

  it("refuses a request signed for another service", async function () {
    const request = await signedRequest();
    const authorization = request.headers.authorization!.replace("/lightsail/", "/s3/");
    const raw = await replay(h.emulator, request, { headers: { authorization } });
    assert.equal(raw.status, 403);
    assert.equal(raw.body.__type, "InvalidSignatureException");
    assert.match(String(raw.body.message), /correct service: 'lightsail'/);
  });

  it("refuses a request signed for a region without a Lightsail endpoint", async function () {
    const err = await rejection(h.client({ region: "us-west-1" }).send(new GetCertificatesCommand({})));
    assert.equal(err.name, "InvalidSignatureException");
    assert.equal(err.message, "Credential should be scoped to a valid region, not 'us-west-1'. ");
    assert.equal(err.$metadata?.httpStatusCode, 403);
  });

  for (const [offsetMinutes, pattern] of [
    [-20, /^Signature expired: \d{8}T\d{6}Z is now earlier than/],
    [20, /^Signature not yet current: \d{8}T\d{6}Z is still later than/],
  ] as const) {
    it(`refuses a signature dated ${offsetMinutes} minutes off`, async function () {
      const client = h.client({ systemClockOffset: offsetMinutes * 60_000 });
      const err = await rejection(client.send(new GetCertificatesCommand({})));
      assert.equal(err.name, "InvalidSignatureException");
      assert.match(err.message, pattern);
      assert.equal(err.$metadata?.httpStatusCode, 403);
    });
  }

  it("accepts a signature 10 minutes off (within the 15-minute window)", async function () {
    const out = await h.client({ systemClockOffset: -10 * 60_000 }).send(new GetCertificatesCommand({}));
    assert.equal(out.certificates?.length, 1);
  });

  it("verifies SDK signatures over arbitrary Unicode input", async function () {
    const client = h.client();
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "grapheme", maxLength: 40 }), async (name) => {
        const out = await client.send(new GetCertificatesCommand({ certificateName: name }));
        const expected = name === "a" || name === "" ? ["a"] : [];
        assert.deepEqual(
          out.certificates?.map((c) => c.certificateName),
          expected,
        );
      }),
      { numRuns: 40 },
    );
    assert.ok(h.emulator.calls().every((c) => c.status === 200));
  });

  it("accepts only its configured credentials when started with custom ones", async function () {
    const credentials = { accessKeyId: "AKIACUSTOMEMULATOR01", secretAccessKey: "custom-secret" };
    const other = await startEmulator({ credentials, log: () => {} });
    const custom = new LightsailClient(emulatorClientConfig(other, { credentials }));
    const standard = new LightsailClient(emulatorClientConfig(other));
    try {
      const out = await custom.send(new GetCertificatesCommand({}));
      assert.deepEqual(out.certificates, []);
      const err = await rejection(standard.send(new GetCertificatesCommand({})));
      assert.equal(err.name, "UnrecognizedClientException");
      assert.equal(other.env().AWS_SECRET_ACCESS_KEY, "custom-secret");
    } finally {
      custom.destroy();
      standard.destroy();
      await other.stop();
    }
  });
});
