/**
 * The policy pack against the emulator, through the real AWS SDK chain of this process (as the
 * `pulumi` process runs it): the request settings of its config reach the requests, and the
 * region of a resource that sets none comes from the package's one region chain, with the pack
 * config's `region` after the provider's region and before the environment.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { makeCertificate } from "../../emulator";
import { createPolicies, EXPIRY_POLICY, type ResourceValidationPolicy } from "../../policy/src/policies";
import { CONTAINER_SERVICE_TYPE, DISTRIBUTION_TYPE } from "../../policy/src/references";
import { useEmulator } from "../helpers/emulator";
import { useEmulatorEnvironment } from "../helpers/environment";
import { assertPasses, assertViolations, type FakeResource, runPolicy } from "../helpers/policy-harness";

const ROOT = path.resolve(__dirname, "../..");
const DAY_MS = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString();
const MEMBER_ROLE = "arn:aws:iam::111111111111:role/LightsailPolicy";

describe("policy pack against the emulator: request settings and the region chain", function () {
  this.timeout(30_000);
  const h = useEmulator(() => ({
    pageSize: 1,
    log: () => undefined,
    fixtures: {
      certificates: [
        makeCertificate({ name: "cdn-a", notAfter: inDays(200) }),
        makeCertificate({ name: "cdn-b", notAfter: inDays(200) }),
        makeCertificate({ name: "cdn-c", notAfter: inDays(200) }),
        makeCertificate({ name: "api-cert", region: "eu-west-1", notAfter: inDays(200) }),
        makeCertificate({ name: "api-cert", region: "ap-south-1", notAfter: inDays(200) }),
        makeCertificate({ name: "api-cert", region: "ca-central-1", notAfter: inDays(200) }),
      ],
      accounts: [
        {
          accountId: "111111111111",
          roles: [{ arn: MEMBER_ROLE, externalId: "policy-ci" }],
          certificates: [makeCertificate({ name: "member-cert", notAfter: inDays(5) })],
        },
      ],
    },
  }));
  useEmulatorEnvironment(() => h.emulator);

  /** A fresh pack (fresh lookup cache) over this process's SDK chain, as `pulumi` runs it. */
  const expiry = (): ResourceValidationPolicy => {
    const policy = createPolicies().find((p) => p.name === EXPIRY_POLICY);
    assert.ok(policy);
    return policy;
  };
  const distribution = (certificateName: string, config: Record<string, unknown> = {}): FakeResource => ({
    type: DISTRIBUTION_TYPE,
    name: "cdn",
    props: { name: "cdn", bundleId: "small_1_0", certificateName },
    config,
  });

  describe("roleArn and externalId: the lookups read the role's account", () => {
    it("judges the certificate of the role's account; without the role it is not found", async () => {
      const withRole = { roleArn: MEMBER_ROLE, externalId: "policy-ci" };
      assertViolations(await runPolicy(expiry(), distribution("member-cert", withRole)), [
        /^Certificate "member-cert" .*used by Distribution "cdn".* 4 day\(s\) left, fewer than the 30/,
      ]);
      assert.deepEqual(
        h.emulator
          .calls()
          .filter((c) => c.operation === "AssumeRole")
          .map((c) => c.request),
        [{ RoleArn: MEMBER_ROLE }],
      );
      assertViolations(await runPolicy(expiry(), distribution("member-cert")), [
        /does not exist in us-east-1/,
      ]);
    });

    it("a role that cannot be assumed is a violation naming it; a malformed one is a config error", async () => {
      assertViolations(await runPolicy(expiry(), distribution("member-cert", { roleArn: MEMBER_ROLE })), [
        /AssumeRoleError: Could not assume role arn:aws:iam::111111111111:role\/LightsailPolicy: AccessDenied/,
      ]);
      h.emulator.resetCalls();
      assertViolations(
        await runPolicy(expiry(), distribution("member-cert", { roleArn: "LightsailPolicy" })),
        [
          /The policy pack config of lightsail-certificate-expiry is invalid: `roleArn` must be an IAM role ARN/,
        ],
      );
      assert.deepEqual(h.emulator.calls(), []);
    });
  });

  describe("request settings", () => {
    it("maxPages bounds the scan (a name not found reads the whole region, 3 pages here)", async () => {
      assertViolations(await runPolicy(expiry(), distribution("missing", { maxPages: 2 })), [
        /^Could not check certificate "missing" used by Distribution "cdn" through `certificateName` in us-east-1: /,
        /PaginationError: GetCertificates in us-east-1 still returned a nextPageToken after 2 pages; stopped\./,
      ]);
      h.emulator.resetCalls();
      assertViolations(await runPolicy(expiry(), distribution("missing", { maxPages: 3 })), [
        /uses Lightsail certificate "missing" through `certificateName`, but it does not exist in us-east-1/,
        /Closest certificates there: cdn-a/,
      ]);
    });

    it("maxAttempts sets the attempts per request", async () => {
      h.emulator.addFault({ kind: "throttle" });
      assertViolations(await runPolicy(expiry(), distribution("cdn-a", { maxAttempts: 2 })), [
        /LightsailApiError: Lightsail GetCertificates in us-east-1 kept throttling after 2 attempts \(ThrottlingException\)/,
      ]);
      assert.equal(h.emulator.calls().length, 2);
    });

    it("requestTimeoutMs abandons a request that does not answer", async () => {
      h.emulator.addFault({ kind: "hang", latencyMs: 10_000 });
      const started = Date.now();
      assertViolations(
        await runPolicy(expiry(), distribution("cdn-a", { requestTimeoutMs: 300, maxAttempts: 1 })),
        [/LightsailApiError: Lightsail GetCertificates in us-east-1 got no answer within 300 ms/],
      );
      assert.equal(h.emulator.calls().length, 1);
      assert.ok(Date.now() - started < 5_000, `took ${Date.now() - started} ms`);
    });
  });

  describe("region of a container service that sets none", () => {
    const service = (extra: Partial<FakeResource> = {}): FakeResource => ({
      type: CONTAINER_SERVICE_TYPE,
      name: "api",
      props: {
        name: "api",
        power: "nano",
        scale: 1,
        publicDomainNames: {
          certificates: [{ certificateName: "api-cert", domainNames: ["api.example.com"] }],
        },
      },
      ...extra,
    });
    const aws = (region: string) => ({ type: "pulumi:providers:aws", props: { region } });

    /** Runs the expiry policy with `env` over the suite's environment; returns the regions it called. */
    async function regionsCalled(
      resource: FakeResource,
      env: Record<string, string | undefined>,
    ): Promise<string[]> {
      const saved = { ...process.env };
      try {
        for (const [key, value] of Object.entries(env)) {
          if (value === undefined) delete process.env[key];
          else process.env[key] = value;
        }
        h.emulator.resetCalls();
        assertPasses(await runPolicy(expiry(), resource));
        return [...new Set(h.emulator.calls().map((c) => c.region ?? "-"))];
      } finally {
        process.env = saved;
      }
    }

    /** A shared config file of its own (the SDK keeps what it read per path). */
    const tempDirs: string[] = [];
    after(() => {
      for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
    });
    function configFile(text: string): string {
      fs.mkdirSync(path.join(ROOT, ".tmp"), { recursive: true });
      const dir = fs.mkdtempSync(path.join(ROOT, ".tmp", "policy-region-"));
      tempDirs.push(dir);
      fs.writeFileSync(path.join(dir, "config"), text);
      return path.join(dir, "config");
    }

    it("the chain, first that is set: resource, provider, pack config, AWS_REGION, AWS_DEFAULT_REGION, profile", async () => {
      const profile = configFile("[default]\nregion = ca-central-1\n");
      const all = { AWS_REGION: "eu-west-1", AWS_DEFAULT_REGION: "ap-south-1", AWS_CONFIG_FILE: profile };
      const cases: Array<[string, FakeResource, Record<string, string | undefined>, string]> = [
        [
          "the resource's region",
          service({
            props: { ...service().props, region: "ap-south-1" },
            provider: aws("ca-central-1"),
            config: { region: "eu-west-1" },
          }),
          all,
          "ap-south-1",
        ],
        [
          "its provider's region",
          service({ provider: aws("ca-central-1"), config: { region: "eu-west-1" } }),
          all,
          "ca-central-1",
        ],
        [
          "the pack config's region, before AWS_REGION",
          service({ config: { region: "ap-south-1" } }),
          all,
          "ap-south-1",
        ],
        ["AWS_REGION", service(), all, "eu-west-1"],
        ["AWS_DEFAULT_REGION", service(), { ...all, AWS_REGION: undefined }, "ap-south-1"],
        [
          "the profile's region in the shared config file",
          service(),
          { ...all, AWS_REGION: undefined, AWS_DEFAULT_REGION: undefined },
          "ca-central-1",
        ],
      ];
      for (const [what, resource, env, region] of cases)
        assert.deepEqual([what, await regionsCalled(resource, env)], [what, [region]]);
    });

    it("none set: a violation listing the pack's chain, no request", async () => {
      const saved = { ...process.env };
      try {
        delete process.env.AWS_REGION;
        delete process.env.AWS_DEFAULT_REGION;
        process.env.AWS_CONFIG_FILE = configFile("[default]\noutput = json\n");
        const run = await runPolicy(expiry(), service());
        assert.deepEqual(run.violations, [
          'Could not check certificate "api-cert" used by ContainerService "api" through ' +
            "`publicDomainNames.certificates[0].certificateName`: no region is set for it. Set one of, first that is set wins: " +
            "the resource's `region`; its provider's region (for the default provider, the stack config aws:region); " +
            "`region` in this policy's pack config; AWS_REGION; AWS_DEFAULT_REGION; " +
            "`region` in the profile's section of the shared config file (~/.aws/config) of the pulumi process.",
        ]);
        assert.equal(h.emulator.calls().length, 0);
      } finally {
        process.env = saved;
      }
    });
  });
});
