import { strict as assert } from "node:assert";
import { certificateCovers, describeDomainProblem, normalizeDomain } from "../../lookup/domain";
import {
  checkCertificateArgs,
  checkLoadBalancerArgs,
  checkMinDays,
  describeConfiguredRegionProblem,
  describeNameProblem,
  describeRegionProblem,
  LOAD_BALANCER_STATUSES,
  MAX_DOMAINS,
  MAX_NAME_LENGTH,
  parseCertificateArgs,
  parseLoadBalancerArgs,
} from "../../lookup/search-args";
import { MAX_MIN_DAYS_VALID } from "../../lookup/fit-for-use";
import { LIGHTSAIL_REGIONS } from "../../lightsail/regions";
import { InvalidArgumentError } from "../../lightsail/errors";

/** [description, args, the property that must be named, a fragment of the reason]. */
const BAD: [string, unknown, string, RegExp][] = [
  ["no target", {}, "name", /name.*domainName/],
  ["args not an object", "example.com", "args", /must be an object/],
  ["args null", null, "args", /must be an object/],
  ["empty name", { name: "" }, "name", /empty/],
  ["blank name", { name: "   " }, "name", /empty or blank/],
  ["name of wrong type", { name: 42 }, "name", /must be a string, got a number/],
  ["name with a space", { name: "my cert" }, "name", /not a Lightsail resource name/],
  ["name starting with a hyphen", { name: "-cert" }, "name", /not a Lightsail resource name/],
  ["over-long name", { name: "a".repeat(256) }, "name", /256 characters/],
  ["empty domain", { domainName: "" }, "domainName", /empty/],
  ["domain of wrong type", { domainName: ["example.com"] }, "domainName", /got an array/],
  ["domain with a space", { domainName: "exa mple.com" }, "domainName", /white space/],
  ["domain with a scheme", { domainName: "https://example.com" }, "domainName", /URL scheme.*"example\.com"/],
  ["domain with a port", { domainName: "example.com:443" }, "domainName", /port/],
  ["domain with a path", { domainName: "example.com/x" }, "domainName", /path/],
  ["IP address", { domainName: "192.168.0.1" }, "domainName", /IP address/],
  ["IPv6 address", { domainName: "::1" }, "domainName", /IPv6/],
  ["unicode domain", { domainName: "bücher.example" }, "domainName", /punycode/],
  ["wildcard", { domainName: "*.example.com" }, "domainName", /wildcard/],
  ["single label", { domainName: "localhost" }, "domainName", /fully qualified/],
  ["label too long", { domainName: `${"a".repeat(64)}.com` }, "domainName", /invalid label/],
  ["hyphen at label end", { domainName: "bad-.example.com" }, "domainName", /invalid label/],
  [
    "unknown status",
    { domainName: "example.com", statuses: ["VALID"] },
    "statuses[0]",
    /not a certificate status/,
  ],
  [
    "lower-case status",
    { domainName: "example.com", statuses: ["issued"] },
    "statuses[0]",
    /upper case: "ISSUED"/,
  ],
  ["status of wrong type", { domainName: "example.com", statuses: [1] }, "statuses[0]", /got a number/],
  ["statuses not an array", { domainName: "example.com", statuses: "ISSUED" }, "statuses", /array/],
  ["statuses empty", { domainName: "example.com", statuses: [] }, "statuses", /at least one/],
  ["negative days", { domainName: "example.com", minDaysValid: -1 }, "minDaysValid", /negative/],
  ["fractional days", { domainName: "example.com", minDaysValid: 1.5 }, "minDaysValid", /whole number/],
  ["NaN days", { domainName: "example.com", minDaysValid: NaN }, "minDaysValid", /number of days/],
  ["huge days", { domainName: "example.com", minDaysValid: 1e9 }, "minDaysValid", /at most 3650/],
  ["days as a string", { domainName: "example.com", minDaysValid: "30" }, "minDaysValid", /got a string/],
  ["mostRecent not boolean", { domainName: "example.com", mostRecent: "yes" }, "mostRecent", /true or false/],
  ["tags not an object", { domainName: "example.com", tags: [["a", "b"]] }, "tags", /object/],
  ["tag value not a string", { domainName: "example.com", tags: { env: 1 } }, "tags.env", /string/],
  ["unknown region", { domainName: "example.com", region: "us-west-1" }, "region", /no Lightsail endpoint/],
  ["empty region", { domainName: "example.com", region: "" }, "region", /empty/],
  [
    "SANs not an array",
    { domainName: "example.com", subjectAlternativeNames: "a.example.com" },
    "subjectAlternativeNames",
    /array/,
  ],
  [
    "more than 10 SANs",
    {
      domainName: "example.com",
      subjectAlternativeNames: Array.from({ length: 11 }, (_, i) => `d${i}.example.com`),
    },
    "subjectAlternativeNames",
    /at most 10/,
  ],
  [
    "bad SAN",
    { domainName: "example.com", subjectAlternativeNames: ["ok.example.com", "bad domain"] },
    "subjectAlternativeNames[1]",
    /white space/,
  ],
  ["misspelt argument", { domain: "example.com", name: "x1" }, "domain", /did you mean `domainName`/],
];

