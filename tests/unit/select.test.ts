import { strict as assert } from "node:assert";
import fc from "fast-check";
import { normalizeDomain } from "../../lookup/domain";
import {
  AmbiguousCertificateError,
  CertificateExpiringError,
  CertificateNotFoundError,
} from "../../lightsail/errors";
import { normalizeCertificate } from "../../lightsail/normalize";
import { compareMostRecent, filterCertificates, selectCertificate } from "../../lookup/select";
import type { Certificate } from "../../lightsail/types";
import { parseCertificateArgs } from "../../lookup/validate";
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
