/**
 * Translation of what the AWS SDK throws into this package's errors. Branches on `error.name`
 * and `code`, never on `instanceof` alone: the SDK has thrown the base `LightsailServiceException`
 * for Lightsail not-found cases. Messages never carry endpoints or credentials.
 */
import { AccessDeniedError, LightsailApiError, LightsailCertificateError } from "./errors";

interface SdkLikeError {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  $metadata?: { httpStatusCode?: number; attempts?: number; requestId?: string };
  $fault?: unknown;
}

/** Where a failed call was made. */
export interface CallContext {
  /** Operation, e.g. `GetCertificates`. */
  operation: string;
  /** Region of the call. */
  region: string;
  /** The request timeout in force, for the message of a timeout. */
  requestTimeoutMs?: number;
  /** The named profile in use, if one was given (a name, never a credential). */
  profile?: string;
}

const CREDENTIAL_ERRORS = new Set([
  "UnauthenticatedException",
  "UnrecognizedClientException",
  "InvalidSignatureException",
  "ExpiredTokenException",
  "ExpiredToken",
  "InvalidClientTokenId",
  "SignatureDoesNotMatch",
  "CredentialsProviderError",
]);
const TRANSPORT_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
]);

const SDK_DESERIALIZATION_HINT = /\s*Deserialization error: to see the raw response[\s\S]*$/;

/** Removes URLs, host:port pairs and access-key ids from a message that came from outside. */
export function scrubMessage(text: string): string {
  return text
    .replace(/[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]+/gi, "<endpoint>")
    .replace(/\b(?:\d{1,3}\.){3}\d{1,3}(?::\d+)?\b/g, "<address>")
    .replace(/\[[0-9a-f:]+\](?::\d+)?/gi, "<address>")
    .replace(/\blocalhost(?::\d+)?\b/gi, "<address>")
    .replace(/\b(?:AKIA|ASIA|AKID)[A-Z0-9]{12,}\b/g, "<access-key>")
    .slice(0, 500);
}

function nameOf(err: SdkLikeError): string {
  // "Unknown", as the SDK names an error whose type it cannot read (it has given `[]` here).
  return typeof err.name === "string" ? err.name : "Unknown";
}

/** Whether `err` is one of the three ways Lightsail says "no such resource". */
export function isNotFoundError(err: unknown): boolean {
  if (!err || typeof err !== "object") return false;
  const e = err as SdkLikeError;
  if (
    e.name === "NotFoundException" ||
    e.name === "DoesNotExist" ||
    e.code === "DoesNotExist" ||
    e.code === "NotFound"
  )
    return true;
  return (
    typeof e.message === "string" &&
    /DoesNotExist|does not exist/i.test(e.message) &&
    e.$metadata !== undefined
  );
}

/** What a failed call says, read once from whatever the SDK threw. */
interface Failure {
  name: string;
  code: string | undefined;
  status: number | undefined;
  /** The body could not be read as Lightsail's JSON. */
  unreadable: boolean;
  /** The service's message, scrubbed of endpoints and keys. */
  detail: string;
  /** "Lightsail <operation> in <region>". */
  where: string;
  /** " after N attempts", when the SDK retried. */
  tries: string;
  /** What every error keeps: the SDK's error as `cause`, and the request id when there is one. */
  details: { cause: unknown; requestId?: string };
}

function readFailure(err: unknown, ctx: CallContext): Failure {
  const e = (err && typeof err === "object" ? err : { message: String(err) }) as SdkLikeError;
  const name = nameOf(e);
  const attempts = e.$metadata?.attempts;
  const raw = typeof e.message === "string" ? e.message : "";
  const requestId =
    typeof e.$metadata?.requestId === "string" && e.$metadata.requestId !== ""
      ? e.$metadata.requestId
      : undefined;
  return {
    name,
    code: typeof e.code === "string" ? e.code : undefined,
    status: e.$metadata?.httpStatusCode,
    // The SDK marks a body it could not parse by appending this hint (and sets the HTTP status).
    unreadable: name === "SyntaxError" || SDK_DESERIALIZATION_HINT.test(raw),
    detail: scrubMessage(raw.replace(SDK_DESERIALIZATION_HINT, "")),
    where: `Lightsail ${ctx.operation} in ${ctx.region}`,
    tries: attempts && attempts > 1 ? ` after ${attempts} attempts` : "",
    details: { cause: err, ...(requestId !== undefined ? { requestId } : {}) },
  };
}

function apiError(f: Failure, ctx: CallContext, code: string, message: string): LightsailApiError {
  return new LightsailApiError({
    operation: ctx.operation,
    region: ctx.region,
    code,
    message,
    httpStatusCode: f.status,
    ...f.details,
  });
}

