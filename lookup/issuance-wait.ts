/**
 * Waiting until a certificate is ISSUED (CertificateValidation): the rules, with every edge
 * injected. What is pending, which records to create, the backoff schedule, the messages on
 * failure and on timeout are pure; {@link waitForIssued} polls through a `read` function and a
 * `sleep` it is given, and every loop is bounded by the deadline and a poll count.
 */
import { CertificateValidationError, type PendingValidationRecord } from "../lightsail/errors";
import type { Certificate } from "../lightsail/types";

/** Default bound of the wait, in minutes. */
export const DEFAULT_VALIDATION_TIMEOUT_MINUTES = 45;
/** Smallest and largest `timeoutMinutes` (fractions allowed: 0.5 is 30 seconds). */
export const VALIDATION_TIMEOUT_RANGE = { min: 0.1, max: 1440 } as const;

/** A bounded exponential backoff: `initialMs`, then times `factor`, at most `maxMs`. */
export interface BackoffSchedule {
  initialMs: number;
  factor: number;
  maxMs: number;
}

/** The schedule of CertificateValidation's polls: 2 s, 4 s, 8 s, 16 s, then every 30 s. */
export const VALIDATION_BACKOFF: Readonly<BackoffSchedule> = { initialMs: 2000, factor: 2, maxMs: 30_000 };

/**
 * Statuses from which a certificate never becomes ISSUED: the wait fails at once. EXPIRED and
 * INACTIVE certificates were issued once and are past use; Lightsail does not re-issue them.
 */
export const FAILED_STATUSES: readonly string[] = [
  "FAILED",
  "VALIDATION_TIMED_OUT",
  "REVOKED",
  "EXPIRED",
  "INACTIVE",
];

/** The reason a certificate in one of the {@link FAILED_STATUSES} gives, for the error message. */
function failureReason(certificate: Certificate): string {
  if (certificate.status === "REVOKED")
    return `revoked${certificate.revocationReason ? `: ${certificate.revocationReason}` : ""}`;
  if (certificate.status === "EXPIRED")
    return `expired${certificate.notAfter ? ` on ${certificate.notAfter}` : ""}`;
  if (certificate.status === "INACTIVE") return "inactive: no longer usable";
  return certificate.requestFailureReason
    ? `requestFailureReason ${certificate.requestFailureReason}`
    : "no reason given";
}

/** The delay before poll number `n + 1` (n >= 1 polls done). */
export function backoffDelay(schedule: BackoffSchedule, n: number): number {
  return Math.min(schedule.maxMs, schedule.initialMs * schedule.factor ** Math.max(0, n - 1));
}

/**
 * The moments (ms after the start) at which a wait of `totalMs` that never sees ISSUED polls:
 * one at 0, then after each backoff delay, and a last one at the deadline.
 */
export function pollTimes(schedule: BackoffSchedule, totalMs: number): number[] {
  const times = [0];
  for (let n = 1; times[times.length - 1]! < totalMs && n < 100_000; n++) {
    times.push(Math.min(totalMs, times[times.length - 1]! + backoffDelay(schedule, n)));
  }
  return times;
}

/** Whether a `timeoutMinutes` value is acceptable, else the problem. */
export function describeTimeoutProblem(value: unknown): string | undefined {
  const { min, max } = VALIDATION_TIMEOUT_RANGE;
  if (typeof value !== "number" || !Number.isFinite(value) || value < min || value > max)
    return `must be a number of minutes from ${min} to ${max}, got ${JSON.stringify(value)}`;
  return undefined;
}

/** What a poll saw. */
export type ValidationState =
  | { kind: "issued"; certificate: Certificate }
  | { kind: "failed"; certificate: Certificate }
  | { kind: "pending"; certificate: Certificate }
  | { kind: "missing" };

/** Classifies a poll's answer (undefined: no certificate of that name). */
export function classify(certificate: Certificate | undefined): ValidationState {
  if (!certificate) return { kind: "missing" };
  if (certificate.status === "ISSUED") return { kind: "issued", certificate };
  if (FAILED_STATUSES.includes(certificate.status)) return { kind: "failed", certificate };
  return { kind: "pending", certificate };
}

/** The domains not validated yet, each with the record to create (when Lightsail gave one). */
export function pendingRecords(certificate: Certificate): PendingValidationRecord[] {
  return certificate.domainValidationRecords
    .filter((r) => r.validationStatus !== "SUCCESS")
    .map((r) => ({
      domainName: r.domainName,
      ...(r.resourceRecord
        ? {
            record: {
              name: r.resourceRecord.name,
              type: r.resourceRecord.type,
              value: r.resourceRecord.value,
            },
          }
        : {}),
    }));
}