describe("argument validation", () => {
  for (const [what, args, property, reason] of BAD) {
    it(`rejects ${what}, naming ${property}`, () => {
      const { query, problems } = checkCertificateArgs(args, true);
      assert.equal(query, undefined);
      const problem = problems.find((p) => p.property === property);
      assert.ok(problem, `expected a problem with ${property}, got ${JSON.stringify(problems)}`);
      assert.match(problem.reason, reason);
      assert.throws(
        () => parseCertificateArgs(args, true),
        (err: unknown) =>
          err instanceof InvalidArgumentError &&
          err.name === "InvalidArgumentError" &&
          err.message.includes(`\`${problems[0].property}\``),
      );
    });
  }

  it("normalises a good query: domain case and trailing dot, sorted unique statuses", () => {
    const query = parseCertificateArgs(
      {
        domainName: "WWW.Example.COM.",
        statuses: ["PENDING_VALIDATION", "ISSUED", "ISSUED"],
        subjectAlternativeNames: ["API.example.com"],
        minDaysValid: 0,
        tags: { env: "prod" },
        region: "eu-west-1",
        mostRecent: true,
      },
      true,
    );
    assert.deepEqual(query, {
      domainName: "www.example.com",
      statuses: ["ISSUED", "PENDING_VALIDATION"],
      subjectAlternativeNames: ["api.example.com"],
      minDaysValid: 0,
      tags: { env: "prod" },
      region: "eu-west-1",
      mostRecent: true,
    });
  });

  it("defaults statuses to ISSUED and accepts punycode", () => {
    const query = parseCertificateArgs({ domainName: "xn--bcher-kva.example" }, true);
    assert.deepEqual(query.statuses, ["ISSUED"]);
    assert.equal(query.domainName, "xn--bcher-kva.example");
  });

  it("lets getCertificates omit every argument", () => {
    assert.deepEqual(parseCertificateArgs(undefined, false).statuses, ["ISSUED"]);
    assert.deepEqual(parseCertificateArgs({}, false).statuses, ["ISSUED"]);
  });

  it("reports every problem at once for check failures", () => {
    const { problems } = checkCertificateArgs({ domainName: "", statuses: ["nope"], minDaysValid: -3 }, true);
    assert.deepEqual(
      problems.map((p) => p.property),
      ["domainName", "statuses[0]", "minDaysValid"],
    );
  });
});

