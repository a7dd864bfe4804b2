// The emulator's Lightsail API through the real @aws-sdk/client-lightsail: paging, filters,
// page tokens, names, timestamps and load balancer certificates.
import * as assert from "node:assert/strict";
import {
  GetCertificatesCommand,
  GetLoadBalancerTlsCertificatesCommand,
  type CertificateSummary,
  type GetCertificatesCommandInput,
  type LightsailClient,
} from "@aws-sdk/client-lightsail";
import {
  makeCertificate,
  makeLoadBalancerTlsCertificate,
  startEmulator,
  type CertificateFixture,
} from "../../emulator";
import { captureSignedRequests, replay, useEmulator } from "../helpers/emulator";

const STATUSES = ["ISSUED", "EXPIRED", "ISSUED", "PENDING_VALIDATION", "REVOKED", "ISSUED", "FAILED"];
const US_CERTS: CertificateFixture[] = Array.from({ length: 23 }, (_, i) =>
  makeCertificate({
    name: `cert-${String(i + 1).padStart(2, "0")}`,
    domainName: `site${i + 1}.example.com`,
    status: STATUSES[i % STATUSES.length],
    tags: i % 5 === 0 ? [{ key: "team", value: `t${i}` }] : [],
  }),
);
const EU_CERTS = [1, 2, 3].map((i) =>
  makeCertificate({ region: "eu-west-1", name: `eu-${i}`, domainName: `eu${i}.example.eu` }),
);
const TIMED = makeCertificate({
  name: "timed",
  notBefore: 1790000000.5,
  notAfter: "2027-03-04T05:06:07.250Z",
  renewalSummary: { renewalStatus: "PendingAutoRenewal", updatedAt: "2026-11-01T12:00:00Z" },
});

/** Reads every page of a listing, sending the same input each time; returns the pages. */
async function readAllPages(client: LightsailClient, input: GetCertificatesCommandInput = {}) {
  const pages: Array<{ certificates: CertificateSummary[]; nextPageToken?: string }> = [];
  let pageToken: string | undefined;
  do {
    const out = await client.send(new GetCertificatesCommand({ ...input, pageToken }));
    pages.push({ certificates: out.certificates ?? [], nextPageToken: out.nextPageToken });
    pageToken = out.nextPageToken;
    assert.ok(pages.length <= 100, "more than 100 pages: the listing does not end");
  } while (pageToken);
  return pages;
}

async function rejection(promise: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await promise;
  } catch (err) {
    return err as Error & Record<string, unknown>;
  }
  assert.fail("expected the call to fail");
}

