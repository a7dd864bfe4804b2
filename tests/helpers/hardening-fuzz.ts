/**
 * Arbitraries for the fuzzed-response properties (tests/hardening/fuzz.test.ts): certificate
 * lists as the SDK could hand them over (missing fields, nulls, wrong types, unknown enum values,
 * odd and invalid dates, huge numbers, empty strings), as raw JSON bodies, and as fixture
 * documents the emulator accepts. Also the property names, which RELIABILITY.md lists.
 */
import * as fc from "fast-check";
import type { FixtureDocument } from "../../emulator";

/** The properties, in table order, with their number of runs. */
export const FUZZ_CASES = [
  { name: "normaliser: SDK-shaped certificate summaries", runs: 1000 },
  { name: "normaliser: SDK-shaped load-balancer certificates", runs: 1000 },
  { name: "getCertificate / getCertificates over a mocked client", runs: 300 },
  { name: "getLoadBalancerTlsCertificate over a mocked client", runs: 200 },
  { name: "CertificateLookup check over a mocked client", runs: 200 },
  { name: "lightsail-certs list / check over a mocked client", runs: 150 },
  { name: "raw JSON bodies through the real SDK (stub endpoint)", runs: 150 },
  { name: "emulator fixtures (setFixtures) through the real SDK and SigV4", runs: 40 },
] as const;

/** One of {@link FUZZ_CASES}. */
export type FuzzCaseName = (typeof FUZZ_CASES)[number]["name"];

/** Strings a certificate field may hold, biased toward the ones that matter. */
const oddString = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    "",
    " ",
    "site",
    "api",
    "example.com",
    "EXAMPLE.COM.",
    "www.example.com",
    "xn--bcher-kva.example",
    "bücher.example",
    "ISSUED",
    "issued",
    "EXPIRED",
    "PENDING_VALIDATION",
    "FUTURE_STATUS",
    "UNKNOWN",
    "__proto__",
    "constructor",
    "toString",
    "\u0000",
    "line\nbreak",
    "2026-13-45",
    "1790000000.5",
    "not a date",
  ),
);

/** Numbers, including the ones JSON cannot carry (the SDK hands over what it parsed). */
const oddNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -1, 1.5, 1790000000.5, 8.64e12, 8.64e12 + 1, 1e300, Number.MAX_SAFE_INTEGER, -1e15),
);

/** Timestamps as the SDK gives them (Date, valid or not) or as odd values. */
const oddDate = fc.oneof(
  fc.date({ noInvalidDate: false }),
  fc.date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2040-01-01T00:00:00Z") }),
  oddNumber,
  oddString,
);

const oddScalar = fc.oneof(fc.constant(undefined), fc.constant(null), oddString, oddNumber, fc.boolean());