/** The caller's side: access, credentials, throttling, a region not set up, an invalid request. */
function callerError(f: Failure, ctx: CallContext): LightsailCertificateError | undefined {
  const { name, where, detail, tries } = f;
  if (name === "AccessDeniedException" || f.code === "AccessDenied")
    return new AccessDeniedError({
      action: `lightsail:${ctx.operation}`,
      region: ctx.region,
      detail,
      ...f.details,
    });
  if (CREDENTIAL_ERRORS.has(name)) {
    return apiError(
      f,
      ctx,
      name,
      `${where} rejected the credentials (${name}: ${detail}). Refresh them (e.g. \`aws sso login\` or a new session token) or check ` +
        (ctx.profile !== undefined
          ? `the profile "${ctx.profile}" (from opts.provider or aws:profile) in the shared config and credentials files.`
          : "AWS_PROFILE and the access key in use."),
    );
  }
  if (name === "ThrottlingException" || f.status === 429) {
    // A 429 whose body is not Lightsail's JSON (a proxy's page) is still throttling.
    const shown = f.unreadable ? `HTTP ${f.status}` : name;
    return apiError(
      f,
      ctx,
      f.unreadable ? "ThrottlingException" : name,
      `${where} kept throttling${tries} (${shown}). Try again later or run fewer lookups at once.`,
    );
  }
  if (name === "RegionSetupInProgressException") {
    return apiError(
      f,
      ctx,
      name,
      `${where}: Lightsail is still setting up this region for the account${tries}. Try again in a few minutes.`,
    );
  }
  if (name === "InvalidInputException")
    return apiError(f, ctx, name, `${where} refused the request as invalid: ${detail}`);
  return undefined;
}

/** The way there: no answer in time, or no connection. */
function transportError(f: Failure, ctx: CallContext): LightsailCertificateError | undefined {
  const { name, code, where, tries } = f;
  const transport =
    code && TRANSPORT_CODES.has(code)
      ? code
      : name === "TimeoutError" || name === "RequestTimeout"
        ? name
        : undefined;
  if (
    transport === "TimeoutError" ||
    transport === "RequestTimeout" ||
    transport === "ETIMEDOUT" ||
    name === "TimeoutError"
  ) {
    const limit = ctx.requestTimeoutMs !== undefined ? ` within ${ctx.requestTimeoutMs} ms` : "";
    return apiError(
      f,
      ctx,
      "TimeoutError",
      `${where} got no answer${limit}${tries}. Check the network and the endpoint override (AWS_ENDPOINT_URL_LIGHTSAIL) ` +
        "if you set one; a slow but working endpoint needs a larger requestTimeoutMs setting.",
    );
  }
  if (!transport) return undefined;
  return apiError(
    f,
    ctx,
    transport,
    `Could not reach ${where}${tries} (${transport}). Check the network, and the endpoint override (AWS_ENDPOINT_URL_LIGHTSAIL) if you set one.`,
  );
}

/** The service's side: a body that is not Lightsail's JSON, a 5xx, or any other answer. */
function serviceError(f: Failure, ctx: CallContext): LightsailCertificateError {
  const { name, status, where, detail, tries } = f;
  if (
    f.unreadable ||
    ((status === undefined || status < 300) && /JSON|Unexpected|deserializ/i.test(detail))
  ) {
    // Not Lightsail's JSON: a proxy's HTML page, a cut or garbled body, a field of the wrong type.
    return apiError(
      f,
      ctx,
      "MalformedResponse",
      status !== undefined && status >= 500
        ? `${where} failed on the service side${tries} (HTTP ${status}, with a body that is not Lightsail's JSON: ${detail}). Try again later.`
        : `${where} returned a response that could not be read (${status !== undefined && status >= 300 ? `HTTP ${status}: ` : ""}${detail}).`,
    );
  }
  if (status !== undefined && status >= 500) {
    return apiError(
      f,
      ctx,
      name,
      `${where} failed on the service side${tries} (${name}, HTTP ${status}): ${detail.replace(/[.\s]*(try again later)?[.\s]*$/i, "")}. Try again later.`,
    );
  }
  return apiError(f, ctx, name, `${where} failed (${name}${status ? `, HTTP ${status}` : ""}): ${detail}`);
}

/**
 * Turns an error from a Lightsail call into the package's error with a message that says what to do.
 * The package's own errors pass through unchanged.
 */
export function translateServiceError(err: unknown, ctx: CallContext): LightsailCertificateError {
  if (LightsailCertificateError.isInstance(err)) return err;
  const failure = readFailure(err, ctx);
  return callerError(failure, ctx) ?? transportError(failure, ctx) ?? serviceError(failure, ctx);
}
