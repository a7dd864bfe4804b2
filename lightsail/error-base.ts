/**
 * The base of the package's errors: `LightsailCertificateError`, its details (`cause`,
 * `requestId`) and the brand that makes `isInstance` work across two copies of the package.
 * Every error class of errors.ts extends it.
 */

/** What every error of this package may carry besides its message. */
export interface ErrorDetails {
  /** The error this one explains (for an error from a response: what the AWS SDK threw). */
  cause?: unknown;
  /** The AWS request id of the response it came from (`$metadata.requestId`), for a support ticket. */
  requestId?: string;
}

/**
 * Where an error records the kinds it is (its class and every base class of this package): a
 * registry symbol, so that {@link LightsailCertificateError.isInstance} recognises errors made by
 * another copy of this package in the same process, as `instanceof` cannot.
 */
const KINDS = Symbol.for("pulumi-lightsail-certificates.errorKinds");

/** Base class of every error this package throws. */
export class LightsailCertificateError extends Error {
  /** The class's error name, which `isInstance` checks. */
  static readonly errorName: string = "LightsailCertificateError";
  override name = "LightsailCertificateError";
  /** The AWS request id of the response this error came from, when it came from one. */
  readonly requestId: string | undefined;

  /**
   * @param message what happened and what to do; the request id, when given, is appended.
   * @param details `cause` and `requestId`.
   */
  constructor(message: string, details: ErrorDetails = {}) {
    super(
      details.requestId ? `${message} (AWS request id ${details.requestId})` : message,
      details.cause !== undefined ? { cause: details.cause } : undefined,
    );
    this.requestId = details.requestId;
    const kinds: string[] = [];
    for (
      let c = new.target as unknown;
      typeof c === "function" && c !== Error;
      c = Object.getPrototypeOf(c)
    ) {
      if (Object.hasOwn(c, "errorName")) kinds.push((c as unknown as { errorName: string }).errorName);
    }
    Object.defineProperty(this, KINDS, { value: kinds, enumerable: false });
  }

  /**
   * Whether `obj` is an error of this class (or a subclass), also when it was made by another
   * copy of this package loaded in the same process (where `instanceof` says no).
   * @example
   * ```ts
   * import { CertificateNotFoundError, getCertificate } from "pulumi-lightsail-certificates";
   * getCertificate({ domainName: "example.com" }).catch((err: unknown) => {
   *   if (CertificateNotFoundError.isInstance(err)) console.log("closest:", err.closest);
   * });
   * ```
   */
  static isInstance<T extends LightsailCertificateError>(
    this: { prototype: T; errorName: string },
    obj: unknown,
  ): obj is T {
    if (obj === null || typeof obj !== "object") return false;
    const kinds = (obj as { [KINDS]?: unknown })[KINDS];
    return Array.isArray(kinds) && kinds.includes(this.errorName);
  }

  /**
   * How `util.inspect` (and so the Pulumi CLI's report of a failed program) shows the error:
   * its stack as is. Node 20.20's own error formatting loops until memory runs out (about 80 s,
   * then a RangeError) on source-mapped frames such as `node_modules/@pulumi/output.ts:516`,
   * which every error thrown inside an `Output.apply` carries in a Pulumi program.
   */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.stack ?? `${this.name}: ${this.message}`;
  }
}
