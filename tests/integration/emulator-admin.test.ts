// The admin API, the call log, fixture files re-read on change, fixture validation and the
// fixture builders.
import * as assert from "node:assert/strict";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { GetCertificatesCommand, LightsailClient } from "@aws-sdk/client-lightsail";
import {
  EMULATOR_CREDENTIALS,
  FixtureError,
  makeCertificate,
  startEmulator,
  validateFixtureDocument,
  type RunningEmulator,
} from "../../emulator";
import { emulatorClientConfig, useEmulator } from "../helpers/emulator";

async function admin(emulator: RunningEmulator, method: string, route: string, body?: unknown) {
  const response = await fetch(`${emulator.url}/__admin/${route}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(5000),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("emulator: admin API and call log", function () {
  const h = useEmulator({
    fixtures: { certificates: [makeCertificate({ name: "a" }), makeCertificate({ name: "b" })] },
  });

  it("reports health", async function () {
    const health = await admin(h.emulator, "GET", "health");
    assert.equal(health.status, 200);
    assert.equal(health.body.status, "ok");
    assert.equal(health.body.certificates, 2);
    assert.deepEqual(health.body.config, {
      pageSize: 10,
      latencyMs: 0,
      notFoundMode: "empty",
      validationDelayMs: 0,
    });
  });

  it("logs every API call without credentials, and not its own requests", async function () {
    const client = h.client();
    await client.send(new GetCertificatesCommand({ certificateName: "a", includeCertificateDetails: true }));
    const bad = h.client({ credentials: { ...EMULATOR_CREDENTIALS, secretAccessKey: "wrong-secret" } });
    await assert.rejects(bad.send(new GetCertificatesCommand({})), { name: "InvalidSignatureException" });
    await admin(h.emulator, "GET", "health");

    const { body } = await admin(h.emulator, "GET", "calls");
    const calls = body.calls as Array<Record<string, unknown>>;
    assert.equal(calls.length, 2);
    assert.deepEqual(
      calls.map((c) => [c.seq, c.operation, c.status, c.errorType ?? null]),
      [
        [1, "GetCertificates", 200, null],
        [2, "GetCertificates", 403, "InvalidSignatureException"],
      ],
    );
    assert.deepEqual(calls[0]!.request, { certificateName: "a", includeCertificateDetails: true });
    assert.equal(calls[0]!.region, "us-east-1");
    assert.ok(!Number.isNaN(Date.parse(String(calls[0]!.time))));
    const text = JSON.stringify(body) + JSON.stringify(h.emulator.calls());
    for (const secret of [
      EMULATOR_CREDENTIALS.secretAccessKey,
      "wrong-secret",
      EMULATOR_CREDENTIALS.accessKeyId,
    ]) {
      assert.ok(!text.includes(secret), `the call log contains ${secret}`);
    }
    assert.doesNotMatch(text, /authorization|AWS4-HMAC-SHA256|Signature=/i);

    assert.deepEqual((await admin(h.emulator, "DELETE", "calls")).body, { calls: [] });
    assert.deepEqual(h.emulator.calls(), []);
  });

  it("adds, lists and clears fault rules", async function () {
    const added = await admin(h.emulator, "POST", "faults", [
      { kind: "throttle", calls: [1] },
      { kind: "latency", latencyMs: 1 },
    ]);
    assert.equal(added.status, 200);
    await assert.rejects(h.client().send(new GetCertificatesCommand({})), { name: "ThrottlingException" });
    const listed = await admin(h.emulator, "GET", "faults");
    assert.deepEqual(
      (listed.body.faults as Array<Record<string, unknown>>).map((f) => [f.kind, f.seen]),
      [
        ["throttle", 1],
        ["latency", 1],
      ],
    );
    const refused = await admin(h.emulator, "POST", "faults", { kind: "throttle", when: "always" });
    assert.equal(refused.status, 400);
    assert.match(String(refused.body.error), /unknown field\(s\) when/);
    await admin(h.emulator, "DELETE", "faults");
    assert.deepEqual(h.emulator.faults(), []);
  });

  it("changes settings with PUT /__admin/config and refuses bad values", async function () {
    const changed = await admin(h.emulator, "PUT", "config", {
      pageSize: 1,
      notFoundMode: "NotFoundException",
    });
    assert.deepEqual(changed.body, {
      pageSize: 1,
      latencyMs: 0,
      notFoundMode: "NotFoundException",
      validationDelayMs: 0,
    });
    const out = await h.client().send(new GetCertificatesCommand({}));
    assert.equal(out.certificates?.length, 1);
    assert.ok(out.nextPageToken);
    const bad = await admin(h.emulator, "PUT", "config", { pageSize: 0 });
    assert.equal(bad.status, 400);
    assert.match(String(bad.body.error), /config\.pageSize/);
  });

  it("replaces fixtures with PUT /__admin/fixtures; refuses an invalid document naming the path", async function () {
    const put = await admin(h.emulator, "PUT", "fixtures", {
      certificates: [makeCertificate({ name: "new" })],
    });
    assert.equal(put.status, 200);
    const out = await h.client().send(new GetCertificatesCommand({}));
    assert.deepEqual(
      out.certificates?.map((c) => c.certificateName),
      ["new"],
    );
    const got = await admin(h.emulator, "GET", "fixtures");
    assert.equal((got.body.certificates as Array<{ name: string }>)[0]!.name, "new");
    const bad = await admin(h.emulator, "PUT", "fixtures", {
      certificates: [{ name: "x", domainName: "x.com" }],
    });
    assert.equal(bad.status, 400);
    assert.match(String(bad.body.error), /certificates\[0\]\.arn: expected a non-empty string/);
    assert.equal((await admin(h.emulator, "GET", "nothing")).status, 404);
  });
});

describe("emulator: fixture files", function () {
  let dir: string;
  let file: string;
  let emulator: RunningEmulator;
  let client: LightsailClient;
  const warnings: string[] = [];
  const names = async () =>
    (await client.send(new GetCertificatesCommand({}))).certificates?.map((c) => c.certificateName);
  const write = (doc: unknown) => fs.writeFile(file, typeof doc === "string" ? doc : JSON.stringify(doc));

  before(async function () {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "lightsail-emulator-"));
    file = path.join(dir, "fixtures.json");
    await write({ certificates: [makeCertificate({ name: "one" })] });
    emulator = await startEmulator({ fixturesFile: file, log: (line) => warnings.push(line) });
    client = new LightsailClient(emulatorClientConfig(emulator));
  });
  after(async function () {
    client?.destroy();
    await emulator?.stop();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("serves an edited file on the very next request", async function () {
    assert.deepEqual(await names(), ["one"]);
    await write({ certificates: [makeCertificate({ name: "one" }), makeCertificate({ name: "two" })] });
    assert.deepEqual(await names(), ["one", "two"]);
  });

  it("notices a same-size rewrite made within the file system's timestamp granularity", async function () {
    for (const name of ["aaa", "bbb", "ccc", "ddd"]) {
      await write({ certificates: [makeCertificate({ name: "x", domainName: `${name}.example.com` })] });
      const out = await client.send(new GetCertificatesCommand({}));
      assert.equal(out.certificates?.[0]?.domainName, `${name}.example.com`);
    }
  });

  it("keeps the last good document when the file breaks, and warns naming the problem", async function () {
    await write({ certificates: [makeCertificate({ name: "one" }), makeCertificate({ name: "two" })] });
    assert.deepEqual(await names(), ["one", "two"]);
    await write("{ not json");
    assert.deepEqual(await names(), ["one", "two"]);
    assert.match(warnings.at(-1) ?? "", /Invalid JSON/);
    await write({ certificates: [{ name: "three", domainName: "three.example.com" }] });
    assert.deepEqual(await names(), ["one", "two"]);
    assert.match(warnings.at(-1) ?? "", /certificates\[0\]\.arn: expected a non-empty string/);
    await write({ certificates: [makeCertificate({ name: "three" })] });
    assert.deepEqual(await names(), ["three"]);
  });

  it("PUT /__admin/fixtures rewrites the file, which stays the source of truth", async function () {
    const put = await admin(emulator, "PUT", "fixtures", {
      certificates: [makeCertificate({ name: "four" })],
    });
    assert.equal(put.body.fixturesFile, file);
    const onDisk = JSON.parse(await fs.readFile(file, "utf8")) as { certificates: Array<{ name: string }> };
    assert.deepEqual(
      onDisk.certificates.map((c) => c.name),
      ["four"],
    );
    assert.deepEqual(await names(), ["four"]);
  });

  it("refuses to start on a missing or invalid file", async function () {
    await assert.rejects(startEmulator({ fixturesFile: path.join(dir, "missing.json") }), /Cannot read/);
    const bad = path.join(dir, "bad.json");
    await fs.writeFile(bad, JSON.stringify({ certificates: [{ arn: "x", name: "", domainName: "d" }] }));
    await assert.rejects(
      startEmulator({ fixturesFile: bad }),
      /certificates\[0\]\.name: expected a non-empty string/,
    );
  });
});

describe("emulator: fixture validation and builders", function () {
  it("lists every problem with its path", function () {
    let error: unknown;
    try {
      validateFixtureDocument({
        certificates: [
          makeCertificate({ name: "a" }),
          {
            arn: "arn",
            name: "a",
            domainName: "a.example.com",
            notAfter: 1790000000000,
            tags: [{ value: "v" }],
          },
          { arn: "arn", name: "c", domainName: "c.example.com", region: "mars-1", inUseResourceCount: -1 },
        ],
        extra: true,
      });
    } catch (err) {
      error = err;
    }
    assert.ok(error instanceof FixtureError);
    assert.deepEqual(error.problems.map((p) => p.split(":")[0]).sort(), [
      "certificates[1].name",
      "certificates[1].notAfter",
      "certificates[1].tags[0].key",
      "certificates[2].inUseResourceCount",
      "certificates[2].region",
      "extra",
    ]);
    assert.match(error.message, /milliseconds\? divide by 1000/);
  });

  it("makeCertificate is deterministic and realistic", function () {
    const input = { name: "www", domainName: "www.example.com", subjectAlternativeNames: ["example.com"] };
    const cert = makeCertificate(input);
    assert.deepEqual(makeCertificate(input), cert);
    assert.match(
      cert.arn,
      /^arn:aws:lightsail:us-east-1:123456789012:Certificate\/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    assert.notEqual(makeCertificate({ ...input, name: "www2" }).arn, cert.arn);
    assert.deepEqual(cert.subjectAlternativeNames, ["www.example.com", "example.com"]);
    assert.deepEqual(
      cert.domainValidationRecords?.map((r) => r.domainName),
      ["www.example.com", "example.com"],
    );
    assert.match(cert.serialNumber ?? "", /^([0-9a-f]{2}:){15}[0-9a-f]{2}$/);
    assert.equal(cert.status, "ISSUED");
    assert.equal(cert.notAfter, "2027-01-31T00:00:00.000Z");
    const pending = makeCertificate({ name: "p", status: "PENDING_VALIDATION", notAfter: undefined });
    assert.equal(pending.notAfter, undefined);
    assert.equal(pending.domainValidationRecords?.[0]?.validationStatus, "PENDING_VALIDATION");
    assert.deepEqual(validateFixtureDocument({ certificates: [cert, pending] }).certificates?.length, 2);
  });
});
