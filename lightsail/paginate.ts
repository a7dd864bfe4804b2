/**
 * Paging through `GetCertificates`. No AWS SDK generates a paginator for it (paging arrived in
 * 2023), so this is ours: the same filters on every page, stop on an absent or empty
 * `nextPageToken`, and guards that end a loop the service (or a proxy) would never end.
 */
import type { CertificateSummary, GetCertificatesRequest, LightsailClient } from "@aws-sdk/client-lightsail";
import { LightsailApiError, PaginationError } from "./errors";
import { DEFAULT_LOOKUP_SETTINGS } from "./settings";

/** The request fields that stay the same on every page. */
export type CertificatesFilter = Omit<GetCertificatesRequest, "pageToken">;

/** One page as read. */
export interface CertificatesPage {
  /** 1-based page number. */
  page: number;
  /** The summaries on this page. */
  certificates: CertificateSummary[];
}

/** Bounds of one scan. */
export interface PaginationOptions {
  /**
   * Most pages read before giving up with a {@link PaginationError}.
   * @defaultValue 500
   */
  maxPages?: number;
  /** Region, for messages only. */
  region?: string;
}

/** Default page bound: a region holds at most 20 certificates a year, so 500 pages is far past real use. */
export const DEFAULT_MAX_PAGES = DEFAULT_LOOKUP_SETTINGS.maxPages;

/**
 * Yields every page of `GetCertificates` for `filter`, in order, each exactly once.
 * @throws PaginationError on a repeated token or more than `maxPages` pages.
 */
export async function* paginateCertificates(
  client: LightsailClient,
  filter: CertificatesFilter,
  options: PaginationOptions = {},
): AsyncGenerator<CertificatesPage, void, undefined> {
  const { GetCertificatesCommand } =
    require("@aws-sdk/client-lightsail") as typeof import("@aws-sdk/client-lightsail");
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  const where = options.region ? ` in ${options.region}` : "";
  const seen = new Set<string>();
  const send = (pageToken: string | undefined) =>
    client.send(
      new GetCertificatesCommand(pageToken === undefined ? { ...filter } : { ...filter, pageToken }),
    );
  // The next page is requested as soon as its token is known, before the current page is handed
  // over: paging is sequential, so the caller's work on a page overlaps the next round trip.
  let pending = send(undefined);
  for (let page = 1; ; page++) {
    const output = await pending;
    const certificates: unknown = output.certificates ?? [];
    if (!Array.isArray(certificates)) {
      throw new LightsailApiError({
        operation: "GetCertificates",
        region: options.region ?? "",
        code: "MalformedResponse",
        message: `Lightsail GetCertificates${where} returned a response that could not be read (certificates is not a list).`,
        requestId: output.$metadata?.requestId,
      });
    }
    const next = output.nextPageToken;
    const more = !(next === undefined || next === null || next === "");
    if (more) {
      if (seen.has(next)) {
        throw new PaginationError({
          message: `GetCertificates${where} returned a page token that it had already returned (after page ${page}); stopped to avoid an endless loop.`,
          pagesRead: page,
          requestId: output.$metadata?.requestId,
        });
      }
      if (page >= maxPages) {
        throw new PaginationError({
          message:
            `GetCertificates${where} still returned a nextPageToken after ${maxPages} pages; stopped. ` +
            "This looks like a service or proxy fault; raise the maxPages setting (configureLookups, CertificateLookup's settings, the policy pack config, the gate's --max-pages) only if the account really holds that many certificates.",
          pagesRead: maxPages,
          requestId: output.$metadata?.requestId,
        });
      }
      seen.add(next);
      pending = send(next);
      // Awaited on the next turn; this only keeps a caller that stops early from leaving an
      // unhandled rejection behind.
      pending.catch(() => undefined);
    }
    yield { page, certificates };
    if (!more) return;
  }
}
