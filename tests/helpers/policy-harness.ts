/**
 * A tiny harness for the policy pack's unit tests (after pulumi-policy-aws `src/tests/util.ts`):
 * typed fake `ResourceValidationArgs`, a runner that collects what a policy reports (and what
 * the real pack server would have turned into an advisory "can't run during preview"), and
 * assertions that print every violation when they fail. Plus a fake Lightsail account behind a
 * real `LookupContext`, one mocked `LightsailClient` per region.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import {
  AccessDeniedException,
  CertificateSummary,
  GetCertificatesCommand,
  GetCertificatesRequest,
  GetLoadBalancerTlsCertificatesCommand,
  GetLoadBalancerTlsCertificatesRequest,
  LightsailClient,
  LoadBalancerTlsCertificate,
  NotFoundException,
} from "@aws-sdk/client-lightsail";
import { mockClient } from "aws-sdk-client-mock";
import { ReadCache } from "../../lookup/cache";
import { createLookupContext, LookupContext } from "../../lookup/context";
import type {
  PolicyDependencies,
  ReportViolation,
  ResourceValidationArgs,
  ResourceValidationPolicy,
} from "../../policy/src/policies";

// The pack loads the lookup layer from the built package (as `pulumi` runs it): say so plainly.
if (!fs.existsSync(path.resolve(__dirname, "../../dist/provider/index.js")))
  throw new Error("The policy tests run the pack against the built package: run `npm run build` first.");

/** @pulumi/policy's own unknown-checking proxy (exported by its index, typed here). */
const policyRuntime = require("@pulumi/policy") as {
  unknownCheckingProxy<T extends object>(props: T): T;
  UnknownValueError: new (...args: never[]) => Error;
};

/** The engine's sentinel for a value unknown at preview (it sends this one for every type). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** A fake resource for a policy. */
export interface FakeResource {
  /** Type token, e.g. `aws:lightsail/distribution:Distribution`. */
  type: string;
  /** Inputs as the engine sends them (use {@link UNKNOWN} for values unknown at preview). */
  props: Record<string, unknown>;
  /** Resource name. @defaultValue `"res"` */
  name?: string;
  /** Config of the policy under test (`getConfig()`). @defaultValue `{}` */
  config?: Record<string, unknown>;
  /** The resource's provider, e.g. `{ type: "pulumi:providers:aws", props: { region: "eu-west-1" } }`. */
  provider?: { type: string; props: Record<string, unknown>; name?: string };
}

/** Builds `ResourceValidationArgs` as the pack server does: props behind the unknown-checking proxy. */
function resourceArgs(resource: FakeResource): ResourceValidationArgs {
  const name = resource.name ?? "res";
  const type = resource.type;
  const props = policyRuntime.unknownCheckingProxy({ ...resource.props });
  const isType = (cls: unknown): boolean => (cls as { __pulumiType?: string }).__pulumiType === type;
  const args: ResourceValidationArgs = {
    type,
    props,
    urn: `urn:pulumi:test::project::${type}::${name}`,
    name,
    opts: {
      protect: false,
      ignoreChanges: [],
      aliases: [],
      customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
      additionalSecretOutputs: [],
    },
    stackTags: new Map(),
    isType: isType as ResourceValidationArgs["isType"],
    asType: ((cls: unknown) => (isType(cls) ? props : undefined)) as ResourceValidationArgs["asType"],
    getConfig: <T extends object>() => ({ ...resource.config }) as T,
    notApplicable: (reason?: string): never => {
      throw new Error(`notApplicable: ${reason ?? ""}`);
    },
  };
  if (resource.provider) {
    const p = resource.provider;
    const pname = p.name ?? "default";
    args.provider = {
      type: p.type,
      props: policyRuntime.unknownCheckingProxy({ ...p.props }),
      urn: `urn:pulumi:test::project::${p.type}::${pname}`,
      name: pname,
    };
  }
  return args;
}

/** What one policy run reported. */
export interface PolicyRun {
  /** The policy's name. */
  policy: string;
  /** Messages passed to `reportViolation`. */
  violations: string[];
  /** Set when the policy read an unknown value: the pack server would report it as advisory "can't run during preview". */
  cantRunDuringPreview?: string;
}

/** Runs `policy` on `resource` like the pack server: collects violations, catches `UnknownValueError`, rethrows anything else. */
export async function runPolicy(
  policy: ResourceValidationPolicy,
  resource: FakeResource,
): Promise<PolicyRun> {
  const run: PolicyRun = { policy: policy.name, violations: [] };
  const report: ReportViolation = (message: string) => {
    run.violations.push(message);
  };
  const validations = Array.isArray(policy.validateResource)
    ? policy.validateResource
    : [policy.validateResource];
  for (const validate of validations) {
    if (!validate) continue;
    try {
      await validate(resourceArgs(resource), report);
    } catch (err) {
      if (err instanceof policyRuntime.UnknownValueError) run.cantRunDuringPreview = err.message;
      else throw err;
    }
  }
  return run;
}

