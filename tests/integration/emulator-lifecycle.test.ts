// CreateCertificate, DeleteCertificate and the validation state machine driven through the admin
// API, with the real AWS SDK against the emulator.
import * as assert from "node:assert/strict";
import {
  CreateCertificateCommand,
  DeleteCertificateCommand,
  GetCertificatesCommand,
  type LightsailClient,
} from "@aws-sdk/client-lightsail";
import { makeCertificate, MAX_ACTIVE_CERTIFICATES, type RunningEmulator } from "../../emulator";
import { useEmulator } from "../helpers/emulator";

async function admin(emulator: RunningEmulator, route: string, body: unknown) {
  const response = await fetch(`${emulator.url}/__admin/${route}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(5000),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function detailOf(client: LightsailClient, name: string) {
  const out = await client.send(
    new GetCertificatesCommand({ certificateName: name, includeCertificateDetails: true }),
  );
  return out.certificates?.[0]?.certificateDetail;
}

async function rejection(p: Promise<unknown>): Promise<{ name: string; message: string }> {
  return p.then(
    () => assert.fail("the request succeeded"),
    (e: unknown) => e as { name: string; message: string },
  );
}

describe("emulator: certificate lifecycle", function () {
  const h = useEmulator({
    fixtures: { certificates: [makeCertificate({ name: "in-use", inUseResourceCount: 1 })] },
  });

  it("CreateCertificate answers a PENDING_VALIDATION certificate with one CNAME record per domain", async () => {
    const out = await h.client().send(
      new CreateCertificateCommand({
        certificateName: "site",
        domainName: "example.com",
        subjectAlternativeNames: ["www.example.com"],
        tags: [{ key: "env", value: "test" }],
      }),
    );
    assert.equal(out.certificate?.certificateName, "site");
    assert.equal(out.operations?.[0]?.operationType, "CreateCertificate");
    assert.equal(out.operations?.[0]?.status, "Succeeded");
    const detail = out.certificate?.certificateDetail;
    assert.equal(detail?.status, "PENDING_VALIDATION");
    assert.deepEqual(detail?.subjectAlternativeNames, ["example.com", "www.example.com"]);
    assert.deepEqual(
      detail?.domainValidationRecords?.map((r) => [r.domainName, r.resourceRecord?.type, r.validationStatus]),
      [
        ["example.com", "CNAME", "PENDING_VALIDATION"],
        ["www.example.com", "CNAME", "PENDING_VALIDATION"],
      ],
    );
    assert.ok(detail?.createdAt instanceof Date);
    assert.ok(Math.abs(detail.createdAt.getTime() - Date.now()) < 60_000);
    assert.deepEqual(out.certificate?.tags, [{ key: "env", value: "test" }]);
    // GetCertificates serves it from now on.
    assert.equal((await detailOf(h.client(), "site"))?.status, "PENDING_VALIDATION");
  });

  it("refuses a taken name, a wildcard, more than 10 domains and the 11th active certificate", async () => {
    const c = h.client();
    await c.send(new CreateCertificateCommand({ certificateName: "taken", domainName: "a.example.com" }));
    const taken = await rejection(
      c.send(new CreateCertificateCommand({ certificateName: "taken", domainName: "b.example.com" })),
    );
    assert.equal(taken.name, "InvalidInputException");
    assert.match(taken.message, /taken already exists in us-east-1/);
    const wildcard = await rejection(
      c.send(new CreateCertificateCommand({ certificateName: "wild", domainName: "*.example.com" })),
    );
    assert.match(wildcard.message, /Wildcard domain names are not supported: \*\.example\.com/);
    const many = await rejection(
      c.send(
        new CreateCertificateCommand({
          certificateName: "many",
          domainName: "example.com",
          subjectAlternativeNames: Array.from({ length: 10 }, (_, i) => `s${i}.example.com`),
        }),
      ),
    );
    assert.match(many.message, /at most 10 domain names.*got 11/);
    // "in-use" and "taken" are active: 8 more fit, the next is refused.
    for (let i = 0; i < MAX_ACTIVE_CERTIFICATES - 2; i++)
      await c.send(
        new CreateCertificateCommand({ certificateName: `q${i}`, domainName: `q${i}.example.com` }),
      );
    const quota = await rejection(
      c.send(new CreateCertificateCommand({ certificateName: "eleventh", domainName: "x.example.com" })),
    );
    assert.match(quota.message, /maximum of 10 active certificates in us-east-1/);
    // Another region has its own quota.
    const eu = h.client({ region: "eu-west-1" });
    const other = await eu.send(
      new CreateCertificateCommand({ certificateName: "eleventh", domainName: "x.example.com" }),
    );
    assert.equal(other.certificate?.certificateArn?.split(":")[3], "eu-west-1");
  });

  it("DeleteCertificate removes a certificate, refuses one in use and an unknown name", async () => {
    const c = h.client();
    await c.send(new CreateCertificateCommand({ certificateName: "gone", domainName: "gone.example.com" }));
    const out = await c.send(new DeleteCertificateCommand({ certificateName: "gone" }));
    assert.equal(out.operations?.[0]?.operationType, "DeleteCertificate");
    assert.equal(await detailOf(c, "gone"), undefined);
    const unknown = await rejection(c.send(new DeleteCertificateCommand({ certificateName: "gone" })));
    assert.equal(unknown.name, "NotFoundException");
    assert.match(unknown.message, /The Certificate does not exist: gone/);
    const inUse = await rejection(c.send(new DeleteCertificateCommand({ certificateName: "in-use" })));
    assert.equal(inUse.name, "InvalidInputException");
    assert.match(inUse.message, /in use by 1 resource/);
  });

  it("a domain's record appearing validates that domain; the certificate is ISSUED when all are", async () => {
    const c = h.client();
    const created = await c.send(
      new CreateCertificateCommand({
        certificateName: "two",
        domainName: "two.example.com",
        subjectAlternativeNames: ["www.two.example.com"],
      }),
    );
    const [first, second] = created.certificate!.certificateDetail!.domainValidationRecords!;
    const appeared = await admin(h.emulator, "dns-records", first!.resourceRecord);
    assert.equal(appeared.status, 200);
    assert.deepEqual(appeared.body.validated, [
      { region: "us-east-1", name: "two", domainName: "two.example.com", status: "PENDING_VALIDATION" },
    ]);
    let detail = await detailOf(c, "two");
    assert.equal(detail?.status, "PENDING_VALIDATION");
    assert.deepEqual(
      detail?.domainValidationRecords?.map((r) => r.validationStatus),
      ["SUCCESS", "PENDING_VALIDATION"],
    );
    // An unrelated record changes nothing.
    const other = await admin(h.emulator, "dns-records", { name: "_x.example.com.", value: "_y.aws." });
    assert.deepEqual(other.body.validated, []);
    // The second record, with the trailing dot left off and in upper case, completes it.
    await admin(h.emulator, "dns-records", {
      name: second!.resourceRecord!.name!.replace(/\.$/, "").toUpperCase(),
      type: "CNAME",
      value: second!.resourceRecord!.value,
    });
    detail = await detailOf(c, "two");
    assert.equal(detail?.status, "ISSUED");
    assert.ok(detail?.serialNumber);
    assert.ok(detail?.notAfter && detail.notBefore && detail.notAfter > detail.notBefore);
    assert.equal(detail?.issuerCA, "Amazon");
  });

  it("fail and time-out end a pending request; validate refuses a certificate that is not pending", async () => {
    const c = h.client();
    for (const name of ["ff", "tt"])
      await c.send(
        new CreateCertificateCommand({ certificateName: name, domainName: `${name}.example.com` }),
      );
    assert.equal(
      (await admin(h.emulator, "certificates/fail", { name: "ff", reason: "CAA_ERROR" })).status,
      200,
    );
    const failed = await detailOf(c, "ff");
    assert.equal(failed?.status, "FAILED");
    assert.equal(failed?.requestFailureReason, "CAA_ERROR");
    assert.equal(failed?.domainValidationRecords?.[0]?.validationStatus, "FAILED");
    await admin(h.emulator, "certificates/time-out", { name: "tt" });
    assert.equal((await detailOf(c, "tt"))?.status, "VALIDATION_TIMED_OUT");
    const refused = await admin(h.emulator, "certificates/validate", { name: "tt" });
    assert.equal(refused.status, 400);
    assert.match(
      String(refused.body.error),
      /tt in us-east-1 is VALIDATION_TIMED_OUT, not PENDING_VALIDATION/,
    );
    const unknown = await admin(h.emulator, "certificates/validate", { name: "nope" });
    assert.equal(unknown.status, 400);
    assert.match(String(unknown.body.error), /does not exist: nope/);
  });

  it("renewal states are set with their records", async () => {
    const c = h.client();
    await c.send(new CreateCertificateCommand({ certificateName: "rr", domainName: "r.example.com" }));
    await admin(h.emulator, "certificates/validate", { name: "rr" });
    const set = await admin(h.emulator, "certificates/renewal", {
      name: "rr",
      renewalStatus: "PendingValidation",
      reason: "The CNAME is missing",
    });
    assert.equal(set.status, 200);
    const detail = await detailOf(c, "rr");
    assert.equal(detail?.renewalSummary?.renewalStatus, "PendingValidation");
    assert.equal(detail?.renewalSummary?.renewalStatusReason, "The CNAME is missing");
    assert.equal(
      detail?.renewalSummary?.domainValidationRecords?.[0]?.validationStatus,
      "PENDING_VALIDATION",
    );
    assert.equal(detail?.renewalSummary?.domainValidationRecords?.[0]?.resourceRecord?.type, "CNAME");
    const bad = await admin(h.emulator, "certificates/renewal", { name: "rr", renewalStatus: "Soon" });
    assert.equal(bad.status, 400);
    assert.match(String(bad.body.error), /renewalStatus must be one of PendingAutoRenewal/);
  });

  it("validationDelayMs validates pending certificates by time, seen at the next call", async () => {
    const c = h.client();
    h.emulator.configure({ validationDelayMs: 300 });
    await c.send(new CreateCertificateCommand({ certificateName: "timed", domainName: "timed.example.com" }));
    assert.equal((await detailOf(c, "timed"))?.status, "PENDING_VALIDATION");
    await new Promise((resolve) => setTimeout(resolve, 400));
    const detail = await detailOf(c, "timed");
    assert.equal(detail?.status, "ISSUED");
    assert.equal(detail?.domainValidationRecords?.[0]?.validationStatus, "SUCCESS");
    assert.throws(
      () => h.emulator.configure({ validationDelayMs: -1 }),
      /config\.validationDelayMs: expected milliseconds/,
    );
  });

  it("the call log records the writes without credentials", async () => {
    await h
      .client()
      .send(new CreateCertificateCommand({ certificateName: "logged", domainName: "l.example.com" }));
    const call = h.emulator.calls().find((c) => c.operation === "CreateCertificate");
    assert.deepEqual(call?.request, { certificateName: "logged", domainName: "l.example.com" });
    assert.equal(call?.status, 200);
  });
});
