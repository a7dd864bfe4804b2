/**
 * The one rule of "fit for use": a certificate is ISSUED and stays valid at least `minDays` whole
 * days from now (days counted as `daysUntilExpiry` counts them: rounded down, negative once
 * expired). `getCertificate`'s `minDaysValid`, `getCertificates`' filter, the gate's verdicts and
 * the policy pack's violations all judge with it. Pure: the clock reading comes in.
 */
import { daysUntil } from "../lightsail/normalize";

/** Largest `minDaysValid` (and gate `--min-days`) accepted: certificates are valid for about 13 months. */
export const MAX_MIN_DAYS_VALID = 3650;

/** Why a certificate does not stay valid long enough; undefined when it does. */
export type ExpiryProblem =
  /** It has no `notAfter`, so it cannot be shown to stay valid. */
  | "no-expiry"
  /** Its `notAfter` has passed. */
  | "expired"
  /** Fewer than `minDays` whole days are left. */
  | "expiring";

/** A certificate judged against the rule. */
export interface Validity {
  /** Whole days from now to notAfter (rounded down, negative once expired); undefined without notAfter. */
  daysLeft: number | undefined;
  /** Whether its status is ISSUED. */
  issued: boolean;
  /** The days part of the rule; undefined when at least `minDays` days are left. */
  expiry: ExpiryProblem | undefined;
  /** Fit for use: ISSUED and no expiry problem. */
  ok: boolean;
}

/** The status half of the rule: whether the certificate is ISSUED. */
export function isIssued(cert: { status: string }): boolean {
  return cert.status === "ISSUED";
}

/** Judges `cert` against "ISSUED with at least `minDays` whole days left" at `now`. */
export function judgeValidity(
  cert: { status: string; notAfter?: string },
  minDays: number,
  now: Date,
): Validity {
  const daysLeft = daysUntil(cert.notAfter, now);
  const expiry: ExpiryProblem | undefined =
    daysLeft === undefined
      ? "no-expiry"
      : daysLeft < 0
        ? "expired"
        : daysLeft < minDays
          ? "expiring"
          : undefined;
  const issued = isIssued(cert);
  return { daysLeft, issued, expiry, ok: issued && expiry === undefined };
}
