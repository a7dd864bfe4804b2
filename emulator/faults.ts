/**
 * Fault injection: rules that make chosen calls fail, slow down, hang or answer badly, so
 * clients can be tested against what the real service (or the network) does on a bad day.
 */
import { ApiError } from "./errors";

/** The kinds of fault; see {@link FaultRule}. */
export type FaultKind =
  | "throttle"
  | "server-error"
  | "latency"
  | "hang"
  | "repeat-token"
  | "endless-token"
  | "truncate"
  | "invalid-json"
  | "wrong-content-type"
  | "expired-token"
  | "region-setup"
  | "access-denied"
  | "unauthenticated";

/** Every {@link FaultKind}, for validation and usage messages. */
export const FAULT_KINDS: readonly FaultKind[] = [
  "throttle",
  "server-error",
  "latency",
  "hang",
  "repeat-token",
  "endless-token",
  "truncate",
  "invalid-json",
  "wrong-content-type",
  "expired-token",
  "region-setup",
  "access-denied",
  "unauthenticated",
];

/**
 * A fault rule. It counts the calls it matches (signed calls of `operation`, or of every
 * operation; signed for `region`, or for any region) from when it was added, and applies to those chosen by `calls`, else to the first
 * `count`, else to all. When several rules apply to one call, `latency` rules add up and the
 * first other rule (in the order added) decides the answer.
 *
 * - `throttle`: HTTP 400 `ThrottlingException` "Rate exceeded".
 * - `server-error`: HTTP 500 `ServiceException` (`status: 503`: `ServiceUnavailableException`).
 * - `latency`: delays the answer by `latencyMs` (default 1000).
 * - `hang`: never answers; the connection is closed after `latencyMs` (default and at most 60000).
 * - `repeat-token`: `nextPageToken` is the request's `pageToken` (or, on a first page, a token
 *   for the first page again).
 * - `endless-token`: the page is served normally but `nextPageToken` is always a fresh valid
 *   token (after the last page: empty pages with fresh tokens, forever).
 * - `truncate`: announces the full `Content-Length`, sends half of the body, drops the connection.
 * - `invalid-json`: HTTP 200 with a complete but malformed JSON body.
 * - `wrong-content-type`: an HTML page as `text/html` (HTTP `status`, default 200), as a proxy would.
 * - `expired-token`: HTTP 403 `ExpiredTokenException`.
 * - `region-setup`: HTTP 400 `RegionSetupInProgressException`.
 * - `access-denied`: HTTP 400 `AccessDeniedException` with code `AccessDenied`.
 * - `unauthenticated`: HTTP 400 `UnauthenticatedException`.
 * @example
 * { "operation": "GetCertificates", "kind": "throttle", "calls": [2, 3] }
 * { "kind": "access-denied", "region": "eu-west-1" }   // one region of several fails
 */
export interface FaultRule {
  /** The operation the rule watches, e.g. `GetCertificates`. @defaultValue every operation */
  operation?: string;
  /** The region the rule watches (the one the call is signed for). @defaultValue every region */
  region?: string;
  kind: FaultKind;
  /** 1-based indices, among the calls this rule matches, of the calls it affects. */
  calls?: number[];
  /** Affect the next `count` matching calls (ignored when `calls` is given). */
  count?: number;
  /** Delay for `latency`; time before closing for `hang`. */
  latencyMs?: number;
  /** HTTP status overriding the kind's default. */
  status?: number;
}

/** The fault chosen for one call. @internal */
export interface FaultDecision {
  /** Total delay from the `latency` rules that apply. */
  latencyMs: number;
  /** The rule deciding the answer, if any. */
  fault?: FaultRule;
}

/** The maximum time a `hang` keeps a connection open. @internal */
export const MAX_HANG_MS = 60_000;

/**
 * Checks `value` is a {@link FaultRule}; throws an Error naming the field otherwise.
 * @internal
 */
