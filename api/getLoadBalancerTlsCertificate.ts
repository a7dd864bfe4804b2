import * as pulumi from "@pulumi/pulumi";
import { findLoadBalancerCertificate } from "../lookup/load-balancer";
import type { KnownCertificateStatus, LoadBalancerTlsCertificate } from "../lightsail/types";
import { processContext } from "./context";
import { invokeOutput } from "./invoke-output";

/** Arguments of {@link getLoadBalancerTlsCertificate}. */
export interface GetLoadBalancerTlsCertificateArgs {
  /** The Lightsail load balancer whose certificates are read. */
  readonly loadBalancerName: string;
  /** Exact certificate name. */
  readonly name?: string;
  /** Domain (same comparison as `getCertificate`). */
  readonly domainName?: string;
  /**
   * Statuses to accept, `UNKNOWN` included (default `["ISSUED"]`). Only those this version knows
   * (`UNKNOWN` exists only here).
   * @defaultValue `["ISSUED"]`
   */
  readonly statuses?: (KnownCertificateStatus | "UNKNOWN")[];
  /** Fail unless the chosen certificate stays valid at least this many whole days from now. */
  readonly minDaysValid?: number;
  /** Region, as for `getCertificate`. */
  readonly region?: string;
}

/** {@link GetLoadBalancerTlsCertificateArgs} where every field may be a `pulumi.Input`. */
export interface GetLoadBalancerTlsCertificateOutputArgs {
  /** As {@link GetLoadBalancerTlsCertificateArgs.loadBalancerName}. */
  readonly loadBalancerName: pulumi.Input<string>;
  /** As {@link GetLoadBalancerTlsCertificateArgs.name}. */
  readonly name?: pulumi.Input<string>;
  /** As {@link GetLoadBalancerTlsCertificateArgs.domainName}. */
  readonly domainName?: pulumi.Input<string>;
  /** As {@link GetLoadBalancerTlsCertificateArgs.statuses}. @defaultValue `["ISSUED"]` */
  readonly statuses?: pulumi.Input<pulumi.Input<KnownCertificateStatus | "UNKNOWN">[]>;
  /** As {@link GetLoadBalancerTlsCertificateArgs.minDaysValid}. */
  readonly minDaysValid?: pulumi.Input<number>;
  /** As {@link GetLoadBalancerTlsCertificateArgs.region}. */
  readonly region?: pulumi.Input<string>;
}

/**
 * Finds one TLS certificate of a Lightsail load balancer (`GetLoadBalancerTlsCertificates`).
 * Without `name` or `domainName`, the load balancer's only certificate in the accepted statuses.
 * @param opts `provider`: an `aws.Provider` whose region and profile the lookup uses (any other
 *   provider, or one with explicit keys, is an `InvalidArgumentError`); the rest is ignored.
 * @example
 * ```ts
 * import { getLoadBalancerTlsCertificate } from "pulumi-lightsail-certificates";
 * const cert = await getLoadBalancerTlsCertificate({ loadBalancerName: "web-lb", domainName: "example.com" });
 * console.log(cert.name, cert.isAttached, cert.notAfter);
 * ```
 */
export async function getLoadBalancerTlsCertificate(
  args: GetLoadBalancerTlsCertificateArgs,
  opts?: pulumi.InvokeOptions,
): Promise<LoadBalancerTlsCertificate> {
  return findLoadBalancerCertificate(await processContext(opts), args);
}

/**
 * The Output form of {@link getLoadBalancerTlsCertificate}.
 * @param opts `provider` as for the Promise form (the result stays unknown while its region is);
 *   `dependsOn`: resources that must exist before Lightsail is read.
 * @example
 * ```ts
 * import { getLoadBalancerTlsCertificateOutput } from "pulumi-lightsail-certificates";
 * const cert = getLoadBalancerTlsCertificateOutput({ loadBalancerName: lb.name, domainName: "example.com" });
 * ```
 */
export function getLoadBalancerTlsCertificateOutput(
  args: GetLoadBalancerTlsCertificateOutputArgs,
  opts?: pulumi.InvokeOutputOptions,
): pulumi.Output<LoadBalancerTlsCertificate> {
  return invokeOutput(args, opts, (plain, o) =>
    getLoadBalancerTlsCertificate(plain as GetLoadBalancerTlsCertificateArgs, o),
  );
}
