/**
 * Mocha helpers for tests against the local Lightsail emulator: start one on a free port for a
 * suite (stopped after it, also when it fails), build real `LightsailClient`s pointed at it, and
 * capture the exact signed requests the SDK sends.
 */
import { LightsailClient, type LightsailClientConfig } from "@aws-sdk/client-lightsail";
import {
  EMULATOR_CREDENTIALS,
  startEmulator,
  type EmulatorConfig,
  type EmulatorOptions,
  type FixtureDocument,
  type RunningEmulator,
} from "../../emulator";

/** A client config for `emulator`: endpoint, test credentials, us-east-1, `maxAttempts: 1`. */
export function emulatorClientConfig(
  emulator: RunningEmulator,
  overrides: LightsailClientConfig = {},
): LightsailClientConfig {
  return {
    endpoint: emulator.url,
    region: "us-east-1",
    credentials: { ...EMULATOR_CREDENTIALS },
    maxAttempts: 1,
    ...overrides,
  };
}

/** The emulator of a suite, available once its `before` hook ran. */
export interface EmulatorHarness {
  /** The running emulator (throws before the suite started it). */
  readonly emulator: RunningEmulator;
  /** Warnings and other lines the emulator logged. */
  readonly logLines: string[];
  /** A real `LightsailClient` for the emulator; destroyed after the suite. */
  client(overrides?: LightsailClientConfig): LightsailClient;
}

/**
 * Starts an emulator before the suite and stops it after. Before each test, fault rules and the
 * call log are cleared and the settings (and in-memory fixtures) given here are restored.
 * @example
 * const h = useEmulator({ fixtures: { certificates: [makeCertificate({ name: "a" })] } });
 * it("...", async () => { await h.client().send(new GetCertificatesCommand({})); });
 */
export function useEmulator(options: EmulatorOptions | (() => EmulatorOptions) = {}): EmulatorHarness {
  let running: RunningEmulator | undefined;
  let initialConfig: EmulatorConfig | undefined;
  let initialFixtures: FixtureDocument | undefined;
  const clients: LightsailClient[] = [];
  const logLines: string[] = [];

  before(async function () {
    const resolved = typeof options === "function" ? options() : options;
    running = await startEmulator({
      ...resolved,
      log: (line) => {
        logLines.push(line);
        resolved.log?.(line);
      },
    });
    initialConfig = running.config();
    initialFixtures = resolved.fixtures;
  });
  beforeEach(async function () {
    if (!running) return;
    running.clearFaults();
    running.resetCalls();
    if (initialConfig) running.configure(initialConfig);
    if (initialFixtures) await running.setFixtures(initialFixtures);
  });
  after(async function () {
    for (const client of clients.splice(0)) client.destroy();
    await running?.stop();
    running = undefined;
  });

  return {
    get emulator(): RunningEmulator {
      if (!running) throw new Error("the emulator is not running: use it inside it()/before() of the suite");
      return running;
    },
    logLines,
    client(overrides?: LightsailClientConfig): LightsailClient {
      if (!running) throw new Error("the emulator is not running: build clients inside it()/before()");
      const client = new LightsailClient(emulatorClientConfig(running, overrides));
      clients.push(client);
      return client;
    },
  };
}

/** A request exactly as the SDK signed it. */
export interface CapturedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * Records every request `client` signs (after the SigV4 middleware), so a test can replay or
 * alter it with `fetch` and look at the raw response.
 */
export function captureSignedRequests(client: LightsailClient): CapturedRequest[] {
  const captured: CapturedRequest[] = [];
  const middleware =
    (next: (args: { request: unknown }) => Promise<unknown>) => async (args: { request: unknown }) => {
      const request = args.request as {
        method: string;
        path: string;
        headers: Record<string, string>;
        body?: unknown;
      };
      captured.push({
        method: request.method,
        path: request.path,
        headers: { ...request.headers },
        body: bodyText(request.body),
      });
      return next(args);
    };
  client.middlewareStack.addRelativeTo(
    middleware as unknown as Parameters<typeof client.middlewareStack.addRelativeTo>[0],
    {
      relation: "after",
      toMiddleware: "httpSigningMiddleware",
      name: "captureSignedRequest",
    },
  );
  return captured;
}

/** Sends `request` (optionally altered) to `emulator` with fetch; returns status, headers and parsed body. */
export async function replay(
  emulator: RunningEmulator,
  request: CapturedRequest,
  change: { headers?: Record<string, string | undefined>; body?: string } = {},
): Promise<{ status: number; headers: Headers; body: Record<string, unknown> }> {
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...request.headers, ...change.headers })) {
    if (value !== undefined && key.toLowerCase() !== "content-length") headers[key] = value;
  }
  const response = await fetch(`${emulator.url}${request.path}`, {
    method: request.method,
    headers,
    body: change.body ?? request.body,
    signal: AbortSignal.timeout(5000),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: JSON.parse(text) as Record<string, unknown>,
  };
}

/**
 * Lets `alter` change each HTTP request `client` builds before it is signed (so the signature
 * stays valid), e.g. to send an unknown `X-Amz-Target` or a malformed body.
 */
export function alterBeforeSigning(
  client: LightsailClient,
  alter: (request: { headers: Record<string, string>; body?: unknown }) => void,
): void {
  const middleware =
    (next: (args: { request: unknown }) => Promise<unknown>) => async (args: { request: unknown }) => {
      const request = args.request as { headers: Record<string, string>; body?: unknown };
      alter(request);
      const length = Object.keys(request.headers).find((k) => k.toLowerCase() === "content-length");
      if (length) request.headers[length] = String(Buffer.byteLength(bodyText(request.body)));
      return next(args);
    };
  const stack = client.middlewareStack as unknown as {
    add(middleware: unknown, options: { step: "build"; name: string }): void;
  };
  stack.add(middleware, { step: "build", name: "alterBeforeSigning" });
}

function bodyText(body: unknown): string {
  if (typeof body === "string") return body;
  if (body instanceof Uint8Array)
    return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString("utf8");
  return "";
}
