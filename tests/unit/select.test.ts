import { strict as assert } from "node:assert";
import fc from "fast-check";
import { normalizeDomain } from "../../lookup/domain";
import {
  AmbiguousCertificateError,
  CertificateExpiringError,
  CertificateNotFoundError,
} from "../../lightsail/errors";
import { normalizeCertificate } from "../../lightsail/normalize";
import {
  closestCandidates,
  compareByName,
  compareMostRecent,
  describeQuery,
  filterCertificates,
  notFoundError,
  selectCertificate,
  Selectable,
  toCandidate,
  withDaysUntilExpiry,
} from "../../lookup/select";
import type { Certificate } from "../../lightsail/types";
import { parseCertificateArgs } from "../../lookup/search-args";
import { TestCert, toSummary } from "../helpers/fake-lightsail";

const NOW = new Date("2026-06-01T00:00:00.000Z");

function certs(...list: TestCert[]): Certificate[] {
  return list.map((c) => normalizeCertificate(toSummary(c), "us-east-1", NOW)!);
}

function select(list: Certificate[], args: object): Certificate {
  return selectCertificate(list, parseCertificateArgs(args, true), "us-east-1", NOW);
}

function thrown<T extends Error>(fn: () => unknown, cls: new (...a: never[]) => T): T {
  try {
    fn();
  } catch (err) {
    assert.ok(
      err instanceof cls,
      `expected ${cls.name}, got ${(err as Error).name}: ${(err as Error).message}`,
    );
    return err;
  }
  assert.fail(`expected ${cls.name} to be thrown`);
}

