/**
 * The bad-input matrix: one row per kind of bad (or borderline) input, one probe per entry point
 * that takes such an input. A probe names the argument its error must name, or {@link ACCEPTED}
 * for inputs that must go through (then the lookup runs and reaches the emulator).
 *
 * Entry points: the three lookup functions, `CertificateLookup`'s `check` (the dynamic
 * provider's, as the engine calls it), the `lightsail-certs` command line (`runGate`) and the
 * emulator's fixture loader (`validateFixtureDocument` / `setFixtures`).
 */
import { makeCertificate, makeLoadBalancerTlsCertificate, type FixtureDocument } from "../../emulator";

/** Where an input goes in. */
export type EntryPoint =
  "getCertificate" | "getCertificates" | "getLoadBalancerTlsCertificate" | "check" | "gate" | "fixtures";

/** The entry points in table order, with their column headers. */
export const ENTRY_POINTS: ReadonlyArray<[EntryPoint, string]> = [
  ["getCertificate", "getCertificate"],
  ["getCertificates", "getCertificates"],
  ["getLoadBalancerTlsCertificate", "getLoadBalancerTlsCertificate"],
  ["check", "CertificateLookup check"],
  ["gate", "lightsail-certs"],
  ["fixtures", "fixture loader"],
];

/** The input goes through: no argument error, and the lookup reaches the emulator. */
export const ACCEPTED = "accepted";

/** One input given to one entry point. */
export interface Probe {
  /**
   * The input: lookup arguments; for `check` the `query` the engine passes; for `gate` argv;
   * for `fixtures` a fixture document.
   */
  input: unknown;
  /** The argument (flag, fixture path) the error must name, or {@link ACCEPTED}. */
  names: string;
  /**
   * Environment for this probe only (the functions and the gate read AWS_REGION from it; for
   * `check`, AWS_REGION stands for the stack's `aws:region`).
   */
  env?: Record<string, string>;
}

/** One row of the matrix. */
export interface BadInputCase {
  name: string;
  probes: Partial<Record<EntryPoint, Probe>>;
}

/** The fixtures every probe runs against (accepted inputs find these). */
export function inputFixtures(): FixtureDocument {
  return {
    certificates: [
      makeCertificate({
        name: "example-com",
        domainName: "example.com",
        subjectAlternativeNames: ["www.example.com"],
        notAfter: "2035-01-01T00:00:00Z",
      }),
      makeCertificate({
        name: "bucher-cert",
        domainName: "xn--bcher-kva.example",
        notAfter: "2035-01-01T00:00:00Z",
      }),
      makeCertificate({
        name: "my_cert-2",
        domainName: "under.example.com",
        notAfter: "2035-01-01T00:00:00Z",
      }),
    ],
    loadBalancerTlsCertificates: [
      makeLoadBalancerTlsCertificate({
        loadBalancerName: "web-lb",
        name: "web-lb-cert",
        domainName: "example.com",
        isAttached: true,
        notAfter: "2035-01-01T00:00:00Z",
      }),
    ],
  };
}

const LB = "web-lb";

/** The same arguments to getCertificate, getCertificates and check. */
function lookups(args: Record<string, unknown>, names: string): Partial<Record<EntryPoint, Probe>> {
  return {
    getCertificate: { input: args, names },
    getCertificates: { input: args, names },
    check: { input: args, names },
  };
}

/** Load-balancer lookup arguments (with `loadBalancerName: "web-lb"` unless given). */
function lb(args: Record<string, unknown>, names: string): Partial<Record<EntryPoint, Probe>> {
  return { getLoadBalancerTlsCertificate: { input: { loadBalancerName: LB, ...args }, names } };
}

function gate(
  argv: unknown,
  names: string,
  env?: Record<string, string>,
): Partial<Record<EntryPoint, Probe>> {
  return { gate: { input: argv, names, ...(env ? { env } : {}) } };
}

