/**
 * Reading several regions at once, at most `concurrency` at a time, through the lookup layer's
 * `listCertificates` (paged, shared scans). A failing region does not stop the others: each
 * region's outcome is returned, in the order asked.
 */
import type { LookupContext } from "../lookup/context";
import { listCertificates } from "../lookup/lookup";
import { KNOWN_CERTIFICATE_STATUSES, type Certificate } from "../lightsail/types";

/** Account x region scans (and role assumptions) at once by default (`--concurrency`). */
export const DEFAULT_CONCURRENCY = 20;

/** What reading one region gave. */
export type RegionScan =
  { region: string; ok: true; certificates: Certificate[] } | { region: string; ok: false; error: Error };

/**
 * Maps `items` through `fn` with at most `limit` calls in flight; results in input order.
 * `fn` must not throw (wrap errors into its result).
 */
export async function mapBounded<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, () => worker());
  await Promise.all(workers);
  return results;
}

/**
 * Lists the certificates of every region.
 * @param statuses statuses to read; empty means every status.
 */
export async function scanRegions(
  ctx: LookupContext,
  regions: readonly string[],
  statuses: readonly string[],
  concurrency: number = DEFAULT_CONCURRENCY,
): Promise<RegionScan[]> {
  const wanted = statuses.length > 0 ? [...statuses] : [...KNOWN_CERTIFICATE_STATUSES];
  return mapBounded(regions, concurrency, async (region): Promise<RegionScan> => {
    try {
      const { certificates } = await listCertificates(ctx, { region, statuses: wanted });
      return { region, ok: true, certificates };
    } catch (err) {
      return { region, ok: false, error: err instanceof Error ? err : new Error(String(err)) };
    }
  });
}
