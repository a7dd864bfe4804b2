import { strict as assert } from "node:assert";
import type { CertificateSummary } from "@aws-sdk/client-lightsail";
import fc from "fast-check";
import {
  daysUntil,
  normalizeCertificate,
  normalizeLoadBalancerCertificate,
  tagsToMap,
  toIsoTimestamp,
} from "../../lightsail/normalize";

const NOW = new Date("2026-06-01T12:00:00.000Z");

describe("normalisation", () => {
  it("turns a full SDK certificate into the typed result", () => {
    const summary: CertificateSummary = {
      certificateArn: "arn:aws:lightsail:us-east-1:123456789012:Certificate/abc",
      certificateName: "site",
      domainName: "example.com",
      tags: [{ key: "env", value: "prod" }],
      certificateDetail: {
        arn: "arn:aws:lightsail:us-east-1:123456789012:Certificate/abc",
        name: "site",
        domainName: "example.com",
        status: "ISSUED",
        serialNumber: "0a:0b",
        subjectAlternativeNames: ["example.com", "www.example.com"],
        domainValidationRecords: [
          {
            domainName: "example.com",
            resourceRecord: { name: "_x.example.com.", type: "CNAME", value: "_y.acm-validations.aws." },
            validationStatus: "SUCCESS",
            dnsRecordCreationState: { code: "SUCCEEDED" },
          },
        ],
        inUseResourceCount: 2,
        keyAlgorithm: "RSA-2048",
        createdAt: new Date("2026-01-01T00:00:00Z"),
        issuedAt: new Date("2026-01-01T01:00:00Z"),
        issuerCA: "Amazon",
        notBefore: new Date("2026-01-01T00:00:00Z"),
        notAfter: new Date("2026-07-01T12:00:00Z"),
        eligibleToRenew: "ELIGIBLE",
        renewalSummary: { renewalStatus: "PendingAutoRenewal", renewalStatusReason: "why" },
        tags: [{ key: "env", value: "prod" }, { key: "empty" }],
        supportCode: "sc",
      },
    };
    assert.deepEqual(normalizeCertificate(summary, "us-east-1", NOW), {
      arn: "arn:aws:lightsail:us-east-1:123456789012:Certificate/abc",
      name: "site",
      domainName: "example.com",
      subjectAlternativeNames: ["example.com", "www.example.com"],
      status: "ISSUED",
      region: "us-east-1",
      serialNumber: "0a:0b",
      keyAlgorithm: "RSA-2048",
      issuerCA: "Amazon",
      createdAt: "2026-01-01T00:00:00.000Z",
      issuedAt: "2026-01-01T01:00:00.000Z",
      notBefore: "2026-01-01T00:00:00.000Z",
      notAfter: "2026-07-01T12:00:00.000Z",
      daysUntilExpiry: 30,
      renewalStatus: "PendingAutoRenewal",
      renewalStatusReason: "why",
      eligibleToRenew: "ELIGIBLE",
      inUseResourceCount: 2,
      domainValidationRecords: [
        {
          domainName: "example.com",
          resourceRecord: { name: "_x.example.com.", type: "CNAME", value: "_y.acm-validations.aws." },
          validationStatus: "SUCCESS",
          dnsRecordCreationState: { code: "SUCCEEDED" },
        },
      ],
      tags: { env: "prod", empty: "" },
      supportCode: "sc",
    });
  });

  it("keeps unknown enum values and fills a summary without details", () => {
    const cert = normalizeCertificate(
      {
        certificateName: "x",
        certificateArn: "arn:x",
        domainName: "x.example.com",
        certificateDetail: { status: "QUANTUM" as never },
      },
      "eu-west-1",
      NOW,
    )!;
    assert.equal(cert.status, "QUANTUM");
    assert.equal(cert.arn, "arn:x");
    assert.deepEqual(cert.subjectAlternativeNames, []);
    assert.equal(cert.daysUntilExpiry, undefined);
    assert.equal("notAfter" in cert, false);
  });

  it("skips an entry without a name", () => {
    assert.equal(normalizeCertificate({ certificateArn: "arn:x" }, "us-east-1", NOW), undefined);
  });

  it("timestamps: Date, epoch seconds (fractional) and strings become ISO; invalid ones vanish", () => {
    assert.equal(toIsoTimestamp(new Date(0)), "1970-01-01T00:00:00.000Z");
    assert.equal(toIsoTimestamp(1790000000.5), "2026-09-21T14:13:20.500Z");
    assert.equal(toIsoTimestamp("2026-01-02T03:04:05Z"), "2026-01-02T03:04:05.000Z");
    assert.equal(toIsoTimestamp(new Date(NaN)), undefined);
    assert.equal(toIsoTimestamp("soon"), undefined);
    assert.equal(toIsoTimestamp(null), undefined);
  });

  it("daysUntil rounds down and goes negative once expired", () => {
    assert.equal(daysUntil("2026-06-02T11:59:59.999Z", NOW), 0);
    assert.equal(daysUntil("2026-06-02T12:00:00.000Z", NOW), 1);
    assert.equal(daysUntil("2026-06-01T11:59:59.000Z", NOW), -1);
    assert.equal(daysUntil(undefined, NOW), undefined);
  });

  it("tags become a map and odd entries are dropped", () => {
    assert.deepEqual(tagsToMap([{ key: "a", value: "1" }, { value: "no key" } as never, null as never]), {
      a: "1",
    });
    assert.deepEqual(tagsToMap(undefined), {});
  });

  it("load-balancer certificates keep their own field names", () => {
    const cert = normalizeLoadBalancerCertificate(
      {
        name: "lb-cert",
        arn: "arn:lb",
        domainName: "example.com",
        status: "UNKNOWN",
        serial: "01",
        issuer: "Amazon",
        isAttached: true,
        failureReason: "NO_AVAILABLE_CONTACTS",
        renewalSummary: { renewalStatus: "PENDING_AUTO_RENEWAL" },
        notAfter: new Date("2026-06-11T12:00:00Z"),
      },
      "web-lb",
      "us-east-1",
      NOW,
    )!;
    assert.equal(cert.serial, "01");
    assert.equal(cert.issuer, "Amazon");
    assert.equal(cert.isAttached, true);
    assert.equal(cert.loadBalancerName, "web-lb");
    assert.equal(cert.status, "UNKNOWN");
    assert.equal(cert.failureReason, "NO_AVAILABLE_CONTACTS");
    assert.equal(cert.renewalStatus, "PENDING_AUTO_RENEWAL");
    assert.equal(cert.daysUntilExpiry, 10);
  });

  it("property: never throws on arbitrary JSON-shaped summaries", () => {
    const anyJson = fc.jsonValue({ maxDepth: 3 });
    const summary = fc.record(
      {
        certificateName: fc.oneof(fc.string(), fc.constant(null), anyJson),
        certificateArn: fc.oneof(fc.string(), fc.constant(null)),
        domainName: anyJson,
        tags: anyJson,
        certificateDetail: fc.oneof(
          fc.constant(null),
          fc.record(
            {
              name: fc.oneof(fc.string(), anyJson),
              status: fc.oneof(fc.string(), anyJson),
              subjectAlternativeNames: anyJson,
              notAfter: fc.oneof(fc.date({ noInvalidDate: false }), fc.double(), fc.string(), anyJson),
              notBefore: fc.oneof(fc.date({ noInvalidDate: false }), anyJson),
              domainValidationRecords: anyJson,
              renewalSummary: anyJson,
              inUseResourceCount: anyJson,
              tags: anyJson,
            },
            { requiredKeys: [] },
          ),
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(summary, (s) => {
        const cert = normalizeCertificate(s as unknown as CertificateSummary, "us-east-1", NOW);
        if (cert === undefined) return true;
        return (
          typeof cert.name === "string" &&
          Array.isArray(cert.subjectAlternativeNames) &&
          typeof cert.tags === "object"
        );
      }),
      { numRuns: 500 },
    );
  });
});