/** A fixture document with one certificate, `fields` laid over a valid one. */
function fixture(fields: Record<string, unknown>, names: string): Partial<Record<EntryPoint, Probe>> {
  const cert = {
    arn: "arn:aws:lightsail:us-east-1:123456789012:Certificate/x",
    name: "x",
    domainName: "x.com",
  };
  return { fixtures: { input: { certificates: [{ ...cert, ...fields }] }, names } };
}

const LB_FIXTURE = {
  loadBalancerName: LB,
  arn: "arn:aws:lightsail:us-east-1:1:LoadBalancerTlsCertificate/x",
  name: "x",
  domainName: "x.com",
};
const D = { domainName: "example.com" };
const longDomain = `${Array.from({ length: 5 }, () => "a".repeat(50)).join(".")}.com`; // 259 characters
const elevenDomains = Array.from({ length: 11 }, (_, i) => `d${i}.example.com`);
const tenDomains = ["example.com", "www.example.com", ...elevenDomains.slice(0, 8)];
const fiftyOneTags = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, "v"]));

/** Every case of the matrix, in table order. */
export const BAD_INPUT_CASES: readonly BadInputCase[] = [
  // Wrong types, as JavaScript callers (or untyped config) pass them.
  {
    name: "arguments are a string",
    probes: {
      getCertificate: { input: "example.com", names: "args" },
      getCertificates: { input: "example.com", names: "args" },
      getLoadBalancerTlsCertificate: { input: "web-lb", names: "args" },
      ...gate("check", "the arguments"),
      fixtures: { input: "certificates", names: "(document)" },
    },
  },
  {
    name: "arguments are null",
    probes: {
      getCertificate: { input: null, names: "args" },
      getCertificates: { input: null, names: "args" },
      getLoadBalancerTlsCertificate: { input: null, names: "args" },
      ...gate(null, "the arguments"),
      fixtures: { input: null, names: "(document)" },
    },
  },
  {
    name: "name is a number",
    probes: {
      ...lookups({ name: 42 }, "name"),
      ...lb({ loadBalancerName: 42 }, "loadBalancerName"),
      ...gate(["check", "--domain", 42], "--domain"),
      ...fixture({ name: 42 }, "certificates[0].name"),
    },
  },
  {
    name: "domainName is an array",
    probes: {
      ...lookups({ domainName: ["example.com"] }, "domainName"),
      ...lb({ domainName: ["example.com"] }, "domainName"),
      ...gate(["check", "--domain", null], "--domain"),
      ...fixture({ domainName: ["x.com"] }, "certificates[0].domainName"),
    },
  },
  {
    name: "statuses is a string",
    probes: {
      ...lookups({ ...D, statuses: "ISSUED" }, "statuses"),
      ...lb({ statuses: "ISSUED" }, "statuses"),
      ...fixture({ status: 1 }, "certificates[0].status"),
    },
  },
  {
    name: "status is a number",
    probes: { ...lookups({ ...D, statuses: [1] }, "statuses[0]"), ...lb({ statuses: [1] }, "statuses[0]") },
  },
  {
    name: "minDaysValid is a string",
    probes: {
      ...lookups({ ...D, minDaysValid: "30" }, "minDaysValid"),
      ...lb({ minDaysValid: "30" }, "minDaysValid"),
      ...gate(["check", "--min-days", "thirty"], "--min-days"),
      ...fixture({ inUseResourceCount: "3" }, "certificates[0].inUseResourceCount"),
    },
  },
  {
    name: "mostRecent is a string",
    probes: {
      ...lookups({ ...D, mostRecent: "yes" }, "mostRecent"),
      ...lb({ mostRecent: "yes" }, "mostRecent"),
      ...gate(["check", "--json=yes"], "--json"),
      fixtures: {
        input: { loadBalancerTlsCertificates: [{ ...LB_FIXTURE, isAttached: "yes" }] },
        names: "loadBalancerTlsCertificates[0].isAttached",
      },
    },
  },
  {
    name: "tags is an array",
    probes: {
      ...lookups({ ...D, tags: [["env", "prod"]] }, "tags"),
      ...lb({ tags: [["env", "prod"]] }, "tags"),
      ...fixture({ tags: { env: "prod" } }, "certificates[0].tags"),
    },
  },
  {
    name: "tag value is a number",
    probes: {
      ...lookups({ ...D, tags: { env: 1 } }, "tags.env"),
      ...fixture({ tags: [{ key: "env", value: 1 }] }, "certificates[0].tags[0].value"),
    },
  },
  {
    name: "region is a number",
    probes: {
      ...lookups({ ...D, region: 1 }, "region"),
      ...lb({ region: 1 }, "region"),
      ...fixture({ region: 1 }, "certificates[0].region"),
    },
  },
  {
    name: "misspelt argument",
    probes: {
      ...lookups({ domain: "example.com" }, "domain"),
      ...lb({ domain: "example.com" }, "domain"),
      ...gate(["check", "--domian", "example.com"], "--domian"),
      fixtures: { input: { certificate: [] }, names: "certificate" },
    },
  },
  // Missing, empty and blank values.
  {
    name: "no name and no domainName",
    probes: {
      getCertificate: { input: {}, names: "name" },
      getCertificates: { input: {}, names: ACCEPTED },
      check: { input: {}, names: "name" },
      getLoadBalancerTlsCertificate: { input: {}, names: "loadBalancerName" },
      ...gate(["check", "--region", "us-east-1"], ACCEPTED),
      ...fixture({ name: undefined }, "certificates[0].name"),
    },
  },
  {
    name: "empty name",
    probes: {
      ...lookups({ name: "" }, "name"),
      ...lb({ loadBalancerName: "" }, "loadBalancerName"),
      ...gate(["check", "--profile", ""], "--profile"),
      ...fixture({ name: "" }, "certificates[0].name"),
    },
  },
  {
    name: "blank name",
    probes: {
      ...lookups({ name: " \t " }, "name"),
      ...lb({ name: "   " }, "name"),
      ...gate(["check", "--profile", "   "], "--profile"),
      ...fixture({ name: "   " }, "certificates[0].name"),
    },
  },
  {
    name: "empty domainName",
    probes: {
      ...lookups({ domainName: "" }, "domainName"),
      ...lb({ domainName: "" }, "domainName"),
      ...gate(["check", "--domain", ""], "--domain"),
      ...fixture({ domainName: "" }, "certificates[0].domainName"),
    },
  },
  {
    name: "blank domainName",
    probes: {
      ...lookups({ domainName: "  \t" }, "domainName"),
      ...lb({ domainName: "  " }, "domainName"),
      ...gate(["check", "--domain", "   "], "--domain"),
      ...fixture({ domainName: "  " }, "certificates[0].domainName"),
    },
  },
  {
    name: "empty region",
    probes: {
      ...lookups({ ...D, region: "" }, "region"),
      ...lb({ region: "" }, "region"),
      ...gate(["check", "--region", ""], "--region"),
      ...fixture({ region: "" }, "certificates[0].region"),
    },
  },
  {
    name: "empty status",
    probes: {
      ...lookups({ ...D, statuses: [""] }, "statuses[0]"),
      ...lb({ statuses: [""] }, "statuses[0]"),
      ...gate(["check", "--status", ""], "--status"),
    },
  },
  {
    name: "empty statuses list",
    probes: { ...lookups({ ...D, statuses: [] }, "statuses"), ...lb({ statuses: [] }, "statuses") },
  },
  // Over-long values.
  {
    name: "name of 256 characters",
    probes: {
      ...lookups({ name: "a".repeat(256) }, "name"),
      ...lb({ loadBalancerName: "a".repeat(256) }, "loadBalancerName"),
    },
  },
  {
    name: "domain of 259 characters",
    probes: {
      ...lookups({ domainName: longDomain }, "domainName"),
      ...lb({ domainName: longDomain }, "domainName"),
      ...gate(["check", "--domain", longDomain], "--domain"),
    },
  },
  {
    name: "domain label of 64 characters",
    probes: {
      ...lookups({ domainName: `${"a".repeat(64)}.com` }, "domainName"),
      ...lb({ domainName: `${"a".repeat(64)}.com` }, "domainName"),
      ...gate(["check", "--domain", `${"a".repeat(64)}.com`], "--domain"),
    },
  },
  {
    name: "51 tags",
    probes: lookups({ ...D, tags: fiftyOneTags }, "tags"),
  },
  // Names that break \w[\w-]*\w.
  {
    name: "name with a space",
    probes: {
      ...lookups({ name: "my cert" }, "name"),
      ...lb({ loadBalancerName: "web lb" }, "loadBalancerName"),
    },
  },
  {
    name: "name starting with a hyphen",
    probes: { ...lookups({ name: "-cert" }, "name"), ...lb({ name: "-cert" }, "name") },
  },
  {
    name: "name ending with a hyphen",
    probes: {
      ...lookups({ name: "cert-" }, "name"),
      ...lb({ loadBalancerName: "web-" }, "loadBalancerName"),
    },
  },
  {
    name: "name with a dot (a domain given as name)",
    probes: { ...lookups({ name: "www.example.com" }, "name"), ...lb({ name: "www.example.com" }, "name") },
  },
  {
    name: "one-character name",
    probes: { ...lookups({ name: "a" }, "name"), ...lb({ loadBalancerName: "a" }, "loadBalancerName") },
  },
  {
    name: "name with non-ASCII letters",
    probes: { ...lookups({ name: "zertifikat-ä" }, "name"), ...lb({ name: "zertifikat-ä" }, "name") },
  },
  {
    name: "name with underscore and digits (accepted)",
    probes: {
      getCertificate: { input: { name: "my_cert-2" }, names: ACCEPTED },
      getCertificates: { input: { name: "my_cert-2" }, names: ACCEPTED },
      check: { input: { name: "my_cert-2" }, names: ACCEPTED },
      ...lb({ name: "web-lb-cert" }, ACCEPTED),
    },
  },
  // Domains.
  {
    name: "domain with a space",
    probes: {
      ...lookups({ domainName: "exa mple.com" }, "domainName"),
      ...lb({ domainName: "exa mple.com" }, "domainName"),
      ...gate(["check", "--domain", "exa mple.com"], "--domain"),
    },
  },
  {
    name: "domain with a URL scheme",
    probes: {
      ...lookups({ domainName: "https://example.com" }, "domainName"),
      ...lb({ domainName: "https://example.com" }, "domainName"),
      ...gate(["check", "--domain", "https://example.com"], "--domain"),
    },
  },
  {
    name: "domain with a port",
    probes: {
      ...lookups({ domainName: "example.com:443" }, "domainName"),
      ...lb({ domainName: "example.com:443" }, "domainName"),
      ...gate(["check", "--domain", "example.com:443"], "--domain"),
    },
  },
  {
    name: "domain with a path",
    probes: {
      ...lookups({ domainName: "example.com/login" }, "domainName"),
      ...gate(["check", "--domain", "example.com/login"], "--domain"),
    },
  },
  {
    name: "IPv4 address",
    probes: {
      ...lookups({ domainName: "192.0.2.10" }, "domainName"),
      ...lb({ domainName: "192.0.2.10" }, "domainName"),
      ...gate(["check", "--domain", "192.0.2.10"], "--domain"),
    },
  },
  {
    name: "IPv6 address",
    probes: {
      ...lookups({ domainName: "2001:db8::1" }, "domainName"),
      ...gate(["check", "--domain", "2001:db8::1"], "--domain"),
    },
  },
  {
    name: "unicode domain",
    probes: {
      ...lookups({ domainName: "bücher.example" }, "domainName"),
      ...lb({ domainName: "bücher.example" }, "domainName"),
      ...gate(["check", "--domain", "bücher.example"], "--domain"),
      ...fixture({ domainName: "bücher.example" }, ACCEPTED),
    },
  },
  {
    name: "punycode domain (accepted)",
    probes: {
      ...lookups({ domainName: "xn--bcher-kva.example" }, ACCEPTED),
      ...lb({ domainName: "xn--bcher-kva.example", statuses: ["ISSUED", "UNKNOWN"] }, ACCEPTED),
      ...gate(["check", "--domain", "xn--bcher-kva.example"], ACCEPTED),
      ...fixture({ domainName: "xn--bcher-kva.example" }, ACCEPTED),
    },
  },
  {
    name: "upper case with a trailing dot (accepted)",
    probes: {
      ...lookups({ domainName: "WWW.Example.COM." }, ACCEPTED),
      ...lb({ domainName: "Example.COM." }, ACCEPTED),
      ...gate(["check", "--domain", "WWW.Example.COM."], ACCEPTED),
    },
  },
  {
    name: "wildcard domain",
    probes: {
      ...lookups({ domainName: "*.example.com" }, "domainName"),
      ...lb({ domainName: "*.example.com" }, "domainName"),
      ...gate(["check", "--domain", "*.example.com"], "--domain"),
    },
  },
  {
    name: "single-label domain",
    probes: {
      ...lookups({ domainName: "localhost" }, "domainName"),
      ...gate(["check", "--domain", "localhost"], "--domain"),
    },
  },
  {
    name: "bad domain among subjectAlternativeNames",
    probes: lookups(
      { ...D, subjectAlternativeNames: ["www.example.com", "https://x.example.com"] },
      "subjectAlternativeNames[1]",
    ),
  },
  {
    name: "11 domains",
    probes: {
      ...lookups({ ...D, subjectAlternativeNames: elevenDomains }, "subjectAlternativeNames"),
      ...lb({ subjectAlternativeNames: elevenDomains }, "subjectAlternativeNames"),
      ...gate(["check", ...elevenDomains.flatMap((d) => ["--domain", d])], ACCEPTED),
    },
  },
  {
    name: "10 domains (accepted)",
    probes: lookups({ ...D, subjectAlternativeNames: tenDomains }, ACCEPTED),
  },
  // Statuses.
  {
    name: "unknown status",
    probes: {
      ...lookups({ ...D, statuses: ["ISSUED", "VALID"] }, "statuses[1]"),
      ...lb({ statuses: ["VALID"] }, "statuses[0]"),
      ...gate(["check", "--status", "VALID"], "--status"),
      ...fixture({ status: "VALID" }, ACCEPTED),
    },
  },
  {
    name: "lower-case status",
    probes: {
      ...lookups({ ...D, statuses: ["issued"] }, "statuses[0]"),
      ...lb({ statuses: ["issued"] }, "statuses[0]"),
      ...gate(["check", "--status", "issued"], "--status"),
      ...fixture({ status: "issued" }, ACCEPTED),
    },
  },
  {
    name: "UNKNOWN status (load balancers only)",
    probes: {
      ...lookups({ ...D, statuses: ["UNKNOWN"] }, "statuses[0]"),
      ...lb({ statuses: ["UNKNOWN", "ISSUED"] }, ACCEPTED),
      ...gate(["check", "--status", "UNKNOWN"], "--status"),
    },
  },
  // Day counts.
  {
    name: "negative days",
    probes: {
      ...lookups({ ...D, minDaysValid: -1 }, "minDaysValid"),
      ...lb({ minDaysValid: -1 }, "minDaysValid"),
      ...gate(["check", "--min-days=-1"], "--min-days"),
      ...fixture({ notAfter: -1 }, "certificates[0].notAfter"),
    },
  },
  {
    name: "NaN days",
    probes: {
      ...lookups({ ...D, minDaysValid: NaN }, "minDaysValid"),
      ...lb({ minDaysValid: NaN }, "minDaysValid"),
      ...gate(["check", "--min-days", "NaN"], "--min-days"),
      ...fixture({ notAfter: NaN }, "certificates[0].notAfter"),
    },
  },
  {
    name: "infinite days",
    probes: {
      ...lookups({ ...D, minDaysValid: Infinity }, "minDaysValid"),
      ...lb({ minDaysValid: Infinity }, "minDaysValid"),
      ...gate(["check", "--min-days", "Infinity"], "--min-days"),
      ...fixture({ notAfter: Infinity }, "certificates[0].notAfter"),
    },
  },
  {
    name: "huge days",
    probes: {
      ...lookups({ ...D, minDaysValid: 1e9 }, "minDaysValid"),
      ...lb({ minDaysValid: 1e9 }, "minDaysValid"),
      ...gate(["check", "--min-days", "1000000000"], "--min-days"),
      ...fixture({ notAfter: 1.8e12 }, "certificates[0].notAfter"),
    },
  },
  {
    name: "fractional days",
    probes: {
      ...lookups({ ...D, minDaysValid: 1.5 }, "minDaysValid"),
      ...lb({ minDaysValid: 1.5 }, "minDaysValid"),
      ...gate(["check", "--min-days", "1.5"], "--min-days"),
      ...fixture({ inUseResourceCount: 1.5 }, "certificates[0].inUseResourceCount"),
    },
  },
  {
    name: "zero days (accepted)",
    probes: {
      ...lookups({ ...D, minDaysValid: 0 }, ACCEPTED),
      ...gate(["check", "--min-days", "0"], ACCEPTED),
    },
  },
  // Regions.
  {
    name: "region without a Lightsail endpoint (us-west-1)",
    probes: {
      ...lookups({ ...D, region: "us-west-1" }, "region"),
      ...lb({ region: "us-west-1" }, "region"),
      ...gate(["check", "--region", "us-west-1"], "--region"),
      ...fixture({ region: "us-west-1" }, "certificates[0].region"),
    },
  },
  {
    name: "unknown region",
    probes: {
      ...lookups({ ...D, region: "mars-east-1" }, "region"),
      ...lb({ region: "mars-east-1" }, "region"),
      ...gate(["check", "--region", "mars-east-1"], "--region"),
      ...fixture({ region: "mars-east-1" }, "certificates[0].region"),
    },
  },
  {
    name: "upper-case region",
    probes: {
      ...lookups({ ...D, region: "US-EAST-1" }, "region"),
      ...lb({ region: "US-EAST-1" }, "region"),
      ...gate(["check", "--region", "US-EAST-1"], "--region"),
    },
  },
  {
    name: "unknown region from AWS_REGION or aws:region",
    probes: {
      getCertificate: {
        input: D,
        names: "AWS_REGION",
        env: { AWS_REGION: "us-west-1" },
      },
      getCertificates: {
        input: {},
        names: "AWS_REGION",
        env: { AWS_REGION: "us-west-1" },
      },
      getLoadBalancerTlsCertificate: {
        input: { loadBalancerName: LB },
        names: "AWS_REGION",
        env: { AWS_REGION: "us-west-1" },
      },
      check: { input: D, names: "aws:region (stack config)", env: { AWS_REGION: "us-west-1" } },
      ...gate(["check"], "AWS_REGION", { AWS_REGION: "us-west-1" }),
    },
  },
  // The command line's own mistakes.
  {
    name: "unknown command",
    probes: gate(["verify"], '"verify"'),
  },
  {
    name: "--region and --all-regions together",
    probes: gate(["check", "--region", "us-east-1", "--all-regions"], "--all-regions"),
  },
  {
    name: "check-only flag given to list",
    probes: gate(["list", "--min-days", "5"], "--min-days"),
  },
  {
    name: "flag without its value",
    probes: gate(["check", "--region"], "--region"),
  },
];
