/**
 * The public functions against the emulator, through the real SDK and its configuration chain
 * (AWS_ENDPOINT_URL_LIGHTSAIL, AWS_REGION and the test credentials in the environment).
 */
import { strict as assert } from "node:assert";
import { makeCertificate, makeLoadBalancerTlsCertificate, type FixtureDocument } from "../../emulator";
import {
  AccessDeniedError,
  AmbiguousCertificateError,
  CertificateExpiringError,
  CertificateNotFoundError,
  getCertificate,
  getCertificates,
  getLoadBalancerTlsCertificate,
  InvalidArgumentError,
  LightsailApiError,
  PaginationError,
  resetLookupCache,
} from "../../index";
import { useEmulator } from "../helpers/emulator";
import { useEmulatorEnvironment } from "../helpers/environment";

const DOMAINS = 12;
function fixtures(): FixtureDocument {
  const certificates = Array.from({ length: DOMAINS }, (_, i) =>
    makeCertificate({ name: `cert-${i}`, domainName: `d${i}.example.com`, notAfter: "2030-01-01T00:00:00Z" }),
  );
  certificates.push(
    makeCertificate({
      name: "apex",
      domainName: "example.com",
      subjectAlternativeNames: ["www.example.com"],
      notAfter: "2030-01-01T00:00:00Z",
    }),
    makeCertificate({
      name: "san-only",
      domainName: "shop.example.net",
      subjectAlternativeNames: ["cdn.example.net"],
    }),
    makeCertificate({ name: "pending", domainName: "new.example.com", status: "PENDING_VALIDATION" }),
    makeCertificate({ name: "dup-a", domainName: "dup.example.com", notBefore: "2026-01-01T00:00:00Z" }),
    makeCertificate({ name: "dup-b", domainName: "dup.example.com", notBefore: "2026-04-01T00:00:00Z" }),
    makeCertificate({
      name: "soon",
      domainName: "soon.example.com",
      notBefore: "2025-08-01T00:00:00Z",
      notAfter: new Date(Date.now() + 5.5 * 86_400_000).toISOString(),
    }),
    makeCertificate({ region: "eu-west-1", name: "eu-cert", domainName: "example.com" }),
  );
  return {
    certificates,
    loadBalancerTlsCertificates: [
      makeLoadBalancerTlsCertificate({
        loadBalancerName: "web-lb",
        name: "lb-cert",
        domainName: "example.com",
        isAttached: true,
      }),
      makeLoadBalancerTlsCertificate({
        loadBalancerName: "web-lb",
        name: "lb-next",
        domainName: "next.example.com",
        status: "PENDING_VALIDATION",
      }),
    ],
  };
}

