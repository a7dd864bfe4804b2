/**
 * The fault matrix: what the emulator (or the network) does wrong, what runs against it, and
 * what must come out: the right answer, or a clear error of a given class and code whose
 * message says the given things. tests/hardening/faults.test.ts runs it.
 */
import type { FaultRule } from "../../emulator";

/** What runs against the fault. */
export type FaultEntry =
  "getCertificate" | "getCertificates" | "getLoadBalancerTlsCertificate" | "check" | "gate";

/** The right answer, or the error that must come instead. */
export type FaultExpectation =
  | { answer: true }
  | {
      /** The error's `name` (its class). */
      error: string;
      /** Its `code`, for LightsailApiError; a list when the platform may give either. */
      code?: string | string[];
      /** Parts the message must contain. */
      message: RegExp[];
    };

/** One row of the matrix. */
export interface FaultCase {
  name: string;
  /** Rules added to the emulator before the run. */
  faults?: FaultRule[];
  /** @defaultValue "getCertificate" */
  entry?: FaultEntry;
  /** Where the client connects. @defaultValue "emulator" */
  endpoint?: "emulator" | "closed-port";
  /** Credentials the client signs with. @defaultValue "test" (the emulator's) */
  credentials?: "test" | "wrong-secret" | "unknown-key";
  /** Client options for the run (small timeouts keep hangs short). */
  clientOptions?: { maxAttempts?: number; requestTimeoutMs?: number; connectionTimeoutMs?: number };
  /** Page bound of the lookup context. */
  maxPages?: number;
  /** Concurrent lookups sharing one context. @defaultValue 1 */
  concurrent?: number;
  /** Exact number of requests the emulator must log, when it is known. */
  requests?: number;
  expect: FaultExpectation;
}

/** Certificates served (20, 5 per page: a domain lookup reads 4 pages). */
export const FAULT_CERTIFICATES = 20;
export const FAULT_PAGE_SIZE = 5;
const PAGES = FAULT_CERTIFICATES / FAULT_PAGE_SIZE;

const credentialsRejected = /rejected the credentials/;
const unreachable = /Could not reach Lightsail GetCertificates in us-east-1/;

