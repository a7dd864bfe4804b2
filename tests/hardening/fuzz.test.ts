/**
 * Fuzzed responses: arbitrary but plausible certificate lists (missing fields, nulls, wrong
 * types, unknown enum values, odd dates, huge numbers, empty strings) through the normaliser,
 * through every lookup over a mocked client, through the real SDK from a stub endpoint, and
 * through the emulator. The normaliser never throws and gives plain, JSON-safe data; a lookup
 * either answers correctly or throws one of the package's errors, never a TypeError (also not one
 * dressed up as a LightsailApiError). Rows go to RELIABILITY.md.
 */
import { strict as assert } from "node:assert";
import {
  GetCertificatesCommand,
  GetLoadBalancerTlsCertificatesCommand,
  LightsailClient,
} from "@aws-sdk/client-lightsail";
import { mockClient } from "aws-sdk-client-mock";
import * as fc from "fast-check";
import { EMULATOR_CREDENTIALS, type FixtureDocument } from "../../emulator";
import { runGate } from "../../gate/main";
import { ReadCache } from "../../lookup/cache";
import { createLookupContext, type LookupContext } from "../../lookup/context";
import { normalizeDomain } from "../../lookup/domain";
import * as provider from "../../provider/dynamic";
import { LightsailApiError, LightsailCertificateError } from "../../lightsail/errors";
import { findLoadBalancerCertificate } from "../../lookup/load-balancer";
import { findCertificate, listCertificates } from "../../lookup/lookup";
import { normalizeCertificate, normalizeLoadBalancerCertificate } from "../../lightsail/normalize";
import { KNOWN_CERTIFICATE_STATUSES } from "../../lightsail/types";
import { useEmulator } from "../helpers/emulator";
import {
  FUZZ_CASES,
  fixtureDocument,
  lookupQuery,
  rawCertificatesBody,
  rawErrorBody,
  sdkCertificateSummary,
  sdkCertificatesPage,
  sdkLoadBalancerCertificate,
  type FuzzCaseName,
} from "../helpers/hardening-fuzz";
import { RowRecorder } from "../helpers/hardening-report";
import { startStubEndpoint, type StubEndpoint } from "../helpers/hardening-stub";

const NOW = new Date("2026-06-01T00:00:00.000Z");
const REGION = "us-east-1";
/** Codes that would mean a JavaScript error was wrapped instead of fixed. */
const JS_ERRORS = ["TypeError", "RangeError", "SyntaxError", "ReferenceError", "Error"];

const rows = new RowRecorder("fuzz", "fuzz", ["Runs", "What happened"]);

/** Tallies what the runs of one property ended with. */
class Tally {
  private readonly counts = new Map<string, number>();
  add(what: string): void {
    this.counts.set(what, (this.counts.get(what) ?? 0) + 1);
  }
  toString(): string {
    return [...this.counts.entries()]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([what, n]) => `${what} ×${n}`)
      .join(", ");
  }
}

/** Asserts `err` is one of the package's errors and not a wrapped JavaScript error; returns its label. */
function packageError(err: unknown): string {
  if (!(err instanceof LightsailCertificateError)) throw err;
  if (err instanceof LightsailApiError) {
    assert.ok(!JS_ERRORS.includes(err.code), `a ${err.code} was wrapped: ${err.message}`);
    assert.doesNotMatch(err.message, /\$response|Deserialization error/);
    // An unreadable body may quote what the SDK's parser said about it; nothing else may.
    if (err.code !== "MalformedResponse")
      assert.doesNotMatch(err.message, /is not a function|Cannot read prop/);
    return `${err.name} ${err.code}`;
  }
  return err.name;
}

const isIso = (v: unknown) => typeof v === "string" && new Date(v).toISOString() === v;

