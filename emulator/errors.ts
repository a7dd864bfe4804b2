/**
 * The error responses of the emulator, in the shapes the real service sends.
 *
 * Lightsail's own (modelled) errors carry `code`, `docs`, `message` and `tip`; the errors of
 * the AWS front end (authentication, throttling, protocol) carry only `__type` and `message`.
 */

const DOCS_URL = "https://lightsail.aws.amazon.com/ls/docs";
const LIGHTSAIL_NAMESPACE = "http://internal.amazon.com/coral/com.amazonaws.lightsail/";
const CORAL_NAMESPACE = "http://internal.amazon.com/coral/com.amazon.coral.service/";

/** An error response: thrown by request handlers, written by the server. @internal */
export class ApiError extends Error {
  override readonly name = "ApiError";
  /**
   * @param status HTTP status.
   * @param type The `__type` of the body (and of the `x-amzn-ErrorType` header).
   * @param message The `message` of the body.
   * @param modelled Whether it is a Lightsail-modelled error (body carries code, docs, tip).
   * @param code The Lightsail `code` field (modelled errors only).
   * @param tip The Lightsail `tip` field (modelled errors only).
   * @param omitType Leave `__type` out of the body (so clients fall back to `code`).
   */
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly modelled = false,
    readonly code?: string,
    readonly tip?: string,
    readonly omitType = false,
  ) {
    super(message);
  }

  /** The JSON body of the response. */
  body(): Record<string, unknown> {
    const body: Record<string, unknown> = {};
    if (!this.omitType) body.__type = this.type;
    if (this.modelled) {
      body.code = this.code ?? this.type.replace(/Exception$/, "");
      body.docs = DOCS_URL;
      body.message = this.message;
      body.tip = this.tip ?? "";
    } else {
      body.message = this.message;
    }
    return body;
  }

  /** The value of the `x-amzn-ErrorType` header, as the AWS front end formats it. */
  headerValue(): string {
    return `${this.omitType ? (this.code ?? this.type) : this.type}:${this.modelled ? LIGHTSAIL_NAMESPACE : CORAL_NAMESPACE}`;
  }
}

/** 400 `InvalidInputException` (code `InvalidInput`). @internal */
export function invalidInput(message: string): ApiError {
  return new ApiError(
    400,
    "InvalidInputException",
    message,
    true,
    "InvalidInput",
    "Please check the request parameters and try again.",
  );
}

/**
 * 400 `NotFoundException` with code `DoesNotExist`, e.g. "The Certificate does not exist: x".
 * With `withoutType` the body has no `__type` (clients then see the bare code `DoesNotExist`).
 * @internal
 */
export function notFound(resource: string, name: string, withoutType = false): ApiError {
  return new ApiError(
    400,
    "NotFoundException",
    `The ${resource} does not exist: ${name}`,
    true,
    "DoesNotExist",
    "Please check the name of the resource and the region, then try again.",
    withoutType,
  );
}

/** 400 `SerializationException`: the body is not the JSON the operation expects. @internal */
export function serializationError(message: string): ApiError {
  return new ApiError(400, "SerializationException", message);
}

/** 400 `UnknownOperationException`: unknown or missing `X-Amz-Target`. @internal */
export function unknownOperation(target: string | undefined): ApiError {
  return new ApiError(
    400,
    "UnknownOperationException",
    target ? `Unknown operation ${target}` : "Missing X-Amz-Target header",
  );
}
