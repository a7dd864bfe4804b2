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

describe("normalisation: fallbacks and odd fields, field by field", () => {
  it("a summary without details: every fallback, and no optional field", () => {
    assert.deepEqual(
      normalizeCertificate(
        { certificateName: "bare", tags: [{ key: "k", value: "v" }] } as CertificateSummary,
        "us-east-1",
        NOW,
      ),
      {
        arn: "",
        name: "bare",
        domainName: "",
        subjectAlternativeNames: [],
        status: "UNKNOWN",
        region: "us-east-1",
        inUseResourceCount: 0,
        domainValidationRecords: [],
        tags: { k: "v" },
      },
    );
    assert.equal(normalizeCertificate({ certificateName: "" }, "us-east-1", NOW), undefined);
    assert.equal(normalizeCertificate({ certificateDetail: { name: "" } }, "us-east-1", NOW), undefined);
    assert.equal(normalizeCertificate(null as never, "us-east-1", NOW), undefined);
    assert.equal(normalizeCertificate("site" as never, "us-east-1", NOW), undefined);
  });

  it("the detail wins over the summary; odd counts, renewals and dates are dropped", () => {
    const cert = normalizeCertificate(
      {
        certificateName: "outer",
        certificateArn: "arn:outer",
        domainName: "outer.example.com",
        tags: [{ key: "outer", value: "1" }],
        certificateDetail: {
          name: "inner",
          arn: "arn:inner",
          domainName: "inner.example.com",
          tags: [{ key: "inner", value: "2" }],
          subjectAlternativeNames: ["a.example.com", 7 as never],
          inUseResourceCount: Infinity,
          renewalSummary: "soon" as never,
          revokedAt: new Date("2026-02-01T00:00:00Z"),
          revocationReason: "KEY_COMPROMISE",
          requestFailureReason: "none",
          notAfter: "never" as never,
        },
      },
      "us-east-1",
      NOW,
    )!;
    assert.deepEqual(cert, {
      arn: "arn:inner",
      name: "inner",
      domainName: "inner.example.com",
      subjectAlternativeNames: ["a.example.com"],
      status: "UNKNOWN",
      region: "us-east-1",
      inUseResourceCount: 0,
      domainValidationRecords: [],
      tags: { inner: "2" },
      revokedAt: "2026-02-01T00:00:00.000Z",
      revocationReason: "KEY_COMPROMISE",
      requestFailureReason: "none",
    });
    const counted = normalizeCertificate(
      { certificateName: "n", certificateDetail: { inUseResourceCount: "3" as never } },
      "us-east-1",
      NOW,
    )!;
    assert.equal(counted.inUseResourceCount, 0);
  });

  it("validation records: odd entries skipped, missing fields filled, `status` read as the validation status", () => {
    const cert = normalizeCertificate(
      {
        certificateName: "v",
        certificateDetail: {
          domainValidationRecords: [
            null,
            "x",
            {},
            {
              domainName: "a.example.com",
              resourceRecord: {},
              status: "PENDING_VALIDATION",
              dnsRecordCreationState: { code: "FAILED", message: "no zone" },
            },
            { domainName: 5, resourceRecord: "x", dnsRecordCreationState: { message: "no code" } },
            { validationStatus: "SUCCESS", status: "OTHER", dnsRecordCreationState: "x" },
            { resourceRecord: null, dnsRecordCreationState: null },
          ] as never,
        },
      },
      "us-east-1",
      NOW,
    )!;
    assert.deepEqual(cert.domainValidationRecords, [
      { domainName: "" },
      {
        domainName: "a.example.com",
        resourceRecord: { name: "", type: "", value: "" },
        validationStatus: "PENDING_VALIDATION",
        dnsRecordCreationState: { code: "FAILED", message: "no zone" },
      },
      { domainName: "" },
      { domainName: "", validationStatus: "SUCCESS" },
      { domainName: "" },
    ]);
    const records = normalizeCertificate(
      { certificateName: "w", certificateDetail: { domainValidationRecords: "x" as never } },
      "us-east-1",
      NOW,
    )!.domainValidationRecords;
    assert.deepEqual(records, []);
  });

  it("timestamps: epoch seconds, empty strings and other types", () => {
    assert.equal(toIsoTimestamp(0), "1970-01-01T00:00:00.000Z");
    assert.equal(toIsoTimestamp(1), "1970-01-01T00:00:01.000Z");
    assert.equal(toIsoTimestamp(""), undefined);
    assert.equal(toIsoTimestamp(true), undefined);
    assert.equal(toIsoTimestamp({}), undefined);
    assert.equal(daysUntil("not a date", NOW), undefined);
    assert.equal(daysUntil("2026-06-03T12:00:00.000Z", NOW), 2);
  });

  it("tags: a value that is not a string becomes empty; a list that is not an array gives none", () => {
    assert.deepEqual(
      tagsToMap([
        { key: "a", value: 3 as never },
        { key: 4 as never, value: "x" },
      ]),
      { a: "" },
    );
    assert.deepEqual(tagsToMap({ key: "a", value: "1" } as never), {});
    assert.deepEqual(tagsToMap(null), {});
    const proto = tagsToMap([{ key: "__proto__", value: "x" }]);
    assert.deepEqual(Object.keys(proto), ["__proto__"]);
    assert.equal(Object.getPrototypeOf(proto), Object.prototype);
    const descriptor = Object.getOwnPropertyDescriptor(tagsToMap([{ key: "a", value: "1" }]), "a");
    assert.deepEqual(descriptor, { value: "1", enumerable: true, writable: true, configurable: true });
  });

  it("load-balancer certificates: every field, and the fallbacks", () => {
    assert.deepEqual(
      normalizeLoadBalancerCertificate(
        {
          name: "lb-cert",
          arn: "arn:lb",
          loadBalancerName: "other-lb",
          isAttached: "yes" as never,
          domainName: "example.com",
          subjectAlternativeNames: ["www.example.com"],
          status: "ISSUED",
          serial: "01",
          issuer: "Amazon",
          subject: "CN=example.com",
          signatureAlgorithm: "SHA256WITHRSA",
          keyAlgorithm: "RSA-2048",
          createdAt: new Date("2026-01-01T00:00:00Z"),
          issuedAt: new Date("2026-01-01T01:00:00Z"),
          notBefore: new Date("2026-01-01T00:00:00Z"),
          notAfter: new Date("2026-06-11T12:00:00Z"),
          renewalSummary: { renewalStatus: "SUCCESS" },
          failureReason: "OTHER",
          revokedAt: new Date("2026-02-01T00:00:00Z"),
          revocationReason: "SUPERCEDED",
          supportCode: "sc",
          domainValidationRecords: [{ domainName: "example.com", validationStatus: "SUCCESS" }],
        },
        "web-lb",
        "us-east-1",
        NOW,
      ),
      {
        arn: "arn:lb",
        name: "lb-cert",
        loadBalancerName: "other-lb",
        isAttached: false,
        domainName: "example.com",
        subjectAlternativeNames: ["www.example.com"],
        status: "ISSUED",
        region: "us-east-1",
        domainValidationRecords: [{ domainName: "example.com", validationStatus: "SUCCESS" }],
        serial: "01",
        issuer: "Amazon",
        subject: "CN=example.com",
        signatureAlgorithm: "SHA256WITHRSA",
        keyAlgorithm: "RSA-2048",
        createdAt: "2026-01-01T00:00:00.000Z",
        issuedAt: "2026-01-01T01:00:00.000Z",
        notBefore: "2026-01-01T00:00:00.000Z",
        notAfter: "2026-06-11T12:00:00.000Z",
        daysUntilExpiry: 10,
        renewalStatus: "SUCCESS",
        failureReason: "OTHER",
        revokedAt: "2026-02-01T00:00:00.000Z",
        revocationReason: "SUPERCEDED",
        supportCode: "sc",
      },
    );
    assert.deepEqual(normalizeLoadBalancerCertificate({ name: "bare" }, "web-lb", "eu-west-1", NOW), {
      arn: "",
      name: "bare",
      loadBalancerName: "web-lb",
      isAttached: false,
      domainName: "",
      subjectAlternativeNames: [],
      status: "UNKNOWN",
      region: "eu-west-1",
      domainValidationRecords: [],
    });
    assert.equal(normalizeLoadBalancerCertificate({ name: "" }, "web-lb", "eu-west-1", NOW), undefined);
    assert.equal(normalizeLoadBalancerCertificate({}, "web-lb", "eu-west-1", NOW), undefined);
    assert.equal(normalizeLoadBalancerCertificate(null as never, "web-lb", "eu-west-1", NOW), undefined);
    assert.equal(normalizeLoadBalancerCertificate(7 as never, "web-lb", "eu-west-1", NOW), undefined);
  });
});
