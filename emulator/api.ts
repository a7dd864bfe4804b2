/**
 * One Lightsail API request, end to end: body, signature, operation, faults, answer, and its
 * record in the call log.
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { CallLog, CallRecord } from "./call-log";
import type { EmulatorConfig } from "./config";
import type { EmulatorCredentials } from "./credentials";
import { ApiError, serializationError, unknownOperation } from "./errors";
import { type FaultRule, type FaultSet, MAX_HANG_MS, faultError } from "./faults";
import type { FixtureSource } from "./fixture-source";
import { AMZ_JSON, BodyTooLargeError, readBody, send, sendApiError, wait } from "./http";
import { validateDue } from "./lifecycle";
import { LIFECYCLE_OPERATIONS } from "./lifecycle-operations";
import { OPERATIONS, type OperationResult, TARGET_PREFIX } from "./operations";
import type { PageTokens } from "./page-token";
import { type CredentialResolver, verifySigV4 } from "./sigv4";
import { accountView, withAccountView } from "./accounts";
import {
  answerQuery,
  callerArnOf,
  isQueryRequest,
  parseQueryBody,
  type StsSessions,
  stsErrorXml,
} from "./sts";

const MAX_BODY = 1024 * 1024;

/** What the API handler works with. @internal */
export interface ApiState {
  credentials: EmulatorCredentials;
  /** Temporary credentials issued by STS AssumeRole. */
  sessions: StsSessions;
  source: FixtureSource;
  faults: FaultSet;
  calls: CallLog;
  tokens: PageTokens;
  config(): EmulatorConfig;
  /** Aborted when the emulator stops: ends every delay and hang. */
  signal: AbortSignal;
  /** Issues distinct numbers for the `endless-token` fault. */
  nextNonce(): number;
  /** Receives one line per call when set. */
  logCall?: (line: string) => void;
}

type Call = Omit<CallRecord, "seq">;

/** Answers one request to the Lightsail API (anything outside `/__admin/`). @internal */
export async function handleApi(req: IncomingMessage, res: ServerResponse, state: ApiState): Promise<void> {
  const started = Date.now();
  const call: Call = { time: new Date(started).toISOString(), status: 0, durationMs: 0 };
  let logged = false;
  const finish = (status: number, errorType?: string) => {
    if (logged) return;
    logged = true;
    call.status = status;
    if (errorType) call.errorType = errorType;
    call.durationMs = Date.now() - started;
    state.calls.add(call);
    state.logCall?.(
      `${call.operation ?? "-"} ${call.region ?? "-"} -> ${status}${errorType ? ` ${errorType}` : ""}` +
        `${call.fault ? ` [fault ${call.fault}]` : ""} (${call.durationMs} ms)`,
    );
  };
  res.setHeader("x-amzn-RequestId", randomUUID());
  const fail = (error: ApiError) => {
    sendApiError(res, error);
    finish(error.status, error.type);
  };
  try {
    await answer(req, res, state, call, finish, fail);
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    fail(err);
  } finally {
    finish(res.headersSent ? res.statusCode : 0);
  }
}

