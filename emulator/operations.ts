/**
 * The Lightsail operations the emulator answers, as pure functions of the request input, the
 * region and the fixtures. They return the response body or throw an {@link ApiError}.
 */
import { ApiError, invalidInput, notFound, serializationError } from "./errors";
import { KNOWN_CERTIFICATE_STATUSES } from "../lightsail/types";
import { type CertificateFixture, type FixtureDocument, toEpochSeconds } from "./fixtures";
import type { PageTokens } from "./page-token";
import { DEFAULT_REGION } from "./regions";

/**
 * What `GetCertificates` does when `certificateName` names no certificate: `"empty"` answers
 * `{"certificates": []}`; `"NotFoundException"` answers HTTP 400 `NotFoundException` with code
 * `DoesNotExist`; `"DoesNotExist"` answers the same body without `__type`, so clients see the bare
 * code `DoesNotExist` (the AWS SDK for JavaScript then throws its base `LightsailServiceException`
 * with `name` `"DoesNotExist"`).
 */
export type NotFoundMode = "empty" | "NotFoundException" | "DoesNotExist";

/** The values an operation works with. @internal */
export interface OperationContext {
  region: string;
  fixtures: FixtureDocument;
  pageSize: number;
  notFoundMode: NotFoundMode;
  tokens: PageTokens;
  /** The emulator's clock (lifecycle operations stamp times with it). */
  now: Date;
}

/** Where a paged answer stands, so faults can rewrite its `nextPageToken`. @internal */
export interface PagingState {
  /** The request's `pageToken`, if any. */
  requestToken?: string;
  /** What tokens of this listing are bound to (region and filters). */
  scope: unknown;
  /** Offset of the page after this one (the listing's length at most). */
  nextOffset: number;
}

/** An operation's answer. @internal */
export interface OperationResult {
  body: Record<string, unknown>;
  paging?: PagingState;
  /** The fixture document after the operation, when it changed it (CreateCertificate, ...). */
  document?: FixtureDocument;
}

/** An operation: a function of the request input and the context. @internal */
export type Operation = (input: Record<string, unknown>, ctx: OperationContext) => OperationResult;

/** The API's certificate statuses (the model's list: the emulator and the package speak the same enum). */
const CERTIFICATE_STATUSES: readonly string[] = KNOWN_CERTIFICATE_STATUSES;
const TIMESTAMP_KEYS = ["createdAt", "issuedAt", "notBefore", "notAfter", "revokedAt"];

/** `GetCertificates`: filters, details on/off, exact name, opaque page tokens. */
const getCertificates: Operation = (input, ctx) => {
  const statuses = optionalStringList(input, "certificateStatuses");
  for (const status of statuses ?? []) {
    if (!CERTIFICATE_STATUSES.includes(status)) {
      throw invalidInput(
        `Value '${status}' at 'certificateStatuses' failed to satisfy constraint: Member must satisfy enum value set: [${CERTIFICATE_STATUSES.join(", ")}]`,
      );
    }
  }
  const includeDetails = optional(input, "includeCertificateDetails", "boolean") ?? false;
  const name = optional(input, "certificateName", "string") || undefined;
  const pageToken = optional(input, "pageToken", "string") || undefined;

  let certificates = inRegion(ctx.fixtures.certificates, ctx.region);
  if (name !== undefined) {
    certificates = certificates.filter((c) => c.name === name);
    if (certificates.length === 0 && ctx.notFoundMode !== "empty") {
      throw notFound("Certificate", name, ctx.notFoundMode === "DoesNotExist");
    }
  }
  if (statuses && statuses.length > 0) {
    certificates = certificates.filter((c) => c.status !== undefined && statuses.includes(c.status));
  }

  const scope = {
    op: "GetCertificates",
    region: ctx.region,
    statuses: [...new Set(statuses ?? [])].sort(),
    includeDetails,
    name: name ?? null,
  };
  let offset = 0;
  if (pageToken !== undefined) {
    const read = ctx.tokens.read(pageToken, scope);
    if ("error" in read) throw invalidInput(`Invalid page token: ${read.error}.`);
    offset = Math.min(read.offset, certificates.length);
  }
  const page = certificates.slice(offset, offset + ctx.pageSize);
  const nextOffset = offset + page.length;
  const body: Record<string, unknown> = {
    certificates: page.map((c) => {
      const summary: Record<string, unknown> = {
        certificateArn: c.arn,
        certificateName: c.name,
        domainName: c.domainName,
      };
      if (includeDetails) summary.certificateDetail = certificateDetail(c);
      summary.tags = c.tags ?? [];
      return summary;
    }),
  };
  if (nextOffset < certificates.length) body.nextPageToken = ctx.tokens.issue(nextOffset, scope);
  return { body, paging: { requestToken: pageToken, scope, nextOffset } };
};