export function validateFaultRule(value: unknown): FaultRule {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new Error(
      `fault rule: expected a JSON object like {"kind":"throttle","count":1}, got ${JSON.stringify(value)}`,
    );
  }
  const rule = value as Record<string, unknown>;
  const known = ["operation", "region", "kind", "calls", "count", "latencyMs", "status"];
  const unknown = Object.keys(rule).filter((k) => !known.includes(k));
  if (unknown.length > 0)
    throw new Error(`fault rule: unknown field(s) ${unknown.join(", ")}; known: ${known.join(", ")}`);
  if (!FAULT_KINDS.includes(rule.kind as FaultKind)) {
    throw new Error(
      `fault rule.kind: expected one of ${FAULT_KINDS.join(", ")}, got ${JSON.stringify(rule.kind)}`,
    );
  }
  if (rule.operation !== undefined && (typeof rule.operation !== "string" || rule.operation === "")) {
    throw new Error("fault rule.operation: expected an operation name such as GetCertificates");
  }
  if (rule.region !== undefined && (typeof rule.region !== "string" || rule.region === "")) {
    throw new Error("fault rule.region: expected a region name such as eu-west-1");
  }
  if (rule.calls !== undefined && (!Array.isArray(rule.calls) || !rule.calls.every(isPositiveInteger))) {
    throw new Error("fault rule.calls: expected a list of 1-based call numbers, e.g. [1, 3]");
  }
  if (rule.count !== undefined && !(isPositiveInteger(rule.count) || rule.count === 0)) {
    throw new Error("fault rule.count: expected a non-negative integer");
  }
  if (rule.latencyMs !== undefined && !(typeof rule.latencyMs === "number" && rule.latencyMs >= 0)) {
    throw new Error("fault rule.latencyMs: expected a non-negative number of milliseconds");
  }
  if (
    rule.status !== undefined &&
    !(Number.isInteger(rule.status) && Number(rule.status) >= 200 && Number(rule.status) <= 599)
  ) {
    throw new Error("fault rule.status: expected an HTTP status between 200 and 599");
  }
  return { ...rule } as unknown as FaultRule;
}

/** The active fault rules of one emulator and the calls each has seen. @internal */
export class FaultSet {
  private rules: Array<{ rule: FaultRule; seen: number }> = [];

  add(rule: FaultRule): void {
    this.rules.push({ rule: validateFaultRule(rule), seen: 0 });
  }

  clear(): void {
    this.rules = [];
  }

  /** The rules with the number of matching calls each has seen. */
  list(): Array<FaultRule & { seen: number }> {
    return this.rules.map(({ rule, seen }) => ({ ...rule, seen }));
  }

  /** Counts a call of `operation` signed for `region` against every matching rule and decides its fault. */
  decide(operation: string, region?: string): FaultDecision {
    const decision: FaultDecision = { latencyMs: 0 };
    for (const entry of this.rules) {
      const { rule } = entry;
      if (rule.operation !== undefined && rule.operation !== operation) continue;
      if (rule.region !== undefined && rule.region !== region) continue;
      entry.seen += 1;
      const applies = rule.calls
        ? rule.calls.includes(entry.seen)
        : rule.count !== undefined
          ? entry.seen <= rule.count
          : true;
      if (!applies) continue;
      if (rule.kind === "latency") decision.latencyMs += rule.latencyMs ?? 1000;
      else decision.fault ??= rule;
    }
    return decision;
  }
}

/**
 * The error a fault answers with, or undefined for the kinds that shape a normal answer.
 * @internal
 */
export function faultError(rule: FaultRule, operation: string, region: string): ApiError | undefined {
  switch (rule.kind) {
    case "throttle":
      return new ApiError(rule.status ?? 400, "ThrottlingException", "Rate exceeded");
    case "server-error": {
      const status = rule.status ?? 500;
      return status === 503
        ? new ApiError(503, "ServiceUnavailableException", "Service Unavailable")
        : new ApiError(
            status,
            "ServiceException",
            "An internal error occurred. Try again later.",
            true,
            "InternalError",
          );
    }
    case "expired-token":
      return new ApiError(
        rule.status ?? 403,
        "ExpiredTokenException",
        "The security token included in the request is expired",
      );
    case "region-setup":
      return new ApiError(
        rule.status ?? 400,
        "RegionSetupInProgressException",
        `Lightsail is being set up in ${region} for this account. Try again in a few minutes.`,
        true,
        "RegionSetupInProgress",
      );
    case "access-denied":
      return new ApiError(
        rule.status ?? 400,
        "AccessDeniedException",
        `User: arn:aws:iam::123456789012:user/lightsail-emulator is not authorized to perform: lightsail:${operation} on resource: arn:aws:lightsail:${region}:123456789012:*`,
        true,
        "AccessDenied",
        "Ask your account administrator for the permission named in the message.",
      );
    case "unauthenticated":
      return new ApiError(
        rule.status ?? 400,
        "UnauthenticatedException",
        "The request was not authenticated. Check your credentials and try again.",
        true,
        "Unauthenticated",
      );
    default:
      return undefined;
  }
}

function isPositiveInteger(value: unknown): boolean {
  return typeof value === "number" && Number.isInteger(value) && value > 0;
}
