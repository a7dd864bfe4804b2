/**
 * The policy pack against the emulator, through the real AWS SDK chain of this process (as the
 * `pulumi` process runs it): the request settings of its config reach the requests.
 */
import { strict as assert } from "node:assert";
import { makeCertificate } from "../../emulator";
import { createPolicies, EXPIRY_POLICY, type ResourceValidationPolicy } from "../../policy/policies";
import { DISTRIBUTION_TYPE } from "../../policy/references";
import { useEmulator } from "../helpers/emulator";
import { useEmulatorEnvironment } from "../helpers/environment";
import { assertViolations, type FakeResource, runPolicy } from "../helpers/policy-harness";

const DAY_MS = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString();

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
        [
          /LightsailApiError: Could not reach Lightsail GetCertificates in us-east-1 \((TimeoutError|ETIMEDOUT)\)/,
        ],
      );
      assert.equal(h.emulator.calls().length, 1);
      assert.ok(Date.now() - started < 5_000, `took ${Date.now() - started} ms`);
    });
  });
});
