/**
 * The admin endpoints that drive certificates through their life (see `lifecycle.ts`):
 *
 * - `POST /__admin/dns-records` `{name, type, value}`: a DNS record appears; every pending domain
 *   whose validation record it is succeeds (and its certificate is ISSUED once all have);
 * - `POST /__admin/certificates/validate` `{name, region?, domainName?}`: one domain (or all) succeeds;
 * - `POST /__admin/certificates/fail` `{name, region?, reason?}`: the request FAILED with `reason`;
 * - `POST /__admin/certificates/time-out` `{name, region?}`: VALIDATION_TIMED_OUT;
 * - `POST /__admin/certificates/renewal` `{name, region?, renewalStatus, reason?}`: the renewal state.
 *
 * Each answers the certificate(s) as they are now. `region` defaults to us-east-1.
 */
import type { CertificateFixture, FixtureDocument } from "./fixtures";
import { endRequest, recordAppeared, validateDomains } from "./lifecycle";
import { setRenewal } from "./renewal";
import { DEFAULT_REGION } from "./regions";

/** What the lifecycle endpoints read and write. @internal */
export interface LifecycleTarget {
  fixtures(): Promise<FixtureDocument>;
  setFixtures(document: FixtureDocument): Promise<void>;
}

/** Default reason of `POST /__admin/certificates/fail`. */
export const DEFAULT_FAILURE_REASON = "CAA_ERROR";

function text(body: Record<string, unknown>, key: string, required: boolean): string | undefined {
  const value = body[key];
  if (value === undefined && !required) return undefined;
  if (typeof value !== "string" || value === "") throw new Error(`${key}: expected a non-empty string`);
  return value;
}

/** The admin lifecycle paths this module answers. @internal */
export const LIFECYCLE_PATHS = [
  "/__admin/dns-records",
  "/__admin/certificates/validate",
  "/__admin/certificates/fail",
  "/__admin/certificates/time-out",
  "/__admin/certificates/renewal",
];

/**
 * Answers `POST <path>` with `body`, or undefined for a path it does not serve. Throws an Error
 * (answered as 400) for a bad body or a transition the certificate's state does not allow.
 * @internal
 */
export async function routeLifecycle(
  path: string,
  body: unknown,
  target: LifecycleTarget,
  now: Date = new Date(),
): Promise<unknown> {
  if (!LIFECYCLE_PATHS.includes(path)) return undefined;
  if (typeof body !== "object" || body === null || Array.isArray(body))
    throw new Error("request body must be a JSON object");
  const b = body as Record<string, unknown>;
  const doc = await target.fixtures();
  if (path === "/__admin/dns-records") {
    const record = {
      name: text(b, "name", true)!,
      type: text(b, "type", false) ?? "CNAME",
      value: text(b, "value", true)!,
    };
    const { document, validated } = recordAppeared(doc, record, now);
    if (validated.length > 0) await target.setFixtures(document);
    return { validated };
  }
  const name = text(b, "name", true)!;
  const region = text(b, "region", false) ?? DEFAULT_REGION;
  let out: { document: FixtureDocument; certificate: CertificateFixture };
  switch (path) {
    case "/__admin/certificates/validate":
      out = validateDomains(doc, region, name, now, text(b, "domainName", false));
      break;
    case "/__admin/certificates/fail":
      out = endRequest(doc, region, name, {
        status: "FAILED",
        reason: text(b, "reason", false) ?? DEFAULT_FAILURE_REASON,
      });
      break;
    case "/__admin/certificates/time-out":
      out = endRequest(doc, region, name, { status: "VALIDATION_TIMED_OUT" });
      break;
    default:
      out = setRenewal(doc, region, name, text(b, "renewalStatus", true)!, now, text(b, "reason", false));
  }
  await target.setFixtures(out.document);
  return { certificate: out.certificate };
}
