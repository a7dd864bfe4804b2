/**
 * Load-balancer TLS certificates: `GetLoadBalancerTlsCertificates` (not paginated, at most two
 * per load balancer), with the same validation, matching and error rules as account
 * certificates where they apply.
 */
import type { LoadBalancerTlsCertificate as SdkLoadBalancerTlsCertificate } from "@aws-sdk/client-lightsail";
import { clientOf, type LookupContext } from "./context";
import { describeDomainProblem, normalizeDomain } from "./domain";
import { CertificateNotFoundError, InvalidArgumentError, LightsailApiError } from "./errors";
import { normalizeLoadBalancerCertificate } from "./normalize";
import { resolveRegion } from "./region";
import { isNotFoundError, translateServiceError } from "./service-errors";
import { selectCertificate } from "./select";
import { KNOWN_CERTIFICATE_STATUSES, LoadBalancerTlsCertificate } from "./types";
import {
  ArgumentProblem,
  CertificateQuery,
  checkMinDays,
  describeNameProblem,
  describeRegionProblem,
} from "./validate";

const LB_ARGUMENTS = ["loadBalancerName", "name", "domainName", "statuses", "minDaysValid", "region"];
const LB_STATUSES: readonly string[] = [...KNOWN_CERTIFICATE_STATUSES, "UNKNOWN"];

/** A validated load-balancer certificate search. */
export interface LoadBalancerQuery extends CertificateQuery {
  /** The load balancer whose certificates are read. */
  loadBalancerName: string;
}

/** Validates `getLoadBalancerTlsCertificate` arguments; throws {@link InvalidArgumentError} naming the argument. */
export function parseLoadBalancerArgs(args: unknown): LoadBalancerQuery {
  if (typeof args !== "object" || args === null || Array.isArray(args))
    throw new InvalidArgumentError("args", "must be an object with at least `loadBalancerName`");
  const raw = args as Record<string, unknown>;
  for (const key of Object.keys(raw)) {
    if (!LB_ARGUMENTS.includes(key) && raw[key] !== undefined)
      throw new InvalidArgumentError(
        key,
        `is not an argument of a load-balancer certificate lookup; known: ${LB_ARGUMENTS.join(", ")}`,
      );
  }
  if (raw.loadBalancerName === undefined) throw new InvalidArgumentError("loadBalancerName", "is required");
  const lbProblem = describeNameProblem(raw.loadBalancerName);
  if (lbProblem) throw new InvalidArgumentError("loadBalancerName", lbProblem);
  const query: LoadBalancerQuery = {
    loadBalancerName: raw.loadBalancerName as string,
    subjectAlternativeNames: [],
    statuses: ["ISSUED"],
    mostRecent: false,
    tags: {},
  };
  if (raw.name !== undefined) {
    const problem = describeNameProblem(raw.name);
    if (problem) throw new InvalidArgumentError("name", problem);
    query.name = raw.name as string;
  }
  if (raw.domainName !== undefined) {
    if (typeof raw.domainName !== "string") throw new InvalidArgumentError("domainName", "must be a string");
    const problem = describeDomainProblem(raw.domainName);
    if (problem) throw new InvalidArgumentError("domainName", problem);
    query.domainName = normalizeDomain(raw.domainName);
  }
  if (raw.statuses !== undefined) {
    if (!Array.isArray(raw.statuses) || raw.statuses.length === 0)
      throw new InvalidArgumentError("statuses", "must be a non-empty array of statuses");
    raw.statuses.forEach((s: unknown, i) => {
      if (typeof s !== "string" || !LB_STATUSES.includes(s))
        throw new InvalidArgumentError(
          `statuses[${i}]`,
          `${JSON.stringify(s)} is not a status; use one of ${LB_STATUSES.join(", ")}`,
        );
    });
    query.statuses = [...new Set(raw.statuses as string[])].sort();
  }
  const dayProblems: ArgumentProblem[] = [];
  query.minDaysValid = checkMinDays(raw.minDaysValid, dayProblems);
  if (dayProblems.length > 0) throw new InvalidArgumentError(dayProblems[0].property, dayProblems[0].reason);
  if (raw.region !== undefined) {
    const problem = describeRegionProblem(raw.region);
    if (problem) throw new InvalidArgumentError("region", problem);
    query.region = raw.region as string;
  }
  return query;
}

async function readLoadBalancerCertificates(
  ctx: LookupContext,
  region: string,
  loadBalancerName: string,
): Promise<LoadBalancerTlsCertificate[]> {
  const { GetLoadBalancerTlsCertificatesCommand } =
    require("@aws-sdk/client-lightsail") as typeof import("@aws-sdk/client-lightsail");
  const client = clientOf(ctx, region);
  const now = ctx.now();
  try {
    const output = await client.send(new GetLoadBalancerTlsCertificatesCommand({ loadBalancerName }));
    const listed: unknown = output.tlsCertificates ?? [];
    if (!Array.isArray(listed)) {
      throw new LightsailApiError(
        "GetLoadBalancerTlsCertificates",
        region,
        "MalformedResponse",
        `Lightsail GetLoadBalancerTlsCertificates in ${region} returned a response that could not be read (tlsCertificates is not a list).`,
        undefined,
      );
    }
    const certs = (listed as SdkLoadBalancerTlsCertificate[])
      .map((raw) => normalizeLoadBalancerCertificate(raw, loadBalancerName, region, now))
      .filter((c): c is LoadBalancerTlsCertificate => c !== undefined);
    ctx.debug(
      `lightsail-certificates: read ${certs.length} TLS certificate(s) of load balancer ${loadBalancerName} in ${region}`,
    );
    return certs;
  } catch (err) {
    if (isNotFoundError(err))
      throw new CertificateNotFoundError(
        `No Lightsail load balancer named "${loadBalancerName}" in ${region}: check loadBalancerName and region.`,
        [],
      );
    throw translateServiceError(err, {
      operation: "GetLoadBalancerTlsCertificates",
      region,
      requestTimeoutMs: ctx.clientOptions?.requestTimeoutMs,
      profile: ctx.connection.profile,
    });
  }
}

/** Finds the one TLS certificate of a load balancer that `args` describe. */
export async function findLoadBalancerCertificate(
  ctx: LookupContext,
  args: unknown,
): Promise<LoadBalancerTlsCertificate> {
  const query = parseLoadBalancerArgs(args);
  const region = await resolveRegion(ctx, query.region);
  const { profile, endpoint } = ctx.connection;
  const key = JSON.stringify(["lb", profile ?? null, endpoint ?? null, region, query.loadBalancerName]);
  const { promise } = ctx.cache.get(key, () =>
    readLoadBalancerCertificates(ctx, region, query.loadBalancerName),
  );
  const certs = await promise;
  return selectCertificate(certs, query, `${region} (load balancer ${query.loadBalancerName})`, ctx.now());
}
