// Protocol and input errors of the emulator, as the real AWS SDK sees them and on the wire.
import * as assert from "node:assert/strict";
import { GetCertificatesCommand } from "@aws-sdk/client-lightsail";
import { makeCertificate } from "../../emulator";
import { alterBeforeSigning, captureSignedRequests, replay, useEmulator } from "../helpers/emulator";

async function rejection(promise: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await promise;
  } catch (err) {
    return err as Error & Record<string, unknown>;
  }
  assert.fail("expected the call to fail");
}

describe("emulator: protocol and input errors", function () {
  const h = useEmulator({ fixtures: { certificates: [makeCertificate({ name: "a" })] } });

  it("answers an unknown operation with UnknownOperationException", async function () {
    const client = h.client();
    alterBeforeSigning(client, (request) => {
      request.headers["x-amz-target"] = "Lightsail_20161128.DeleteEverything";
    });
    const err = await rejection(client.send(new GetCertificatesCommand({})));
    assert.equal(err.name, "UnknownOperationException");
    assert.equal((err.$metadata as { httpStatusCode: number }).httpStatusCode, 400);
    assert.equal(h.emulator.calls()[0]?.operation, "DeleteEverything");
  });

  it("answers a malformed JSON body with SerializationException, and a bad field type too", async function () {
    const client = h.client();
    alterBeforeSigning(client, (request) => {
      request.body = "{not json";
    });
    const err = await rejection(client.send(new GetCertificatesCommand({})));
    assert.equal(err.name, "SerializationException");

    const typed = h.client();
    alterBeforeSigning(typed, (request) => {
      request.body = JSON.stringify({ includeCertificateDetails: "yes" });
    });
    const typeErr = await rejection(typed.send(new GetCertificatesCommand({})));
    assert.equal(typeErr.name, "SerializationException");
    assert.match(typeErr.message, /includeCertificateDetails/);
  });

  it("refuses an unknown status value with InvalidInputException", async function () {
    const err = await rejection(
      h.client().send(new GetCertificatesCommand({ certificateStatuses: ["BOGUS" as "ISSUED"] })),
    );
    assert.equal(err.name, "InvalidInputException");
    assert.match(err.message, /'BOGUS' at 'certificateStatuses'/);
  });

  it("sends modelled errors in the real shape: __type, code, docs, message, tip and x-amzn-ErrorType", async function () {
    h.emulator.configure({ notFoundMode: "NotFoundException" });
    const client = h.client();
    const requests = captureSignedRequests(client);
    await rejection(client.send(new GetCertificatesCommand({ certificateName: "nope" })));
    const raw = await replay(h.emulator, requests[0]!);
    assert.equal(raw.status, 400);
    assert.deepEqual(Object.keys(raw.body).sort(), ["__type", "code", "docs", "message", "tip"]);
    assert.equal(raw.body.__type, "NotFoundException");
    assert.equal(raw.body.code, "DoesNotExist");
    assert.match(raw.headers.get("x-amzn-errortype") ?? "", /^NotFoundException:/);
    assert.ok(raw.headers.get("x-amzn-requestid"));
  });
});