/** Asserts `value` is plain data that JSON (and so Pulumi state) keeps as is. */
function assertJsonSafe(value: unknown, at = "certificate"): void {
  if (value === null || typeof value === "string" || typeof value === "boolean") return;
  if (typeof value === "number") return assert.ok(Number.isFinite(value), `${at} is ${value}`);
  if (Array.isArray(value)) return value.forEach((v, i) => assertJsonSafe(v, `${at}[${i}]`));
  assert.ok(
    typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype,
    `${at} is not plain data: ${Object.prototype.toString.call(value)}`,
  );
  for (const [k, v] of Object.entries(value as object)) assertJsonSafe(v, `${at}.${k}`);
}

/** Asserts a normalised certificate is plain, typed, JSON-safe data. */
function assertPlainCertificate(cert: Record<string, unknown>, now: Date): void {
  assertJsonSafe(cert);
  for (const key of ["arn", "name", "domainName", "status", "region"])
    assert.equal(typeof cert[key], "string", key);
  assert.ok((cert.name as string).length > 0, "a name");
  assert.ok(Array.isArray(cert.subjectAlternativeNames), "SANs");
  for (const san of cert.subjectAlternativeNames as unknown[]) assert.equal(typeof san, "string");
  for (const key of ["createdAt", "issuedAt", "notBefore", "notAfter", "revokedAt"])
    if (key in cert) assert.ok(isIso(cert[key]), `${key} ${String(cert[key])}`);
  if ("daysUntilExpiry" in cert) {
    assert.ok(Number.isInteger(cert.daysUntilExpiry), `daysUntilExpiry ${String(cert.daysUntilExpiry)}`);
    assert.equal(
      cert.daysUntilExpiry,
      Math.floor((Date.parse(cert.notAfter as string) - now.getTime()) / 86_400_000),
    );
  } else assert.ok(!("notAfter" in cert), "daysUntilExpiry with notAfter");
  for (const [key, value] of Object.entries(cert)) assert.notEqual(value, undefined, `${key} is undefined`);
  assert.ok(Array.isArray(cert.domainValidationRecords));
  for (const r of cert.domainValidationRecords as Array<Record<string, unknown>>)
    assert.equal(typeof r.domainName, "string");
}

/** The tags a summary carries as the SDK gave them: string keys with string (or no) values, last wins. */
function expectedTags(summary: unknown): Map<string, string> {
  const s = (summary ?? {}) as Record<string, unknown>;
  const detail = (s.certificateDetail ?? {}) as Record<string, unknown>;
  const tags = detail.tags ?? s.tags;
  const out = new Map<string, string>();
  if (!Array.isArray(tags)) return out;
  for (const tag of tags as Array<Record<string, unknown> | null>) {
    const key = tag?.key;
    if (typeof key === "string") out.set(key, typeof tag?.value === "string" ? tag.value : "");
  }
  return out;
}

/** A real LightsailClient answered by aws-sdk-client-mock from the pages a property sets. */
function mockedAccount() {
  const client = new LightsailClient({
    region: REGION,
    credentials: { accessKeyId: "AKIDFUZZ", secretAccessKey: "fuzz-secret" },
  });
  const mock = mockClient(client);
  let pages: unknown[] = [{}];
  let lbOutput: unknown = {};
  let requests = 0;
  mock.on(GetCertificatesCommand).callsFake(async () => pages[Math.min(requests++, pages.length - 1)]);
  mock.on(GetLoadBalancerTlsCertificatesCommand).callsFake(async () => {
    requests++;
    return lbOutput;
  });
  return {
    set(nextPages: unknown[], nextLb: unknown = {}) {
      pages = nextPages.length > 0 ? nextPages : [{}];
      lbOutput = nextLb;
      requests = 0;
    },
    context(): LookupContext {
      return createLookupContext({
        clientFor: () => client,
        now: () => NOW,
        cache: new ReadCache(30_000, () => NOW.getTime()),
        connection: { configRegion: REGION },
        maxPages: 8,
      });
    },
    restore: () => mock.restore(),
  };
}