describe("argument validation: load-balancer certificates (the same checker)", () => {
  it("reports every problem, loadBalancerName first, with the same reasons as getCertificate", () => {
    const { query, problems } = checkLoadBalancerArgs({
      domainName: "https://x.com",
      statuses: ["issued"],
      minDaysValid: 1.5,
    });
    assert.equal(query, undefined);
    assert.deepEqual(
      problems.map((p) => p.property),
      ["loadBalancerName", "domainName", "statuses[0]", "minDaysValid"],
    );
    const same = checkCertificateArgs(
      { domainName: "https://x.com", statuses: ["issued"], minDaysValid: 1.5 },
      false,
    );
    assert.deepEqual(problems.slice(1), same.problems);
  });

  it("suggests the argument meant, and refuses arguments of account certificates it does not take", () => {
    assert.deepEqual(checkLoadBalancerArgs({ loadBalancerName: "lb", domian: "x.com" }).problems, [
      { property: "domian", reason: "is not an argument of this lookup; did you mean `domainName`?" },
    ]);
    assert.deepEqual(
      checkLoadBalancerArgs({ loadBalancerName: "lb", tags: { a: "b" }, mostRecent: true }).problems.map(
        (p) => p.property,
      ),
      ["tags", "mostRecent"],
    );
  });

  it("no argument is silently accepted, `__` names included", () => {
    assert.deepEqual(
      checkLoadBalancerArgs({ loadBalancerName: "lb", __provider: "x" }).problems.map((p) => p.property),
      ["__provider"],
    );
    assert.deepEqual(
      checkCertificateArgs({ name: "site", __provider: "x" }, true).problems.map((p) => p.property),
      ["__provider"],
    );
  });

  it("accepts UNKNOWN, which only load-balancer certificates have, and normalises like getCertificate", () => {
    const query = parseLoadBalancerArgs({
      loadBalancerName: "lb",
      domainName: "Example.COM.",
      statuses: ["UNKNOWN", "ISSUED", "ISSUED"],
    });
    assert.deepEqual(query, {
      loadBalancerName: "lb",
      domainName: "example.com",
      statuses: ["ISSUED", "UNKNOWN"],
      subjectAlternativeNames: [],
      mostRecent: false,
      tags: {},
      minDaysValid: undefined,
    });
    assert.throws(() => parseCertificateArgs({ name: "site", statuses: ["UNKNOWN"] }, true), /statuses\[0\]/);
    assert.throws(
      () => parseLoadBalancerArgs(null),
      (err: unknown) => (err as { argument?: string }).argument === "args",
    );
  });
});

describe("domain rules: each problem by its exact text", () => {
  const invalidLabel = (domain: string, label: string) =>
    `"${domain}" has an invalid label "${label}" (letters, digits and inner hyphens, 1 to 63 characters)`;
  const cases: [string, string | undefined][] = [
    ["", "must not be empty"],
    ["  ", "must not be blank"],
    ["a b.com", '"a b.com" contains white space; give a bare domain such as example.com'],
    ["a\tb.com", '"a\tb.com" contains white space; give a bare domain such as example.com'],
    ["HTTPS://x.com/p", '"HTTPS://x.com/p" has a URL scheme; give the bare domain (e.g. "x.com")'],
    ["ftp+x://h:21/a", '"ftp+x://h:21/a" has a URL scheme; give the bare domain (e.g. "h")'],
    ["x.com/", '"x.com/" contains a path; give the bare domain'],
    ["x.com:1", '"x.com:1" contains a port or is an IPv6 address; give a bare domain'],
    ["*.x.com", '"*.x.com" is a wildcard; Lightsail certificates do not support wildcard names'],
    ["x*.com", invalidLabel("x*.com", "x*")],
    [
      "\u00e9.com",
      '"\u00e9.com" is not ASCII; give its punycode form (e.g. xn--...), as Lightsail stores it',
    ],
    [`${"a".repeat(250)}.com`, "is 254 characters long; a domain name has at most 253"],
    // 253 characters once the trailing dot is gone: the longest name there is.
    [`${"a".repeat(63)}.${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(57)}.com.`, undefined],
    ["x", '"x" is not a fully qualified domain name (e.g. example.com)'],
    ["x.", '"x." is not a fully qualified domain name (e.g. example.com)'],
    ["1.2.3.4", '"1.2.3.4" looks like an IP address; certificates name domains'],
    ["x.123", '"x.123" looks like an IP address; certificates name domains'],
    ["x.c0m", undefined],
    ["x.ab1", undefined],
    ["x.1ab", undefined],
    ["x.com/go://y", '"x.com/go://y" contains a path; give the bare domain'],
    ["9.com", undefined],
    ["-a.com", invalidLabel("-a.com", "-a")],
    ["a-.com", invalidLabel("a-.com", "a-")],
    ["a_b.com", invalidLabel("a_b.com", "a_b")],
    ["a..com", invalidLabel("a..com", "")],
    ["a.com..", invalidLabel("a.com..", "")],
    ["A.COM.", undefined],
    ["a.b.c.d.com", undefined],
    ["a-b.com", undefined],
    [`${"a".repeat(63)}.com`, undefined],
    [`${"a".repeat(64)}.com`, invalidLabel(`${"a".repeat(64)}.com`, "a".repeat(64))],
  ];
  for (const [domain, expected] of cases) {
    it(`${JSON.stringify(domain.length > 20 ? `${domain.slice(0, 8)}...(${domain.length})` : domain)}: ${expected ?? "accepted"}`, () => {
      assert.equal(describeDomainProblem(domain), expected);
    });
  }

  it("normalizeDomain lower-cases and removes one trailing dot; coverage is exact", () => {
    assert.equal(normalizeDomain("A.Example.COM."), "a.example.com");
    assert.equal(normalizeDomain("a.com.."), "a.com.");
    assert.equal(normalizeDomain("a.com"), "a.com");
    assert.equal(certificateCovers("a.com", [], "a.com"), true);
    assert.equal(certificateCovers("a.com", ["b.com"], "b.com"), true);
    assert.equal(certificateCovers("a.com", ["b.com"], "c.com"), false);
  });
});

