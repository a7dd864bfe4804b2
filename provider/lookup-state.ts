/**
 * What a CertificateLookup holds, and how two holdings compare. Pure.
 *
 * Checked inputs = `{ query }` plus the certificate properties that identify it and its validity
 * ({@link COMPARED_PROPERTIES}), so that preview and policies see the resolved certificate and
 * the engine's display of an update names exactly the properties that changed. Outputs add the
 * rest of the certificate (counts, validation records, ...) and `daysUntilExpiry`, measured
 * when the resource was last created, updated or refreshed.
 */
import type { LookupSettings } from "../lightsail/settings";
import { CERTIFICATE_FIELDS, type Certificate, type CertificateField } from "../lightsail/types";
import { ROLE_INPUTS, type StoredRole } from "./lookup-role";

/** The user's search, as stored under `query` (the arguments of getCertificate). */
export type LookupQueryInputs = Record<string, unknown>;

/**
 * Checked inputs of a CertificateLookup: the search, the request settings and the named profile
 * (when given: the plugin's resource takes a profile, the dynamic one the provider's), and the
 * resolved certificate's compared properties. A certificate field may also hold `null`: the
 * marker the resource sets when its arguments are secret, so that the engine marks that output
 * secret too (it copies secretness from an input to the output of the same name).
 */
export type LookupInputs = {
  query: LookupQueryInputs;
  settings?: LookupSettings;
  profile?: string;
  /** The role assumed for the lookup (0.3.0), without its external id. */
  assumeRole?: StoredRole;
  /** The role's external id (0.3.0), stored as a secret. */
  externalId?: string;
} & Partial<Pick<Certificate, ComparedProperty>>;

/** Outputs of a CertificateLookup. */
export type LookupOutputs = {
  query: LookupQueryInputs;
  settings?: LookupSettings;
  profile?: string;
  assumeRole?: StoredRole;
  externalId?: string;
} & Certificate;

/**
 * The certificate fields that move on their own or only describe the lookup's moment, and are
 * therefore outputs only, never compared: counts (`inUseResourceCount`, `daysUntilExpiry`),
 * reasons and codes, the validation records and the request time.
 */
const NOT_COMPARED = [
  "createdAt",
  "daysUntilExpiry",
  "renewalStatusReason",
  "eligibleToRenew",
  "inUseResourceCount",
  "requestFailureReason",
  "domainValidationRecords",
  "renewalDomainValidationRecords",
  "supportCode",
] as const satisfies readonly CertificateField[];

/**
 * The certificate properties whose change is a real change of the looked-up certificate:
 * replacement (arn, name), renewal (serialNumber, notBefore, notAfter, issuedAt), status and
 * coverage. Every field of {@link CERTIFICATE_FIELDS} but {@link NOT_COMPARED}, in its order: a
 * field added to the model is compared unless it is listed there.
 */
export const COMPARED_PROPERTIES = CERTIFICATE_FIELDS.filter(
  (field): field is Exclude<CertificateField, (typeof NOT_COMPARED)[number]> =>
    !(NOT_COMPARED as readonly string[]).includes(field),
);

/** One of {@link COMPARED_PROPERTIES}. */
export type ComparedProperty = Exclude<CertificateField, (typeof NOT_COMPARED)[number]>;

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

/**
 * The role properties (`assumeRole`, `externalId`) that differ: a change of role is an update of
 * the lookup (it owns nothing, so nothing is replaced), which a preview names. Absent on both
 * sides (state written before 0.3.0, a lookup without a role) is no change.
 */
export function roleChanged(olds: Record<string, unknown>, news: Record<string, unknown>): string[] {
  return ROLE_INPUTS.filter((key) => canonical(olds[key]) !== canonical(news[key]));
}

/**
 * The certificate fields the new inputs mark as secret (set to `null` by the resource when its
 * arguments are secret), to be kept in the checked inputs so the engine marks those outputs.
 */
export function secretMarkers(news: Record<string, unknown>): CertificateField[] {
  return CERTIFICATE_FIELDS.filter((key) => Object.hasOwn(news, key) && news[key] === null);
}

/**
 * Checked inputs: the search, the settings when given, the compared properties of the resolved
 * certificate (none while it is unresolved), and the secret markers of `news`.
 */
export function toLookupInputs(
  query: LookupQueryInputs,
  cert: Certificate | undefined,
  extra: {
    settings?: LookupSettings;
    profile?: string;
    role?: Record<string, unknown>;
    markers?: readonly CertificateField[];
  } = {},
): LookupInputs {
  const inputs: Record<string, unknown> = { query };
  if (extra.settings !== undefined) inputs.settings = extra.settings;
  if (extra.profile !== undefined) inputs.profile = extra.profile;
  for (const key of ROLE_INPUTS) if (extra.role?.[key] !== undefined) inputs[key] = extra.role[key];
  for (const key of extra.markers ?? []) inputs[key] = null;
  if (cert) for (const key of COMPARED_PROPERTIES) if (cert[key] !== undefined) inputs[key] = cert[key];
  return inputs as LookupInputs;
}

/** Outputs: the whole certificate, with the search, settings, profile and role of the checked inputs. */
export function toLookupOutputs(inputs: LookupInputs, cert: Certificate): LookupOutputs {
  return {
    ...cert,
    query: inputs.query,
    ...(inputs.settings !== undefined ? { settings: inputs.settings } : {}),
    ...(inputs.profile !== undefined ? { profile: inputs.profile } : {}),
    ...(inputs.assumeRole !== undefined ? { assumeRole: inputs.assumeRole } : {}),
    ...(inputs.externalId !== undefined ? { externalId: inputs.externalId } : {}),
  };
}