/** Checks that a found certificate is one the query asked for. */
function assertMatches(cert: Record<string, unknown>, query: Record<string, unknown>): void {
  const statuses = (query.statuses as string[] | undefined) ?? ["ISSUED"];
  assert.ok(statuses.includes(cert.status as string), `status ${String(cert.status)}`);
  if (query.name !== undefined) assert.equal(cert.name, query.name);
  if (typeof query.domainName === "string") {
    const wanted = normalizeDomain(query.domainName);
    const names = [cert.domainName as string, ...(cert.subjectAlternativeNames as string[])].map(
      normalizeDomain,
    );
    assert.ok(names.includes(wanted), `covers ${wanted}: ${names.join(",")}`);
  }
  if (typeof query.minDaysValid === "number") {
    const days = Math.floor((Date.parse(cert.notAfter as string) - NOW.getTime()) / 86_400_000);
    assert.ok(days >= query.minDaysValid, `minDaysValid: ${days} days left`);
  }
  for (const [k, v] of Object.entries((query.tags as Record<string, string>) ?? {}))
    assert.equal((cert.tags as Record<string, string>)[k], v, `tag ${k}`);
}

describe("hardening: fuzzed responses", function () {
  this.timeout(120_000);
  const h = useEmulator({ pageSize: 3 });
  const saved = { ...process.env };
  let account: ReturnType<typeof mockedAccount>;
  let stub: StubEndpoint;

  before(async () => {
    account = mockedAccount();
    stub = await startStubEndpoint();
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: EMULATOR_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: EMULATOR_CREDENTIALS.secretAccessKey,
      AWS_CONFIG_FILE: "/dev/null",
      AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
    });
    delete process.env.AWS_PROFILE;
  });
  after(async () => {
    process.env = { ...saved };
    account?.restore();
    await stub?.stop();
    provider.setLookupContext(undefined);
    rows.write();
  });

  const properties: Record<FuzzCaseName, (runs: number, tally: Tally) => Promise<void>> = {
    "normaliser: SDK-shaped certificate summaries": async (runs, tally) => {
      fc.assert(
        fc.property(
          sdkCertificateSummary,
          fc.date({ min: new Date("2000-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }),
          (summary, now) => {
            const cert = normalizeCertificate(summary as never, REGION, now);
            tally.add(cert ? "certificate" : "skipped (no name)");
            if (!cert) return;
            assertPlainCertificate(cert as unknown as Record<string, unknown>, now);
            assert.equal(cert.region, REGION);
            assert.ok(Number.isFinite(cert.inUseResourceCount));
            assert.deepEqual(new Map(Object.entries(cert.tags)), expectedTags(summary), "every tag kept");
          },
        ),
        { numRuns: runs },
      );
    },
    "normaliser: SDK-shaped load-balancer certificates": async (runs, tally) => {
      fc.assert(
        fc.property(sdkLoadBalancerCertificate, (raw) => {
          const cert = normalizeLoadBalancerCertificate(raw as never, "lb", REGION, NOW);
          tally.add(cert ? "certificate" : "skipped (no name)");
          if (!cert) return;
          assertPlainCertificate(cert as unknown as Record<string, unknown>, NOW);
          assert.equal(typeof cert.isAttached, "boolean");
          assert.equal(typeof cert.loadBalancerName, "string");
        }),
        { numRuns: runs },
      );
    },
    "getCertificate / getCertificates over a mocked client": async (runs, tally) => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(sdkCertificatesPage, { minLength: 1, maxLength: 4 }),
          lookupQuery,
          fc.boolean(),
          async (pages, query, list) => {
            account.set(pages);
            const ctx = account.context();
            try {
              if (list) {
                const { certificates } = await listCertificates(ctx, query);
                const names = certificates.map((c) => c.name);
                assert.deepEqual(names, [...names].sort(), "sorted by name");
                for (const c of certificates) {
                  assertPlainCertificate(c as unknown as Record<string, unknown>, NOW);
                  assertMatches(c as unknown as Record<string, unknown>, {
                    ...query,
                    domainName: undefined,
                    mostRecent: undefined,
                  });
                }
                tally.add("list");
              } else {
                const cert = await findCertificate(ctx, query);
                assertPlainCertificate(cert as unknown as Record<string, unknown>, NOW);
                assertMatches(cert as unknown as Record<string, unknown>, query);
                tally.add("found");
              }
            } catch (err) {
              tally.add(packageError(err));
            }
          },
        ),
        { numRuns: runs },
      );
    },
    "getLoadBalancerTlsCertificate over a mocked client": async (runs, tally) => {
      const output = fc.record(
        {
          tlsCertificates: fc.oneof(
            { weight: 6, arbitrary: fc.array(sdkLoadBalancerCertificate, { maxLength: 4 }) },
            { weight: 1, arbitrary: fc.anything() },
          ),
        },
        { requiredKeys: [] },
      );
      const query = fc.constantFrom<Record<string, unknown>>(
        { loadBalancerName: "lb", statuses: ["ISSUED", "UNKNOWN"] },
        { loadBalancerName: "lb", domainName: "example.com" },
        { loadBalancerName: "lb", name: "lb-cert", statuses: ["ISSUED", "EXPIRED", "PENDING_VALIDATION"] },
      );
      await fc.assert(
        fc.asyncProperty(output, query, async (out, q) => {
          account.set([{}], out);
          try {
            const cert = await findLoadBalancerCertificate(account.context(), q);
            assertPlainCertificate(cert as unknown as Record<string, unknown>, NOW);
            assertMatches(cert as unknown as Record<string, unknown>, q);
            tally.add("found");
          } catch (err) {
            tally.add(packageError(err));
          }
        }),
        { numRuns: runs },
      );
    },
    "CertificateLookup check over a mocked client": async (runs, tally) => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(sdkCertificatesPage, { minLength: 1, maxLength: 3 }),
          lookupQuery,
          async (pages, query) => {
            account.set(pages);
            provider.setLookupContext(account.context());
            try {
              const { inputs, failures } = await provider.check({}, { query });
              if (failures !== undefined) {
                // A lookup that fails is one failure for the whole resource, with the lookup's message.
                assert.deepEqual(
                  failures.map((f) => f.property),
                  [""],
                );
                assert.doesNotMatch(failures[0].reason, /\$response|Deserialization error|is not a function/);
                const reason = failures[0].reason;
                const kind = /^No Lightsail certificate matches/.test(reason)
                  ? "not found"
                  : / Lightsail certificates match /.test(reason)
                    ? "ambiguous"
                    : /^Certificate ".*" expires/.test(reason)
                      ? "expiring"
                      : /page token|pages; stopped/.test(reason)
                        ? "pagination"
                        : "service or response error";
                tally.add(`check failure (${kind})`);
                return;
              }
              assertJsonSafe(inputs, "inputs");
              assert.equal(typeof inputs.arn, "string");
              assertMatches(inputs as Record<string, unknown>, query);
              tally.add("resolved");
            } catch (err) {
              tally.add(packageError(err));
            }
          },
        ),
        { numRuns: runs },
      );
    },
    "lightsail-certs list / check over a mocked client": async (runs, tally) => {
      const argv = fc.constantFrom<string[]>(
        ["list", "--region", REGION],
        ["list", "--region", REGION, "--json"],
        ["check", "--region", REGION],
        ["check", "--region", REGION, "--domain", "example.com", "--json"],
      );
      await fc.assert(
        fc.asyncProperty(
          fc.array(sdkCertificatesPage, { minLength: 1, maxLength: 3 }),
          argv,
          async (pages, args) => {
            account.set(pages);
            let stdout = "";
            let stderr = "";
            const code = await runGate(args, {
              stdout: (t) => (stdout += t),
              stderr: (t) => (stderr += t),
              env: {},
              now: () => NOW,
              context: account.context(),
            });
            assert.ok([0, 1, 2].includes(code), `exit ${code}`);
            assert.doesNotMatch(stderr, /TypeError|Cannot read prop|is not a function|is not iterable/);
            if (code === 2) assert.match(stderr, /^lightsail-certs: us-east-1: /);
            else if (args.includes("--json")) JSON.parse(stdout);
            tally.add(`exit ${code}`);
          },
        ),
        { numRuns: runs },
      );
    },
    "raw JSON bodies through the real SDK (stub endpoint)": async (runs, tally) => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            {
              weight: 3,
              arbitrary: fc.tuple(
                fc.constant(200),
                fc.array(rawCertificatesBody, { minLength: 1, maxLength: 3 }),
              ),
            },
            {
              weight: 1,
              arbitrary: fc.tuple(
                fc.constantFrom(400, 403, 404, 429, 500, 503),
                fc.array(rawErrorBody, { minLength: 1, maxLength: 1 }),
              ),
            },
          ),
          lookupQuery,
          fc.boolean(),
          async ([status, bodies], query, list) => {
            stub.answer(bodies, status);
            const ctx = createLookupContext({
              connection: { configRegion: REGION },
              clientOptions: { endpoint: stub.url, maxAttempts: 1, requestTimeoutMs: 5_000 },
              maxPages: 5,
            });
            try {
              if (list) await listCertificates(ctx, query);
              else
                assertMatches(
                  (await findCertificate(ctx, query)) as unknown as Record<string, unknown>,
                  query,
                );
              tally.add(list ? "list" : "found");
            } catch (err) {
              tally.add(packageError(err));
            }
          },
        ),
        { numRuns: runs },
      );
    },
    "emulator fixtures (setFixtures) through the real SDK and SigV4": async (runs, tally) => {
      const statuses = [...KNOWN_CERTIFICATE_STATUSES];
      await fc.assert(
        fc.asyncProperty(
          fixtureDocument,
          fc.integer({ min: 1, max: 4 }),
          async (doc: FixtureDocument, pageSize) => {
            await h.emulator.setFixtures(doc);
            h.emulator.configure({ pageSize });
            const ctx = createLookupContext({
              connection: { configRegion: REGION },
              clientOptions: { endpoint: h.emulator.url, maxAttempts: 1, requestTimeoutMs: 5_000 },
              now: () => NOW,
            });
            const fixtures = doc.certificates ?? [];
            const listed = fixtures.filter(
              (c) => c.status !== undefined && statuses.includes(c.status as never),
            );
            const { certificates } = await listCertificates(ctx, { statuses });
            assert.deepEqual(
              certificates.map((c) => c.name),
              listed.map((c) => c.name).sort(),
              "every certificate with a known status, exactly once",
            );
            for (const c of certificates) {
              assertPlainCertificate(c as unknown as Record<string, unknown>, NOW);
              const fixture = listed.find((f) => f.name === c.name)!;
              assert.equal(c.domainName, fixture.domainName);
              if (fixture.notAfter !== undefined) {
                const ms =
                  typeof fixture.notAfter === "number"
                    ? fixture.notAfter * 1000
                    : Date.parse(fixture.notAfter);
                assert.ok(
                  Math.abs(Date.parse(c.notAfter!) - ms) < 1,
                  `notAfter ${c.notAfter} vs ${fixture.notAfter}`,
                );
              }
            }
            for (const c of fixtures.slice(0, 2)) {
              try {
                const found = await findCertificate(ctx, { name: c.name, statuses });
                assert.equal(found.arn, c.arn);
                tally.add("found");
              } catch (err) {
                tally.add(packageError(err));
              }
            }
            tally.add("listed");
          },
        ),
        { numRuns: runs },
      );
    },
  };

  for (const { name, runs } of FUZZ_CASES) {
    it(`${name} (${runs} runs)`, async () => {
      const tally = new Tally();
      const started = Date.now();
      await properties[name](runs, tally);
      rows.add(name, [String(runs), `never threw anything else; ${tally.toString()}`], Date.now() - started);
    });
  }
});
