/**
 * A Lightsail client for unit tests of one layer: the real `LightsailClient` class with
 * `aws-sdk-client-mock` answering `GetCertificates` from an in-memory list, paged like the
 * service (opaque tokens, filters applied), counting requests.
 */
import {
  CertificateSummary,
  GetCertificatesCommand,
  GetCertificatesRequest,
  GetLoadBalancerTlsCertificatesCommand,
  LightsailClient,
  LoadBalancerTlsCertificate,
} from "@aws-sdk/client-lightsail";
import { mockClient } from "aws-sdk-client-mock";
import { ReadCache } from "../../lookup/cache";
import { createLookupContext, LookupContext } from "../../lookup/context";

/** A certificate as a test describes it; dates as ISO strings. */
export interface TestCert {
  name: string;
  domainName: string;
  status?: string;
  sans?: string[];
  notBefore?: string;
  notAfter?: string;
  issuedAt?: string;
  createdAt?: string;
  serialNumber?: string;
  tags?: Record<string, string>;
  arn?: string;
  region?: string;
}

let arnCounter = 0;

/** The SDK shape of a certificate (what the SDK returns after parsing the wire). */
export function toSummary(c: TestCert): CertificateSummary {
  const arn =
    c.arn ??
    `arn:aws:lightsail:${c.region ?? "us-east-1"}:123456789012:Certificate/${c.name}-${++arnCounter}`;
  const tags = Object.entries(c.tags ?? {}).map(([key, value]) => ({ key, value }));
  const date = (s: string | undefined) => (s === undefined ? undefined : new Date(s));
  return {
    certificateArn: arn,
    certificateName: c.name,
    domainName: c.domainName,
    tags,
    certificateDetail: {
      arn,
      name: c.name,
      domainName: c.domainName,
      status: (c.status ?? "ISSUED") as never,
      serialNumber: c.serialNumber ?? `serial-${c.name}`,
      subjectAlternativeNames: c.sans ?? [c.domainName],
      notBefore: date(c.notBefore ?? "2026-01-01T00:00:00.000Z"),
      notAfter: date(c.notAfter ?? "2027-01-01T00:00:00.000Z"),
      issuedAt: date(c.issuedAt),
      createdAt: date(c.createdAt),
      inUseResourceCount: 0,
      tags,
    },
  };
}

/** A mocked account: certificates per region, page size, request log. */
export interface FakeAccount {
  client: LightsailClient;
  /** Every GetCertificates input received, in order. */
  requests: GetCertificatesRequest[];
  /** Replaces the certificates of a region. */
  set(certs: TestCert[], region?: string): void;
  /** A lookup context over this account with a fixed clock and a fresh cache. */
  context(options?: { now?: Date; configRegion?: string; ttlMs?: number }): LookupContext;
  /** Restores the mocked client. */
  restore(): void;
}

/** Creates a fake account whose client answers from memory with `pageSize` per page. */
export function fakeAccount(initial: TestCert[] = [], pageSize = 2): FakeAccount {
  const client = new LightsailClient({
    region: "us-east-1",
    credentials: { accessKeyId: "AKIDUNITTEST", secretAccessKey: "unit-test-secret" },
  });
  const mock = mockClient(client);
  const byRegion = new Map<string, TestCert[]>([["us-east-1", initial]]);
  const requests: GetCertificatesRequest[] = [];
  let region = "us-east-1";
  mock.on(GetCertificatesCommand).callsFake(async (input: GetCertificatesRequest) => {
    requests.push(input);
    let certs = byRegion.get(region) ?? [];
    if (input.certificateStatuses?.length)
      certs = certs.filter((c) => input.certificateStatuses!.includes((c.status ?? "ISSUED") as never));
    if (input.certificateName !== undefined) certs = certs.filter((c) => c.name === input.certificateName);
    const offset = input.pageToken ? Number(Buffer.from(input.pageToken, "base64url").toString()) : 0;
    const page = certs.slice(offset, offset + pageSize).map(toSummary);
    const next =
      offset + pageSize < certs.length
        ? Buffer.from(String(offset + pageSize)).toString("base64url")
        : undefined;
    return { certificates: page, nextPageToken: next };
  });
  mock
    .on(GetLoadBalancerTlsCertificatesCommand)
    .resolves({ tlsCertificates: [] as LoadBalancerTlsCertificate[] });
  return {
    client,
    requests,
    set(certs, r = "us-east-1") {
      byRegion.set(r, certs);
    },
    context(options = {}) {
      const now = options.now ?? new Date("2026-06-01T00:00:00.000Z");
      return createLookupContext({
        clientFor: (o) => {
          region = o.region ?? "us-east-1";
          return client;
        },
        now: () => now,
        cache: new ReadCache(options.ttlMs ?? 30_000, () => now.getTime()),
        connection: { configRegion: options.configRegion ?? "us-east-1" },
      });
    },
    restore() {
      mock.restore();
    },
  };
}
