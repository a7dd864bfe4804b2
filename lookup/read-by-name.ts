/**
 * One fresh read of a certificate by name, in every status: what each poll of a
 * CertificateValidation sends (one `GetCertificates` request with `certificateName` and all the
 * known statuses). Never answered from the shared cache: a wait must see the service's state now.
 */
import type { CertificateSummary } from "@aws-sdk/client-lightsail";
import { clientOf, type LookupContext } from "./context";
import { normalizeCertificate } from "../lightsail/normalize";
import { type CertificatesFilter, paginateCertificates } from "../lightsail/paginate";
import { isNotFoundError, translateServiceError } from "../lightsail/service-errors";
import { type Certificate, KNOWN_CERTIFICATE_STATUSES } from "../lightsail/types";

/** The certificate named `name` in `region` now, whatever its status, or undefined when there is none. */
export async function readCertificateByName(
  ctx: LookupContext,
  region: string,
  name: string,
): Promise<Certificate | undefined> {
  const filter: CertificatesFilter = {
    certificateName: name,
    certificateStatuses: [...KNOWN_CERTIFICATE_STATUSES],
    includeCertificateDetails: true,
  };
  try {
    for await (const page of paginateCertificates(clientOf(ctx, region), filter, {
      maxPages: ctx.maxPages,
      region,
    })) {
      for (const summary of page.certificates as CertificateSummary[]) {
        const cert = normalizeCertificate(summary, region, ctx.now());
        if (cert?.name === name) return cert;
      }
    }
    return undefined;
  } catch (err) {
    if (isNotFoundError(err)) return undefined;
    throw translateServiceError(err, {
      operation: "GetCertificates",
      region,
      requestTimeoutMs: ctx.clientOptions?.requestTimeoutMs,
      profile: ctx.connection.profile,
    });
  }
}