/** `GetLoadBalancerTlsCertificates`: every certificate of one load balancer, not paginated. */
const getLoadBalancerTlsCertificates: Operation = (input, ctx) => {
  const loadBalancerName = optional(input, "loadBalancerName", "string");
  if (!loadBalancerName) {
    throw invalidInput(
      "Value null at 'loadBalancerName' failed to satisfy constraint: Member must not be null",
    );
  }
  const certificates = inRegion(ctx.fixtures.loadBalancerTlsCertificates, ctx.region).filter(
    (c) => c.loadBalancerName === loadBalancerName,
  );
  const declared = inRegion(ctx.fixtures.loadBalancers, ctx.region).some(
    (lb) => lb.name === loadBalancerName,
  );
  if (certificates.length === 0 && !declared) {
    throw notFound("LoadBalancer", loadBalancerName, ctx.notFoundMode === "DoesNotExist");
  }
  return {
    body: {
      tlsCertificates: certificates.map((c) => {
        const { region: _region, ...fields } = c;
        return {
          location: { availabilityZone: "all", regionName: ctx.region },
          resourceType: "LoadBalancerTlsCertificate",
          ...withEpochTimestamps(fields),
        };
      }),
    },
  };
};

/** The operations by name (the part of `X-Amz-Target` after `Lightsail_20161128.`). @internal */
export const OPERATIONS: Readonly<Record<string, Operation>> = {
  GetCertificates: getCertificates,
  GetLoadBalancerTlsCertificates: getLoadBalancerTlsCertificates,
};

/** The target prefix of Lightsail operations. @internal */
export const TARGET_PREFIX = "Lightsail_20161128.";

/** A certificate's `certificateDetail` as the API sends it (epoch timestamps, no region). @internal */
export function certificateDetail(c: CertificateFixture): Record<string, unknown> {
  const { region: _region, ...fields } = c;
  const detail = withEpochTimestamps(fields);
  const renewal = detail.renewalSummary as Record<string, unknown> | undefined;
  if (renewal && (typeof renewal.updatedAt === "string" || typeof renewal.updatedAt === "number")) {
    detail.renewalSummary = { ...renewal, updatedAt: toEpochSeconds(renewal.updatedAt) };
  }
  return detail;
}

function withEpochTimestamps(fields: Record<string, unknown>): Record<string, unknown> {
  const out = structuredClone(fields);
  for (const key of TIMESTAMP_KEYS) {
    const value = out[key];
    if (typeof value === "string" || typeof value === "number") out[key] = toEpochSeconds(value);
  }
  return out;
}

function inRegion<T extends { region?: string }>(list: T[] | undefined, region: string): T[] {
  return (list ?? []).filter((item) => (item.region ?? DEFAULT_REGION) === region);
}

/** An optional field of `type`, or a `SerializationException`. @internal */
export function optional<K extends "string" | "boolean">(
  input: Record<string, unknown>,
  key: string,
  type: K,
): (K extends "string" ? string : boolean) | undefined {
  const value = input[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== type) throw mismatch(key, type, value);
  return value as K extends "string" ? string : boolean;
}

/** An optional list of strings, or a `SerializationException`. @internal */
export function optionalStringList(input: Record<string, unknown>, key: string): string[] | undefined {
  const value = input[key];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== "string"))
    throw mismatch(key, "list of strings", value);
  return value as string[];
}

/** The `SerializationException` for a field of the wrong type. @internal */
export function mismatch(key: string, expected: string, value: unknown): ApiError {
  return serializationError(`'${key}': expected a ${expected}, got ${JSON.stringify(value)}`);
}
