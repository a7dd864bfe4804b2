/**
 * AWS Signature Version 4 verification for the emulator's `POST /` requests, written against
 * the published algorithm: canonical request, string to sign, derived signing key, and a
 * constant-time comparison. Failures are the errors the AWS front end returns.
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { ApiError } from "./errors";
import type { EmulatorCredentials } from "./credentials";
import { isLightsailRegion } from "./regions";

const ALGORITHM = "AWS4-HMAC-SHA256";
const SERVICE = "lightsail";
const MAX_SKEW_MS = 15 * 60 * 1000;
const UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

/** What the verifier needs of an HTTP request. @internal */
export interface SignedRequest {
  /** HTTP method, e.g. `POST`. */
  method: string;
  /** The request target as received (path and query, still percent-encoded). */
  url: string;
  /** Node's `rawHeaders`: names and values alternating, as received. */
  rawHeaders: string[];
  /** The complete request body. */
  body: Buffer;
}

/** The identity a valid signature proves. @internal */
export interface VerifiedIdentity {
  accessKeyId: string;
  /** The region of the credential scope: the region the client is talking to. */
  region: string;
  /** The account of temporary credentials (undefined: the emulator's own credentials). */
  accountId?: string;
}

/** What an access key signs with: its secret and, for temporary credentials, token and account. @internal */
export interface SigningSecret {
  secretAccessKey: string;
  /** Temporary credentials: the `X-Amz-Security-Token` the request must carry. */
  sessionToken?: string;
  accountId?: string;
  /** Temporary credentials: when they stop being accepted. */
  expiresAtMs?: number;
}

/** Finds the secret of an access key id, or undefined when the emulator does not know it. @internal */
export type CredentialResolver = (accessKeyId: string) => SigningSecret | undefined;

/** The services whose signatures the emulator checks; STS is served in any well-formed region. */
export type SignedService = "lightsail" | "sts";