describe("emulator: Lightsail API through the AWS SDK", function () {
  const h = useEmulator({
    fixtures: {
      certificates: [...US_CERTS, ...EU_CERTS],
      loadBalancerTlsCertificates: [
        makeLoadBalancerTlsCertificate({
          loadBalancerName: "web-lb",
          name: "lb-a",
          domainName: "lb.example.com",
          isAttached: true,
        }),
        makeLoadBalancerTlsCertificate({
          loadBalancerName: "web-lb",
          name: "lb-b",
          domainName: "lb.example.com",
          status: "PENDING_VALIDATION",
        }),
      ],
      loadBalancers: [{ name: "empty-lb" }],
    },
  });

  for (const pageSize of [1, 2, 10]) {
    it(`reads every certificate exactly once, in fixture order, with page size ${pageSize}`, async function () {
      h.emulator.configure({ pageSize });
      const pages = await readAllPages(h.client());
      const names = pages.flatMap((p) => p.certificates.map((c) => c.certificateName));
      assert.deepEqual(
        names,
        US_CERTS.map((c) => c.name),
      );
      assert.equal(pages.length, Math.ceil(US_CERTS.length / pageSize));
      assert.ok(pages.every((p) => p.certificates.length <= pageSize));
      assert.ok(
        pages.slice(0, -1).every((p) => typeof p.nextPageToken === "string" && p.nextPageToken.length > 0),
      );
      assert.equal(pages.at(-1)!.nextPageToken, undefined);
      assert.equal(h.emulator.calls().length, pages.length);
    });
  }

  it("keeps status filters and details across pages", async function () {
    h.emulator.configure({ pageSize: 2 });
    const statuses = ["EXPIRED", "PENDING_VALIDATION", "FAILED"] as const;
    const input = { certificateStatuses: [...statuses], includeCertificateDetails: true };
    const pages = await readAllPages(h.client(), input);
    const expected = US_CERTS.filter((c) => (statuses as readonly string[]).includes(c.status!));
    assert.ok(pages.length >= 3, "the filtered listing should span several pages");
    const summaries = pages.flatMap((p) => p.certificates);
    assert.deepEqual(
      summaries.map((c) => c.certificateName),
      expected.map((c) => c.name),
    );
    for (const summary of summaries) {
      assert.ok(summary.certificateDetail, `${summary.certificateName} has no certificateDetail`);
      assert.ok((statuses as readonly string[]).includes(summary.certificateDetail.status!));
      assert.equal(summary.certificateDetail.arn, summary.certificateArn);
      assert.ok(summary.certificateDetail.subjectAlternativeNames?.includes(summary.domainName!));
    }
    for (const call of h.emulator.calls()) {
      assert.deepEqual(call.request?.certificateStatuses, [...statuses]);
      assert.equal(call.request?.includeCertificateDetails, true);
    }
  });

  it("without details, summaries carry only ARN, name, domain and tags", async function () {
    const out = await h.client().send(new GetCertificatesCommand({ includeCertificateDetails: false }));
    assert.equal(out.certificates?.length, 10);
    for (const summary of out.certificates ?? []) {
      assert.deepEqual(Object.keys(summary).sort(), [
        "certificateArn",
        "certificateName",
        "domainName",
        "tags",
      ]);
    }
    assert.deepEqual(out.certificates?.[0]?.tags, [{ key: "team", value: "t0" }]);
  });

  it("serves each region its own certificates (region from the credential scope)", async function () {
    const out = await h.client({ region: "eu-west-1" }).send(new GetCertificatesCommand({}));
    assert.deepEqual(
      out.certificates?.map((c) => c.certificateName),
      ["eu-1", "eu-2", "eu-3"],
    );
    assert.deepEqual(
      h.emulator.calls().map((c) => c.region),
      ["eu-west-1"],
    );
  });

  it("matches certificateName exactly and case-sensitively", async function () {
    const client = h.client();
    const one = await client.send(
      new GetCertificatesCommand({ certificateName: "cert-07", includeCertificateDetails: true }),
    );
    assert.deepEqual(
      one.certificates?.map((c) => c.certificateName),
      ["cert-07"],
    );
    assert.equal(one.nextPageToken, undefined);
    const wrongCase = await client.send(new GetCertificatesCommand({ certificateName: "CERT-07" }));
    assert.deepEqual(wrongCase.certificates, []);
    const filteredOut = await client.send(
      new GetCertificatesCommand({ certificateName: "cert-07", certificateStatuses: ["ISSUED"] }),
    );
    assert.deepEqual(filteredOut.certificates, [], "cert-07 is FAILED, so an ISSUED filter excludes it");
  });

  it("answers an unknown certificateName in the configured not-found mode", async function () {
    const client = h.client();
    const empty = await client.send(new GetCertificatesCommand({ certificateName: "nope" }));
    assert.deepEqual(empty.certificates, []);

    h.emulator.configure({ notFoundMode: "NotFoundException" });
    const typed = await rejection(client.send(new GetCertificatesCommand({ certificateName: "nope" })));
    assert.equal(typed.name, "NotFoundException");
    assert.equal(typed.code, "DoesNotExist");
    assert.equal(typed.message, "The Certificate does not exist: nope");
    assert.equal((typed.$metadata as { httpStatusCode: number }).httpStatusCode, 400);

    h.emulator.configure({ notFoundMode: "DoesNotExist" });
    const bare = await rejection(client.send(new GetCertificatesCommand({ certificateName: "nope" })));
    assert.equal(bare.name, "DoesNotExist");
    assert.equal(bare.constructor.name, "LightsailServiceException");
  });

  describe("page tokens", function () {
    async function firstToken(
      client: LightsailClient,
      input: GetCertificatesCommandInput = {},
    ): Promise<string> {
      const out = await client.send(new GetCertificatesCommand(input));
      assert.ok(out.nextPageToken, "expected a second page");
      return out.nextPageToken;
    }
    async function assertRefused(client: LightsailClient, input: GetCertificatesCommandInput) {
      const err = await rejection(client.send(new GetCertificatesCommand(input)));
      assert.equal(err.name, "InvalidInputException");
      assert.match(err.message, /^Invalid page token/);
      assert.equal((err.$metadata as { httpStatusCode: number }).httpStatusCode, 400);
    }

    it("refuses a malformed token", async function () {
      await assertRefused(h.client(), { pageToken: "not-a-token" });
    });

    it("refuses an altered token", async function () {
      const client = h.client();
      const token = await firstToken(client);
      const payload = JSON.parse(Buffer.from(token.split(".")[0]!, "base64url").toString()) as { o: number };
      payload.o = 0;
      const forged = `${Buffer.from(JSON.stringify(payload)).toString("base64url")}.${token.split(".")[1]}`;
      await assertRefused(client, { pageToken: forged });
    });

    it("refuses a token issued for other filters or another region", async function () {
      const client = h.client();
      const token = await firstToken(client, { includeCertificateDetails: true });
      await assertRefused(client, { pageToken: token });
      await assertRefused(client, {
        pageToken: token,
        includeCertificateDetails: true,
        certificateStatuses: ["ISSUED"],
      });
      await assertRefused(h.client({ region: "eu-west-1" }), {
        pageToken: token,
        includeCertificateDetails: true,
      });
      const accepted = await client.send(
        new GetCertificatesCommand({ pageToken: token, includeCertificateDetails: true }),
      );
      assert.equal(accepted.certificates?.[0]?.certificateName, "cert-11");
    });

    it("refuses a token issued by another emulator instance", async function () {
      const other = await startEmulator({ fixtures: { certificates: US_CERTS } });
      try {
        const foreign = await firstToken(h.client({ endpoint: other.url }));
        await assertRefused(h.client(), { pageToken: foreign });
      } finally {
        await other.stop();
      }
    });
  });

  it("sends timestamps as epoch seconds that the SDK turns into Dates", async function () {
    await h.emulator.setFixtures({ certificates: [TIMED] });
    const client = h.client();
    const requests = captureSignedRequests(client);
    const out = await client.send(new GetCertificatesCommand({ includeCertificateDetails: true }));
    const detail = out.certificates?.[0]?.certificateDetail;
    assert.ok(detail?.notAfter instanceof Date);
    assert.equal(detail.notAfter.toISOString(), "2027-03-04T05:06:07.250Z");
    assert.ok(detail.notBefore instanceof Date);
    assert.equal(detail.notBefore.getTime(), 1790000000500);
    assert.equal(detail.renewalSummary?.updatedAt?.toISOString(), "2026-11-01T12:00:00.000Z");

    const raw = await replay(h.emulator, requests[0]!);
    assert.equal(raw.status, 200);
    assert.equal(raw.headers.get("content-type"), "application/x-amz-json-1.1");
    assert.match(raw.headers.get("x-amzn-requestid") ?? "", /^[0-9a-f-]{36}$/);
    const wire = (raw.body.certificates as Array<{ certificateDetail: Record<string, unknown> }>)[0]!
      .certificateDetail;
    assert.equal(wire.notAfter, Date.parse("2027-03-04T05:06:07.250Z") / 1000);
    assert.equal(wire.notBefore, 1790000000.5);
    assert.equal(wire.region, undefined, "the fixture's region is not an API field");
  });

  it("lists a load balancer's TLS certificates, and refuses an unknown load balancer", async function () {
    const client = h.client();
    const out = await client.send(new GetLoadBalancerTlsCertificatesCommand({ loadBalancerName: "web-lb" }));
    assert.deepEqual(
      out.tlsCertificates?.map((c) => [c.name, c.status, c.isAttached]),
      [
        ["lb-a", "ISSUED", true],
        ["lb-b", "PENDING_VALIDATION", false],
      ],
    );
    const first = out.tlsCertificates![0]!;
    assert.equal(first.loadBalancerName, "web-lb");
    assert.equal(first.location?.regionName, "us-east-1");
    assert.ok(first.notAfter instanceof Date);
    assert.match(first.serial ?? "", /^[0-9A-F]{32}$/);

    const none = await client.send(
      new GetLoadBalancerTlsCertificatesCommand({ loadBalancerName: "empty-lb" }),
    );
    assert.deepEqual(none.tlsCertificates, []);
    const err = await rejection(
      client.send(new GetLoadBalancerTlsCertificatesCommand({ loadBalancerName: "nope-lb" })),
    );
    assert.equal(err.name, "NotFoundException");
    assert.equal(err.message, "The LoadBalancer does not exist: nope-lb");
  });
});
