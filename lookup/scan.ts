/**
 * Reading a region's certificates: one paged `GetCertificates` scan, shared through the
 * context's cache by every lookup with the same region, statuses and connection.
 */
import type { CertificateSummary } from "@aws-sdk/client-lightsail";
import { clientOf, readKeyOf, type LookupContext } from "./context";
import { normalizeCertificate } from "../lightsail/normalize";
import { CertificatesFilter, paginateCertificates } from "../lightsail/paginate";
import { isNotFoundError, translateServiceError } from "../lightsail/service-errors";
import type { Certificate } from "../lightsail/types";

/** What one scan read. */
export interface ScanResult {
  /** The region scanned. */
  region: string;
  /** Normalised certificates, in service order. */
  certificates: Certificate[];
  /** Pages (= requests) it took. */
  pages: number;
  /** Entries the service returned that had no name (skipped). */
  skipped: number;
}

/** What to read. */
export interface ScanRequest {
  /** Region. */
  region: string;
  /** Statuses to ask for (sorted). */
  statuses: readonly string[];
  /** Exact name, sent as `certificateName`; omit for all certificates. */
  name?: string;
}

function scanKey(ctx: LookupContext, request: ScanRequest): string {
  return JSON.stringify(["certs", ...readKeyOf(ctx), request.region, request.statuses, request.name ?? null]);
}

async function readScan(ctx: LookupContext, request: ScanRequest): Promise<ScanResult> {
  const { region, statuses, name } = request;
  const client = clientOf(ctx, region);
  const now = ctx.now();
  const result: ScanResult = { region, certificates: [], pages: 0, skipped: 0 };
  const filter: CertificatesFilter = {
    certificateStatuses: [...statuses] as CertificatesFilter["certificateStatuses"],
    includeCertificateDetails: true,
    ...(name !== undefined ? { certificateName: name } : {}),
  };
  try {
    for await (const page of paginateCertificates(client, filter, { maxPages: ctx.maxPages, region })) {
      result.pages = page.page;
      for (const summary of page.certificates as CertificateSummary[]) {
        const cert = normalizeCertificate(summary, region, now);
        if (cert) result.certificates.push(cert);
        else result.skipped++;
      }
    }
  } catch (err) {
    if (name !== undefined && isNotFoundError(err)) return { ...result, pages: result.pages + 1 };
    throw translateServiceError(err, {
      operation: "GetCertificates",
      region,
      requestTimeoutMs: ctx.clientOptions?.requestTimeoutMs,
      profile: ctx.connection.profile,
    });
  }
  ctx.debug(
    `lightsail-certificates: scanned ${region} (statuses ${statuses.join(",")}${name !== undefined ? `, name ${name}` : ""}): ` +
      `${result.certificates.length} certificate(s) in ${result.pages} page(s)${result.skipped ? `, ${result.skipped} without a name skipped` : ""}`,
  );
  return result;
}

/**
 * Reads the certificates for `request`, sharing in-flight and recent scans. A name request is
 * answered from a live full scan of the same statuses when there is one, else with one request.
 */
export async function scanCertificates(
  ctx: LookupContext,
  request: ScanRequest,
): Promise<ScanResult & { shared: boolean }> {
  if (request.name !== undefined) {
    const full = ctx.cache.peek<ScanResult>(scanKey(ctx, { ...request, name: undefined }));
    if (full) {
      const scan = await full;
      return {
        ...scan,
        certificates: scan.certificates.filter((c) => c.name === request.name),
        shared: true,
      };
    }
  }
  const { promise, shared } = ctx.cache.get(scanKey(ctx, request), () => readScan(ctx, request));
  return { ...(await promise), shared };
}