/** Verifies the SigV4 `Authorization` header of `request`; throws an {@link ApiError} if it fails. @internal */
export function verifySigV4(
  request: SignedRequest,
  credentials: EmulatorCredentials | CredentialResolver,
  nowMs: number,
  expectedService: SignedService = SERVICE,
): VerifiedIdentity {
  const authorization = headerValues(request.rawHeaders, "authorization")[0];
  if (!authorization) {
    throw new ApiError(400, "MissingAuthenticationTokenException", "Missing Authentication Token");
  }
  const auth = parseAuthorization(authorization);
  const scope = auth.credential.split("/");
  if (scope.length !== 5) {
    throw incomplete(
      `Credential should have exactly 5 slash-delimited elements, e.g. keyID/date/region/service/term, got '${auth.credential}'.`,
    );
  }
  const [accessKeyId, scopeDate, region, service, terminator] = scope as [
    string,
    string,
    string,
    string,
    string,
  ];
  if (terminator !== "aws4_request") {
    throw incomplete(
      `Credential should be scoped with a valid terminator: 'aws4_request', not '${terminator}'.`,
    );
  }
  const secret = resolveSecret(credentials, accessKeyId);
  checkSessionToken(request.rawHeaders, secret, nowMs);
  if (service !== expectedService) {
    throw invalidSignature(`Credential should be scoped to correct service: '${expectedService}'. `);
  }
  if (expectedService === "sts" ? !/^[a-z]{2}(-[a-z]+)+-\d$/.test(region) : !isLightsailRegion(region)) {
    throw invalidSignature(`Credential should be scoped to a valid region, not '${region}'. `);
  }
  if (!auth.signedHeaders.includes("host")) {
    throw incomplete("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
  }

  const amzDate = readRequestDate(request.rawHeaders);
  if (amzDate.slice(0, 8) !== scopeDate) {
    throw invalidSignature(
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${scopeDate}' != '${amzDate.slice(0, 8)}', from '${amzDate}'.`,
    );
  }
  checkClockSkew(amzDate, nowMs);

  const bodyHash = sha256Hex(request.body);
  const declaredHash = headerValues(request.rawHeaders, "x-amz-content-sha256")[0]?.trim();
  if (declaredHash !== undefined && declaredHash !== UNSIGNED_PAYLOAD && declaredHash !== bodyHash) {
    throw invalidSignature("The provided 'x-amz-content-sha256' header does not match what was computed.");
  }

  const canonicalRequest = buildCanonicalRequest(request, auth.signedHeaders, declaredHash ?? bodyHash);
  const credentialScope = `${scopeDate}/${region}/${service}/${terminator}`;
  const stringToSign = [ALGORITHM, amzDate, credentialScope, sha256Hex(canonicalRequest)].join("\n");
  const signingKey = deriveSigningKey(secret.secretAccessKey, scopeDate, region, service);
  const expected = Buffer.from(createHmac("sha256", signingKey).update(stringToSign).digest("hex"), "utf8");
  const provided = Buffer.from(auth.signature, "utf8");
  if (expected.length !== provided.length || !timingSafeEqual(expected, provided)) {
    throw invalidSignature(
      "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
    );
  }
  return { accessKeyId, region, ...(secret.accountId !== undefined ? { accountId: secret.accountId } : {}) };
}

function resolveSecret(
  credentials: EmulatorCredentials | CredentialResolver,
  accessKeyId: string,
): SigningSecret {
  const secret =
    typeof credentials === "function"
      ? credentials(accessKeyId)
      : accessKeyId === credentials.accessKeyId
        ? credentials
        : undefined;
  if (!secret) throw invalidToken();
  return secret;
}

/** Temporary credentials need their own token, unexpired; the emulator's own need none. */
function checkSessionToken(rawHeaders: string[], secret: SigningSecret, nowMs: number): void {
  if (secret.sessionToken === undefined) return;
  const token = headerValues(rawHeaders, "x-amz-security-token")[0];
  if (token !== secret.sessionToken) throw invalidToken();
  if (secret.expiresAtMs !== undefined && nowMs >= secret.expiresAtMs)
    throw new ApiError(403, "ExpiredTokenException", "The security token included in the request is expired");
}

function invalidToken(): ApiError {
  return new ApiError(
    403,
    "UnrecognizedClientException",
    "The security token included in the request is invalid.",
  );
}

interface ParsedAuthorization {
  credential: string;
  signedHeaders: string[];
  signature: string;
}

function parseAuthorization(header: string): ParsedAuthorization {
  const trimmed = header.trim();
  if (!trimmed.startsWith(`${ALGORITHM} `)) {
    const algorithm = trimmed.split(/\s/, 1)[0] ?? "";
    throw incomplete(`Unsupported AWS 'algorithm': '${algorithm}'. Use ${ALGORITHM}.`);
  }
  const parts = new Map<string, string>();
  for (const part of trimmed.slice(ALGORITHM.length).split(",")) {
    const eq = part.indexOf("=");
    if (eq > 0) parts.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const missing = ["Credential", "Signature", "SignedHeaders"].filter((key) => !parts.get(key));
  if (missing.length > 0) {
    throw incomplete(
      missing.map((key) => `Authorization header requires '${key}' parameter.`).join(" ") +
        ` Authorization=${ALGORITHM} ...`,
    );
  }
  return {
    credential: parts.get("Credential") ?? "",
    signedHeaders: (parts.get("SignedHeaders") ?? "").split(";").map((h) => h.trim().toLowerCase()),
    signature: (parts.get("Signature") ?? "").toLowerCase(),
  };
}

/** The request time as `YYYYMMDDTHHMMSSZ`, from `X-Amz-Date` or else `Date`. */
function readRequestDate(rawHeaders: string[]): string {
  const amzDate = headerValues(rawHeaders, "x-amz-date")[0]?.trim();
  if (amzDate) {
    if (!/^\d{8}T\d{6}Z$/.test(amzDate)) {
      throw incomplete(`Invalid X-Amz-Date header: '${amzDate}'. Expected the form YYYYMMDD'T'HHMMSS'Z'.`);
    }
    return amzDate;
  }
  const date = headerValues(rawHeaders, "date")[0];
  const parsed = date ? Date.parse(date) : NaN;
  if (Number.isNaN(parsed)) {
    throw incomplete("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
  }
  return formatAmzDate(parsed);
}

function checkClockSkew(amzDate: string, nowMs: number): void {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(amzDate);
  const t = m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) : NaN;
  if (Number.isNaN(t)) throw incomplete(`Invalid X-Amz-Date header: '${amzDate}'.`);
  if (t < nowMs - MAX_SKEW_MS) {
    throw invalidSignature(
      `Signature expired: ${amzDate} is now earlier than ${formatAmzDate(nowMs - MAX_SKEW_MS)} (${formatAmzDate(nowMs)} - 15 min.)`,
    );
  }
  if (t > nowMs + MAX_SKEW_MS) {
    throw invalidSignature(
      `Signature not yet current: ${amzDate} is still later than ${formatAmzDate(nowMs + MAX_SKEW_MS)} (${formatAmzDate(nowMs)} + 15 min.)`,
    );
  }
}

/** The SigV4 canonical request for `request`, signing `signedHeaders` and `payloadHash`. @internal */
export function buildCanonicalRequest(
  request: SignedRequest,
  signedHeaders: string[],
  payloadHash: string,
): string {
  const q = request.url.indexOf("?");
  const rawPath = q >= 0 ? request.url.slice(0, q) : request.url;
  const rawQuery = q >= 0 ? request.url.slice(q + 1) : "";
  const canonicalHeaders = signedHeaders
    .map((name) => `${name}:${headerValues(request.rawHeaders, name).map(canonicalHeaderValue).join(",")}\n`)
    .join("");
  return [
    request.method.toUpperCase(),
    canonicalPath(rawPath),
    canonicalQuery(rawQuery),
    canonicalHeaders,
    signedHeaders.join(";"),
    payloadHash,
  ].join("\n");
}

/** The path with `.`/`..` segments resolved and each segment URI-encoded again (non-S3 rule). */
function canonicalPath(rawPath: string): string {
  if (rawPath === "" || rawPath === "/") return "/";
  const out: string[] = [];
  for (const segment of rawPath.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") out.pop();
    else out.push(uriEncode(segment));
  }
  const trailing = rawPath.endsWith("/") && out.length > 0 ? "/" : "";
  return `/${out.join("/")}${trailing}`;
}

function canonicalQuery(rawQuery: string): string {
  if (!rawQuery) return "";
  return rawQuery
    .split("&")
    .filter((pair) => pair !== "")
    .map((pair) => {
      const eq = pair.indexOf("=");
      const key = eq >= 0 ? pair.slice(0, eq) : pair;
      const value = eq >= 0 ? pair.slice(eq + 1) : "";
      return [uriEncode(safeDecode(key)), uriEncode(safeDecode(value))] as const;
    })
    .sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
}

function canonicalHeaderValue(value: string): string {
  return value.trim().replace(/\s+/g, " ");
}

/** All values of header `name` (case-insensitive) in the order received. */
function headerValues(rawHeaders: string[], name: string): string[] {
  const values: string[] = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    if (rawHeaders[i]!.toLowerCase() === name) values.push(rawHeaders[i + 1]!);
  }
  return values;
}

function deriveSigningKey(secret: string, date: string, region: string, service: string): Buffer {
  const kDate = createHmac("sha256", `AWS4${secret}`).update(date).digest();
  const kRegion = createHmac("sha256", kDate).update(region).digest();
  const kService = createHmac("sha256", kRegion).update(service).digest();
  return createHmac("sha256", kService).update("aws4_request").digest();
}

function sha256Hex(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

/** RFC 3986 encoding: everything but unreserved characters is percent-encoded. */
function uriEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function formatAmzDate(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

function incomplete(message: string): ApiError {
  return new ApiError(400, "IncompleteSignatureException", message);
}

function invalidSignature(message: string): ApiError {
  return new ApiError(403, "InvalidSignatureException", message);
}