for (const pageSize of [1, 2]) {
  describe(`lookup functions against the emulator (page size ${pageSize})`, function () {
    this.timeout(30_000);
    const h = useEmulator(() => ({ fixtures: fixtures(), pageSize }));
    useEmulatorEnvironment(() => h.emulator);
    const getCalls = () => h.emulator.calls().filter((c) => c.operation === "GetCertificates");
    const issuedInUsEast1 = DOMAINS + 5; // every ISSUED us-east-1 certificate in the fixtures

    it("finds by name with one request", async () => {
      const cert = await getCertificate({ name: "cert-7" });
      assert.equal(cert.domainName, "d7.example.com");
      assert.equal(cert.region, "us-east-1");
      assert.equal(cert.notAfter, "2030-01-01T00:00:00.000Z");
      assert.equal(getCalls().length, 1);
    });

    it("finds by domain through every page, primary match first", async () => {
      assert.equal((await getCertificate({ domainName: "EXAMPLE.com." })).name, "apex");
      assert.equal(getCalls().length, Math.ceil(issuedInUsEast1 / pageSize));
      assert.equal((await getCertificate({ domainName: "www.example.com" })).name, "apex");
      assert.equal((await getCertificate({ domainName: "cdn.example.net" })).name, "san-only");
    });

    it("50 concurrent domain lookups cost exactly ceil(N/P) requests", async () => {
      const found = await Promise.all(
        Array.from({ length: 50 }, (_, i) => getCertificate({ domainName: `d${i % DOMAINS}.example.com` })),
      );
      assert.deepEqual(
        found.map((c) => c.name),
        Array.from({ length: 50 }, (_, i) => `cert-${i % DOMAINS}`),
      );
      assert.equal(getCalls().length, Math.ceil(issuedInUsEast1 / pageSize));
      const bodies = getCalls().map((c) =>
        JSON.stringify({ ...(c.request as object), pageToken: undefined }),
      );
      assert.equal(new Set(bodies).size, 1, "every page carried the same filters");
    });

    it("honours statuses, ambiguity, mostRecent and minDaysValid", async () => {
      await assert.rejects(getCertificate({ domainName: "new.example.com" }), CertificateNotFoundError);
      assert.equal(
        (await getCertificate({ domainName: "new.example.com", statuses: ["PENDING_VALIDATION"] })).name,
        "pending",
      );
      await assert.rejects(
        getCertificate({ domainName: "dup.example.com" }),
        (e: unknown) => e instanceof AmbiguousCertificateError && e.candidates.length === 2,
      );
      assert.equal((await getCertificate({ domainName: "dup.example.com", mostRecent: true })).name, "dup-b");
      await assert.rejects(
        getCertificate({ domainName: "soon.example.com", minDaysValid: 30 }),
        (e: unknown) => e instanceof CertificateExpiringError && e.daysLeft === 5,
      );
    });

    it("reads the region given, else AWS_REGION", async () => {
      assert.equal(
        (await getCertificate({ domainName: "example.com", region: "eu-west-1" })).name,
        "eu-cert",
      );
      const calls = getCalls();
      assert.equal(calls[calls.length - 1].region, "eu-west-1");
    });

    it("getCertificates lists every match sorted by name", async () => {
      const { region, certificates } = await getCertificates({ domainName: "dup.example.com" });
      assert.equal(region, "us-east-1");
      assert.deepEqual(
        certificates.map((c) => c.name),
        ["dup-a", "dup-b"],
      );
      const all = await getCertificates();
      assert.equal(all.certificates.length, issuedInUsEast1);
      const names = all.certificates.map((c) => c.name);
      assert.deepEqual(names, [...names].sort());
    });

    it("not found by name, in every form the service uses, lists the closest names", async () => {
      for (const notFoundMode of ["empty", "NotFoundException", "DoesNotExist"] as const) {
        h.emulator.configure({ notFoundMode });
        resetLookupCache();
        await assert.rejects(getCertificate({ name: "cert-77" }), (e: unknown) => {
          assert.ok(
            e instanceof CertificateNotFoundError,
            `${notFoundMode}: ${(e as Error).name}: ${(e as Error).message}`,
          );
          assert.match(e.message, /name "cert-77"/);
          assert.ok(
            e.closest.some((c) => c.name === "cert-7"),
            notFoundMode,
          );
          return true;
        });
      }
    });

    it("AccessDenied names lightsail:GetCertificates and the region", async () => {
      h.emulator.addFault({ kind: "access-denied", operation: "GetCertificates", count: 1 });
      await assert.rejects(getCertificate({ name: "cert-1", region: "eu-west-1" }), (e: unknown) => {
        assert.ok(e instanceof AccessDeniedError);
        assert.match(e.message, /lightsail:GetCertificates in eu-west-1/);
        return true;
      });
    });

    it("a repeated page token stops quickly with a PaginationError", async () => {
      h.emulator.addFault({ kind: "repeat-token", operation: "GetCertificates" });
      const started = Date.now();
      await assert.rejects(getCertificate({ domainName: "example.com" }), PaginationError);
      assert.ok(Date.now() - started < 10_000);
    });

    it("throttling is retried by the SDK and the lookup succeeds", async () => {
      h.emulator.addFault({ kind: "throttle", operation: "GetCertificates", calls: [1] });
      assert.equal((await getCertificate({ name: "cert-3" })).name, "cert-3");
      assert.equal(getCalls().length, 2);
    });

    it("a bad argument sends no request", async () => {
      await assert.rejects(
        getCertificate({ domainName: "example.com", statuses: ["issued" as never] }),
        InvalidArgumentError,
      );
      await assert.rejects(
        getCertificate({} as never),
        (e: unknown) => e instanceof InvalidArgumentError && e.argument === "name",
      );
      assert.equal(getCalls().length, 0);
    });

    it("getLoadBalancerTlsCertificate reads the load balancer's certificates", async () => {
      const cert = await getLoadBalancerTlsCertificate({
        loadBalancerName: "web-lb",
        domainName: "example.com",
      });
      assert.equal(cert.name, "lb-cert");
      assert.equal(cert.isAttached, true);
      assert.equal(cert.loadBalancerName, "web-lb");
      await assert.rejects(
        getLoadBalancerTlsCertificate({ loadBalancerName: "web-lb", domainName: "next.example.com" }),
        CertificateNotFoundError,
      );
      const pending = await getLoadBalancerTlsCertificate({
        loadBalancerName: "web-lb",
        name: "lb-next",
        statuses: ["PENDING_VALIDATION"],
      });
      assert.equal(pending.domainName, "next.example.com");
      await assert.rejects(
        getLoadBalancerTlsCertificate({ loadBalancerName: "no-such-lb" }),
        /No Lightsail load balancer named "no-such-lb"/,
      );
      await assert.rejects(
        getLoadBalancerTlsCertificate({ loadBalancerName: "" }),
        (e: unknown) => e instanceof InvalidArgumentError && e.argument === "loadBalancerName",
      );
    });

    it("service errors become LightsailApiError without the endpoint in the message", async () => {
      h.emulator.addFault({ kind: "server-error", operation: "GetCertificates" });
      await assert.rejects(getCertificate({ name: "cert-1" }), (e: unknown) => {
        assert.ok(e instanceof LightsailApiError);
        assert.doesNotMatch(e.message, new RegExp(String(h.emulator.port)));
        return true;
      });
    });
  });
}

describe("load-balancer certificates: minDaysValid", function () {
  this.timeout(30_000);
  const h = useEmulator({
    fixtures: {
      certificates: [],
      loadBalancerTlsCertificates: [
        makeLoadBalancerTlsCertificate({
          loadBalancerName: "web-lb",
          name: "lb-soon",
          domainName: "example.com",
          notBefore: "2025-09-01T00:00:00Z",
          notAfter: new Date(Date.now() + 5.5 * 86_400_000).toISOString(),
        }),
      ],
    },
  });
  useEmulatorEnvironment(() => h.emulator);

  it("fails with CertificateExpiringError when the certificate expires too soon, and validates the argument", async () => {
    assert.equal(
      (await getLoadBalancerTlsCertificate({ loadBalancerName: "web-lb", minDaysValid: 5 })).name,
      "lb-soon",
    );
    await assert.rejects(
      getLoadBalancerTlsCertificate({ loadBalancerName: "web-lb", minDaysValid: 30 }),
      (e: unknown) =>
        e instanceof CertificateExpiringError && e.daysLeft === 5 && e.certificateName === "lb-soon",
    );
    await assert.rejects(
      getLoadBalancerTlsCertificate({ loadBalancerName: "web-lb", minDaysValid: -2 }),
      (e: unknown) => e instanceof InvalidArgumentError && e.argument === "minDaysValid",
    );
  });
});
