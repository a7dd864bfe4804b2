/**
 * The gate's words for errors: messages safe to print (the package's own, else scrubbed of
 * endpoints and access keys), the code of an error, a few words for a NOT READ line.
 */
import {
  AccessDeniedError,
  AssumeRoleError,
  LightsailApiError,
  LightsailCertificateError,
  PaginationError,
} from "../lightsail/errors";
import { scrubMessage } from "../lightsail/service-errors";

/** A message for `err` that is safe to print: the package's own messages, else a scrubbed one. */
export function describeError(err: unknown): string {
  if (err instanceof LightsailCertificateError) return err.message;
  if (err instanceof Error) return `${err.name}: ${scrubMessage(err.message)}`;
  return scrubMessage(String(err));
}

/** The service's, STS's or transport's code of a lookup error, when it has one. */
export function codeOf(err: Error): string | null {
  const code = (err as { code?: unknown }).code;
  return (LightsailApiError.isInstance(err) || AssumeRoleError.isInstance(err)) && typeof code === "string"
    ? code
    : null;
}

/** A few words on why a region could not be read (or a role assumed), for its line under the table. */
export function shortCause(err: Error): string {
  if (AccessDeniedError.isInstance(err)) return `access denied to ${err.action}`;
  if (PaginationError.isInstance(err)) return `paging did not end (${err.pagesRead} pages read)`;
  if (AssumeRoleError.isInstance(err)) return `sts:AssumeRole failed: ${err.code}`;
  return codeOf(err) ?? err.name;
}

/** Regions in a sentence: up to four by name, else their number. */
export function regionList(regions: readonly string[]): string {
  if (regions.length === 0) return "no region read";
  return regions.length > 4 ? `${regions.length} regions` : regions.join(", ");
}
