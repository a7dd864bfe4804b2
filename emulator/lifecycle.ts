/**
 * A certificate's life in the emulator, as pure functions of the fixture document: request
 * (`CreateCertificate`), deletion, and the validation state machine the admin API drives
 * (a domain's DNS record appears -> that domain's validation SUCCESS -> the certificate ISSUED
 * when every domain is; or it fails, or times out); renewal states are in `renewal.ts`. Each function returns
 * a new document and never mutates its input.
 */
import { createHash, randomUUID } from "node:crypto";
import { makeCertificate } from "./builders";
import type { CertificateFixture, FixtureDocument, FixtureResourceRecord } from "./fixtures";
import { DEFAULT_REGION } from "./regions";

/** Statuses that count against the quota of active certificates. */
export const ACTIVE_STATUSES: readonly string[] = ["PENDING_VALIDATION", "ISSUED"];
/** Active certificates per region (Lightsail's quota). */
export const MAX_ACTIVE_CERTIFICATES = 10;
/** Domains per certificate: the primary domain plus at most 9 alternative names. */
export const MAX_CERTIFICATE_DOMAINS = 10;
/** Validity of a certificate the emulator issues, in days. */
export const ISSUED_VALIDITY_DAYS = 395;

const DAY_MS = 86_400_000;
const NAME_PATTERN = /^\w[\w-]*\w$/;
const DOMAIN_PATTERN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}\.?$/i;

/** A problem with a lifecycle request: `kind` picks the API error the emulator answers. */
export class LifecycleError extends Error {
  override readonly name = "LifecycleError";
  constructor(
    readonly kind: "invalid-input" | "not-found",
    message: string,
  ) {
    super(message);
  }
}

/** The request of `CreateCertificate`, already type-checked. */
export interface CreateCertificateInput {
  certificateName: string;
  domainName: string;
  subjectAlternativeNames?: string[];
  tags?: Array<{ key: string; value?: string }>;
}

/** @internal */
export function regionOf(c: CertificateFixture): string {
  return c.region ?? DEFAULT_REGION;
}

/** @internal */
export function indexOf(doc: FixtureDocument, region: string, name: string): number {
  return (doc.certificates ?? []).findIndex((c) => regionOf(c) === region && c.name === name);
}

/** @internal */
export function withCertificate(
  doc: FixtureDocument,
  index: number,
  cert: CertificateFixture,
): FixtureDocument {
  const certificates = [...(doc.certificates ?? [])];
  certificates[index] = cert;
  return { ...doc, certificates };
}

/** The certificate named `name` in `region`, or a not-found {@link LifecycleError}. */
export function certificateIn(doc: FixtureDocument, region: string, name: string): CertificateFixture {
  const index = indexOf(doc, region, name);
  if (index < 0) throw new LifecycleError("not-found", `The Certificate does not exist: ${name}`);
  return doc.certificates![index]!;
}

/**
 * Requests a certificate: PENDING_VALIDATION, one CNAME validation record per domain (the primary
 * domain first in the SANs, as Lightsail adds it). Refuses a taken name, a wildcard, more than
 * {@link MAX_CERTIFICATE_DOMAINS} domains and an 11th active certificate in the region.
 */
