/**
 * The package's errors. Every class has a distinct `name` and a static `isInstance`; branch on
 * `isInstance` (which works across two copies of the package), never on message text. Messages
 * say what happened, with which value, and what to do; an error that came from a Lightsail
 * response keeps it as `cause` and shows its `requestId`. None ever holds a credential or an
 * endpoint. Constructors take one options object, as the AWS SDK's errors do.
 */

/** A short description of a certificate, used in error messages and on errors. */
export interface CertificateCandidate {
  /** Certificate name. */
  name: string;
  /** Primary domain. */
  domainName: string;
  /** Status. */
  status: string;
  /** End of validity (ISO-8601), when known. */
  notAfter?: string;
}

import { LightsailCertificateError, type ErrorDetails } from "./error-base";

export { LightsailCertificateError } from "./error-base";
export type { ErrorDetails } from "./error-base";

/** An argument is missing, of the wrong type or malformed. Thrown before any request. */
export class InvalidArgumentError extends LightsailCertificateError {
  static override readonly errorName: string = "InvalidArgumentError";
  override name = "InvalidArgumentError";
  /** The offending argument, e.g. `domainName` or `statuses[1]`, or where a value came from, e.g. `AWS_REGION`. */
  readonly argument: string;
  constructor(options: { argument: string; problem: string } & ErrorDetails) {
    super(`Invalid argument \`${options.argument}\`: ${options.problem}`, options);
    this.argument = options.argument;
  }
}

/**
 * No region was set by any link of the chain: the `region` argument, `opts.provider`'s region,
 * the stack config `aws:region`, `AWS_REGION`, `AWS_DEFAULT_REGION`, the profile's region.
 */
export class RegionNotSetError extends LightsailCertificateError {
  static override readonly errorName: string = "RegionNotSetError";
  override name = "RegionNotSetError";
  constructor(details: ErrorDetails = {}) {
    super(
      "No AWS region is set for the Lightsail lookup. Set one of, first that is set wins: the `region` argument; " +
        "the region of the aws.Provider given as `opts.provider`; " +
        "the stack config `aws:region` (pulumi config set aws:region us-east-1); AWS_REGION; AWS_DEFAULT_REGION; " +
        "`region` in the profile's section of the shared config file (~/.aws/config).",
      details,
    );
  }
}

/** No certificate matched. `closest` lists the certificates that came nearest, to make a typo obvious. */
export class CertificateNotFoundError extends LightsailCertificateError {
  static override readonly errorName: string = "CertificateNotFoundError";
  override name = "CertificateNotFoundError";
  /** The certificates seen that came closest to the search. */
  readonly closest: CertificateCandidate[];
  constructor(options: { message: string; closest: CertificateCandidate[] } & ErrorDetails) {
    super(options.message, options);
    this.closest = options.closest;
  }
}

/** More than one certificate matched and `mostRecent` was not set. */
export class AmbiguousCertificateError extends LightsailCertificateError {
  static override readonly errorName: string = "AmbiguousCertificateError";
  override name = "AmbiguousCertificateError";
  /** Every certificate that matched. */
  readonly candidates: CertificateCandidate[];
  constructor(options: { message: string; candidates: CertificateCandidate[] } & ErrorDetails) {
    super(options.message, options);
    this.candidates = options.candidates;
  }
}

/** The chosen certificate expires sooner than `minDaysValid` allows. */
export class CertificateExpiringError extends LightsailCertificateError {
  static override readonly errorName: string = "CertificateExpiringError";
  override name = "CertificateExpiringError";
  /** Certificate name. */
  readonly certificateName: string;
  /** End of validity (ISO-8601), when known. */
  readonly notAfter: string | undefined;
  /** Whole days left (negative once expired), when known. */
  readonly daysLeft: number | undefined;
  /** The threshold that was asked for. */
  readonly minDaysValid: number;
  constructor(
    options: {
      certificateName: string;
      notAfter: string | undefined;
      daysLeft: number | undefined;
      minDaysValid: number;
    } & ErrorDetails,
  ) {
    const { certificateName, notAfter, daysLeft, minDaysValid } = options;
    const left =
      daysLeft === undefined
        ? "its expiry date is unknown"
        : daysLeft < 0
          ? `it expired ${-daysLeft} day(s) ago`
          : `it has ${daysLeft} day(s) left`;
    super(
      `Certificate "${certificateName}" expires ${notAfter ?? "at an unknown time"}: ${left}, ` +
        `but minDaysValid is ${minDaysValid}. Renew it, pick another certificate, or lower minDaysValid.`,
      options,
    );
    this.certificateName = certificateName;
    this.notAfter = notAfter;
    this.daysLeft = daysLeft;
    this.minDaysValid = minDaysValid;
  }
}

/** Paging did not end: a repeated token or more pages than the bound. */
export class PaginationError extends LightsailCertificateError {
  static override readonly errorName: string = "PaginationError";
  override name = "PaginationError";
  /** How many pages were read before stopping. */
  readonly pagesRead: number;
  constructor(options: { message: string; pagesRead: number } & ErrorDetails) {
    super(options.message, options);
    this.pagesRead = options.pagesRead;
  }
}

