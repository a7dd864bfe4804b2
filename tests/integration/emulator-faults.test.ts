// Fault injection: what the real AWS SDK sees for each fault kind, which calls a rule picks,
// and that hanging connections never outlive the emulator.
import * as assert from "node:assert/strict";
import {
  GetCertificatesCommand,
  GetLoadBalancerTlsCertificatesCommand,
  LightsailClient,
} from "@aws-sdk/client-lightsail";
import {
  makeCertificate,
  makeLoadBalancerTlsCertificate,
  startEmulator,
  type FaultKind,
} from "../../emulator";
import { captureSignedRequests, emulatorClientConfig, useEmulator } from "../helpers/emulator";

type SdkError = Error & { code?: string; $fault?: string; $metadata?: { httpStatusCode?: number } };

async function rejection(promise: Promise<unknown>): Promise<SdkError> {
  try {
    await promise;
  } catch (err) {
    return err as SdkError;
  }
  assert.fail("expected the call to fail");
}

const CERTS = ["a", "b", "c", "d", "e"].map((name) => makeCertificate({ name }));

describe("emulator: fault injection", function () {
  const h = useEmulator({
    pageSize: 2,
    fixtures: {
      certificates: CERTS,
      loadBalancerTlsCertificates: [
        makeLoadBalancerTlsCertificate({ loadBalancerName: "lb", name: "lb-cert" }),
      ],
    },
  });
  const list = () => h.client().send(new GetCertificatesCommand({}));
  const outcome = async () => {
    try {
      await list();
      return "ok";
    } catch (err) {
      return (err as Error).name;
    }
  };

  it("throttles exactly the chosen calls of the chosen operation, counted from when the rule was set", async function () {
    await list();
    h.emulator.addFault({ operation: "GetCertificates", kind: "throttle", calls: [2, 3] });
    const lb = await h.client().send(new GetLoadBalancerTlsCertificatesCommand({ loadBalancerName: "lb" }));
    assert.equal(lb.tlsCertificates?.length, 1, "another operation is neither affected nor counted");
    const seen = [];
    for (let i = 0; i < 4; i++) seen.push(await outcome());
    assert.deepEqual(seen, ["ok", "ThrottlingException", "ThrottlingException", "ok"]);
    h.emulator.addFault({ kind: "throttle", count: 1 });
    const err = await rejection(list());
    assert.equal(err.message, "Rate exceeded");
    assert.equal(err.$metadata?.httpStatusCode, 400);
    assert.deepEqual(
      h.emulator.calls().map((c) => c.fault ?? null),
      [null, null, null, "throttle", "throttle", null, "throttle"],
    );
  });

  it("fails the next N calls with ServiceException 500, and the SDK's retries get through", async function () {
    h.emulator.addFault({ kind: "server-error", count: 2 });
    const err = await rejection(list());
    assert.equal(err.name, "ServiceException");
    assert.equal(err.$fault, "server");
    assert.equal(err.$metadata?.httpStatusCode, 500);
    assert.equal(await outcome(), "ServiceException");
    assert.equal(await outcome(), "ok");

    h.emulator.addFault({ kind: "server-error", count: 2 });
    const retried = await h.client({ maxAttempts: 3 }).send(new GetCertificatesCommand({}));
    assert.equal(retried.certificates?.length, 2);
    assert.deepEqual(
      h.emulator
        .calls()
        .slice(-3)
        .map((c) => c.status),
      [500, 500, 200],
    );
  });

  it("answers 503 ServiceUnavailableException when the rule sets status 503", async function () {
    h.emulator.addFault({ kind: "server-error", status: 503, count: 1 });
    const err = await rejection(list());
    assert.equal(err.name, "ServiceUnavailableException");
    assert.equal(err.$metadata?.httpStatusCode, 503);
  });

  const errorKinds: Array<[FaultKind, string, number, string | undefined]> = [
    ["expired-token", "ExpiredTokenException", 403, undefined],
    ["region-setup", "RegionSetupInProgressException", 400, "RegionSetupInProgress"],
    ["access-denied", "AccessDeniedException", 400, "AccessDenied"],
    ["unauthenticated", "UnauthenticatedException", 400, "Unauthenticated"],
  ];
  for (const [kind, name, status, code] of errorKinds) {
    it(`${kind}: the SDK throws ${name} (HTTP ${status})`, async function () {
      h.emulator.addFault({ kind, count: 1 });
      const err = await rejection(list());
      assert.equal(err.name, name);
      assert.equal(err.$metadata?.httpStatusCode, status);
      assert.equal(err.code, code);
      assert.equal(await outcome(), "ok");
    });
  }

  it("access-denied names the IAM action and region", async function () {
    h.emulator.addFault({ kind: "access-denied" });
    const err = await rejection(h.client({ region: "eu-west-2" }).send(new GetCertificatesCommand({})));
    assert.match(err.message, /lightsail:GetCertificates on resource: arn:aws:lightsail:eu-west-2:/);
  });

  it("a rule with a region affects only calls signed for that region, and counts only those", async function () {
    h.emulator.addFault({ kind: "access-denied", region: "eu-west-1" });
    h.emulator.addFault({ kind: "throttle", region: "ap-south-1", calls: [2] });
    const east = await h.client({ region: "us-east-1" }).send(new GetCertificatesCommand({}));
    assert.ok(Array.isArray(east.certificates));
    const err = await rejection(h.client({ region: "eu-west-1" }).send(new GetCertificatesCommand({})));
    assert.equal(err.name, "AccessDeniedException");
    assert.match(err.message, /arn:aws:lightsail:eu-west-1:/);
    const south = h.client({ region: "ap-south-1" });
    await south.send(new GetCertificatesCommand({}));
    assert.equal((await rejection(south.send(new GetCertificatesCommand({})))).name, "ThrottlingException");
    assert.deepEqual(
      h.emulator.calls().map((c) => [c.region, c.fault ?? null]),
      [
        ["us-east-1", null],
        ["eu-west-1", "access-denied"],
        ["ap-south-1", null],
        ["ap-south-1", "throttle"],
      ],
    );
    assert.deepEqual(
      h.emulator.faults().map((f) => [f.region, f.seen]),
      [
        ["eu-west-1", 1],
        ["ap-south-1", 2],
      ],
    );
  });

  it("latency delays chosen calls; the global latencyMs delays every call", async function () {
    h.emulator.addFault({ kind: "latency", latencyMs: 300, calls: [1] });
    let start = Date.now();
    await list();
    assert.ok(Date.now() - start >= 290, `first call took ${Date.now() - start} ms`);
    start = Date.now();
    await list();
    assert.ok(Date.now() - start < 250, "the second call is not delayed");

    h.emulator.configure({ latencyMs: 120 });
    start = Date.now();
    await list();
    await list();
    assert.ok(Date.now() - start >= 235, `two calls took ${Date.now() - start} ms`);
  });

  it("hang: a client with a request timeout gives up; the emulator keeps serving", async function () {
    h.emulator.addFault({ kind: "hang", count: 1 });
    const client = h.client({ requestHandler: { requestTimeout: 500, throwOnRequestTimeout: true } });
    const start = Date.now();
    const err = await rejection(client.send(new GetCertificatesCommand({})));
    assert.equal(err.name, "TimeoutError");
    assert.ok(Date.now() - start < 3000, `gave up after ${Date.now() - start} ms`);
    assert.equal(await outcome(), "ok");
    assert.deepEqual(h.emulator.calls()[0], { ...h.emulator.calls()[0], fault: "hang", status: 0 });
  });

  it("repeat-token echoes the request's token (and on a first page gives the first page's token)", async function () {
    const client = h.client();
    const first = await client.send(new GetCertificatesCommand({}));
    h.emulator.addFault({ kind: "repeat-token", count: 2 });
    const second = await client.send(new GetCertificatesCommand({ pageToken: first.nextPageToken }));
    assert.equal(second.nextPageToken, first.nextPageToken);
    const fresh = await client.send(new GetCertificatesCommand({}));
    assert.ok(fresh.nextPageToken);
    const again = await client.send(new GetCertificatesCommand({ pageToken: fresh.nextPageToken }));
    assert.deepEqual(
      again.certificates?.map((c) => c.certificateName),
      ["a", "b"],
      "the token points at page 1",
    );
  });

  it("endless-token serves every page, then empty pages, each with a fresh valid token", async function () {
    h.emulator.addFault({ kind: "endless-token" });
    const client = h.client();
    const tokens = new Set<string>();
    const names: string[] = [];
    let pageToken: string | undefined;
    for (let page = 0; page < 8; page++) {
      const out: { certificates?: Array<{ certificateName?: string }>; nextPageToken?: string } =
        await client.send(new GetCertificatesCommand({ pageToken }));
      names.push(...(out.certificates ?? []).map((c) => c.certificateName!));
      assert.ok(out.nextPageToken, `page ${page + 1} has no token`);
      assert.ok(!tokens.has(out.nextPageToken), "tokens must all differ");
      tokens.add(out.nextPageToken);
      pageToken = out.nextPageToken;
    }
    assert.deepEqual(names, ["a", "b", "c", "d", "e"]);
    h.emulator.clearFaults();
    const last = await client.send(new GetCertificatesCommand({ pageToken }));
    assert.deepEqual(last.certificates, []);
    assert.equal(last.nextPageToken, undefined);
  });

  it("truncate: the SDK fails reading a body cut in half", async function () {
    h.emulator.addFault({ kind: "truncate", count: 1 });
    const err = await rejection(list());
    assert.match(`${err.code} ${err.message}`, /ECONNRESET|aborted|terminated/i);
    assert.equal(err.$metadata?.httpStatusCode, 200);
    assert.equal(await outcome(), "ok");
  });

  it("invalid-json and wrong-content-type: the SDK fails to deserialize", async function () {
    const client = h.client();
    const requests = captureSignedRequests(client);
    h.emulator.addFault({ kind: "invalid-json", calls: [1] });
    h.emulator.addFault({ kind: "wrong-content-type", calls: [2, 3] });
    const invalid = await rejection(client.send(new GetCertificatesCommand({})));
    assert.equal(invalid.name, "SyntaxError");
    assert.match(invalid.message, /Deserialization error/);
    const html = await rejection(client.send(new GetCertificatesCommand({})));
    assert.equal(html.name, "SyntaxError");
    assert.match(html.message, /<!DOCTYPE/);
    const raw = await fetch(h.emulator.url, {
      method: "POST",
      headers: requests[1]!.headers,
      body: requests[1]!.body,
    });
    assert.equal(raw.headers.get("content-type"), "text/html; charset=utf-8");
    assert.match(await raw.text(), /^<!DOCTYPE html>/);
  });

  it("refuses a malformed rule, naming the field", function () {
    assert.throws(
      () => h.emulator.addFault({ kind: "explode" as FaultKind }),
      /fault rule\.kind: expected one of throttle/,
    );
    assert.throws(() => h.emulator.addFault({ kind: "throttle", calls: [0] }), /fault rule\.calls/);
    assert.throws(
      () => h.emulator.addFault({ kind: "throttle", region: "" }),
      /^Error: fault rule\.region: expected a region name such as eu-west-1$/,
    );
  });

  it("stop() closes hung connections promptly", async function () {
    const other = await startEmulator({ faults: [{ kind: "hang" }], log: () => {} });
    const client = new LightsailClient(emulatorClientConfig(other));
    try {
      const pending = rejection(client.send(new GetCertificatesCommand({})));
      await new Promise((resolve) => setTimeout(resolve, 100));
      const start = Date.now();
      await other.stop();
      assert.ok(Date.now() - start < 1000, `stop took ${Date.now() - start} ms`);
      const err = await pending;
      assert.match(`${err.name} ${(err as SdkError).code} ${err.message}`, /socket hang up|ECONNRESET/);
    } finally {
      client.destroy();
      await other.stop();
    }
  });
});
