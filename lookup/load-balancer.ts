/**
 * Load-balancer TLS certificate lookups: the same validation, matching and error rules as
 * account certificates where they apply, over one shared read per load balancer.
 */
import { readLoadBalancerCertificates } from "../lightsail/load-balancers";
import { clientOf, readKeyOf, type LookupContext } from "./context";
import { resolveRegion } from "./region";
import { selectCertificate } from "./select";
import type { LoadBalancerTlsCertificate } from "../lightsail/types";
import { parseLoadBalancerArgs } from "./search-args";

/** Finds the one TLS certificate of a load balancer that `args` describe. */
export async function findLoadBalancerCertificate(
  ctx: LookupContext,
  args: unknown,
): Promise<LoadBalancerTlsCertificate> {
  const query = parseLoadBalancerArgs(args);
  const region = await resolveRegion(ctx, query.region);
  const { profile } = ctx.connection;
  const key = JSON.stringify(["lb", ...readKeyOf(ctx), region, query.loadBalancerName]);
  const { promise } = ctx.cache.get(key, () =>
    readLoadBalancerCertificates(clientOf(ctx, region), {
      region,
      loadBalancerName: query.loadBalancerName,
      now: ctx.now(),
      requestTimeoutMs: ctx.clientOptions?.requestTimeoutMs,
      profile,
      debug: ctx.debug,
    }),
  );
  const certs = await promise;
  return selectCertificate(certs, query, `${region} (load balancer ${query.loadBalancerName})`, ctx.now());
}