async function answer(
  req: IncomingMessage,
  res: ServerResponse,
  state: ApiState,
  call: Call,
  finish: (status: number, errorType?: string) => void,
  fail: (error: ApiError) => void,
): Promise<void> {
  const path = (req.url ?? "/").split("?", 1)[0];
  if (req.method !== "POST" || path !== "/") {
    throw new ApiError(
      req.method === "POST" ? 404 : 405,
      "UnknownOperationException",
      "The Lightsail API is served on POST / only.",
    );
  }
  let body: Buffer;
  try {
    body = await readBody(req, MAX_BODY);
  } catch (err) {
    if (!(err instanceof BodyTooLargeError)) throw err;
    res.setHeader("Connection", "close");
    throw new ApiError(
      413,
      "RequestEntityTooLargeException",
      `Request body must be at most ${MAX_BODY} bytes.`,
    );
  }
  const config = state.config();
  if (!(await wait(config.latencyMs, state.signal, req))) return;

  if (isQueryRequest(req.headers["content-type"], req.headers["x-amz-target"]))
    return answerSts(req, res, state, call, body, finish);
  const target = req.headers["x-amz-target"];
  const targetName = typeof target === "string" ? target : undefined;
  const operationName = targetName?.startsWith(TARGET_PREFIX)
    ? targetName.slice(TARGET_PREFIX.length)
    : undefined;
  if (operationName) call.operation = operationName;
  const input = parseInput(body);
  if (!(input instanceof ApiError)) call.request = input;

  const identity = verifySigV4(
    { method: req.method, url: req.url ?? "/", rawHeaders: req.rawHeaders, body },
    resolverOf(state),
    Date.now(),
  );
  call.region = identity.region;
  const operations = { ...OPERATIONS, ...LIFECYCLE_OPERATIONS };
  const operation =
    operationName && Object.hasOwn(operations, operationName) ? operations[operationName] : undefined;
  if (!operationName || !operation) throw unknownOperation(targetName);

  const decision = state.faults.decide(operationName, identity.region);
  const fault = decision.fault;
  if (fault) call.fault = fault.kind;
  if (!(await wait(decision.latencyMs, state.signal, req))) return;
  if (fault) {
    const error = faultError(fault, operationName, identity.region);
    if (error) return fail(error);
    if (fault.kind === "hang") {
      finish(0);
      await wait(Math.min(fault.latencyMs ?? MAX_HANG_MS, MAX_HANG_MS), state.signal, req);
      req.socket.destroy();
      return;
    }
  }
  if (input instanceof ApiError) throw input;

  const now = new Date();
  const account = identity.accountId;
  const whole = await state.source.current();
  let fixtures = accountView(whole, account);
  if (config.validationDelayMs > 0) {
    const due = validateDue(fixtures, now, config.validationDelayMs);
    if (due !== fixtures) await state.source.replace(withAccountView(whole, account, (fixtures = due)));
  }
  const result = operation(input, {
    region: identity.region,
    fixtures,
    pageSize: config.pageSize,
    notFoundMode: config.notFoundMode,
    tokens: state.tokens,
    now,
  });
  if (result.document)
    await state.source.replace(withAccountView(await state.source.current(), account, result.document));
  if (fault) rewritePaging(fault, result, state);
  const payload = JSON.stringify(result.body);
  switch (fault?.kind) {
    case "truncate": {
      const bytes = Buffer.from(payload);
      res.writeHead(200, { "Content-Type": AMZ_JSON, "Content-Length": String(bytes.length) });
      finish(200);
      res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => req.socket.destroy());
      return;
    }
    case "invalid-json":
      send(res, fault.status ?? 200, payload.replace(/^\{/, '{"certificates": [}, '), AMZ_JSON);
      return finish(fault.status ?? 200);
    case "wrong-content-type":
      send(
        res,
        fault.status ?? 200,
        "<!DOCTYPE html>\n<html><head><title>Service Unavailable</title></head>" +
          "<body><h1>Service Unavailable</h1><p>The server is temporarily unable to service your request.</p></body></html>\n",
        "text/html; charset=utf-8",
      );
      return finish(fault.status ?? 200);
    default:
      send(res, 200, payload, AMZ_JSON);
      return finish(200);
  }
}

/** The emulator's own credentials, then the temporary ones STS issued (mapped to their account). */
function resolverOf(state: ApiState): CredentialResolver {
  return (accessKeyId) =>
    accessKeyId === state.credentials.accessKeyId ? state.credentials : state.sessions.find(accessKeyId);
}

/** One STS (query protocol) call: signed for `sts`, answered and failed in XML. */
async function answerSts(
  req: IncomingMessage,
  res: ServerResponse,
  state: ApiState,
  call: Call,
  body: Buffer,
  finish: (status: number, errorType?: string) => void,
): Promise<void> {
  const params = parseQueryBody(body);
  const requestId = String(res.getHeader("x-amzn-RequestId"));
  call.operation = params.Action ?? "-";
  call.request = params.RoleArn !== undefined ? { RoleArn: params.RoleArn } : {};
  const XML = "text/xml";
  try {
    const identity = verifySigV4(
      { method: req.method ?? "POST", url: req.url ?? "/", rawHeaders: req.rawHeaders, body },
      resolverOf(state),
      Date.now(),
      "sts",
    );
    call.region = identity.region;
    const answer = answerQuery(params, {
      fixtures: await state.source.current(),
      sessions: state.sessions,
      callerArn: callerArnOf(state.sessions, identity.accessKeyId),
      nowMs: Date.now(),
      requestId,
    });
    send(res, 200, answer, XML);
    finish(200);
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    send(res, err.status, stsErrorXml(err, requestId), XML);
    finish(err.status, err.type);
  }
}

/** The request's JSON object, or the `SerializationException` it deserves. */
function parseInput(body: Buffer): Record<string, unknown> | ApiError {
  const text = body.toString("utf8").trim();
  if (text === "") return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return serializationError(`Could not parse the request body as JSON: ${(err as Error).message}`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return serializationError(
      "Start of structure or map found where not expected: the body must be a JSON object.",
    );
  }
  return value as Record<string, unknown>;
}

/** Applies the `repeat-token` and `endless-token` faults to a paged answer. */
function rewritePaging(fault: FaultRule, result: OperationResult, state: ApiState): void {
  const paging = result.paging;
  if (!paging) return;
  if (fault.kind === "repeat-token") {
    result.body.nextPageToken = paging.requestToken ?? state.tokens.issue(0, paging.scope);
  } else if (fault.kind === "endless-token") {
    result.body.nextPageToken = state.tokens.issue(paging.nextOffset, paging.scope, state.nextNonce());
  }
}