/** The policy named `name` (fails listing the names when there is none). */
export function policyNamed(policies: ResourceValidationPolicy[], name: string): ResourceValidationPolicy {
  const policy = policies.find((p) => p.name === name);
  assert.ok(policy, `no policy named ${name}; have ${policies.map((p) => p.name).join(", ")}`);
  return policy;
}

function describeRun(run: PolicyRun): string {
  const lines = run.violations.map((v, i) => `  ${i + 1}. ${v}`);
  if (run.cantRunDuringPreview)
    lines.push(`  (advisory) can't run during preview: ${run.cantRunDuringPreview}`);
  return `${run.policy} reported ${run.violations.length} violation(s):\n${lines.join("\n") || "  (none)"}`;
}

/** Asserts that the run reported nothing and read no unknown value. */
export function assertPasses(run: PolicyRun): void {
  assert.ok(
    run.violations.length === 0 && !run.cantRunDuringPreview,
    `expected no violation.\n${describeRun(run)}`,
  );
}

/**
 * Asserts that the run reported exactly one violation per pattern, each matching every regular
 * expression of its pattern (in order), and read no unknown value.
 */
export function assertViolations(run: PolicyRun, ...patterns: Array<RegExp | RegExp[]>): void {
  const context = `\n${describeRun(run)}`;
  assert.ok(!run.cantRunDuringPreview, `the policy read an unknown value.${context}`);
  assert.equal(run.violations.length, patterns.length, `expected ${patterns.length} violation(s).${context}`);
  patterns.forEach((pattern, i) => {
    for (const re of Array.isArray(pattern) ? pattern : [pattern])
      assert.match(run.violations[i], re, `violation ${i + 1} does not match ${re}.${context}`);
  });
}

/** A certificate of the fake account. */
export interface FakeCertificate {
  name: string;
  domainName?: string;
  /** @defaultValue `"ISSUED"` */
  status?: string;
  /** ISO-8601 or a Date; omitted when `null`. */
  notAfter?: string | Date | null;
  subjectAlternativeNames?: string[];
  /** `renewalSummary.renewalStatus` (PascalCase; UPPER_CASE for load-balancer certificates). */
  renewalStatus?: string;
  /** `renewalSummary.renewalStatusReason`. */
  renewalStatusReason?: string;
  /** `renewalSummary.domainValidationRecords`, as the API spells them. */
  renewalRecords?: Array<{
    domainName: string;
    validationStatus?: string;
    resourceRecord?: { name: string; type: string; value: string };
  }>;
}

/** A load-balancer TLS certificate of the fake account. */
export interface FakeLoadBalancerCertificate extends FakeCertificate {
  isAttached?: boolean;
}

/** A fake Lightsail account: certificates and load balancers per region. */
export interface FakeAccountSpec {
  /** Account certificates per region. */
  certificates?: Record<string, FakeCertificate[]>;
  /** Load-balancer certificates per region and load balancer. */
  loadBalancers?: Record<string, Record<string, FakeLoadBalancerCertificate[]>>;
  /** Every call fails with this error (an SDK exception instance). */
  failWith?: Error;
}

/** A call the fake account answered. */
export interface FakeCall {
  region: string;
  operation: "GetCertificates" | "GetLoadBalancerTlsCertificates";
  input: GetCertificatesRequest | GetLoadBalancerTlsCertificatesRequest;
}

/** The fake account behind a lookup context. */
export interface FakeLightsail {
  /** A lookup context over the account, with the fixed clock and a fresh cache. */
  context: LookupContext;
  /** Calls made, in order. */
  calls: FakeCall[];
  /** Restores every mocked client. */
  restore(): void;
}

function toDate(value: string | Date | null | undefined): Date | undefined {
  if (value === null || value === undefined) return undefined;
  return value instanceof Date ? value : new Date(value);
}

function summaryOf(c: FakeCertificate, region: string): CertificateSummary {
  const arn = `arn:aws:lightsail:${region}:123456789012:Certificate/${c.name}`;
  const domainName = c.domainName ?? `${c.name}.example.com`;
  return {
    certificateArn: arn,
    certificateName: c.name,
    domainName,
    certificateDetail: {
      arn,
      name: c.name,
      domainName,
      status: (c.status ?? "ISSUED") as never,
      subjectAlternativeNames: c.subjectAlternativeNames ?? [domainName],
      notBefore: new Date("2026-01-01T00:00:00.000Z"),
      notAfter: toDate(c.notAfter === undefined ? "2027-01-01T00:00:00.000Z" : c.notAfter),
      serialNumber: `serial-${c.name}`,
      ...(c.renewalStatus !== undefined || c.renewalRecords !== undefined
        ? {
            renewalSummary: {
              renewalStatus: c.renewalStatus as never,
              renewalStatusReason: c.renewalStatusReason as never,
              domainValidationRecords: c.renewalRecords as never,
            },
          }
        : {}),
    },
  };
}