export function createCertificate(
  doc: FixtureDocument,
  region: string,
  input: CreateCertificateInput,
  now: Date,
): { document: FixtureDocument; certificate: CertificateFixture } {
  const { certificateName: name, domainName } = input;
  if (!NAME_PATTERN.test(name) || name.length > 255)
    throw new LifecycleError(
      "invalid-input",
      `Value '${name}' at 'certificateName' failed to satisfy constraint: Member must satisfy regular expression pattern: \\w[\\w\\-]*\\w`,
    );
  const domains = [...new Set([domainName, ...(input.subjectAlternativeNames ?? [])])];
  for (const domain of domains) {
    if (domain.includes("*"))
      throw new LifecycleError("invalid-input", `Wildcard domain names are not supported: ${domain}`);
    if (!DOMAIN_PATTERN.test(domain))
      throw new LifecycleError("invalid-input", `The domain name is not valid: ${domain}`);
  }
  if (domains.length > MAX_CERTIFICATE_DOMAINS)
    throw new LifecycleError(
      "invalid-input",
      `A certificate can have at most ${MAX_CERTIFICATE_DOMAINS} domain names (the primary domain and ${MAX_CERTIFICATE_DOMAINS - 1} alternative names); got ${domains.length}.`,
    );
  if (indexOf(doc, region, name) >= 0)
    throw new LifecycleError("invalid-input", `A certificate named ${name} already exists in ${region}.`);
  const active = (doc.certificates ?? []).filter(
    (c) => regionOf(c) === region && ACTIVE_STATUSES.includes(c.status ?? "ISSUED"),
  ).length;
  if (active >= MAX_ACTIVE_CERTIFICATES)
    throw new LifecycleError(
      "invalid-input",
      `You have reached the maximum of ${MAX_ACTIVE_CERTIFICATES} active certificates in ${region}. Delete a certificate, then try again.`,
    );
  const built = makeCertificate({
    region,
    name,
    domainName,
    subjectAlternativeNames: domains,
    status: "PENDING_VALIDATION",
    eligibleToRenew: "INELIGIBLE",
    tags: input.tags ?? [],
  });
  const certificate: CertificateFixture = {
    ...built,
    // A new request gets a new ARN, as in Lightsail (the builder's is derived from the name).
    arn: `arn:aws:lightsail:${region}:123456789012:Certificate/${randomUUID()}`,
    createdAt: now.toISOString(),
  };
  return { document: { ...doc, certificates: [...(doc.certificates ?? []), certificate] }, certificate };
}

/** Deletes a certificate; refuses one in use (`inUseResourceCount` > 0). */
export function deleteCertificate(
  doc: FixtureDocument,
  region: string,
  name: string,
): { document: FixtureDocument; certificate: CertificateFixture } {
  const certificate = certificateIn(doc, region, name);
  if ((certificate.inUseResourceCount ?? 0) > 0)
    throw new LifecycleError(
      "invalid-input",
      `The certificate ${name} is in use by ${certificate.inUseResourceCount} resource(s). Detach it, then try again.`,
    );
  const certificates = (doc.certificates ?? []).filter((c) => c !== certificate);
  return { document: { ...doc, certificates }, certificate };
}

function issue(cert: CertificateFixture, now: Date): CertificateFixture {
  const serial = (
    createHash("sha256").update(`${cert.arn}/${now.toISOString()}`).digest("hex").slice(0, 32).match(/../g) ??
    []
  ).join(":");
  return {
    ...cert,
    status: "ISSUED",
    serialNumber: serial,
    issuerCA: "Amazon",
    issuedAt: now.toISOString(),
    notBefore: now.toISOString(),
    notAfter: new Date(now.getTime() + ISSUED_VALIDITY_DAYS * DAY_MS).toISOString(),
    eligibleToRenew: "ELIGIBLE",
  };
}

/** The certificate `name` in `region`, which must be waiting for validation. */
function pendingCertificate(doc: FixtureDocument, region: string, name: string): CertificateFixture {
  const current = certificateIn(doc, region, name);
  if (current.status !== "PENDING_VALIDATION")
    throw new LifecycleError(
      "invalid-input",
      `certificate ${name} in ${region} is ${current.status}, not PENDING_VALIDATION`,
    );
  return current;
}

/**
 * Marks `domainName`'s validation (every pending domain's when omitted) SUCCESS; the certificate
 * becomes ISSUED when every domain has succeeded. Only a PENDING_VALIDATION certificate validates.
 */
