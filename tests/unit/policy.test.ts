import { strict as assert } from "node:assert";
import {
  accessDenied,
  asPackContext,
  assertPasses,
  assertViolations,
  daysFrom,
  FakeAccountSpec,
  FakeLightsail,
  fakeLightsail,
  FakeResource,
  policyNamed,
  runPolicy,
  UNKNOWN,
} from "../helpers/policy-harness";
import {
  createPolicies,
  DEFAULT_MIN_DAYS_VALID,
  EXPIRY_POLICY,
  ISSUED_POLICY,
  minDaysValidOf,
  RENEWAL_POLICY,
  ResourceValidationPolicy,
} from "../../policy/src/policies";
import { DEFAULT_LOOKUP_SETTINGS, LOOKUP_SETTING_RANGES } from "../../lightsail/settings";
import {
  CERTIFICATE_LOOKUP_TYPE,
  CONTAINER_SERVICE_TYPE,
  DISTRIBUTION_TYPE,
  LB_ATTACHMENT_TYPE,
  PLUGIN_CERTIFICATE_LOOKUP_TYPE,
} from "../../policy/src/references";

const NOW = new Date("2026-06-01T12:00:00.000Z");

/** Checked inputs of a CertificateLookup that resolved a certificate. */
function lookupInputs(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    query: { domainName: "www.example.com", region: "us-east-1" },
    arn: "arn:aws:lightsail:us-east-1:123456789012:Certificate/www-cert",
    name: "www-cert",
    domainName: "www.example.com",
    subjectAlternativeNames: ["www.example.com"],
    status: "ISSUED",
    region: "us-east-1",
    notBefore: "2026-01-01T00:00:00.000Z",
    notAfter: daysFrom(NOW, 200),
    serialNumber: "01:02",
    ...overrides,
  };
}

function lookup(overrides: Record<string, unknown> = {}, config: Record<string, unknown> = {}): FakeResource {
  return { type: CERTIFICATE_LOOKUP_TYPE, name: "site", props: lookupInputs(overrides), config };
}