describe("argument validation: each reason by its exact text", () => {
  const regions = LIGHTSAIL_REGIONS.join(", ");
  const notName = (name: string) =>
    `"${name}" is not a Lightsail resource name (letters, digits, "_" and "-", starting and ending with a letter or digit)`;
  const problemsOf = (args: unknown, requireTarget = true) =>
    checkCertificateArgs(args, requireTarget).problems;
  const ok = (args: object) => {
    const { query, problems } = checkCertificateArgs(args, true);
    assert.deepEqual(problems, []);
    return query!;
  };

  it("the limits are the documented ones", () => {
    assert.equal(MAX_NAME_LENGTH, 255);
    assert.equal(MAX_DOMAINS, 10);
    assert.equal(MAX_MIN_DAYS_VALID, 3650);
    assert.deepEqual(LOAD_BALANCER_STATUSES, [
      "PENDING_VALIDATION",
      "ISSUED",
      "INACTIVE",
      "EXPIRED",
      "VALIDATION_TIMED_OUT",
      "REVOKED",
      "FAILED",
      "UNKNOWN",
    ]);
  });

  it("names", () => {
    assert.equal(describeNameProblem("ab"), undefined);
    assert.equal(describeNameProblem("a_b"), undefined);
    assert.equal(describeNameProblem("_a-b_"), undefined);
    assert.equal(describeNameProblem("a".repeat(255)), undefined);
    assert.equal(describeNameProblem("a".repeat(256)), "is 256 characters long; at most 255");
    assert.equal(describeNameProblem("a-"), notName("a-"));
    assert.equal(describeNameProblem("a b"), notName("a b"));
    assert.equal(describeNameProblem("a.b"), notName("a.b"));
    assert.equal(describeNameProblem(" "), "must not be empty or blank");
    assert.equal(describeNameProblem(1), "must be a string, got a number");
    assert.equal(describeNameProblem(true), "must be a string, got a boolean");
    assert.equal(describeNameProblem(null), "must be a string, got null");
    assert.equal(describeNameProblem([]), "must be a string, got an array");
    assert.equal(describeNameProblem({}), "must be a string, got an object");
  });

  it("regions, as arguments and as configured", () => {
    assert.equal(describeRegionProblem("eu-west-2"), undefined);
    assert.equal(describeRegionProblem(5), "must be a string, got a number");
    assert.equal(describeRegionProblem(" "), "must not be empty or blank");
    assert.equal(
      describeRegionProblem("US-EAST-1"),
      `"US-EAST-1" has no Lightsail endpoint; use one of ${regions}`,
    );
    assert.equal(
      describeRegionProblem("ap-southeast-7"),
      `"ap-southeast-7" has no Lightsail endpoint; use one of ${regions}`,
    );
    assert.match(regions, /^us-east-1, us-east-2, us-west-2, eu-west-1/);
    assert.equal(describeConfiguredRegionProblem("eu-west-2"), undefined);
    assert.equal(describeConfiguredRegionProblem("ap-southeast-7"), undefined);
    assert.equal(describeConfiguredRegionProblem(" "), "must not be empty or blank");
    assert.equal(
      describeConfiguredRegionProblem("us-west-1"),
      `"us-west-1" has no Lightsail endpoint; use one of ${regions}`,
    );
    assert.equal(
      describeConfiguredRegionProblem("nope"),
      `"nope" has no Lightsail endpoint; use one of ${regions}`,
    );
  });

  it("arguments that are not an object", () => {
    assert.deepEqual(problemsOf([]), [{ property: "args", reason: "must be an object, got an array" }]);
    assert.deepEqual(problemsOf(7), [{ property: "args", reason: "must be an object, got a number" }]);
    assert.deepEqual(problemsOf(undefined, false), []);
    assert.equal(problemsOf(undefined, true)[0].property, "args");
  });

  it("unknown arguments: a suggestion within two edits or of a misspelt prefix, else the list", () => {
    const unknown = (key: string, args: object = { name: "site" }) =>
      problemsOf({ ...args, [key]: 1 }).find((p) => p.property === key)?.reason;
    assert.equal(unknown("nam"), "is not an argument of this lookup; did you mean `name`?");
    assert.equal(unknown("Name"), "is not an argument of this lookup; did you mean `name`?");
    assert.equal(unknown("domi"), "is not an argument of this lookup; did you mean `domainName`?");
    assert.equal(unknown("statu"), "is not an argument of this lookup; did you mean `statuses`?");
    assert.equal(unknown("regoin"), "is not an argument of this lookup; did you mean `region`?");
    assert.equal(unknown("tgs"), "is not an argument of this lookup; did you mean `tags`?");
    // Two arguments within reach: the nearer wins (`name` is 2 edits away, `tags` 1).
    assert.equal(unknown("nags"), "is not an argument of this lookup; did you mean `tags`?");
    assert.equal(
      unknown("zzzzzz"),
      "is not an argument of this lookup; known arguments: name, domainName, subjectAlternativeNames, statuses, mostRecent, minDaysValid, tags, region",
    );
    assert.equal(
      unknown("dom"),
      "is not an argument of this lookup; known arguments: name, domainName, subjectAlternativeNames, statuses, mostRecent, minDaysValid, tags, region",
    );
    assert.deepEqual(problemsOf({ name: "site", extra: undefined }), []);
    assert.deepEqual(problemsOf({ nam: "x" }), [
      { property: "nam", reason: "is not an argument of this lookup; did you mean `name`?" },
      { property: "name", reason: "give `name` or `domainName` (or both) to say which certificate to find" },
    ]);
  });

  it("statuses: every problem with its index, sorted and without duplicates when good", () => {
    assert.deepEqual(problemsOf({ domainName: "example.com", statuses: ["VALID", 3, "issued", "ISSUED"] }), [
      {
        property: "statuses[0]",
        reason:
          '"VALID" is not a certificate status; use one of PENDING_VALIDATION, ISSUED, INACTIVE, EXPIRED, VALIDATION_TIMED_OUT, REVOKED, FAILED',
      },
      { property: "statuses[1]", reason: "must be a string, got a number" },
      {
        property: "statuses[2]",
        reason: '"issued" is not a certificate status; statuses are upper case: "ISSUED"',
      },
    ]);
    assert.deepEqual(problemsOf({ domainName: "example.com", statuses: null }), [
      { property: "statuses", reason: "must be an array of statuses, got null" },
    ]);
    assert.deepEqual(problemsOf({ domainName: "example.com", statuses: [] }), [
      { property: "statuses", reason: "must list at least one status (omit it for ISSUED)" },
    ]);
    assert.deepEqual(ok({ domainName: "example.com", statuses: ["REVOKED", "FAILED", "REVOKED"] }).statuses, [
      "FAILED",
      "REVOKED",
    ]);
  });

  it("minDaysValid: both ends of the range and each wrong kind", () => {
    assert.equal(ok({ domainName: "example.com", minDaysValid: 0 }).minDaysValid, 0);
    assert.equal(ok({ domainName: "example.com", minDaysValid: 3650 }).minDaysValid, 3650);
    assert.equal("minDaysValid" in ok({ domainName: "example.com" }), true);
    const reasons = (value: unknown) => {
      const problems: { property: string; reason: string }[] = [];
      const result = checkMinDays(value, problems);
      assert.equal(result, undefined);
      return problems;
    };
    assert.deepEqual(reasons(3651), [
      { property: "minDaysValid", reason: "3651 days is more than any certificate lasts; at most 3650" },
    ]);
    assert.deepEqual(reasons(-1), [{ property: "minDaysValid", reason: "must not be negative, got -1" }]);
    assert.deepEqual(reasons(1.5), [
      { property: "minDaysValid", reason: "must be a whole number of days, got 1.5" },
    ]);
    assert.deepEqual(reasons(NaN), [
      { property: "minDaysValid", reason: "must be a number of days, got a number" },
    ]);
    assert.deepEqual(reasons(null), [
      { property: "minDaysValid", reason: "must be a number of days, got null" },
    ]);
    assert.deepEqual(reasons(undefined), []);
  });

  it("mostRecent, tags and subject alternative names", () => {
    assert.equal(ok({ domainName: "example.com", mostRecent: true }).mostRecent, true);
    assert.equal(ok({ domainName: "example.com", mostRecent: false }).mostRecent, false);
    assert.equal(ok({ domainName: "example.com" }).mostRecent, false);
    assert.deepEqual(problemsOf({ domainName: "example.com", mostRecent: 1 }), [
      { property: "mostRecent", reason: "must be true or false, got a number" },
    ]);
    assert.deepEqual(problemsOf({ domainName: "example.com", tags: { "": "x", " ": "y", ok: "z" } }), [
      { property: "tags", reason: "has an empty key" },
      { property: "tags", reason: "has an empty key" },
    ]);
    const many = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, "v"]));
    assert.deepEqual(problemsOf({ domainName: "example.com", tags: many(51) }), [
      { property: "tags", reason: "has 51 keys; at most 50" },
    ]);
    assert.deepEqual(ok({ domainName: "example.com", tags: many(50) }).tags, many(50));
    assert.deepEqual(problemsOf({ domainName: "example.com", tags: null }), [
      { property: "tags", reason: "must be an object of key -> value, got null" },
    ]);
    assert.deepEqual(problemsOf({ domainName: "example.com", tags: "a=b" }), [
      { property: "tags", reason: "must be an object of key -> value, got a string" },
    ]);
    assert.deepEqual(problemsOf({ domainName: "example.com", tags: { env: 1 } }), [
      { property: "tags.env", reason: "must be a string, got a number" },
    ]);
    const proto = ok({ domainName: "example.com", tags: JSON.parse('{"__proto__":"x"}') }).tags;
    assert.deepEqual(Object.keys(proto), ["__proto__"]);
    assert.deepEqual(Object.getOwnPropertyDescriptor(proto, "__proto__"), {
      value: "x",
      enumerable: true,
      writable: true,
      configurable: true,
    });
    assert.deepEqual(problemsOf({ domainName: "example.com", subjectAlternativeNames: null }), [
      { property: "subjectAlternativeNames", reason: "must be an array of domains, got null" },
    ]);
    assert.deepEqual(problemsOf({ domainName: "example.com", subjectAlternativeNames: [5] }), [
      { property: "subjectAlternativeNames[0]", reason: "must be a string, got a number" },
    ]);
    const eleven = Array.from({ length: 11 }, (_, i) => `d${i}.example.com`);
    assert.deepEqual(problemsOf({ domainName: "example.com", subjectAlternativeNames: eleven }), [
      {
        property: "subjectAlternativeNames",
        reason: "lists 11 domains; a Lightsail certificate covers at most 10",
      },
    ]);
    assert.deepEqual(
      ok({ domainName: "example.com", subjectAlternativeNames: eleven.slice(1) }).subjectAlternativeNames,
      eleven.slice(1),
    );
    assert.deepEqual(
      ok({ domainName: "example.com", subjectAlternativeNames: ["A.example.com.", "a.example.com"] })
        .subjectAlternativeNames,
      ["a.example.com"],
    );
  });

  it("name, domain and region together, each checked", () => {
    assert.deepEqual(problemsOf({ name: "x", domainName: 5, region: 5 }), [
      { property: "name", reason: notName("x") },
      { property: "domainName", reason: "must be a string, got a number" },
      { property: "region", reason: "must be a string, got a number" },
    ]);
    assert.deepEqual(ok({ name: "site", region: "eu-west-2" }), {
      name: "site",
      subjectAlternativeNames: [],
      statuses: ["ISSUED"],
      mostRecent: false,
      tags: {},
      minDaysValid: undefined,
      region: "eu-west-2",
    });
    assert.deepEqual(ok({ domainName: "Example.com" }).domainName, "example.com");
    assert.equal("name" in ok({ domainName: "example.com" }), false);
    assert.equal("region" in ok({ domainName: "example.com" }), false);
  });

  it("load-balancer arguments: loadBalancerName required and checked, account-only arguments refused", () => {
    const lbKnown = "known arguments: loadBalancerName, name, domainName, statuses, minDaysValid, region";
    assert.deepEqual(checkLoadBalancerArgs({}), {
      problems: [
        { property: "loadBalancerName", reason: "is required: the load balancer whose certificates to read" },
      ],
    });
    assert.deepEqual(checkLoadBalancerArgs({ loadBalancerName: 5 }), {
      problems: [{ property: "loadBalancerName", reason: "must be a string, got a number" }],
    });
    assert.deepEqual(checkLoadBalancerArgs({ loadBalancerName: "lb", name: "" }), {
      problems: [{ property: "name", reason: "must not be empty or blank" }],
    });
    assert.deepEqual(checkLoadBalancerArgs({ loadBalancerName: "lb", mostRecent: true }), {
      problems: [{ property: "mostRecent", reason: `is not an argument of this lookup; ${lbKnown}` }],
    });
    // Refused as unknown, and not also checked as the account search would.
    assert.deepEqual(checkLoadBalancerArgs({ loadBalancerName: "lb", tags: { "": "x" } }), {
      problems: [{ property: "tags", reason: `is not an argument of this lookup; ${lbKnown}` }],
    });
    assert.deepEqual(checkLoadBalancerArgs({ loadBalancerName: "lb", subjectAlternativeNames: [5] }), {
      problems: [
        { property: "subjectAlternativeNames", reason: `is not an argument of this lookup; ${lbKnown}` },
      ],
    });
    assert.deepEqual(checkLoadBalancerArgs(null), {
      problems: [{ property: "args", reason: "must be an object, got null" }],
    });
    assert.deepEqual(checkLoadBalancerArgs({ loadBalancerName: "lb" }), {
      query: {
        loadBalancerName: "lb",
        subjectAlternativeNames: [],
        statuses: ["ISSUED"],
        mostRecent: false,
        tags: {},
        minDaysValid: undefined,
      },
      problems: [],
    });
    assert.throws(
      () => parseLoadBalancerArgs({ loadBalancerName: "lb", minDaysValid: -1 }),
      (err: unknown) =>
        err instanceof InvalidArgumentError &&
        err.argument === "minDaysValid" &&
        err.message.includes("must not be negative, got -1"),
    );
    assert.deepEqual(checkCertificateArgs({ name: "site" }, false).problems, []);
    assert.deepEqual(checkCertificateArgs({}, false).problems, []);
  });
});

describe("argument validation: the words for a missing value", () => {
  it("says `got undefined`, not `got a undefined`", () => {
    assert.deepEqual(checkCertificateArgs(undefined, true).problems, [
      { property: "args", reason: "must be an object, got undefined" },
    ]);
    assert.deepEqual(checkCertificateArgs({ name: null }, true).problems[0], {
      property: "name",
      reason: "must be a string, got null",
    });
  });
});
