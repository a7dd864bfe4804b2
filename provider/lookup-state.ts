/**
 * What a CertificateLookup holds, and how two holdings compare. Pure.
 *
 * Checked inputs = `{ query }` plus the certificate properties that identify it and its validity
 * ({@link COMPARED_PROPERTIES}), so that preview and policies see the resolved certificate and
 * the engine's display of an update names exactly the properties that changed. Outputs add the
 * rest of the certificate (counts, validation records, ...) and `daysUntilExpiry`, measured
 * when the resource was last created, updated or refreshed.
 */
import type { Certificate } from "./types";

/** The sentinel the Pulumi engine uses for values unknown at preview. */
export const UNKNOWN_VALUE = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** The user's search, as stored under `query` (the arguments of getCertificate). */
export type LookupQueryInputs = Record<string, unknown>;

/** Checked inputs of a CertificateLookup. */
export type LookupInputs = { query: LookupQueryInputs } & Partial<Pick<Certificate, ComparedProperty>>;

/** Outputs of a CertificateLookup. */
export type LookupOutputs = { query: LookupQueryInputs } & Certificate;

/**
 * The certificate properties whose change is a real change of the looked-up certificate:
 * replacement (arn, name), renewal (serialNumber, notBefore, notAfter, issuedAt), status and
 * coverage. Counts that move on their own (`inUseResourceCount`, `daysUntilExpiry`) are left out.
 */
export const COMPARED_PROPERTIES = [
  "arn",
  "name",
  "domainName",
  "subjectAlternativeNames",
  "status",
  "region",
  "serialNumber",
  "keyAlgorithm",
  "issuerCA",
  "issuedAt",
  "notBefore",
  "notAfter",
  "renewalStatus",
  "revokedAt",
  "revocationReason",
  "tags",
] as const;

/** One of {@link COMPARED_PROPERTIES}. */
export type ComparedProperty = (typeof COMPARED_PROPERTIES)[number];

/** Whether `value` is, or contains, a value unknown at preview. */
export function containsUnknown(value: unknown, depth = 0): boolean {
  if (value === UNKNOWN_VALUE) return true;
  if (depth > 20 || value === null || typeof value !== "object") return false;
  return Object.values(value as Record<string, unknown>).some((v) => containsUnknown(v, depth + 1));
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The compared properties that differ between an old holding and a new one. */
export function changedProperties(olds: Record<string, unknown>, news: Record<string, unknown>): string[] {
  return COMPARED_PROPERTIES.filter((key) => canonical(olds[key]) !== canonical(news[key]));
}

/** Whether the user's search changed (compared canonically, so key order does not matter). */
export function queryChanged(olds: Record<string, unknown>, news: Record<string, unknown>): boolean {
  return canonical(olds.query) !== canonical(news.query);
}

/** Checked inputs for a resolved certificate. */
export function toLookupInputs(query: LookupQueryInputs, cert: Certificate): LookupInputs {
  const inputs: Record<string, unknown> = { query };
  for (const key of COMPARED_PROPERTIES) if (cert[key] !== undefined) inputs[key] = cert[key];
  return inputs as LookupInputs;
}

/** Outputs: the whole certificate, with the checked inputs' values where both have one. */
export function toLookupOutputs(inputs: LookupInputs, cert: Certificate): LookupOutputs {
  return { ...cert, ...inputs } as LookupOutputs;
}