describe("selection rules", () => {
  it("rule 3: name is exact and case-sensitive", () => {
    const list = certs(
      { name: "Site", domainName: "a.example.com" },
      { name: "site", domainName: "b.example.com" },
    );
    assert.equal(select(list, { name: "site" }).domainName, "b.example.com");
    thrown(() => select(list, { name: "SITE" }), CertificateNotFoundError);
  });

  it("rule 4: a primary-domain match wins over SAN matches", () => {
    const list = certs(
      { name: "san-holder", domainName: "other.example.com", sans: ["other.example.com", "example.com"] },
      { name: "primary", domainName: "example.com" },
    );
    assert.equal(select(list, { domainName: "example.com" }).name, "primary");
  });

  it("rule 4: a SAN match counts when no primary match exists", () => {
    const list = certs({
      name: "san-holder",
      domainName: "other.example.com",
      sans: ["other.example.com", "www.example.com"],
    });
    assert.equal(select(list, { domainName: "www.example.com" }).name, "san-holder");
  });

  it("rule 4: domains compare case-insensitively and ignore one trailing dot", () => {
    const list = certs({ name: "c1", domainName: "Example.COM." });
    assert.equal(select(list, { domainName: "example.com" }).name, "c1");
    assert.equal(select(list, { domainName: "EXAMPLE.com." }).name, "c1");
  });

  it("rule 5: every listed SAN must be covered", () => {
    const list = certs(
      { name: "narrow", domainName: "example.com", sans: ["example.com"] },
      {
        name: "wide",
        domainName: "example.com",
        sans: ["example.com", "www.example.com", "api.example.com"],
      },
    );
    assert.equal(
      select(list, {
        domainName: "example.com",
        subjectAlternativeNames: ["WWW.example.com", "api.example.com."],
      }).name,
      "wide",
    );
    thrown(
      () => select(list, { domainName: "example.com", subjectAlternativeNames: ["cdn.example.com"] }),
      CertificateNotFoundError,
    );
  });

  it("rule 6: every tag must be present with exactly that value", () => {
    const list = certs(
      { name: "prod", domainName: "example.com", tags: { env: "prod", team: "web" } },
      { name: "dev", domainName: "example.com", tags: { env: "dev" } },
    );
    assert.equal(select(list, { domainName: "example.com", tags: { env: "prod" } }).name, "prod");
    thrown(
      () => select(list, { domainName: "example.com", tags: { env: "Prod" } }),
      CertificateNotFoundError,
    );
    thrown(() => select(list, { domainName: "example.com", tags: { owner: "" } }), CertificateNotFoundError);
  });

  it("rule 2: only the asked statuses count", () => {
    const list = certs({ name: "pending", domainName: "example.com", status: "PENDING_VALIDATION" });
    thrown(() => select(list, { domainName: "example.com" }), CertificateNotFoundError);
    assert.equal(
      select(list, { domainName: "example.com", statuses: ["PENDING_VALIDATION"] }).name,
      "pending",
    );
  });

  it("rule 7: several matches without mostRecent is an error naming every candidate", () => {
    const list = certs(
      { name: "b-cert", domainName: "example.com", notAfter: "2027-02-01T00:00:00.000Z" },
      { name: "a-cert", domainName: "example.com", notAfter: "2027-01-01T00:00:00.000Z" },
    );
    const err = thrown(() => select(list, { domainName: "example.com" }), AmbiguousCertificateError);
    assert.deepEqual(
      err.candidates.map((c) => c.name),
      ["a-cert", "b-cert"],
    );
    assert.match(err.message, /a-cert \(example\.com, ISSUED, notAfter 2027-01-01T00:00:00\.000Z\)/);
    assert.match(err.message, /b-cert/);
    assert.match(err.message, /mostRecent/);
  });

  it("rule 7: mostRecent takes the latest notBefore, then issuedAt, createdAt, name", () => {
    const list = certs(
      { name: "old", domainName: "example.com", notBefore: "2026-01-01T00:00:00Z" },
      { name: "new", domainName: "example.com", notBefore: "2026-03-01T00:00:00Z" },
    );
    assert.equal(select(list, { domainName: "example.com", mostRecent: true }).name, "new");
    const tie = certs(
      {
        name: "t1",
        domainName: "example.com",
        notBefore: "2026-03-01T00:00:00Z",
        issuedAt: "2026-03-02T00:00:00Z",
      },
      {
        name: "t2",
        domainName: "example.com",
        notBefore: "2026-03-01T00:00:00Z",
        issuedAt: "2026-03-03T00:00:00Z",
      },
    );
    assert.equal(select(tie, { domainName: "example.com", mostRecent: true }).name, "t2");
    const tie2 = certs(
      {
        name: "u1",
        domainName: "example.com",
        notBefore: "2026-03-01T00:00:00Z",
        createdAt: "2026-02-02T00:00:00Z",
      },
      {
        name: "u2",
        domainName: "example.com",
        notBefore: "2026-03-01T00:00:00Z",
        createdAt: "2026-02-01T00:00:00Z",
      },
    );
    assert.equal(select(tie2, { domainName: "example.com", mostRecent: true }).name, "u1");
    const tie3 = certs({ name: "z", domainName: "example.com" }, { name: "y", domainName: "example.com" });
    assert.equal(select(tie3, { domainName: "example.com", mostRecent: true }).name, "y");
  });

  it("rule 8: not found says what was searched and lists the closest certificates", () => {
    const list = certs(
      { name: "exampel-com", domainName: "exampel.com" },
      { name: "zzz", domainName: "unrelated.org" },
    );
    const err = thrown(
      () => select(list, { domainName: "example.com", tags: { env: "prod" } }),
      CertificateNotFoundError,
    );
    assert.match(err.message, /domainName "example\.com"/);
    assert.match(err.message, /in us-east-1 with status ISSUED/);
    assert.match(err.message, /tags env=prod/);
    assert.equal(err.closest[0].name, "exampel-com");
  });

  it("rule 9: minDaysValid is measured from now, whole days rounded down", () => {
    const list = certs({ name: "c", domainName: "example.com", notAfter: "2026-07-01T00:00:00.000Z" });
    assert.equal(select(list, { domainName: "example.com", minDaysValid: 30 }).daysUntilExpiry, 30);
    const err = thrown(
      () => select(list, { domainName: "example.com", minDaysValid: 31 }),
      CertificateExpiringError,
    );
    assert.equal(err.daysLeft, 30);
    assert.equal(err.notAfter, "2026-07-01T00:00:00.000Z");
    assert.match(
      err.message,
      /"c" expires 2026-07-01T00:00:00\.000Z: it has 30 day\(s\) left, but minDaysValid is 31/,
    );
  });

  it("rule 9: an expired certificate reports negative days", () => {
    const list = certs({ name: "gone", domainName: "example.com", notAfter: "2026-05-20T00:00:00.000Z" });
    const err = thrown(
      () => select(list, { domainName: "example.com", minDaysValid: 0 }),
      CertificateExpiringError,
    );
    assert.equal(err.daysLeft, -12);
    assert.match(err.message, /expired 12 day\(s\) ago/);
  });
});

