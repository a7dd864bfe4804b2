/**
 * STS `AssumeRole` on the emulator's own address, answered as AWS does per botocore's STS model
 * (query protocol: a form-encoded `POST /`, an XML answer; version 2011-06-15). The caller signs
 * with SigV4 for service `sts`; the role must be one the fixtures let be assumed (with its
 * external id, when it has one). The credentials issued sign Lightsail requests that see the
 * role's account only. Secrets are never logged: the call log keeps the role ARN alone.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { DEFAULT_CALLER_ARN, findRole } from "./accounts";
import { ApiError } from "./errors";
import type { FixtureDocument } from "./fixtures";
import type { SigningSecret } from "./sigv4";

const XMLNS = "https://sts.amazonaws.com/doc/2011-06-15/";
const VERSION = "2011-06-15";
const DEFAULT_DURATION_S = 3600;

/** One issued set of temporary credentials. @internal */
export interface StsSession extends Required<Omit<SigningSecret, "expiresAtMs">> {
  accessKeyId: string;
  expiresAtMs: number;
  /** `arn:aws:sts::<account>:assumed-role/<role>/<session>`. */
  assumedRoleArn: string;
}

/** The temporary credentials issued so far, by access key id. @internal */
export class StsSessions {
  private readonly byKey = new Map<string, StsSession>();

  /** The session of an access key id, if the emulator issued it. */
  find(accessKeyId: string): StsSession | undefined {
    return this.byKey.get(accessKeyId);
  }

  /** Issues credentials for `roleArn` in `accountId`. */
  issue(accountId: string, roleArn: string, sessionName: string, expiresAtMs: number): StsSession {
    const session: StsSession = {
      accessKeyId: `ASIA${randomBytes(10).toString("hex").toUpperCase().slice(0, 16)}`,
      secretAccessKey: randomBytes(30).toString("base64"),
      sessionToken: randomBytes(96).toString("base64"),
      accountId,
      expiresAtMs,
      assumedRoleArn: `arn:aws:sts::${accountId}:assumed-role/${roleArn.split("/").pop()}/${sessionName}`,
    };
    this.byKey.set(session.accessKeyId, session);
    return session;
  }
}

/** The form fields of a query-protocol request body. @internal */
export function parseQueryBody(body: Buffer): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(body.toString("utf8")));
}

/** Whether a request is a query-protocol (STS) call rather than a Lightsail JSON one. @internal */
export function isQueryRequest(contentType: string | undefined, target: unknown): boolean {
  return target === undefined && /^application\/x-www-form-urlencoded\b/i.test(contentType ?? "");
}

/** The STS error shape: `Sender` faults with an HTTP status and a `Code`. @internal */
export function stsError(status: number, code: string, message: string): ApiError {
  return new ApiError(status, code, message);
}

/** The STS codes of the signature errors (the Lightsail front end names them differently). */
const SIGNATURE_CODES: Record<string, string> = {
  UnrecognizedClientException: "InvalidClientTokenId",
  InvalidSignatureException: "SignatureDoesNotMatch",
  IncompleteSignatureException: "IncompleteSignature",
  MissingAuthenticationTokenException: "MissingAuthenticationToken",
  ExpiredTokenException: "ExpiredToken",
};

/** An error as STS writes it: `<ErrorResponse>` XML. @internal */
export function stsErrorXml(error: ApiError, requestId: string): string {
  const code = SIGNATURE_CODES[error.type] ?? error.type;
  return (
    `<ErrorResponse xmlns="${XMLNS}">\n  <Error>\n    <Type>Sender</Type>\n    <Code>${xml(code)}</Code>\n` +
    `    <Message>${xml(error.message)}</Message>\n  </Error>\n  <RequestId>${requestId}</RequestId>\n</ErrorResponse>\n`
  );
}

/** What an AssumeRole call needs besides its parameters. @internal */
export interface AssumeRoleContext {
  fixtures: FixtureDocument;
  sessions: StsSessions;
  /** The caller: an assumed role's ARN, or the emulator's own user. */
  callerArn: string;
  nowMs: number;
  requestId: string;
}

