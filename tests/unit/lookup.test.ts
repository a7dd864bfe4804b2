import { strict as assert } from "node:assert";
import { createLookupContext, withSettings } from "../../lookup/context";
import { CertificateNotFoundError, InvalidArgumentError, RegionNotSetError } from "../../lightsail/errors";
import { findCertificate, listCertificates } from "../../lookup/lookup";
import { resolveRegion } from "../../lookup/region";
import { fakeAccount, FakeAccount, TestCert } from "../helpers/fake-lightsail";

function manyCerts(n: number): TestCert[] {
  return Array.from({ length: n }, (_, i) => ({
    name: `cert-${String(i).padStart(4, "0")}`,
    domainName: `d${i}.example.com`,
  }));
}

describe("lookups over a mocked client", () => {
  let account: FakeAccount;
  afterEach(() => account.restore());

  it("a name lookup in a fresh process is one request, sent as certificateName", async () => {
    account = fakeAccount(manyCerts(9), 2);
    const cert = await findCertificate(account.context(), { name: "cert-0007" });
    assert.equal(cert.domainName, "d7.example.com");
    assert.deepEqual(account.requests, [
      { certificateStatuses: ["ISSUED"], includeCertificateDetails: true, certificateName: "cert-0007" },
    ]);
  });

  it("one cache, other request settings: each settings has its own read; the same settings share one", async () => {
    account = fakeAccount(manyCerts(5), 2);
    const base = account.context();
    const contexts = [
      base,
      withSettings(base, { maxPages: 1 }),
      withSettings(base, { maxAttempts: 2 }),
      withSettings(base, { requestTimeoutMs: 1234 }),
      withSettings(base, { maxAttempts: 2 }),
    ];
    assert.ok(contexts.every((ctx) => ctx.cache === base.cache));
    const outcomes = await Promise.all(
      contexts.map((ctx) =>
        listCertificates(ctx, { region: "us-east-1" }).then(
          ({ certificates }) => certificates.length,
          (err: Error) => err.name,
        ),
      ),
    );
    // maxPages 1 stops before the third page; it neither answers nor reuses another's scan.
    assert.deepEqual(outcomes, [5, "PaginationError", 5, 5, 5]);
    assert.equal(account.requests.filter((r) => r.pageToken === undefined).length, 4);
  });

  it("K concurrent domain lookups share one scan: ceil(N/P) requests in total", async () => {
    for (const [n, p, k] of [
      [9, 2, 50],
      [25, 10, 7],
      [1, 1, 3],
    ]) {
      account = fakeAccount(manyCerts(n), p);
      const ctx = account.context();
      const found = await Promise.all(
        Array.from({ length: k }, (_, i) => findCertificate(ctx, { domainName: `D${i % n}.example.com.` })),
      );
      assert.deepEqual(
        found.map((c) => c.name),
        Array.from({ length: k }, (_, i) => `cert-${String(i % n).padStart(4, "0")}`),
      );
      assert.equal(account.requests.length, Math.ceil(n / p), `N=${n} P=${p} K=${k}`);
      // Every page carried the same filters.
      for (const r of account.requests)
        assert.deepEqual(
          { ...r, pageToken: undefined },
          { certificateStatuses: ["ISSUED"], includeCertificateDetails: true, pageToken: undefined },
        );
      account.restore();
    }
    account = fakeAccount();
  });

  it("a name lookup after a full scan of the same statuses costs nothing", async () => {
    account = fakeAccount(manyCerts(5), 2);
    const ctx = account.context();
    await findCertificate(ctx, { domainName: "d1.example.com" });
    const before = account.requests.length;
    assert.equal((await findCertificate(ctx, { name: "cert-0003" })).domainName, "d3.example.com");
    assert.equal(account.requests.length, before);
  });

  it("different statuses are different scans", async () => {
    account = fakeAccount(
      [
        { name: "p", domainName: "example.com", status: "PENDING_VALIDATION" },
        { name: "i", domainName: "example.com" },
      ],
      5,
    );
    const ctx = account.context();
    assert.equal((await findCertificate(ctx, { domainName: "example.com" })).name, "i");
    assert.equal(
      (await findCertificate(ctx, { domainName: "example.com", statuses: ["PENDING_VALIDATION"] })).name,
      "p",
    );
    assert.equal(account.requests.length, 2);
  });

  it("an unknown name reads the region once more to list the closest names", async () => {
    account = fakeAccount(
      [
        { name: "prod-site", domainName: "example.com" },
        { name: "other", domainName: "other.org" },
      ],
      5,
    );
    await assert.rejects(findCertificate(account.context(), { name: "prod-sight" }), (err: unknown) => {
      assert.ok(err instanceof CertificateNotFoundError);
      assert.equal(err.closest[0].name, "prod-site");
      assert.match(
        err.message,
        /No Lightsail certificate matches name "prod-sight" in us-east-1 with status ISSUED/,
      );
      assert.match(err.message, /Closest certificates seen: prod-site \(example\.com, ISSUED/);
      return true;
    });
    assert.equal(account.requests.length, 2);
    assert.equal(account.requests[1].certificateName, undefined);
  });

  it("a bad argument sends no request", async () => {
    account = fakeAccount(manyCerts(3), 2);
    await assert.rejects(
      findCertificate(account.context(), { domainName: "https://example.com" }),
      InvalidArgumentError,
    );
    await assert.rejects(listCertificates(account.context(), { statuses: ["issued"] }), InvalidArgumentError);
    assert.equal(account.requests.length, 0);
  });

  it("getCertificates: sorted by name, filters applied, minDaysValid filters, no ambiguity rule", async () => {
    account = fakeAccount(
      [
        { name: "b", domainName: "example.com", notAfter: "2026-06-10T00:00:00Z" },
        { name: "a", domainName: "example.com", notAfter: "2027-01-01T00:00:00Z" },
        { name: "c", domainName: "other.com" },
      ],
      2,
    );
    const ctx = account.context();
    const all = await listCertificates(ctx, {});
    assert.deepEqual(
      all.certificates.map((c) => c.name),
      ["a", "b", "c"],
    );
    assert.equal(all.region, "us-east-1");
    assert.deepEqual(
      (await listCertificates(ctx, { domainName: "example.com" })).certificates.map((c) => c.name),
      ["a", "b"],
    );
    assert.deepEqual(
      (await listCertificates(ctx, { domainName: "example.com", minDaysValid: 30 })).certificates.map(
        (c) => c.name,
      ),
      ["a"],
    );
  });
});

describe("region resolution", () => {
  const saved = { ...process.env };
  beforeEach(() => {
    for (const k of ["AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE"]) delete process.env[k];
    process.env.AWS_CONFIG_FILE = "/dev/null";
    process.env.AWS_SHARED_CREDENTIALS_FILE = "/dev/null";
  });
  afterEach(() => {
    process.env = { ...saved };
  });

  it("prefers the argument, then the stack's aws:region, then the SDK chain", async () => {
    process.env.AWS_REGION = "eu-west-1";
    assert.equal(
      await resolveRegion(createLookupContext({ connection: { configRegion: "ap-south-1" } }), "sa-east-1"),
      "sa-east-1",
    );
    assert.equal(
      await resolveRegion(createLookupContext({ connection: { configRegion: "ap-south-1" } }), undefined),
      "ap-south-1",
    );
    assert.equal(await resolveRegion(createLookupContext(), undefined), "eu-west-1");
  });

  it("fails clearly when nothing sets a region, naming the ways to set one", async () => {
    await assert.rejects(resolveRegion(createLookupContext(), undefined), (err: unknown) => {
      assert.ok(err instanceof RegionNotSetError);
      assert.match(err.message, /`region` argument/);
      assert.match(err.message, /aws:region/);
      assert.match(err.message, /AWS_REGION/);
      return true;
    });
  });

  it("rejects a chain or config region without a Lightsail endpoint, saying where it came from", async () => {
    process.env.AWS_REGION = "us-west-1";
    await assert.rejects(
      resolveRegion(createLookupContext(), undefined),
      (err: unknown) => err instanceof InvalidArgumentError && /AWS_REGION/.test(err.argument),
    );
    await assert.rejects(
      resolveRegion(createLookupContext({ connection: { configRegion: "mars-1" } }), undefined),
      (err: unknown) => err instanceof InvalidArgumentError && err.argument === "aws:region (stack config)",
    );
  });
});

describe("region resolution: configured regions newer than this package", () => {
  const env = (e: Record<string, string>) => createLookupContext({ env: e, connection: {} });
  it("uses a well-formed region from the environment that this package does not list, saying so in the debug log", async () => {
    const lines: string[] = [];
    const ctx = createLookupContext({ env: { AWS_REGION: "mx-central-1" }, debug: (m) => lines.push(m) });
    assert.equal(await resolveRegion(ctx, undefined), "mx-central-1");
    assert.deepEqual(lines, [
      "lightsail-certificates: region mx-central-1 (from AWS_REGION) is not in this package's list; using it as configured",
    ]);
  });
  it("still refuses a malformed one, and one known to have no Lightsail endpoint, naming the source", async () => {
    for (const [value, source] of [
      ["us-west-1", "AWS_REGION"],
      ["mars", "AWS_REGION"],
      ["EU-WEST-1", "AWS_REGION"],
    ]) {
      await assert.rejects(
        resolveRegion(env({ AWS_REGION: value }), undefined),
        (err: unknown) => err instanceof InvalidArgumentError && err.argument === source,
        value,
      );
    }
    await assert.rejects(
      resolveRegion(createLookupContext({ env: {}, connection: { configRegion: "us-west-1" } }), undefined),
      (err: unknown) => err instanceof InvalidArgumentError && err.argument === "aws:region (stack config)",
    );
  });
});
