/**
 * The naive baseline: a certificate lookup as hand-written code does it with the AWS SDK.
 * Each lookup pages through `GetCertificates` on its own (ISSUED, with details), keeps the
 * matches and returns the one it found. Nothing is shared between lookups, and a name is
 * matched on the client like a domain (the `certificateName` filter is rarely used).
 *
 * It is deliberately not weak: lookups run concurrently, share one client (and its
 * keep-alive connections), and stream the pages (only matches are kept).
 *
 * Loaded by the memory child process too, so it imports only the AWS SDK.
 */
import {
  GetCertificatesCommand,
  type CertificateSummary,
  type LightsailClient,
} from "@aws-sdk/client-lightsail";

/** What to look for: a domain (primary or SAN) or an exact name. */
export type NaiveQuery = { domainName: string } | { name: string };

/** A found certificate and the requests its lookup made. */
export interface NaiveResult {
  certificate: CertificateSummary;
  requests: number;
}

function matches(summary: CertificateSummary, query: NaiveQuery): boolean {
  if ("name" in query) return summary.certificateName === query.name;
  const wanted = query.domainName.toLowerCase();
  const detail = summary.certificateDetail;
  return (
    summary.domainName?.toLowerCase() === wanted ||
    (detail?.subjectAlternativeNames ?? []).some((san) => san.toLowerCase() === wanted)
  );
}

/** Finds the one ISSUED certificate matching `query`, reading every page. */
export async function naiveFindCertificate(client: LightsailClient, query: NaiveQuery): Promise<NaiveResult> {
  const found: CertificateSummary[] = [];
  let pageToken: string | undefined;
  let requests = 0;
  do {
    const output = await client.send(
      new GetCertificatesCommand({
        certificateStatuses: ["ISSUED"],
        includeCertificateDetails: true,
        pageToken,
      }),
    );
    requests++;
    for (const summary of output.certificates ?? []) if (matches(summary, query)) found.push(summary);
    pageToken = output.nextPageToken || undefined;
  } while (pageToken);
  if (found.length !== 1) {
    throw new Error(
      `naive lookup of ${JSON.stringify(query)}: ${found.length} certificates match, expected 1`,
    );
  }
  return { certificate: found[0], requests };
}