/** Answers one query-protocol call (`AssumeRole`); throws an {@link ApiError} STS would send. @internal */
export function answerQuery(params: Record<string, string>, ctx: AssumeRoleContext): string {
  if (params.Version !== VERSION)
    throw stsError(
      400,
      "InvalidAction",
      `Could not find operation ${params.Action ?? ""} for version ${params.Version ?? "NO_VERSION_SPECIFIED"}`,
    );
  if (params.Action !== "AssumeRole")
    throw stsError(
      400,
      "InvalidAction",
      `Could not find operation ${params.Action ?? ""} for version ${VERSION}`,
    );
  const { roleArn, sessionName, externalId, durationS } = checkAssumeRole(params);
  const found = findRole(ctx.fixtures, roleArn);
  if (!found || (found.role.externalId !== undefined && found.role.externalId !== externalId)) {
    throw stsError(
      403,
      "AccessDenied",
      `User: ${ctx.callerArn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
    );
  }
  const max = found.role.maxSessionDuration ?? DEFAULT_DURATION_S;
  if (durationS > max)
    throw stsError(
      400,
      "ValidationError",
      "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.",
    );
  const session = ctx.sessions.issue(
    found.account.accountId,
    roleArn,
    sessionName,
    ctx.nowMs + durationS * 1000,
  );
  return assumeRoleXml(session, sessionName, ctx.requestId);
}

function checkAssumeRole(params: Record<string, string>) {
  const problems: string[] = [];
  const check = (
    name: string,
    field: string,
    value: string | undefined,
    pattern: RegExp,
    min: number,
    max: number,
  ) => {
    if (value === undefined)
      problems.push(`Value null at '${field}' failed to satisfy constraint: Member must not be null`);
    else if (value.length < min || value.length > max)
      problems.push(
        `Value '${value}' at '${field}' failed to satisfy constraint: Member must have length between ${min} and ${max}`,
      );
    else if (!pattern.test(value))
      problems.push(
        `Value '${value}' at '${field}' failed to satisfy constraint: Member must satisfy regular expression pattern: ${name}`,
      );
  };
  check(
    "[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u0085\\u00A0-\\uD7FF\\uE000-\\uFFFD\\u10000-\\u10FFFF]+",
    "roleArn",
    params.RoleArn,
    /^[\t\n\r\x20-\x7e]+$/,
    20,
    2048,
  );
  check("[\\w+=,.@-]*", "roleSessionName", params.RoleSessionName, /^[\w+=,.@-]*$/, 2, 64);
  if (params.ExternalId !== undefined)
    check("[\\w+=,.@:\\/-]*", "externalId", params.ExternalId, /^[\w+=,.@:/-]*$/, 2, 1224);
  const durationS =
    params.DurationSeconds === undefined ? DEFAULT_DURATION_S : Number(params.DurationSeconds);
  if (!Number.isInteger(durationS) || durationS < 900 || durationS > 43_200)
    problems.push(
      `Value '${params.DurationSeconds}' at 'durationSeconds' failed to satisfy constraint: Member must have value between 900 and 43200`,
    );
  if (problems.length > 0)
    throw stsError(
      400,
      "ValidationError",
      `${problems.length} validation error${problems.length > 1 ? "s" : ""} detected: ${problems.join("; ")}`,
    );
  return {
    roleArn: params.RoleArn!,
    sessionName: params.RoleSessionName!,
    externalId: params.ExternalId,
    durationS,
  };
}

function assumeRoleXml(session: StsSession, sessionName: string, requestId: string): string {
  const roleId = `AROA${session.accountId}EMULATOR`;
  return (
    `<AssumeRoleResponse xmlns="${XMLNS}">\n  <AssumeRoleResult>\n    <AssumedRoleUser>\n` +
    `      <AssumedRoleId>${roleId}:${xml(sessionName)}</AssumedRoleId>\n      <Arn>${xml(session.assumedRoleArn)}</Arn>\n` +
    `    </AssumedRoleUser>\n    <Credentials>\n      <AccessKeyId>${session.accessKeyId}</AccessKeyId>\n` +
    `      <SecretAccessKey>${xml(session.secretAccessKey)}</SecretAccessKey>\n      <SessionToken>${xml(session.sessionToken)}</SessionToken>\n` +
    `      <Expiration>${new Date(session.expiresAtMs).toISOString()}</Expiration>\n    </Credentials>\n` +
    `    <PackedPolicySize>0</PackedPolicySize>\n  </AssumeRoleResult>\n` +
    `  <ResponseMetadata>\n    <RequestId>${requestId}</RequestId>\n  </ResponseMetadata>\n</AssumeRoleResponse>\n`
  );
}

function xml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The caller's ARN for error messages. @internal */
export function callerArnOf(sessions: StsSessions, accessKeyId: string): string {
  return sessions.find(accessKeyId)?.assumedRoleArn ?? DEFAULT_CALLER_ARN;
}

/** A fresh request id. @internal */
export const newRequestId = (): string => randomUUID();
