import { strict as assert } from "node:assert";
import {
  checkCertificateArgs,
  checkLoadBalancerArgs,
  parseCertificateArgs,
  parseLoadBalancerArgs,
} from "../../lookup/validate";
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