/** The caller's identity may not call the Lightsail action in that region. */
export class AccessDeniedError extends LightsailCertificateError {
  static override readonly errorName: string = "AccessDeniedError";
  override name = "AccessDeniedError";
  /** The IAM action that was denied, e.g. `lightsail:GetCertificates`. */
  readonly action: string;
  /** The region of the call. */
  readonly region: string;
  constructor(options: { action: string; region: string; detail?: string } & ErrorDetails) {
    const { action, region, detail } = options;
    super(
      `Access denied: the AWS identity in use may not call ${action} in ${region}` +
        `${detail ? ` (${detail})` : ""}. Grant it ${action} (read-only) in an IAM policy, or use another profile.`,
      options,
    );
    this.action = action;
    this.region = region;
  }
}

/** Any other error from Lightsail or from reaching it (after the SDK's own retries). */
export class LightsailApiError extends LightsailCertificateError {
  static override readonly errorName: string = "LightsailApiError";
  override name = "LightsailApiError";
  /** The service's error name (e.g. `ThrottlingException`), `TimeoutError`, or the transport error's code. */
  readonly code: string;
  /** The operation, e.g. `GetCertificates`. */
  readonly operation: string;
  /** The region of the call. */
  readonly region: string;
  /** HTTP status, when a response arrived. */
  readonly httpStatusCode: number | undefined;
  constructor(
    options: {
      operation: string;
      region: string;
      code: string;
      message: string;
      httpStatusCode?: number;
    } & ErrorDetails,
  ) {
    super(options.message, options);
    this.operation = options.operation;
    this.region = options.region;
    this.code = options.code;
    this.httpStatusCode = options.httpStatusCode;
  }
}

/**
 * A DNS record still to create for a certificate's validation.
 * @example
 * ```ts
 * import type { PendingValidationRecord } from "pulumi-lightsail-certificates";
 * const line = (p: PendingValidationRecord) => `${p.domainName}: ${p.record?.type} ${p.record?.name} -> ${p.record?.value}`;
 * ```
 */
export interface PendingValidationRecord {
  /** The domain it validates. */
  domainName: string;
  /** The record (name, type, value), when Lightsail gave one yet. */
  record?: { name: string; type: string; value: string };
}

/**
 * A certificate did not become ISSUED: its request failed (`FAILED`, `VALIDATION_TIMED_OUT`,
 * `REVOKED`), or the wait ran out of time (`status` is then the last one seen, and `pending`
 * names every domain still waiting with the exact record to create).
 * @example
 * ```ts
 * import { CertificateValidationError } from "pulumi-lightsail-certificates";
 * function recordsToCreate(err: unknown): string[] {
 *   return CertificateValidationError.isInstance(err) && err.timedOut
 *     ? err.pending.map((p) => `${p.record?.name} ${p.record?.type} ${p.record?.value}`)
 *     : [];
 * }
 * ```
 */
export class CertificateValidationError extends LightsailCertificateError {
  static override readonly errorName: string = "CertificateValidationError";
  override name = "CertificateValidationError";
  /** The certificate name. */
  readonly certificateName: string;
  /** The region. */
  readonly region: string;
  /** The last status seen (undefined: the certificate was never found). */
  readonly status: string | undefined;
  /** Whether the wait ran out of time (else the request failed). */
  readonly timedOut: boolean;
  /** The domains still pending, with their records. */
  readonly pending: PendingValidationRecord[];
  constructor(
    options: {
      message: string;
      certificateName: string;
      region: string;
      status: string | undefined;
      timedOut: boolean;
      pending: PendingValidationRecord[];
    } & ErrorDetails,
  ) {
    super(options.message, options);
    this.certificateName = options.certificateName;
    this.region = options.region;
    this.status = options.status;
    this.timedOut = options.timedOut;
    this.pending = options.pending;
  }
}

/**
 * A role to assume (the gate's `--role-arn`, an `aws.Provider`'s `assumeRole`) could not be
 * assumed: the trust policy refuses the caller, the external id is wrong, or STS could not be
 * reached. Never carries credentials; the external id is not repeated either.
 */
export class AssumeRoleError extends LightsailCertificateError {
  static override readonly errorName: string = "AssumeRoleError";
  override name = "AssumeRoleError";
  /** The role's ARN. */
  readonly roleArn: string;
  /** STS's error code (`AccessDenied`, `InvalidClientTokenId`, ...) or the transport's. */
  readonly code: string;
  constructor(options: { roleArn: string; code: string; detail: string } & ErrorDetails) {
    const { roleArn, code, detail } = options;
    super(
      `Could not assume role ${roleArn}: ${code}${detail ? `: ${detail}` : ""}. ` +
        (code === "AccessDenied"
          ? "The role's trust policy must allow the identity in use to call sts:AssumeRole (with the external id, " +
            "when the policy requires one), and that identity needs sts:AssumeRole on the role."
          : "Check the role ARN, the identity in use and that STS can be reached."),
      options,
    );
    this.roleArn = roleArn;
    this.code = code;
  }
}