describe("selection properties", () => {
  const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?$/);
  const tld = fc.constantFrom("com", "org", "example", "net");
  const domain = fc.tuple(label, tld).map(([a, b]) => `${a}.${b}`);
  const variant = fc
    .tuple(domain, fc.boolean(), fc.boolean())
    .map(([d, upper, dot]) => `${upper ? d.toUpperCase() : d}${dot ? "." : ""}`);

  it("normalizeDomain is idempotent", () => {
    fc.assert(fc.property(variant, (d) => normalizeDomain(normalizeDomain(d)) === normalizeDomain(d)));
  });

  it("filtering returns exactly the certificates whose primary domain matches, else exactly those holding it as a SAN", () => {
    const cert = fc.record({ name: label, domainName: domain, sans: fc.array(domain, { maxLength: 3 }) });
    let matched = 0;
    let bySan = 0;
    fc.assert(
      fc.property(
        fc.array(cert, { minLength: 1, maxLength: 8 }),
        fc.nat(),
        fc.boolean(),
        fc.boolean(),
        (list, pick, upper, dot) => {
          const all = certs(
            ...list.map((c, i) => ({ ...c, name: `${c.name}-${i}`, sans: [c.domainName, ...c.sans] })),
          );
          // Ask for a domain that is there (a primary or a SAN of some certificate), spelt differently.
          const there = list.flatMap((c) => [c.domainName, ...c.sans]);
          const wanted = there[pick % there.length];
          const query = `${upper ? wanted.toUpperCase() : wanted}${dot ? "." : ""}`;
          const found = filterCertificates(all, parseCertificateArgs({ domainName: query }, true));
          // The oracle, written from the rule, not from the code: compare by plain lower case.
          const primaries = list.filter((c) => c.domainName === wanted).map((c) => c.domainName);
          const expected = all.filter((c, i) =>
            primaries.length > 0
              ? list[i].domainName === wanted
              : [list[i].domainName, ...list[i].sans].includes(wanted),
          );
          if (found.length > 0) matched++;
          if (primaries.length === 0) bySan++;
          assert.deepEqual(found.map((c) => c.name).sort(), expected.map((c) => c.name).sort());
        },
      ),
      { numRuns: 200 },
    );
    // Not vacuous: every run asked for a domain that is there, and some only held it as a SAN.
    assert.equal(matched, 200);
    assert.ok(bySan > 0, "no run exercised the SAN-only branch");
  });

  it("mostRecent order: latest notBefore first, then issuedAt, then createdAt, then name", () => {
    const date = fc.constantFrom(
      "2026-01-01T00:00:00.000Z",
      "2026-02-01T00:00:00.000Z",
      "2026-03-01T00:00:00.000Z",
    );
    const cert = fc.record({
      name: fc.constantFrom("a", "b", "c"),
      notBefore: date,
      issuedAt: date,
      createdAt: date,
    });
    fc.assert(
      fc.property(fc.array(cert, { minLength: 2, maxLength: 6 }), (list) => {
        const all = certs(
          ...list.map((c, i) => ({ ...c, name: `${c.name}${i}`, domainName: "example.com" })),
        );
        const sorted = [...all].sort(compareMostRecent);
        // The oracle: a key that sorts descending by the three dates, ascending by name.
        const key = (c: Certificate) => [c.notBefore, c.issuedAt, c.createdAt].join("|");
        for (let i = 1; i < sorted.length; i++) {
          const [a, b] = [sorted[i - 1], sorted[i]];
          assert.ok(key(a) > key(b) || (key(a) === key(b) && a.name < b.name), `${a.name} before ${b.name}`);
        }
      }),
    );
    const chosen = select(
      certs(
        { name: "old", domainName: "example.com", notBefore: "2026-01-01T00:00:00.000Z" },
        { name: "new", domainName: "example.com", notBefore: "2026-03-01T00:00:00.000Z" },
        { name: "mid", domainName: "example.com", notBefore: "2026-02-01T00:00:00.000Z" },
      ),
      { domainName: "example.com", mostRecent: true },
    );
    assert.equal(chosen.name, "new");
  });
});

