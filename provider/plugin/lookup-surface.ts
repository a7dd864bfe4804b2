/**
 * The plugin's `CertificateLookup` surface: the flat properties every language writes
 * (`domainName: example.com`, as the Node.js `CertificateLookup` takes them), turned into the
 * stored form the shared resource logic reads (`{ query, settings, profile }`, the state format
 * of 0.1.0 and 0.2.0). Storing the same form is what lets a 0.2.0 stack, written with the nested
 * `query`, move to the flat properties with no change at preview.
 *
 * `query` itself is still accepted for one release (0.3.x), with a deprecation warning; giving
 * both forms at once is an error. Pure.
 */
import type { CheckFailure } from "@pulumi/pulumi/provider";
import { CERTIFICATE_ARGUMENTS } from "../../lookup/search-args";

/** The flat properties besides the search arguments: a named profile and the request settings. */
export const LOOKUP_EXTRA_INPUTS = ["profile", "settings"] as const;

/** The deprecated nested form of 0.2.0. */
export const LEGACY_QUERY_INPUT = "query";

/** When the deprecated `query` goes away. */
export const QUERY_REMOVED_IN = "0.4.0";

/** What a plugin `CertificateLookup`'s inputs become. */
export interface StoredLookupInputs {
  /** `{ query, settings?, profile? }`: what provider/lookup-resource.ts reads. */
  inputs: Record<string, unknown>;
  /** Whether the inputs used the deprecated `query` (the caller warns). */
  legacyQuery: boolean;
  /** A problem with the form itself: both forms given. */
  failures: CheckFailure[];
}

/** The warning shown for a `query` input: it names the flat form to write instead. */
export function legacyQueryWarning(query: unknown): string {
  const keys = query && typeof query === "object" && !Array.isArray(query) ? Object.keys(query).sort() : [];
  const example = keys.length > 0 ? keys.join(", ") : "domainName or name";
  return (
    `CertificateLookup: the nested \`query\` input is deprecated and is removed in ` +
    `${QUERY_REMOVED_IN}; write its properties (${example}) at the top level of the resource's ` +
    "properties instead, e.g. `domainName: example.com` for `query: {domainName: example.com}`. " +
    "Moving them changes nothing in the stack."
  );
}

/** Reads the flat properties (or the deprecated `query`) into the stored form. */
export function toStoredLookupInputs(news: Record<string, unknown>): StoredLookupInputs {
  const flat = Object.fromEntries(
    CERTIFICATE_ARGUMENTS.filter((key) => news[key] !== undefined).map((key) => [key, news[key]]),
  );
  const hasLegacy = news[LEGACY_QUERY_INPUT] !== undefined && news[LEGACY_QUERY_INPUT] !== null;
  const failures: CheckFailure[] = [];
  if (hasLegacy && Object.keys(flat).length > 0) {
    failures.push({
      property: LEGACY_QUERY_INPUT,
      reason: `give the search either as top-level properties (${Object.keys(flat).join(", ")}) or under the deprecated \`query\`, not both`,
    });
  }
  const query = hasLegacy && failures.length === 0 ? news[LEGACY_QUERY_INPUT] : flat;
  const inputs: Record<string, unknown> = { query };
  for (const key of LOOKUP_EXTRA_INPUTS) if (news[key] !== undefined) inputs[key] = news[key];
  return { inputs, legacyQuery: hasLegacy, failures };
}