/** Any value: scalars, arrays, objects, arbitrary JSON. */
const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: oddScalar },
  { weight: 1, arbitrary: fc.array(oddScalar, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(oddString, oddScalar, { maxKeys: 4 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);

const maybe = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | unknown> =>
  fc.oneof({ weight: 4, arbitrary: arb }, { weight: 1, arbitrary: oddValue });

const status = fc.constantFrom(
  "ISSUED",
  "ISSUED",
  "EXPIRED",
  "PENDING_VALIDATION",
  "REVOKED",
  "FAILED",
  "INACTIVE",
  "VALIDATION_TIMED_OUT",
  "issued",
  "FUTURE_STATUS",
  "",
);
const domain = fc.constantFrom(
  "example.com",
  "EXAMPLE.COM.",
  "www.example.com",
  "other.org",
  "",
  "xn--bcher-kva.example",
);
const tags = fc.array(
  fc.record(
    {
      key: maybe(fc.constantFrom("env", "team", "__proto__", "constructor", "", "Env")),
      value: maybe(oddString),
    },
    { requiredKeys: [] },
  ),
  { maxLength: 4 },
);
const validationRecords = fc.array(
  maybe(
    fc.record(
      {
        domainName: maybe(domain),
        validationStatus: maybe(fc.constantFrom("SUCCESS", "PENDING_VALIDATION", "FAILED", "NEW_ONE")),
        resourceRecord: maybe(
          fc.record({ name: oddValue, type: oddValue, value: oddValue }, { requiredKeys: [] }),
        ),
        dnsRecordCreationState: maybe(fc.record({ code: oddValue, message: oddValue }, { requiredKeys: [] })),
        status: oddValue,
      },
      { requiredKeys: [] },
    ),
  ),
  { maxLength: 3 },
);

/** A `Certificate` (the detail) as the SDK might return it. */
const sdkCertificateDetail = fc.record(
  {
    arn: maybe(fc.constantFrom("arn:a", "arn:b", "arn:c", "")),
    name: maybe(fc.constantFrom("site", "api", "site-2", "")),
    domainName: maybe(domain),
    status: maybe(status),
    serialNumber: oddValue,
    subjectAlternativeNames: maybe(fc.array(maybe(domain), { maxLength: 4 })),
    domainValidationRecords: maybe(validationRecords),
    requestFailureReason: oddValue,
    inUseResourceCount: maybe(oddNumber),
    keyAlgorithm: oddValue,
    createdAt: oddDate,
    issuedAt: oddDate,
    issuerCA: oddValue,
    notBefore: oddDate,
    notAfter: oddDate,
    eligibleToRenew: oddValue,
    renewalSummary: maybe(
      fc.record(
        {
          renewalStatus: maybe(fc.constantFrom("Success", "PendingAutoRenewal", "NEW")),
          renewalStatusReason: oddValue,
          updatedAt: oddDate,
        },
        { requiredKeys: [] },
      ),
    ),
    revokedAt: oddDate,
    revocationReason: oddValue,
    tags: maybe(tags),
    supportCode: oddValue,
  },
  { requiredKeys: [] },
);

/** `good` with a random subset of its fields replaced by the same fields of `odd`. */
function spoil(
  good: fc.Arbitrary<Record<string, unknown>>,
  odd: fc.Arbitrary<Record<string, unknown>>,
  keys: string[],
) {
  return fc
    .tuple(good, odd, fc.subarray(keys, { maxLength: 3 }))
    .map(
      ([g, o, spoilt]) =>
        Object.assign({ ...g }, ...spoilt.map((k) => ({ [k]: o[k] }))) as Record<string, unknown>,
    );
}

const plausibleDate = fc.date({
  min: new Date("2025-01-01T00:00:00Z"),
  max: new Date("2028-01-01T00:00:00Z"),
  noInvalidDate: true,
});
const plausibleDetail = spoil(
  fc.record({
    arn: fc.constantFrom("arn:a", "arn:b", "arn:c"),
    name: fc.constantFrom("site", "api", "site-2"),
    domainName: fc.constantFrom("example.com", "EXAMPLE.COM.", "www.example.com"),
    status: fc.constantFrom(
      "ISSUED",
      "ISSUED",
      "ISSUED",
      "EXPIRED",
      "PENDING_VALIDATION",
      "REVOKED",
      "FUTURE_STATUS",
    ),
    subjectAlternativeNames: fc.array(fc.constantFrom("example.com", "www.example.com", "api.example.com"), {
      maxLength: 3,
    }),
    notBefore: plausibleDate,
    notAfter: plausibleDate,
    issuedAt: plausibleDate,
    createdAt: plausibleDate,
    inUseResourceCount: fc.nat(5),
    tags: fc.constantFrom(
      [],
      [{ key: "env", value: "prod" }],
      [{ key: "env", value: "dev" }, { key: "team" }],
    ),
  }),
  sdkCertificateDetail as fc.Arbitrary<Record<string, unknown>>,
  [
    "arn",
    "name",
    "domainName",
    "status",
    "subjectAlternativeNames",
    "notBefore",
    "notAfter",
    "issuedAt",
    "tags",
    "inUseResourceCount",
    "renewalSummary",
    "domainValidationRecords",
  ],
);

/** A `CertificateSummary` as the SDK might return it. */
export const sdkCertificateSummary = fc.oneof(
  {
    weight: 10,
    arbitrary: plausibleDetail.map((detail) => ({
      certificateArn: detail.arn,
      certificateName: detail.name,
      domainName: detail.domainName,
      certificateDetail: detail,
      tags: detail.tags,
    })),
  },
  {
    weight: 5,
    arbitrary: fc.record(
      {
        certificateArn: maybe(fc.constantFrom("arn:a", "arn:b", "")),
        certificateName: maybe(fc.constantFrom("site", "api", "")),
        domainName: maybe(domain),
        certificateDetail: maybe(sdkCertificateDetail),
        tags: maybe(tags),
      },
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: oddValue },
);

const oddLoadBalancerCertificate = fc.record(
  {
    arn: maybe(fc.constantFrom("arn:lb-a", "arn:lb-b")),
    name: maybe(fc.constantFrom("lb-cert", "lb-next", "")),
    loadBalancerName: maybe(fc.constantFrom("lb", "other-lb")),
    isAttached: oddValue,
    domainName: maybe(domain),
    subjectAlternativeNames: maybe(fc.array(maybe(domain), { maxLength: 3 })),
    status: maybe(fc.oneof(status, fc.constant("UNKNOWN"))),
    serial: oddValue,
    issuer: oddValue,
    subject: oddValue,
    signatureAlgorithm: oddValue,
    keyAlgorithm: oddValue,
    createdAt: oddDate,
    issuedAt: oddDate,
    notBefore: oddDate,
    notAfter: oddDate,
    renewalSummary: maybe(fc.record({ renewalStatus: oddValue }, { requiredKeys: [] })),
    failureReason: oddValue,
    revokedAt: oddDate,
    revocationReason: oddValue,
    domainValidationRecords: maybe(validationRecords),
    supportCode: oddValue,
  },
  { requiredKeys: [] },
);

/** A `LoadBalancerTlsCertificate` as the SDK might return it. */
export const sdkLoadBalancerCertificate = fc.oneof(
  {
    weight: 10,
    arbitrary: spoil(
      fc.record({
        arn: fc.constantFrom("arn:lb-a", "arn:lb-b"),
        name: fc.constantFrom("lb-cert", "lb-next"),
        loadBalancerName: fc.constant("lb"),
        isAttached: fc.boolean(),
        domainName: fc.constantFrom("example.com", "EXAMPLE.COM.", "www.example.com"),
        status: fc.constantFrom("ISSUED", "ISSUED", "UNKNOWN", "PENDING_VALIDATION", "FUTURE_STATUS"),
        subjectAlternativeNames: fc.array(fc.constantFrom("example.com", "www.example.com"), {
          maxLength: 2,
        }),
        notBefore: plausibleDate,
        notAfter: plausibleDate,
      }),
      oddLoadBalancerCertificate as fc.Arbitrary<Record<string, unknown>>,
      [
        "arn",
        "name",
        "isAttached",
        "domainName",
        "status",
        "subjectAlternativeNames",
        "notAfter",
        "renewalSummary",
        "domainValidationRecords",
      ],
    ),
  },
  { weight: 2, arbitrary: oddLoadBalancerCertificate },
  { weight: 1, arbitrary: oddValue },
);

/** Page tokens: absent, empty, a few repeating values, or odd values. */
export const pageToken = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  { weight: 2, arbitrary: fc.constantFrom("", "t1", "t2", "t3") },
  { weight: 1, arbitrary: oddValue },
);

/** One `GetCertificates` output: usually a list of summaries, sometimes something else. */
export const sdkCertificatesPage = fc.record(
  {
    certificates: fc.oneof(
      { weight: 8, arbitrary: fc.array(sdkCertificateSummary, { maxLength: 6 }) },
      { weight: 1, arbitrary: oddValue },
    ),
    nextPageToken: pageToken,
  },
  { requiredKeys: [] },
);

/** The searches the lookup properties run. */
export const lookupQuery = fc.constantFrom<Record<string, unknown>>(
  { domainName: "example.com" },
  { name: "site" },
  { domainName: "www.example.com", mostRecent: true },
  { domainName: "example.com", statuses: ["ISSUED", "EXPIRED", "PENDING_VALIDATION"], minDaysValid: 10 },
  { domainName: "example.com", tags: { env: "prod" } },
  { domainName: "example.com", subjectAlternativeNames: ["www.example.com"], mostRecent: true },
  { name: "api", statuses: ["REVOKED", "FAILED", "INACTIVE", "VALIDATION_TIMED_OUT"] },
);

/** JSON as the service writes it: timestamps (Dates) as epoch seconds. */
function toWireJson(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key: string, v: unknown) {
    const original = this[key];
    return original instanceof Date ? original.getTime() / 1000 : v;
  });
}

/** Raw JSON for a `GetCertificates` response body (JSON can hold no Date, NaN or undefined). */
export const rawCertificatesBody: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: sdkCertificatesPage.map(toWireJson) },
  {
    weight: 3,
    arbitrary: fc
      .record({
        certificates: fc.array(
          fc.record(
            {
              certificateName: fc.constantFrom("site", "api"),
              domainName: domain,
              certificateDetail: fc.dictionary(
                fc.constantFrom(
                  "name",
                  "domainName",
                  "status",
                  "notAfter",
                  "notBefore",
                  "createdAt",
                  "subjectAlternativeNames",
                  "tags",
                  "inUseResourceCount",
                  "renewalSummary",
                  "domainValidationRecords",
                  "extra",
                ),
                fc.oneof(
                  fc.jsonValue({ maxDepth: 2 }),
                  fc.constantFrom(1790000000.5, "1790000000", "2026-01-01T00:00:00Z", "ISSUED"),
                ),
              ),
            },
            { requiredKeys: [] },
          ),
          { maxLength: 4 },
        ),
      })
      .map((body) => JSON.stringify(body)),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
);