function lbCertificateOf(
  c: FakeLoadBalancerCertificate,
  lb: string,
  region: string,
): LoadBalancerTlsCertificate {
  const domainName = c.domainName ?? `${c.name}.example.com`;
  return {
    name: c.name,
    arn: `arn:aws:lightsail:${region}:123456789012:LoadBalancerTlsCertificate/${c.name}`,
    loadBalancerName: lb,
    isAttached: c.isAttached ?? true,
    domainName,
    status: (c.status ?? "ISSUED") as never,
    subjectAlternativeNames: c.subjectAlternativeNames ?? [domainName],
    notAfter: toDate(c.notAfter === undefined ? "2027-01-01T00:00:00.000Z" : c.notAfter),
    ...(c.renewalStatus !== undefined ? { renewalSummary: { renewalStatus: c.renewalStatus as never } } : {}),
  };
}

/** An `AccessDeniedException` as the SDK throws it. */
export function accessDenied(message = "User is not authorized to perform lightsail:GetCertificates"): Error {
  return new AccessDeniedException({ message, code: "AccessDenied", $metadata: { httpStatusCode: 400 } });
}

/**
 * A fake Lightsail account behind a real lookup context: one real `LightsailClient` per region,
 * mocked with aws-sdk-client-mock, answering `GetCertificates` (statuses and name filters
 * applied, one page) and `GetLoadBalancerTlsCertificates` from `spec`.
 */
export function fakeLightsail(
  spec: FakeAccountSpec,
  now: Date,
  options: { configRegion?: string } = {},
): FakeLightsail {
  const calls: FakeCall[] = [];
  const clients = new Map<string, LightsailClient>();
  const restores: Array<() => void> = [];
  const clientFor = (region: string): LightsailClient => {
    let client = clients.get(region);
    if (client) return client;
    client = new LightsailClient({
      region,
      credentials: { accessKeyId: "AKIDPOLICYTEST", secretAccessKey: "policy-test" },
    });
    const mock = mockClient(client);
    restores.push(() => mock.restore());
    mock.on(GetCertificatesCommand).callsFake(async (input: GetCertificatesRequest) => {
      calls.push({ region, operation: "GetCertificates", input });
      if (spec.failWith) throw spec.failWith;
      const statuses: string[] = input.certificateStatuses ?? [];
      const certs = (spec.certificates?.[region] ?? [])
        .filter((c) => statuses.length === 0 || statuses.includes(c.status ?? "ISSUED"))
        .filter((c) => input.certificateName === undefined || c.name === input.certificateName);
      return { certificates: certs.map((c) => summaryOf(c, region)) };
    });
    mock
      .on(GetLoadBalancerTlsCertificatesCommand)
      .callsFake(async (input: GetLoadBalancerTlsCertificatesRequest) => {
        calls.push({ region, operation: "GetLoadBalancerTlsCertificates", input });
        if (spec.failWith) throw spec.failWith;
        const lb = input.loadBalancerName ?? "";
        const certs = spec.loadBalancers?.[region]?.[lb];
        if (!certs)
          throw new NotFoundException({
            message: `The LoadBalancer does not exist: ${lb}`,
            $metadata: { httpStatusCode: 400 },
          });
        return { tlsCertificates: certs.map((c) => lbCertificateOf(c, lb, region)) };
      });
    clients.set(region, client);
    return client;
  };
  const context = createLookupContext({
    clientFor: (o) => clientFor(o.region ?? options.configRegion ?? "us-east-1"),
    now: () => now,
    cache: new ReadCache(30_000, () => now.getTime()),
    connection: options.configRegion ? { configRegion: options.configRegion } : {},
  });
  return {
    context,
    calls,
    restore() {
      for (const restore of restores.splice(0)) restore();
      for (const client of clients.values()) client.destroy();
    },
  };
}

/** `now` plus `days` days (fractions allowed), as ISO-8601. */
export function daysFrom(now: Date, days: number): string {
  return new Date(now.getTime() + days * 86_400_000).toISOString();
}

/**
 * A source-built context as the pack's dependency. The pack is typed by the built package's
 * declarations (it loads dist/provider/pack-entry), the fake account by the sources: one shape
 * declared twice, which TypeScript will not equate because ReadCache has a private field. At run
 * time the pack's code only calls the context's members, as it does with its own.
 */
export function asPackContext(context: LookupContext): NonNullable<PolicyDependencies["context"]> {
  return context as unknown as NonNullable<PolicyDependencies["context"]>;
}