describe("selection: messages, orders and candidates, exactly", () => {
  const query = (args: object) => parseCertificateArgs(args, false);
  const plain = (name: string, extra: Partial<Selectable> = {}): Selectable => ({
    arn: `arn:${name}`,
    name,
    domainName: `${name}.example.com`,
    subjectAlternativeNames: [],
    status: "ISSUED",
    ...extra,
  });

  it("describeQuery names every part that was given, or any certificate", () => {
    assert.equal(describeQuery(query({}), "eu-west-2"), "any certificate in eu-west-2 with status ISSUED");
    assert.equal(
      describeQuery(
        query({
          name: "site",
          domainName: "example.com",
          subjectAlternativeNames: ["a.example.com", "b.example.com"],
          tags: { env: "prod", team: "web" },
          statuses: ["ISSUED", "EXPIRED"],
        }),
        "eu-west-2",
      ),
      'name "site", domainName "example.com", covering a.example.com, b.example.com, tags env=prod, team=web in eu-west-2 with status EXPIRED or ISSUED',
    );
  });

  it("not found: the closest seen, or none; the ISSUED hint only for the default statuses", () => {
    const seen = [plain("site", { domainName: "", notAfter: "2027-01-01T00:00:00.000Z" })];
    const err = notFoundError(query({ name: "sites" }), "eu-west-2", seen);
    assert.equal(
      err.message,
      'No Lightsail certificate matches name "sites" in eu-west-2 with status ISSUED. ' +
        "Closest certificates seen: site (no domain, ISSUED, notAfter 2027-01-01T00:00:00.000Z). " +
        "Only ISSUED certificates are searched unless `statuses` says otherwise.",
    );
    assert.deepEqual(err.closest, [
      { name: "site", domainName: "", status: "ISSUED", notAfter: "2027-01-01T00:00:00.000Z" },
    ]);
    assert.equal(
      notFoundError(query({ name: "x1", statuses: ["EXPIRED", "FAILED"] }), "eu-west-2", []).message,
      'No Lightsail certificate matches name "x1" in eu-west-2 with status EXPIRED or FAILED. No certificate with status EXPIRED or FAILED exists in eu-west-2.',
    );
    assert.equal(
      notFoundError(query({ name: "x1", statuses: ["ISSUED", "PENDING_VALIDATION"] }), "eu-west-2", [
        plain("x2"),
        plain("x3"),
      ]).message,
      'No Lightsail certificate matches name "x1" in eu-west-2 with status ISSUED or PENDING_VALIDATION. ' +
        "Closest certificates seen: x2 (x2.example.com, ISSUED, notAfter unknown); x3 (x3.example.com, ISSUED, notAfter unknown).",
    );
    assert.equal(
      notFoundError(query({ name: "x1", statuses: ["EXPIRED"] }), "eu-west-2", []).message,
      'No Lightsail certificate matches name "x1" in eu-west-2 with status EXPIRED. No certificate with status EXPIRED exists in eu-west-2.',
    );
    assert.equal(
      notFoundError(query({ name: "x1", statuses: ["ISSUED", "EXPIRED"] }), "eu-west-2", [plain("ab")])
        .message,
      'No Lightsail certificate matches name "x1" in eu-west-2 with status EXPIRED or ISSUED. ' +
        "Closest certificates seen: ab (ab.example.com, ISSUED, notAfter unknown).",
    );
    assert.equal(
      notFoundError(query({ name: "x1", statuses: ["EXPIRED"] }), "eu-west-2", [plain("ab")]).message,
      'No Lightsail certificate matches name "x1" in eu-west-2 with status EXPIRED. ' +
        "Closest certificates seen: ab (ab.example.com, ISSUED, notAfter unknown).",
    );
  });

  it("closest candidates: nearest by name or any domain first, ties by name, five at most", () => {
    const list = ["f", "e", "d", "c", "b", "a"].map((n) => plain(`cert-${n}`));
    assert.deepEqual(
      closestCandidates(list, query({ name: "cert-x" })).map((c) => c.name),
      ["cert-a", "cert-b", "cert-c", "cert-d", "cert-e"],
    );
    assert.deepEqual(
      closestCandidates(list, query({ name: "cert-x" }), 2).map((c) => c.name),
      ["cert-a", "cert-b"],
    );
    const byDomain = [
      plain("far", { domainName: "zzzzzz.org" }),
      plain("san", { domainName: "other.org", subjectAlternativeNames: ["API.Example.com."] }),
      plain("near", { domainName: "exmple.com" }),
    ];
    assert.deepEqual(
      closestCandidates(byDomain, query({ domainName: "api.example.com" })).map((c) => c.name),
      ["san", "near", "far"],
    );
    assert.deepEqual(
      closestCandidates(byDomain, query({ name: "nea", domainName: "zzzzzz.org" })).map((c) => c.name),
      ["far", "near", "san"],
    );
    assert.deepEqual(
      closestCandidates([plain("b"), plain("a")], query({})).map((c) => c.name),
      ["a", "b"],
    );
  });

  it("toCandidate keeps notAfter only when known", () => {
    assert.deepEqual(toCandidate(plain("a")), { name: "a", domainName: "a.example.com", status: "ISSUED" });
    assert.equal("notAfter" in toCandidate(plain("a")), false);
  });

  it("compareByName orders by name, then ARN", () => {
    assert.equal(compareByName(plain("a"), plain("b")), -1);
    assert.equal(compareByName(plain("b"), plain("a")), 1);
    assert.equal(compareByName(plain("a", { arn: "1" }), plain("a", { arn: "2" })), -1);
    assert.equal(compareByName(plain("a", { arn: "2" }), plain("a", { arn: "1" })), 1);
    assert.equal(compareByName(plain("a"), plain("a")), 0);
    assert.equal(compareByName(plain("a", { arn: "2" }), plain("b", { arn: "1" })), -1);
  });

  it("compareMostRecent: a known date beats an unknown or invalid one; equal names tie", () => {
    const dated = plain("b", { notBefore: "2026-01-01T00:00:00Z" });
    assert.equal(compareMostRecent(dated, plain("a")), -1);
    assert.equal(compareMostRecent(plain("a"), dated), 1);
    assert.equal(compareMostRecent(plain("a", { notBefore: "garbage" }), dated), 1);
    assert.equal(compareMostRecent(plain("a"), plain("a")), 0);
    assert.equal(compareMostRecent(plain("a"), plain("b")), -1);
    assert.equal(compareMostRecent(plain("b"), plain("a")), 1);
  });

  it("ambiguity: the exact message, candidates by name", () => {
    const list = [plain("b", { domainName: "example.com" }), plain("a", { domainName: "example.com" })];
    const err = thrown(
      () => selectCertificate(list, query({ domainName: "example.com" }), "eu-west-2", NOW),
      AmbiguousCertificateError,
    );
    assert.equal(
      err.message,
      '2 Lightsail certificates match domainName "example.com" in eu-west-2 with status ISSUED: ' +
        "a (example.com, ISSUED, notAfter unknown); b (example.com, ISSUED, notAfter unknown). " +
        "Narrow the search (name, subjectAlternativeNames, tags) or set mostRecent: true.",
    );
  });

  it("not found in selection lists what was seen, not only what passed", () => {
    const err = thrown(
      () => selectCertificate([], query({ name: "sit" }), "eu-west-2", NOW, [plain("site")]),
      CertificateNotFoundError,
    );
    assert.deepEqual(
      err.closest.map((c) => c.name),
      ["site"],
    );
  });

  it("minDaysValid: exactly enough days passes, an unknown expiry fails", () => {
    const cert = plain("a", { notAfter: "2026-06-11T00:00:00.000Z" });
    assert.equal(
      selectCertificate([cert], query({ minDaysValid: 10 }), "eu-west-2", NOW).daysUntilExpiry,
      10,
    );
    const err = thrown(
      () => selectCertificate([plain("a")], query({ minDaysValid: 0 }), "eu-west-2", NOW),
      CertificateExpiringError,
    );
    assert.equal(err.daysLeft, undefined);
    assert.equal(err.certificateName, "a");
    assert.equal(err.minDaysValid, 0);
    assert.equal(selectCertificate([plain("a")], query({}), "eu-west-2", NOW).daysUntilExpiry, undefined);
  });

  it("withDaysUntilExpiry measures from now and drops a stale count without a date", () => {
    const stale = plain("a", { daysUntilExpiry: 99 });
    const copy = withDaysUntilExpiry(stale, NOW);
    assert.equal("daysUntilExpiry" in copy, false);
    assert.equal(stale.daysUntilExpiry, 99);
    assert.equal(
      withDaysUntilExpiry(plain("a", { notAfter: "2026-06-03T00:00:00.000Z" }), NOW).daysUntilExpiry,
      2,
    );
  });

  it("filters: statuses, names, tags and covering SANs", () => {
    const list = [
      plain("aa", { status: "EXPIRED", tags: { env: "prod" } }),
      plain("bb", { subjectAlternativeNames: ["X.example.com."], tags: { env: "dev" } }),
      plain("cc"),
    ];
    const names = (args: object) => filterCertificates(list, query(args)).map((c) => c.name);
    assert.deepEqual(names({}), ["bb", "cc"]);
    assert.deepEqual(names({ statuses: ["EXPIRED"] }), ["aa"]);
    assert.deepEqual(names({ name: "cc" }), ["cc"]);
    assert.deepEqual(names({ subjectAlternativeNames: ["x.example.com"] }), ["bb"]);
    assert.deepEqual(names({ subjectAlternativeNames: ["cc.example.com"] }), ["cc"]);
    assert.deepEqual(names({ tags: { env: "dev" } }), ["bb"]);
    assert.deepEqual(names({ subjectAlternativeNames: ["x.example.com", "cc.example.com"] }), []);
    assert.deepEqual(names({ tags: { env: "prod" }, statuses: ["EXPIRED", "ISSUED"] }), ["aa"]);
    assert.deepEqual(names({ tags: { toString: "x" } }), []);
    const noStatuses = { ...query({}), statuses: [] };
    assert.deepEqual(
      filterCertificates(list, noStatuses).map((c) => c.name),
      ["aa", "bb", "cc"],
    );
  });
});
