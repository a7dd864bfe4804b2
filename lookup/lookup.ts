/**
 * The lookups every entry point shares (functions, CertificateLookup, policy pack, gate):
 * validate, resolve the region, read through the shared scan, select.
 */
import type { LookupContext } from "./context";
import { resolveRegion } from "./region";
import { scanCertificates } from "./scan";
import { compareByName, filterCertificates, selectCertificate, withDaysUntilExpiry } from "./select";
import type { Certificate } from "../lightsail/types";
import { judgeValidity } from "./fit-for-use";
import { CertificateQuery, parseCertificateArgs } from "./search-args";

/** Finds the one certificate `args` describe (docs/contract.md, "getCertificate rules"). */
export async function findCertificate(ctx: LookupContext, args: unknown): Promise<Certificate> {
  const query = parseCertificateArgs(args, true);
  return findCertificateByQuery(ctx, query);
}

/** {@link findCertificate} for an already-validated query. */
export async function findCertificateByQuery(
  ctx: LookupContext,
  query: CertificateQuery,
): Promise<Certificate> {
  const region = await resolveRegion(ctx, query.region);
  const scan = await scanCertificates(ctx, { region, statuses: query.statuses, name: query.name });
  const now = ctx.now();
  if (query.name !== undefined && filterCertificates(scan.certificates, query).length === 0) {
    // Not found by name: read the region once more (shared, cached) to list the closest names.
    const all = await scanCertificates(ctx, { region, statuses: query.statuses });
    return selectCertificate(scan.certificates, query, region, now, all.certificates);
  }
  const chosen = selectCertificate(scan.certificates, query, region, now);
  ctx.debug(
    `lightsail-certificates: chose ${chosen.name} (${chosen.arn}) in ${region}, status ${chosen.status}, ` +
      `notAfter ${chosen.notAfter ?? "unknown"}${scan.shared ? " (shared scan)" : ` after ${scan.pages} request(s)`}`,
  );
  return chosen;
}

/** Every certificate matching `args` (all optional), sorted by name (docs/contract.md). */
export async function listCertificates(
  ctx: LookupContext,
  args: unknown,
): Promise<{ region: string; certificates: Certificate[] }> {
  const query = parseCertificateArgs(args, false);
  const region = await resolveRegion(ctx, query.region);
  const scan = await scanCertificates(ctx, { region, statuses: query.statuses, name: query.name });
  const now = ctx.now();
  const certificates = filterCertificates(scan.certificates, query)
    .sort(compareByName)
    .map((c) => withDaysUntilExpiry(c, now))
    .filter(
      (c) =>
        query.minDaysValid === undefined || judgeValidity(c, query.minDaysValid, now).expiry === undefined,
    );
  ctx.debug(`lightsail-certificates: ${certificates.length} certificate(s) match in ${region}`);
  return { region, certificates };
}