/** One pending record as a line: `example.com: CNAME _a.example.com. -> _b.acm-validations.aws.` */
export function describePending(p: PendingValidationRecord): string {
  return p.record
    ? `${p.domainName}: ${p.record.type} ${p.record.name} -> ${p.record.value}`
    : `${p.domainName}: (Lightsail has not given its record yet)`;
}

/** The error for a certificate whose request failed. */
export function failureError(certificate: Certificate): CertificateValidationError {
  const reason = failureReason(certificate);
  return new CertificateValidationError({
    message:
      `Certificate "${certificate.name}" (${certificate.region}) is ${certificate.status} (${reason}): ` +
      "it will never be ISSUED. Request a new certificate (another certificateName), then run `pulumi up` again.",
    certificateName: certificate.name,
    region: certificate.region,
    status: certificate.status,
    timedOut: false,
    pending: [],
  });
}

/** The error when the wait ran out: every domain still pending, with the exact record to create. */
export function timeoutError(options: {
  name: string;
  region: string;
  certificate: Certificate | undefined;
  timeoutMinutes: number;
  polls: number;
}): CertificateValidationError {
  const { name, region, certificate, timeoutMinutes, polls } = options;
  const after = `after ${timeoutMinutes} minute(s) (${polls} request(s))`;
  const pending = certificate ? pendingRecords(certificate) : [];
  const message = certificate
    ? `Certificate "${name}" (${region}) is still ${certificate.status} ${after}. ` +
      `Create these DNS records, then run \`pulumi up\` again (or raise timeoutMinutes): ` +
      (pending.length > 0
        ? pending.map(describePending).join("; ")
        : "(no domain is pending; Lightsail is still issuing it)")
    : `Certificate "${name}" was not found in ${region} ${after}. Check certificateName and region.`;
  return new CertificateValidationError({
    message,
    certificateName: name,
    region,
    status: certificate?.status,
    timedOut: true,
    pending,
  });
}

/** A progress line while waiting: status, elapsed time, what is still pending. Never a credential or endpoint. */
export function progressLine(
  name: string,
  region: string,
  state: ValidationState,
  elapsedMs: number,
): string {
  const elapsed = `${Math.round(elapsedMs / 1000)}s`;
  if (state.kind === "missing")
    return `CertificateValidation ${name} (${region}): not found yet, ${elapsed} waited`;
  const pending = pendingRecords(state.certificate);
  return (
    `CertificateValidation ${name} (${region}): ${state.certificate.status}, ${elapsed} waited` +
    (pending.length > 0 ? `; pending: ${pending.map(describePending).join("; ")}` : "")
  );
}

/** What {@link waitForIssued} needs from the outside world. */
export interface WaitIo {
  /** One poll: the certificate by name (one request), or undefined when there is none. */
  read(): Promise<Certificate | undefined>;
  /** The clock, in ms. */
  now(): number;
  /** Waits `ms`. */
  sleep(ms: number): Promise<void>;
  /** Receives a progress line after each poll that is not the end. */
  progress?(line: string): void;
}

/**
 * Polls until the certificate is ISSUED and returns it. Fails at once, with the reason, when it
 * is FAILED, VALIDATION_TIMED_OUT, REVOKED, EXPIRED or INACTIVE; after `timeoutMinutes` with every pending record.
 * Polls at the times of {@link pollTimes} (a last poll at the deadline), never more.
 */
export async function waitForIssued(
  options: { name: string; region: string; timeoutMinutes: number; schedule?: BackoffSchedule },
  io: WaitIo,
): Promise<Certificate> {
  const schedule = options.schedule ?? VALIDATION_BACKOFF;
  const totalMs = options.timeoutMinutes * 60_000;
  const start = io.now();
  const maxPolls = pollTimes(schedule, totalMs).length;
  let last: Certificate | undefined;
  for (let polls = 1; ; polls++) {
    const state = classify(await io.read());
    if (state.kind === "issued") return state.certificate;
    if (state.kind === "failed") throw failureError(state.certificate);
    if (state.kind === "pending") last = state.certificate;
    const elapsed = io.now() - start;
    if (elapsed >= totalMs || polls >= maxPolls) throw timeoutError({ ...options, certificate: last, polls });
    io.progress?.(progressLine(options.name, options.region, state, elapsed));
    await io.sleep(Math.min(backoffDelay(schedule, polls), totalMs - elapsed));
  }
}
