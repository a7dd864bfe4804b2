/**
 * Reading a load balancer's TLS certificates: `GetLoadBalancerTlsCertificates` (not paginated,
 * at most two per load balancer), normalised, with errors translated. One request, no matching.
 */
import type {
  LightsailClient,
  LoadBalancerTlsCertificate as SdkLoadBalancerTlsCertificate,
} from "@aws-sdk/client-lightsail";
import { CertificateNotFoundError, LightsailApiError } from "./errors";
import { normalizeLoadBalancerCertificate } from "./normalize";
import { isNotFoundError, translateServiceError } from "./service-errors";
import type { LoadBalancerTlsCertificate } from "./types";

/** What to read, and what the messages and normalisation need. */
export interface LoadBalancerRead {
  /** Region of the load balancer. */
  region: string;
  /** The load balancer. */
  loadBalancerName: string;
  /** The clock reading `daysUntilExpiry` is measured from. */
  now: Date;
  /** The request timeout in force, for the message of a timeout. */
  requestTimeoutMs?: number;
  /** The named profile in use, for the message of a credential error. */
  profile?: string;
  /** Debug log. */
  debug?: (message: string) => void;
}

/**
 * The TLS certificates of one load balancer.
 * @throws CertificateNotFoundError when there is no such load balancer; the package's other errors otherwise.
 */
export async function readLoadBalancerCertificates(
  client: LightsailClient,
  request: LoadBalancerRead,
): Promise<LoadBalancerTlsCertificate[]> {
  const { region, loadBalancerName, now } = request;
  const { GetLoadBalancerTlsCertificatesCommand } =
    require("@aws-sdk/client-lightsail") as typeof import("@aws-sdk/client-lightsail");
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
    request.debug?.(
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
      requestTimeoutMs: request.requestTimeoutMs,
      profile: request.profile,
    });
  }
}