/** Every case, in table order. */
export const FAULT_CASES: readonly FaultCase[] = [
  { name: "no fault (control)", requests: PAGES, expect: { answer: true } },
  {
    name: "throttling burst (3 calls), then success",
    faults: [{ kind: "throttle", count: 3 }],
    requests: PAGES + 3,
    expect: { answer: true },
  },
  {
    name: "throttling storm (every call)",
    faults: [{ kind: "throttle" }],
    requests: 4,
    expect: {
      error: "LightsailApiError",
      code: "ThrottlingException",
      message: [/kept throttling after 4 attempts/, /Try again later or run fewer lookups at once/],
    },
  },
  {
    name: "200 concurrent lookups under throttling",
    faults: [{ kind: "throttle", count: 2 }],
    concurrent: 200,
    requests: PAGES + 2,
    expect: { answer: true },
  },
  {
    name: "5xx burst (2 × HTTP 500), then success",
    faults: [{ kind: "server-error", count: 2 }],
    requests: PAGES + 2,
    expect: { answer: true },
  },
  {
    name: "503 burst (2 calls), then success",
    faults: [{ kind: "server-error", status: 503, count: 2 }],
    requests: PAGES + 2,
    expect: { answer: true },
  },
  {
    name: "5xx on page 2 only, then success",
    faults: [{ kind: "server-error", calls: [2] }],
    requests: PAGES + 1,
    expect: { answer: true },
  },
  {
    name: "5xx storm (every call)",
    faults: [{ kind: "server-error" }],
    requests: 4,
    expect: {
      error: "LightsailApiError",
      code: "ServiceException",
      message: [/failed on the service side after 4 attempts/, /HTTP 500/],
    },
  },
  {
    name: "hung endpoint (every call), 300 ms request timeout",
    faults: [{ kind: "hang" }],
    clientOptions: { requestTimeoutMs: 300, maxAttempts: 2 },
    requests: 2,
    expect: {
      error: "LightsailApiError",
      code: "TimeoutError",
      message: [/Lightsail GetCertificates in us-east-1 got no answer within 300 ms after 2 attempts/],
    },
  },
  {
    name: "hung once, then success",
    faults: [{ kind: "hang", count: 1 }],
    clientOptions: { requestTimeoutMs: 300 },
    requests: PAGES + 1,
    expect: { answer: true },
  },
  {
    name: "hung load-balancer endpoint",
    entry: "getLoadBalancerTlsCertificate",
    faults: [{ kind: "hang" }],
    clientOptions: { requestTimeoutMs: 300, maxAttempts: 2 },
    requests: 2,
    expect: {
      error: "LightsailApiError",
      code: "TimeoutError",
      message: [
        /Lightsail GetLoadBalancerTlsCertificates in us-east-1 got no answer within 300 ms after 2 attempts/,
      ],
    },
  },
  {
    name: "connection refused (closed port)",
    endpoint: "closed-port",
    requests: 0,
    expect: { error: "LightsailApiError", code: "ECONNREFUSED", message: [unreachable, /after 4 attempts/] },
  },
  {
    name: "truncated body (every call)",
    faults: [{ kind: "truncate" }],
    requests: 4,
    expect: { error: "LightsailApiError", code: ["ECONNRESET", "EPIPE"], message: [unreachable] },
  },
  {
    name: "truncated body once, then success",
    faults: [{ kind: "truncate", count: 1 }],
    requests: PAGES + 1,
    expect: { answer: true },
  },
  {
    name: "invalid JSON (HTTP 200)",
    faults: [{ kind: "invalid-json" }],
    requests: 1,
    expect: {
      error: "LightsailApiError",
      code: "MalformedResponse",
      message: [/returned a response that could not be read/, /not valid JSON/],
    },
  },
  {
    name: "HTML page as text/html (HTTP 200)",
    faults: [{ kind: "wrong-content-type" }],
    requests: 1,
    expect: {
      error: "LightsailApiError",
      code: "MalformedResponse",
      message: [/returned a response that could not be read/],
    },
  },
  {
    name: "HTML page as text/html (HTTP 503)",
    faults: [{ kind: "wrong-content-type", status: 503 }],
    requests: 4,
    expect: {
      error: "LightsailApiError",
      code: "MalformedResponse",
      message: [
        /failed on the service side after 4 attempts \(HTTP 503, with a body that is not Lightsail's JSON/,
      ],
    },
  },
  {
    name: "HTML page as text/html (HTTP 403)",
    faults: [{ kind: "wrong-content-type", status: 403 }],
    requests: 1,
    expect: {
      error: "LightsailApiError",
      code: "MalformedResponse",
      message: [/returned a response that could not be read \(HTTP 403: Unexpected token/],
    },
  },
  {
    name: "HTML page as text/html (HTTP 429)",
    faults: [{ kind: "wrong-content-type", status: 429 }],
    requests: 4,
    expect: {
      error: "LightsailApiError",
      code: "ThrottlingException",
      message: [/kept throttling after 4 attempts \(HTTP 429\)/],
    },
  },
  {
    name: "endless page tokens (maxPages 25)",
    faults: [{ kind: "endless-token" }],
    maxPages: 25,
    requests: 25,
    expect: { error: "PaginationError", message: [/still returned a nextPageToken after 25 pages/] },
  },
  {
    name: "endless page tokens (default bound)",
    faults: [{ kind: "endless-token" }],
    requests: 500,
    expect: { error: "PaginationError", message: [/after 500 pages/] },
  },
  {
    name: "repeated page token",
    faults: [{ kind: "repeat-token" }],
    requests: 2,
    expect: { error: "PaginationError", message: [/page token that it had already returned/] },
  },
  {
    name: "expired security token",
    faults: [{ kind: "expired-token" }],
    requests: 1,
    expect: {
      error: "LightsailApiError",
      code: "ExpiredTokenException",
      message: [credentialsRejected, /Refresh them/],
    },
  },
  {
    name: "wrong secret key (signature mismatch)",
    credentials: "wrong-secret",
    requests: 1,
    expect: { error: "LightsailApiError", code: "InvalidSignatureException", message: [credentialsRejected] },
  },
  {
    name: "unknown access key",
    credentials: "unknown-key",
    requests: 1,
    expect: {
      error: "LightsailApiError",
      code: "UnrecognizedClientException",
      message: [credentialsRejected],
    },
  },
  {
    name: "unauthenticated",
    faults: [{ kind: "unauthenticated" }],
    requests: 1,
    expect: { error: "LightsailApiError", code: "UnauthenticatedException", message: [credentialsRejected] },
  },
  {
    name: "RegionSetupInProgress burst (2 calls), then success",
    faults: [{ kind: "region-setup", count: 2 }],
    requests: PAGES + 2,
    expect: { answer: true },
  },
  {
    name: "RegionSetupInProgress on every call",
    faults: [{ kind: "region-setup" }],
    requests: 4,
    expect: {
      error: "LightsailApiError",
      code: "RegionSetupInProgressException",
      message: [
        /still setting up this region for the account after 4 attempts/,
        /Try again in a few minutes/,
      ],
    },
  },
  {
    name: "access denied (GetCertificates)",
    faults: [{ kind: "access-denied" }],
    requests: 1,
    expect: {
      error: "AccessDeniedError",
      message: [/may not call lightsail:GetCertificates in us-east-1/, /Grant it lightsail:GetCertificates/],
    },
  },
  {
    name: "access denied (GetLoadBalancerTlsCertificates)",
    entry: "getLoadBalancerTlsCertificate",
    faults: [{ kind: "access-denied" }],
    requests: 1,
    expect: {
      error: "AccessDeniedError",
      message: [/may not call lightsail:GetLoadBalancerTlsCertificates in us-east-1/],
    },
  },
  {
    name: "throttling storm on the load-balancer API",
    entry: "getLoadBalancerTlsCertificate",
    faults: [{ kind: "throttle" }],
    requests: 4,
    expect: {
      error: "LightsailApiError",
      code: "ThrottlingException",
      message: [/kept throttling after 4 attempts/],
    },
  },
  {
    name: "getCertificates under a 5xx burst",
    entry: "getCertificates",
    faults: [{ kind: "server-error", count: 3 }],
    requests: PAGES + 3,
    expect: { answer: true },
  },
  {
    name: "CertificateLookup check under a 5xx storm",
    entry: "check",
    faults: [{ kind: "server-error" }],
    requests: 4,
    expect: { error: "CheckFailure", message: [/failed on the service side after 4 attempts/] },
  },
  {
    name: "CertificateLookup check under a throttling burst",
    entry: "check",
    faults: [{ kind: "throttle", count: 2 }],
    requests: PAGES + 2,
    expect: { answer: true },
  },
  {
    name: "lightsail-certs check under a throttling storm",
    entry: "gate",
    faults: [{ kind: "throttle" }],
    requests: 4,
    expect: {
      error: "exit 2",
      message: [/us-east-1: Lightsail GetCertificates in us-east-1 kept throttling/],
    },
  },
  {
    name: "lightsail-certs check with endless page tokens",
    entry: "gate",
    faults: [{ kind: "endless-token" }],
    maxPages: 25,
    requests: 25,
    expect: { error: "exit 2", message: [/still returned a nextPageToken after 25 pages/] },
  },
  {
    name: "latency of 200 ms per call (under the timeout)",
    faults: [{ kind: "latency", latencyMs: 200 }],
    clientOptions: { requestTimeoutMs: 1000 },
    requests: PAGES,
    expect: { answer: true },
  },
];
