/**
 * Load-balancer TLS certificates: `GetLoadBalancerTlsCertificates` (not paginated, at most two
 * per load balancer), with the same validation, matching and error rules as account
 * certificates where they apply.
 */
import type { LoadBalancerTlsCertificate as SdkLoadBalancerTlsCertificate } from "@aws-sdk/client-lightsail";
import { clientOf, type LookupContext } from "./context";
import { CertificateNotFoundError, LightsailApiError } from "./errors";
import { normalizeLoadBalancerCertificate } from "./normalize";
import { resolveRegion } from "./region";
import { isNotFoundError, translateServiceError } from "./service-errors";
import { selectCertificate } from "./select";
import type { LoadBalancerTlsCertificate } from "./types";
import { parseLoadBalancerArgs } from "./validate";

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
      throw new LightsailApiError({
        operation: "GetLoadBalancerTlsCertificates",
        region,
        code: "MalformedResponse",
        message: `Lightsail GetLoadBalancerTlsCertificates in ${region} returned a response that could not be read (tlsCertificates is not a list).`,
        requestId: output.$metadata?.requestId,
      });
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
      throw new CertificateNotFoundError({
        message: `No Lightsail load balancer named "${loadBalancerName}" in ${region}: check loadBalancerName and region.`,
        closest: [],
        cause: err,
        requestId: (err as { $metadata?: { requestId?: string } }).$metadata?.requestId,
      });
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
  const { profile } = ctx.connection;
  const endpoint = ctx.clientOptions?.endpoint;
  const key = JSON.stringify(["lb", profile ?? null, endpoint ?? null, region, query.loadBalancerName]);
  const { promise } = ctx.cache.get(key, () =>
    readLoadBalancerCertificates(ctx, region, query.loadBalancerName),
  );
  const certs = await promise;
  return selectCertificate(certs, query, `${region} (load balancer ${query.loadBalancerName})`, ctx.now());
}
