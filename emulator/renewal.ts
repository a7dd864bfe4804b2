/**
 * Renewal states of an ISSUED certificate in the emulator (admin API), as a pure function of the
 * fixture document.
 */
import type { CertificateFixture, FixtureDocument } from "./fixtures";
import { certificateIn, indexOf, LifecycleError, withCertificate } from "./lifecycle";

/** Renewal states: PendingAutoRenewal | PendingValidation | Success | Failed. */
export const RENEWAL_STATUSES = ["PendingAutoRenewal", "PendingValidation", "Success", "Failed"] as const;

/**
 * Sets an ISSUED certificate's renewal summary: `renewalStatus`, an optional reason, and the
 * domains' validation records (those of the certificate; PENDING_VALIDATION while the renewal is
 * pending, SUCCESS on Success, FAILED on Failed).
 */
export function setRenewal(
  doc: FixtureDocument,
  region: string,
  name: string,
  renewalStatus: string,
  now: Date,
  reason?: string,
): { document: FixtureDocument; certificate: CertificateFixture } {
  if (!(RENEWAL_STATUSES as readonly string[]).includes(renewalStatus))
    throw new LifecycleError(
      "invalid-input",
      `renewalStatus must be one of ${RENEWAL_STATUSES.join(", ")}; got ${JSON.stringify(renewalStatus)}`,
    );
  const index = indexOf(doc, region, name);
  const current = certificateIn(doc, region, name);
  if (current.status !== "ISSUED")
    throw new LifecycleError(
      "invalid-input",
      `certificate ${name} in ${region} is ${current.status}, not ISSUED`,
    );
  const validationStatus =
    renewalStatus === "Success" ? "SUCCESS" : renewalStatus === "Failed" ? "FAILED" : "PENDING_VALIDATION";
  const certificate: CertificateFixture = {
    ...current,
    renewalSummary: {
      renewalStatus,
      ...(reason !== undefined ? { renewalStatusReason: reason } : {}),
      updatedAt: now.toISOString(),
      domainValidationRecords: (current.domainValidationRecords ?? []).map((r) => ({
        ...r,
        validationStatus,
      })),
    },
  };
  return { document: withCertificate(doc, index, certificate), certificate };
}