export function validateDomains(
  doc: FixtureDocument,
  region: string,
  name: string,
  now: Date,
  domainName?: string,
): { document: FixtureDocument; certificate: CertificateFixture } {
  const index = indexOf(doc, region, name);
  const current = pendingCertificate(doc, region, name);
  const records = current.domainValidationRecords ?? [];
  if (domainName !== undefined && !records.some((r) => r.domainName === domainName))
    throw new LifecycleError("invalid-input", `certificate ${name} has no domain ${domainName}`);
  const updated = records.map((r) =>
    domainName === undefined || r.domainName === domainName ? { ...r, validationStatus: "SUCCESS" } : r,
  );
  let certificate: CertificateFixture = { ...current, domainValidationRecords: updated };
  if (updated.every((r) => r.validationStatus === "SUCCESS")) certificate = issue(certificate, now);
  return { document: withCertificate(doc, index, certificate), certificate };
}

/**
 * A DNS record appears: every PENDING_VALIDATION certificate (any region) with a pending domain
 * whose validation record is `record` (name and value compared case-insensitively, one trailing
 * dot ignored) has that domain validated. Returns what changed.
 */
export function recordAppeared(
  doc: FixtureDocument,
  record: FixtureResourceRecord,
  now: Date,
): {
  document: FixtureDocument;
  validated: Array<{ region: string; name: string; domainName: string; status: string }>;
} {
  const same = (a: string | undefined, b: string) =>
    (a ?? "").toLowerCase().replace(/\.$/, "") === b.toLowerCase().replace(/\.$/, "");
  let document = doc;
  const validated: Array<{ region: string; name: string; domainName: string; status: string }> = [];
  for (const cert of doc.certificates ?? []) {
    if (cert.status !== "PENDING_VALIDATION") continue;
    for (const r of cert.domainValidationRecords ?? []) {
      const rr = r.resourceRecord;
      if (!rr || r.validationStatus === "SUCCESS" || !r.domainName) continue;
      if (!same(rr.name, record.name) || !same(rr.value, record.value) || !same(rr.type, record.type))
        continue;
      const out = validateDomains(document, regionOf(cert), cert.name, now, r.domainName);
      document = out.document;
      validated.push({
        region: regionOf(cert),
        name: cert.name,
        domainName: r.domainName,
        status: out.certificate.status!,
      });
    }
  }
  return { document, validated };
}

/**
 * Validation by time: every PENDING_VALIDATION certificate created at least `delayMs` before
 * `now` has all its domains validated (and is ISSUED). Returns the document unchanged (the same
 * object) when none is due.
 */
export function validateDue(doc: FixtureDocument, now: Date, delayMs: number): FixtureDocument {
  let document = doc;
  for (const cert of doc.certificates ?? []) {
    if (cert.status !== "PENDING_VALIDATION" || cert.createdAt === undefined) continue;
    const created = typeof cert.createdAt === "number" ? cert.createdAt * 1000 : Date.parse(cert.createdAt);
    if (created + delayMs <= now.getTime())
      document = validateDomains(document, regionOf(cert), cert.name, now).document;
  }
  return document;
}

/** Ends a pending request: FAILED with `reason`, or VALIDATION_TIMED_OUT; pending domains become FAILED. */
export function endRequest(
  doc: FixtureDocument,
  region: string,
  name: string,
  outcome: { status: "FAILED"; reason: string } | { status: "VALIDATION_TIMED_OUT" },
): { document: FixtureDocument; certificate: CertificateFixture } {
  const index = indexOf(doc, region, name);
  const current = pendingCertificate(doc, region, name);
  const certificate: CertificateFixture = {
    ...current,
    status: outcome.status,
    domainValidationRecords: (current.domainValidationRecords ?? []).map((r) =>
      r.validationStatus === "SUCCESS" ? r : { ...r, validationStatus: "FAILED" },
    ),
  };
  if (outcome.status === "FAILED") certificate.requestFailureReason = outcome.reason;
  return { document: withCertificate(doc, index, certificate), certificate };
}