/** Raw JSON for an error response body: the service's shape with odd values, or anything. */
export const rawErrorBody: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .record(
        {
          __type: maybe(
            fc.constantFrom(
              "ThrottlingException",
              "NotFoundException",
              "AccessDeniedException",
              "ServiceException",
              "com.amazon#Odd",
              "",
            ),
          ),
          code: maybe(fc.constantFrom("DoesNotExist", "AccessDenied", "InvalidInput", "")),
          message: maybe(oddString),
          Message: oddValue,
          tip: oddValue,
        },
        { requiredKeys: [] },
      )
      .map((body) => JSON.stringify(body)),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)) },
  {
    weight: 1,
    arbitrary: fc.constantFrom("", "<html><body>Bad Gateway</body></html>", "Service Unavailable"),
  },
);

const fixtureTimestamp = fc.oneof(
  fc.integer({ min: 0, max: 99_999_999_999 }),
  fc.double({ min: 0, max: 99_999_999_999, noNaN: true }),
  fc
    .date({
      min: new Date("1970-01-01T00:00:00Z"),
      max: new Date("2099-12-31T00:00:00Z"),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString()),
  fc.constantFrom("2026-01-01", "2027-06-30T12:00:00+02:00", "9999-12-31T23:59:59Z", "1970-01-01T00:00:00Z"),
);

/** Fixture documents the emulator's validator accepts, with odd but valid content. */
export const fixtureDocument: fc.Arbitrary<FixtureDocument> = fc
  .uniqueArray(fc.stringMatching(/^[a-z][a-z0-9-]{0,10}[a-z0-9]$/), { minLength: 0, maxLength: 8 })
  .chain((names) =>
    fc.tuple(
      ...names.map((name) =>
        fc.record(
          {
            arn: fc.constant(`arn:aws:lightsail:us-east-1:123456789012:Certificate/${name}`),
            name: fc.constant(name),
            domainName: fc.constantFrom(
              "example.com",
              "EXAMPLE.COM.",
              "www.example.com",
              "other.org",
              "xn--bcher-kva.example",
              "ü.example",
            ),
            status: fc.option(status, { nil: undefined }),
            subjectAlternativeNames: fc.option(fc.array(domain, { maxLength: 4 }), { nil: undefined }),
            notBefore: fc.option(fixtureTimestamp, { nil: undefined }),
            notAfter: fc.option(fixtureTimestamp, { nil: undefined }),
            createdAt: fc.option(fixtureTimestamp, { nil: undefined }),
            inUseResourceCount: fc.option(fc.constantFrom(0, 1, Number.MAX_SAFE_INTEGER), { nil: undefined }),
            serialNumber: fc.option(fc.constantFrom("", "0a:01", "x".repeat(300)), { nil: undefined }),
            tags: fc.option(
              fc.array(
                fc.record(
                  {
                    key: fc.constantFrom("env", "team", "__proto__", "Env"),
                    value: fc.option(fc.string({ maxLength: 5 }), { nil: undefined }),
                  },
                  { requiredKeys: ["key"] },
                ),
                { maxLength: 3 },
              ),
              { nil: undefined },
            ),
            renewalSummary: fc.option(
              fc.record(
                { renewalStatus: fc.option(fc.constantFrom("Success", "NEW"), { nil: undefined }) },
                { requiredKeys: [] },
              ),
              { nil: undefined },
            ),
            futureField: fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined }),
          },
          { requiredKeys: ["arn", "name", "domainName"] },
        ),
      ),
    ),
  )
  .map((certificates) => ({ certificates: certificates as FixtureDocument["certificates"] }));