describe("policy pack lightsail-certificates", () => {
  let account: FakeLightsail | undefined;
  let policies: ResourceValidationPolicy[];
  let expiry: ResourceValidationPolicy;
  let issued: ResourceValidationPolicy;
  let renewal: ResourceValidationPolicy;

  /** Policies over a fake account (no account: any request fails the test). */
  function setUp(spec: FakeAccountSpec = {}, options: { configRegion?: string } = {}): FakeLightsail {
    account = fakeLightsail(spec, NOW, options);
    policies = createPolicies({ context: asPackContext(account.context), now: () => NOW });
    expiry = policyNamed(policies, EXPIRY_POLICY);
    issued = policyNamed(policies, ISSUED_POLICY);
    renewal = policyNamed(policies, RENEWAL_POLICY);
    return account;
  }

  afterEach(() => {
    account?.restore();
    account = undefined;
  });

  describe("metadata", () => {
    it("has the three policies: expiry and issued mandatory, renewal advisory; minDaysValid defaults to 30", () => {
      setUp();
      assert.deepEqual(
        policies.map((p) => [p.name, p.enforcementLevel]),
        [
          [EXPIRY_POLICY, "mandatory"],
          [ISSUED_POLICY, "mandatory"],
          ["lightsail-certificate-renewal", "advisory"],
        ],
      );
      const schema = expiry.configSchema?.properties.minDaysValid;
      assert.deepEqual({ type: schema?.type, default: schema?.default }, { type: "integer", default: 30 });
      for (const p of policies) {
        assert.match(p.remediationSteps ?? "", /\S/);
        assert.match(p.url ?? "", /^https:\/\//);
      }
      assert.match(expiry.remediationSteps ?? "", /--policy-pack-config/);
    });

    it("minDaysValid falls back to the default for missing or invalid config", () => {
      assert.equal(minDaysValidOf(undefined), DEFAULT_MIN_DAYS_VALID);
      assert.equal(minDaysValidOf({}), 30);
      assert.equal(minDaysValidOf({ minDaysValid: 0 }), 0);
      assert.equal(minDaysValidOf({ minDaysValid: 45 }), 45);
      for (const bad of [-1, 2.5, "40", null, Number.NaN])
        assert.equal(minDaysValidOf({ minDaysValid: bad }), 30);
    });
  });

  describe("CertificateLookup (judged from its checked inputs, no request)", () => {
    it("a healthy ISSUED certificate passes both policies", async () => {
      const fake = setUp();
      assertPasses(await runPolicy(expiry, lookup()));
      assertPasses(await runPolicy(issued, lookup()));
      assert.equal(fake.calls.length, 0);
    });

    it("threshold boundary: daysLeft = floor((notAfter - now) / 1 day) passes when >= minDaysValid", async () => {
      setUp();
      const at = (days: number, config: Record<string, unknown> = {}) =>
        runPolicy(expiry, lookup({ notAfter: daysFrom(NOW, days) }, config));
      // Default threshold 30: 29 days fail, 30 and 31 pass.
      assertViolations(await at(29), [/29 day\(s\) left/, /fewer than the 30 /]);
      assertPasses(await at(30));
      assertPasses(await at(31));
      // One millisecond short of 30 days is 29 whole days.
      assertViolations(await at(30 - 1 / 86_400_000), /29 day\(s\) left/);
      // A configured threshold.
      assertViolations(await at(9, { minDaysValid: 10 }), [/9 day\(s\) left/, /fewer than the 10 /]);
      assertPasses(await at(10, { minDaysValid: 10 }));
      assertPasses(await at(11, { minDaysValid: 10 }));
      // minDaysValid 0: still valid today passes, already expired fails.
      assertPasses(await at(0.5, { minDaysValid: 0 }));
      assertViolations(await at(-0.5, { minDaysValid: 0 }), /expired/);
    });

    it("the message names the certificate, notAfter, days left and threshold, and says how to fix it", async () => {
      setUp();
      const notAfter = daysFrom(NOW, 12);
      const run = await runPolicy(expiry, lookup({ notAfter }));
      assertViolations(run, [
        /Certificate "www-cert" \(www\.example\.com, us-east-1\)/,
        /found by CertificateLookup "site"/,
        new RegExp(`expires ${notAfter.replace(/[.]/g, "\\.")}: 12 day\\(s\\) left`),
        /fewer than the 30 this policy requires \(minDaysValid\)/,
        /Renew it/,
        /change the lookup's search to pick another certificate/,
        /pulumi preview --policy-pack node_modules\/pulumi-lightsail-certificates\/policy --policy-pack-config <file>/,
      ]);
    });

    it("an expired certificate fails the expiry policy", async () => {
      setUp();
      const run = await runPolicy(expiry, lookup({ notAfter: daysFrom(NOW, -3) }));
      assertViolations(run, [/expired at .* \(-3 days left\)/, /fewer than the 30/]);
    });

    it("a certificate that is not ISSUED fails the issued policy, even when the lookup asked for that status", async () => {
      setUp();
      const pending = lookup({
        query: { domainName: "www.example.com", statuses: ["ISSUED", "PENDING_VALIDATION"] },
        status: "PENDING_VALIDATION",
        notAfter: undefined,
        serialNumber: undefined,
      });
      assertViolations(await runPolicy(issued, pending), [
        /Certificate "www-cert"/,
        /is PENDING_VALIDATION, not ISSUED/,
        /asks for statuses ISSUED, PENDING_VALIDATION/,
        /DNS validation records/,
      ]);
      // No notAfter and not ISSUED: left to the issued policy.
      assertPasses(await runPolicy(expiry, pending));
      // Expired status with a past notAfter: both policies.
      const expired = lookup({ status: "EXPIRED", notAfter: daysFrom(NOW, -1) });
      assertViolations(await runPolicy(issued, expired), /is EXPIRED \(notAfter .*\), not ISSUED/);
      assertViolations(await runPolicy(expiry, expired), /expired at/);
    });

    it("an ISSUED certificate without notAfter fails the expiry policy", async () => {
      setUp();
      assertViolations(await runPolicy(expiry, lookup({ notAfter: undefined })), /has no expiry date/);
    });

    it("unknown at preview: reports nothing and never reads an unknown value", async () => {
      setUp();
      const cases: Array<Record<string, unknown>> = [
        // The search had an unknown: check returned only the query.
        { query: { domainName: UNKNOWN } },
        // Certificate fields unknown.
        lookupInputs({ notAfter: UNKNOWN }),
        lookupInputs({ name: UNKNOWN }),
        lookupInputs({ status: UNKNOWN }),
      ];
      for (const props of cases) {
        for (const policy of [expiry, issued]) {
          const run = await runPolicy(policy, { type: CERTIFICATE_LOOKUP_TYPE, name: "site", props });
          assertPasses(run);
        }
      }
      // A known verdict still comes through when only unrelated inputs are unknown.
      const run = await runPolicy(expiry, lookup({ serialNumber: UNKNOWN, notAfter: daysFrom(NOW, 3) }));
      assertViolations(run, /3 day\(s\) left/);
    });

    it("ignores resources of other types", async () => {
      const fake = setUp();
      for (const policy of [expiry, issued])
        assertPasses(await runPolicy(policy, { type: "aws:s3/bucket:Bucket", props: { bucket: UNKNOWN } }));
      assert.equal(fake.calls.length, 0);
    });
  });

  describe("Distribution (certificate looked up in us-east-1, any status)", () => {
    const distribution = (certificateName: unknown, props: Record<string, unknown> = {}): FakeResource => ({
      type: DISTRIBUTION_TYPE,
      name: "cdn",
      props: { name: "cdn", bundleId: "small_1_0", certificateName, ...props },
    });

    it("passes with a healthy certificate; both policies share one request", async () => {
      const fake = setUp({
        certificates: { "us-east-1": [{ name: "cdn-cert", notAfter: daysFrom(NOW, 90) }] },
      });
      assertPasses(await runPolicy(expiry, distribution("cdn-cert")));
      assertPasses(await runPolicy(issued, distribution("cdn-cert")));
      assert.equal(fake.calls.length, 1);
      assert.deepEqual(fake.calls[0].region, "us-east-1");
      const input = fake.calls[0].input as { certificateName?: string; certificateStatuses?: string[] };
      assert.equal(input.certificateName, "cdn-cert");
      assert.equal(input.certificateStatuses?.length, 7, "looked up with every status");
    });

    it("an expiring certificate blocks with the resource, property and numbers", async () => {
      const notAfter = daysFrom(NOW, 5);
      setUp({
        certificates: { "us-east-1": [{ name: "cdn-cert", domainName: "cdn.example.com", notAfter }] },
      });
      assertViolations(await runPolicy(expiry, distribution("cdn-cert")), [
        /Certificate "cdn-cert" \(cdn\.example\.com, us-east-1\)/,
        /used by Distribution "cdn" through `certificateName`/,
        /5 day\(s\) left, fewer than the 30/,
        /point `certificateName` at another certificate/,
      ]);
      assertPasses(await runPolicy(issued, distribution("cdn-cert")));
    });

    it("a certificate that is not ISSUED is reported with its status", async () => {
      setUp({
        certificates: { "us-east-1": [{ name: "cdn-cert", status: "VALIDATION_TIMED_OUT", notAfter: null }] },
      });
      assertViolations(
        await runPolicy(issued, distribution("cdn-cert")),
        /is VALIDATION_TIMED_OUT, not ISSUED/,
      );
      assertPasses(await runPolicy(expiry, distribution("cdn-cert")));
    });

    it("a certificate that exists only outside us-east-1 is not found, with the us-east-1 rule explained", async () => {
      const fake = setUp(
        { certificates: { "eu-west-1": [{ name: "cdn-cert" }] } },
        { configRegion: "eu-west-1" },
      );
      for (const policy of [expiry, issued]) {
        assertViolations(await runPolicy(policy, distribution("cdn-cert")), [
          /Distribution "cdn" uses Lightsail certificate "cdn-cert" through `certificateName`/,
          /does not exist in us-east-1/,
          /in another region does not count/,
        ]);
      }
      assert.ok(
        fake.calls.every((c) => c.region === "us-east-1"),
        JSON.stringify(fake.calls),
      );
    });

    it("a certificate that does not exist is a violation naming it and the closest certificates", async () => {
      setUp({ certificates: { "us-east-1": [{ name: "cdn-cert-2026" }] } });
      assertViolations(await runPolicy(expiry, distribution("cdn-cert")), [
        /"cdn-cert"/,
        /does not exist in us-east-1/,
        /cdn-cert-2026/,
      ]);
    });

    it("an API error is reported as a violation, not thrown", async () => {
      setUp({ failWith: accessDenied() });
      for (const policy of [expiry, issued]) {
        assertViolations(await runPolicy(policy, distribution("cdn-cert")), [
          /Could not check certificate "cdn-cert" used by Distribution "cdn"/,
          /AccessDeniedError/,
          /lightsail:GetCertificates/,
          /us-east-1/,
        ]);
      }
    });

    it("no certificate, or an unknown certificateName at preview: nothing reported, no request", async () => {
      const fake = setUp();
      for (const policy of [expiry, issued]) {
        assertPasses(await runPolicy(policy, distribution(undefined)));
        assertPasses(await runPolicy(policy, distribution(UNKNOWN)));
      }
      assert.equal(fake.calls.length, 0);
    });
  });

  describe("ContainerService (certificates in the service's region)", () => {
    const service = (
      publicDomainNames: unknown,
      props: Record<string, unknown> = {},
      extra: Partial<FakeResource> = {},
    ) => ({
      type: CONTAINER_SERVICE_TYPE,
      name: "api",
      props: { name: "api", power: "nano", scale: 1, publicDomainNames, ...props },
      ...extra,
    });
    const domains = (...names: string[]) => ({
      certificates: names.map((certificateName) => ({
        certificateName,
        domainNames: [`${certificateName}.example.com`],
      })),
    });

    it("looks each certificate up in the service's region and reports only the failing one", async () => {
      const fake = setUp({
        certificates: {
          "eu-west-1": [
            { name: "api-cert", notAfter: daysFrom(NOW, 120) },
            { name: "old-cert", notAfter: daysFrom(NOW, 2) },
          ],
        },
      });
      const resource = service(domains("api-cert", "old-cert"), { region: "eu-west-1" });
      assertViolations(await runPolicy(expiry, resource), [
        /Certificate "old-cert" \(old-cert\.example\.com, eu-west-1\)/,
        /ContainerService "api" through `publicDomainNames\.certificates\[1\]\.certificateName`/,
        /2 day\(s\) left/,
      ]);
      assertPasses(await runPolicy(issued, resource));
      assert.deepEqual([...new Set(fake.calls.map((c) => c.region))], ["eu-west-1"]);
    });

    it("without its own region, uses the provider's region, then the pack config's", async () => {
      const fake = setUp({
        certificates: { "ap-south-1": [{ name: "api-cert" }], "ca-central-1": [{ name: "api-cert" }] },
      });
      const viaProvider = service(
        domains("api-cert"),
        {},
        {
          provider: { type: "pulumi:providers:aws", props: { region: "ap-south-1" } },
        },
      );
      assertPasses(await runPolicy(expiry, viaProvider));
      const viaConfig = service(domains("api-cert"), {}, { config: { region: "ca-central-1" } });
      assertPasses(await runPolicy(expiry, viaConfig));
      assert.deepEqual(
        fake.calls.map((c) => c.region),
        ["ap-south-1", "ca-central-1"],
      );
    });

    it("accepts the Lightsail API's map shape (certificate name -> domains)", async () => {
      setUp({ certificates: { "us-east-2": [{ name: "api-cert", status: "FAILED", notAfter: null }] } });
      const resource = service({ "api-cert": ["api.example.com"] }, { region: "us-east-2" });
      assertViolations(await runPolicy(issued, resource), [
        /is FAILED, not ISSUED/,
        /publicDomainNames\["api-cert"\]/,
      ]);
    });

    it("unknown region or certificate list at preview: nothing reported, no request", async () => {
      const fake = setUp();
      for (const policy of [expiry, issued]) {
        assertPasses(await runPolicy(policy, service(domains("api-cert"), { region: UNKNOWN })));
        assertPasses(await runPolicy(policy, service(UNKNOWN, { region: "eu-west-1" })));
        assertPasses(await runPolicy(policy, service({ certificates: UNKNOWN }, { region: "eu-west-1" })));
        assertPasses(
          await runPolicy(
            policy,
            service(
              { certificates: [{ certificateName: UNKNOWN, domainNames: [] }] },
              { region: "eu-west-1" },
            ),
          ),
        );
        assertPasses(
          await runPolicy(
            policy,
            service(
              domains("api-cert"),
              {},
              { provider: { type: "pulumi:providers:aws", props: { region: UNKNOWN } } },
            ),
          ),
        );
      }
      assert.equal(fake.calls.length, 0);
    });
  });

  describe("LbCertificateAttachment (load-balancer certificate)", () => {
    const attachment = (lbName: unknown, certificateName: unknown, region: unknown = "us-west-2") => ({
      type: LB_ATTACHMENT_TYPE,
      name: "attach",
      props: { lbName, certificateName, region },
    });

    it("looks the certificate up with GetLoadBalancerTlsCertificates and judges it", async () => {
      const notAfter = daysFrom(NOW, 20);
      const fake = setUp({
        loadBalancers: {
          "us-west-2": {
            "web-lb": [
              { name: "lb-cert", domainName: "web.example.com", notAfter },
              { name: "lb-cert-new", status: "PENDING_VALIDATION", notAfter: null, isAttached: false },
            ],
          },
        },
      });
      assertViolations(await runPolicy(expiry, attachment("web-lb", "lb-cert")), [
        /Load-balancer certificate "lb-cert" of load balancer "web-lb" \(web\.example\.com, us-west-2\)/,
        /LbCertificateAttachment "attach" through `certificateName`/,
        /20 day\(s\) left, fewer than the 30/,
      ]);
      assertPasses(await runPolicy(issued, attachment("web-lb", "lb-cert")));
      assertViolations(
        await runPolicy(issued, attachment("web-lb", "lb-cert-new")),
        /is PENDING_VALIDATION, not ISSUED/,
      );
      assert.ok(
        fake.calls.every((c) => c.operation === "GetLoadBalancerTlsCertificates" && c.region === "us-west-2"),
      );
    });

    it("passes with a healthy certificate when the threshold allows it", async () => {
      setUp({
        loadBalancers: { "us-west-2": { "web-lb": [{ name: "lb-cert", notAfter: daysFrom(NOW, 20) }] } },
      });
      const resource = { ...attachment("web-lb", "lb-cert"), config: { minDaysValid: 14 } };
      assertPasses(await runPolicy(expiry, resource));
    });

    it("a missing load balancer or certificate is a violation", async () => {
      setUp({ loadBalancers: { "us-west-2": { "web-lb": [{ name: "lb-cert" }] } } });
      assertViolations(await runPolicy(expiry, attachment("other-lb", "lb-cert")), [
        /load-balancer certificate "lb-cert" of load balancer "other-lb"/,
        /does not exist in us-west-2/,
        /No Lightsail load balancer named "other-lb"/,
      ]);
      assertViolations(await runPolicy(issued, attachment("web-lb", "lb-cert-x")), [
        /"lb-cert-x"/,
        /does not exist/,
        /Closest certificates there: lb-cert/,
      ]);
    });

    it("unknown names at preview: nothing reported", async () => {
      const fake = setUp();
      for (const policy of [expiry, issued]) {
        assertPasses(await runPolicy(policy, attachment(UNKNOWN, "lb-cert")));
        assertPasses(await runPolicy(policy, attachment("web-lb", UNKNOWN)));
        assertPasses(await runPolicy(policy, attachment("web-lb", "lb-cert", UNKNOWN)));
      }
      assert.equal(fake.calls.length, 0);
    });
  });
  describe("request settings in the pack config (requestTimeoutMs, maxAttempts, maxPages)", () => {
    const distribution = (config: Record<string, unknown> = {}): FakeResource => ({
      type: DISTRIBUTION_TYPE,
      name: "cdn",
      props: { name: "cdn", bundleId: "small_1_0", certificateName: "cdn-cert" },
      config,
    });

    it("every policy declares them, with the ranges and defaults of lightsail/settings.ts", () => {
      setUp();
      for (const policy of [expiry, issued, renewal]) {
        const properties = policy.configSchema?.properties ?? {};
        assert.deepEqual(
          Object.keys(properties).filter((k) => k in LOOKUP_SETTING_RANGES),
          ["requestTimeoutMs", "maxAttempts", "maxPages"],
        );
        for (const [name, [minimum, maximum]] of Object.entries(LOOKUP_SETTING_RANGES)) {
          const { type, minimum: min, maximum: max, default: byDefault } = properties[name];
          assert.deepEqual(
            { name, type, min, max, byDefault },
            {
              name,
              type: "integer",
              min: minimum,
              max: maximum,
              byDefault: DEFAULT_LOOKUP_SETTINGS[name as keyof typeof DEFAULT_LOOKUP_SETTINGS],
            },
          );
        }
      }
    });

    it("a bad value is one violation naming the policy, the setting and the range; nothing is looked up", async () => {
      const fake = setUp({ certificates: { "us-east-1": [{ name: "cdn-cert" }] } });
      const expected = (policy: string, problems: string) =>
        `The policy pack config of ${policy} is invalid: ${problems}. Fix it in the file given to ` +
        "--policy-pack-config (see policy/README.md); nothing was looked up with it.";
      const cases: Array<[ResourceValidationPolicy, Record<string, unknown>, string]> = [
        [expiry, { maxAttempts: 0 }, expected(EXPIRY_POLICY, "`maxAttempts` must be from 1 to 10, got 0")],
        [
          issued,
          { requestTimeoutMs: 2.5, maxPages: "3" },
          expected(
            ISSUED_POLICY,
            "`requestTimeoutMs` must be a whole number from 100 to 600000, got 2.5; " +
              '`maxPages` must be a whole number from 1 to 100000, got "3"',
          ),
        ],
        [
          expiry,
          { maxPages: 100_001, minDaysValid: 10 },
          expected(EXPIRY_POLICY, "`maxPages` must be from 1 to 100000, got 100001"),
        ],
      ];
      for (const [policy, config, message] of cases) {
        const run = await runPolicy(policy, distribution(config));
        assert.deepEqual(run.violations, [message]);
      }
      // Also for a CertificateLookup (judged without a request): the config is wrong all the same.
      const lookupRun = await runPolicy(expiry, lookup({}, { maxAttempts: -1 }));
      assert.deepEqual(lookupRun.violations, [
        expected(EXPIRY_POLICY, "`maxAttempts` must be from 1 to 10, got -1"),
      ]);
      assert.equal(fake.calls.length, 0);
    });

    it("valid settings reach the clients of that policy's lookups; other keys are left alone", async () => {
      const fake = setUp({
        certificates: { "us-east-1": [{ name: "cdn-cert", notAfter: daysFrom(NOW, 90) }] },
      });
      const seen: Array<Record<string, unknown>> = [];
      const context = {
        ...fake.context,
        clientFor: (o: Parameters<typeof fake.context.clientFor>[0]) => {
          seen.push({ ...o });
          return fake.context.clientFor(o);
        },
      };
      policies = createPolicies({ context: asPackContext(context), now: () => NOW });
      const [tunedExpiry, plainIssued] = [
        policyNamed(policies, EXPIRY_POLICY),
        policyNamed(policies, ISSUED_POLICY),
      ];
      assertPasses(
        await runPolicy(
          tunedExpiry,
          distribution({ minDaysValid: 10, region: "eu-west-1", requestTimeoutMs: 1234, maxAttempts: 2 }),
        ),
      );
      assert.deepEqual(seen, [{ region: "us-east-1", requestTimeoutMs: 1234, maxAttempts: 2 }]);
      // The issued policy has no settings: its context is the one given, and its read is its
      // own (a read made with other request settings is never shared).
      assertPasses(await runPolicy(plainIssued, distribution()));
      assert.equal(fake.calls.length, 2, "policies with other settings do not share a read");
      assertPasses(
        await runPolicy(
          tunedExpiry,
          distribution({ minDaysValid: 10, requestTimeoutMs: 1234, maxAttempts: 2 }),
        ),
      );
      assertPasses(await runPolicy(plainIssued, distribution()));
      assert.equal(fake.calls.length, 2, "the same settings share their read");
    });
  });

  describe("lightsail-certificate-renewal (advisory: stuck renewals, with the DNS records to re-create)", () => {
    const records = [
      {
        domainName: "www.example.com",
        validationStatus: "FAILED",
        resourceRecord: { name: "_a1.www.example.com.", type: "CNAME", value: "_b1.acm-validations.aws." },
      },
      {
        domainName: "example.com",
        validationStatus: "SUCCESS",
        resourceRecord: { name: "_a2.example.com.", type: "CNAME", value: "_b2.acm-validations.aws." },
      },
    ];
    const stuckCert = (overrides: Record<string, unknown> = {}) => ({
      name: "www-cert",
      domainName: "www.example.com",
      notAfter: daysFrom(NOW, 200),
      renewalStatus: "PendingValidation",
      renewalStatusReason: "The DNS records could not be found",
      renewalRecords: records,
      ...overrides,
    });
    const distribution = (config: Record<string, unknown> = {}): FakeResource => ({
      type: DISTRIBUTION_TYPE,
      name: "cdn",
      props: { name: "cdn", bundleId: "small_1_0", certificateName: "www-cert" },
      config,
    });

    it("the config schema: stuckStatuses defaults to PendingValidation and Failed", () => {
      setUp();
      const schema = renewal.configSchema?.properties.stuckStatuses;
      assert.deepEqual(
        { type: schema?.type, default: schema?.default },
        { type: "array", default: ["PendingValidation", "Failed"] },
      );
    });

    it("a CertificateLookup whose renewal is stuck: names the certificate, the reason and each record to (re)create", async () => {
      const fake = setUp({ certificates: { "us-east-1": [stuckCert()] } });
      const run = await runPolicy(renewal, lookup({ renewalStatus: "PendingValidation" }));
      assert.deepEqual(run.violations, [
        'The renewal of Certificate "www-cert" (www.example.com, us-east-1), found by CertificateLookup "site", is stuck: ' +
          "renewalStatus PendingValidation, 1 renewal validation record(s) FAILED: The DNS records could not be found. " +
          `It expires ${daysFrom(NOW, 200)}. Create (or re-create) these DNS records at your DNS provider, then wait ` +
          "for Lightsail to validate them: CNAME _a1.www.example.com. with value _b1.acm-validations.aws. " +
          "(for www.example.com, FAILED). If it is not renewed, request a new certificate or change the lookup's " +
          "search to pick another certificate.",
      ]);
      // Read by name in the lookup's region through the lookup layer.
      assert.deepEqual(
        fake.calls.map((c) => [c.region, (c.input as { certificateName?: string }).certificateName]),
        [["us-east-1", "www-cert"]],
      );
    });

    it("the plugin's CertificateLookup is read by name too, so its violation names the DNS records", async () => {
      const fake = setUp({ certificates: { "us-east-1": [stuckCert()] } });
      const run = await runPolicy(renewal, {
        ...lookup({ renewalStatus: "PendingValidation" }),
        type: PLUGIN_CERTIFICATE_LOOKUP_TYPE,
      });
      assert.equal(run.violations.length, 1);
      assert.match(
        run.violations[0],
        /CNAME _a1\.www\.example\.com\. with value _b1\.acm-validations\.aws\./,
      );
      assert.equal(fake.calls.length, 1);
    });

    it("a CertificateLookup without a renewal, or with it unknown at preview: nothing, and no request", async () => {
      const fake = setUp({ certificates: { "us-east-1": [stuckCert()] } });
      assertPasses(await runPolicy(renewal, lookup()));
      assertPasses(await runPolicy(renewal, lookup({ renewalStatus: UNKNOWN })));
      assertPasses(
        await runPolicy(renewal, { type: CERTIFICATE_LOOKUP_TYPE, name: "site", props: { query: {} } }),
      );
      assert.equal(fake.calls.length, 0);
    });

    it("healthy renewals pass: PendingAutoRenewal, Success, and a status this version does not know", async () => {
      for (const status of ["PendingAutoRenewal", "Success", "PendingSomethingNew"]) {
        setUp({
          certificates: {
            "us-east-1": [stuckCert({ renewalStatus: status, renewalRecords: [records[1]] })],
          },
        });
        assertPasses(await runPolicy(renewal, distribution()));
        assertPasses(await runPolicy(renewal, lookup({ renewalStatus: status })));
        account?.restore();
      }
    });

    it("a FAILED renewal validation record is stuck even while the status is PendingAutoRenewal", async () => {
      setUp({ certificates: { "us-east-1": [stuckCert({ renewalStatus: "PendingAutoRenewal" })] } });
      assertViolations(await runPolicy(renewal, distribution()), [
        /The renewal of Certificate "www-cert" \(www\.example\.com, us-east-1\), used by Distribution "cdn" through `certificateName`, is stuck/,
        /renewalStatus PendingAutoRenewal, 1 renewal validation record\(s\) FAILED: The DNS records could not be found\./,
        /CNAME _a1\.www\.example\.com\. with value _b1\.acm-validations\.aws\./,
        /point `certificateName` at another certificate/,
      ]);
    });

    it("Failed is stuck by default; stuckStatuses in the config changes which statuses count", async () => {
      setUp({
        certificates: {
          "us-east-1": [
            stuckCert({
              renewalStatus: "Failed",
              renewalStatusReason: "CAA record forbids Amazon",
              renewalRecords: [],
            }),
          ],
        },
      });
      assertViolations(await runPolicy(renewal, distribution()), [
        /is stuck: renewalStatus Failed: CAA record forbids Amazon\./,
        /Lightsail reports no DNS record for it/,
      ]);
      assertPasses(await runPolicy(renewal, distribution({ stuckStatuses: ["PendingValidation"] })));
      setUp({ certificates: { "us-east-1": [stuckCert({ renewalRecords: [records[1]] })] } });
      assertPasses(await runPolicy(renewal, distribution({ stuckStatuses: ["Failed"] })));
      assertViolations(
        await runPolicy(renewal, distribution({ stuckStatuses: ["PendingValidation"] })),
        /renewalStatus PendingValidation/,
      );
    });

    it("a load-balancer certificate's UPPER_CASE renewal status is judged the same", async () => {
      setUp({ loadBalancers: { "us-west-2": { "web-lb": [{ name: "lb-cert", renewalStatus: "FAILED" }] } } });
      assertViolations(
        await runPolicy(renewal, {
          type: LB_ATTACHMENT_TYPE,
          name: "attach",
          props: { lbName: "web-lb", certificateName: "lb-cert", region: "us-west-2" },
        }),
        [
          /The renewal of Load-balancer certificate "lb-cert" of load balancer "web-lb"/,
          /renewalStatus FAILED\./,
        ],
      );
    });

    it("a bad stuckStatuses is one violation naming the policy and the value; nothing is looked up", async () => {
      const fake = setUp({ certificates: { "us-east-1": [stuckCert()] } });
      const cases: Array<[unknown, string]> = [
        [
          "Failed",
          '`stuckStatuses` must be a list of renewal statuses (PendingAutoRenewal, PendingValidation, Success, Failed), got "Failed"',
        ],
        [
          [],
          "`stuckStatuses` must be a list of renewal statuses (PendingAutoRenewal, PendingValidation, Success, Failed), got []",
        ],
        [
          ["failed", 3],
          '`stuckStatuses[0]` is spelt Failed (renewal statuses are PascalCase), got "failed"; `stuckStatuses[1]` must be a renewal status, got 3',
        ],
        [
          ["PENDING_VALIDATION"],
          '`stuckStatuses[0]` is spelt PendingValidation (renewal statuses are PascalCase), got "PENDING_VALIDATION"',
        ],
      ];
      for (const [stuckStatuses, problems] of cases) {
        for (const resource of [
          distribution({ stuckStatuses }),
          lookup({ renewalStatus: "PendingValidation" }, { stuckStatuses }),
        ]) {
          const run = await runPolicy(renewal, resource);
          assert.deepEqual(run.violations, [
            `The policy pack config of ${RENEWAL_POLICY} is invalid: ${problems}. Fix it in the file given to ` +
              "--policy-pack-config (see policy/README.md); nothing was looked up with it.",
          ]);
        }
      }
      assert.equal(fake.calls.length, 0);
    });

    it("the expiry violation says so when a stuck renewal explains the expiry", async () => {
      setUp({ certificates: { "us-east-1": [stuckCert({ notAfter: daysFrom(NOW, 5) })] } });
      assertViolations(await runPolicy(expiry, distribution()), [
        /5 day\(s\) left, fewer than the 30/,
        /Its renewal is stuck \(renewalStatus PendingValidation, 1 renewal validation record\(s\) FAILED: The DNS records could not be found\), which is why Lightsail has not renewed it: see lightsail-certificate-renewal\. Records to \(re\)create: CNAME _a1\.www\.example\.com\. -> _b1\.acm-validations\.aws\.\.$/,
      ]);
      // From a CertificateLookup's checked inputs (no request): the status is all they hold.
      assertViolations(
        await runPolicy(expiry, lookup({ notAfter: daysFrom(NOW, 5), renewalStatus: "Failed" })),
        /Its renewal is stuck \(renewalStatus Failed\), which is why Lightsail has not renewed it: see lightsail-certificate-renewal\.$/,
      );
      // A healthy renewal adds nothing.
      const plain = await runPolicy(
        expiry,
        lookup({ notAfter: daysFrom(NOW, 5), renewalStatus: "PendingAutoRenewal" }),
      );
      assertViolations(plain, /5 day\(s\) left/);
      assert.doesNotMatch(plain.violations[0], /renewal is stuck/);
    });

    it("a lookup that fails is reported, not thrown", async () => {
      setUp({ failWith: accessDenied() });
      assertViolations(await runPolicy(renewal, lookup({ renewalStatus: "Failed" })), [
        /Could not check certificate "www-cert" used by CertificateLookup "site"/,
        /AccessDeniedError/,
      ]);
    });
  });
});
