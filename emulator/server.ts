/**
 * The emulator's HTTP server: lifecycle, options and the handle tests and tools hold.
 */
import { setMaxListeners } from "node:events";
import * as http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { handleAdmin } from "./admin";
import { handleApi } from "./api";
import { CallLog, type CallRecord } from "./call-log";
import { DEFAULT_CONFIG, type EmulatorConfig, validateConfigPatch } from "./config";
import { EMULATOR_CREDENTIALS, type EmulatorCredentials } from "./credentials";
import { FaultSet, type FaultRule } from "./faults";
import { FixtureSource } from "./fixture-source";
import type { FixtureDocument } from "./fixtures";
import type { NotFoundMode } from "./operations";
import { PageTokens } from "./page-token";
import { StsSessions } from "./sts";

/** Options of {@link startEmulator}. */
export interface EmulatorOptions {
  /** TCP port; 0 picks a free one. @defaultValue 0 */
  port?: number;
  /** Loopback address to bind; the emulator never listens on other interfaces. @defaultValue `"127.0.0.1"` */
  host?: "127.0.0.1" | "::1" | "localhost";
  /** The fixtures to serve (copied). Give this or `fixturesFile`, not both. @defaultValue no certificates */
  fixtures?: FixtureDocument;
  /** A JSON fixture file, re-read whenever it changes; `PUT /__admin/fixtures` rewrites it. */
  fixturesFile?: string;
  /** Certificates per `GetCertificates` page. @defaultValue 10 */
  pageSize?: number;
  /** Delay added to every API call, in milliseconds. @defaultValue 0 */
  latencyMs?: number;
  /** The only credentials whose signatures are accepted. @defaultValue {@link EMULATOR_CREDENTIALS} */
  credentials?: EmulatorCredentials;
  /** Fault rules active from the start. */
  faults?: FaultRule[];
  /** What `GetCertificates` answers for an unknown `certificateName`. @defaultValue `"empty"` */
  notFoundMode?: NotFoundMode;
  /** Validate pending certificates this long after their creation (0: only through the admin API). @defaultValue 0 */
  validationDelayMs?: number;
  /** Receives warnings (e.g. a fixtures file that stopped parsing). @defaultValue writes to stderr */
  log?: (line: string) => void;
  /** Also send one line per API call to `log`. @defaultValue false */
  logCalls?: boolean;
}

/** A running emulator. */
export interface RunningEmulator {
  /** Base URL, e.g. `http://127.0.0.1:41234`: the endpoint to give AWS clients. */
  readonly url: string;
  readonly port: number;
  /** Closes the server and every connection (also hanging ones) and ends pending delays. */
  stop(): Promise<void>;
  /** Replaces the fixtures (validated); when serving a file, rewrites the file too. */
  setFixtures(document: FixtureDocument): Promise<void>;
  /** The fixtures currently served. */
  fixtures(): Promise<FixtureDocument>;
  /** Adds a fault rule (validated; throws on a bad rule). Its call counting starts now. */
  addFault(rule: FaultRule): void;
  /** Removes every fault rule. */
  clearFaults(): void;
  /** The fault rules with the number of matching calls each has seen. */
  faults(): Array<FaultRule & { seen: number }>;
  /** The call log (copies), oldest first. */
  calls(): CallRecord[];
  /** Empties the call log. */
  resetCalls(): void;
  /** Changes settings (validated; throws on bad values); returns the resulting settings. */
  configure(partial: Partial<EmulatorConfig>): EmulatorConfig;
  /** The current settings. */
  config(): EmulatorConfig;
  /** Environment for child processes: AWS_ENDPOINT_URL_LIGHTSAIL and _STS, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_REGION. */
  env(): Record<string, string>;
}

/**
 * Starts a Lightsail emulator on loopback.
 * @example
 * const emulator = await startEmulator({ fixtures: { certificates: [makeCertificate({ name: "www" })] } });
 * const client = new LightsailClient({ endpoint: emulator.url, region: "us-east-1", credentials: EMULATOR_CREDENTIALS });
 * // ...
 * await emulator.stop();
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? "127.0.0.1";
  if (!["127.0.0.1", "::1", "localhost"].includes(host)) {
    throw new Error(
      `startEmulator: host must be a loopback address (127.0.0.1, ::1 or localhost), got ${host}`,
    );
  }
  if (options.fixtures && options.fixturesFile) {
    throw new Error("startEmulator: give either fixtures or fixturesFile, not both");
  }
  const log = options.log ?? ((line: string) => process.stderr.write(`[lightsail-emulator] ${line}\n`));
  let config: EmulatorConfig = {
    ...DEFAULT_CONFIG,
    ...validateConfigPatch({
      pageSize: options.pageSize,
      latencyMs: options.latencyMs,
      notFoundMode: options.notFoundMode,
      validationDelayMs: options.validationDelayMs,
    }),
  };
  const source = options.fixturesFile
    ? await FixtureSource.fromFile(options.fixturesFile, log)
    : FixtureSource.fromDocument(options.fixtures ?? {}, log);
  const faults = new FaultSet();
  for (const rule of options.faults ?? []) faults.add(rule);
  const calls = new CallLog();
  const credentials = options.credentials ?? EMULATOR_CREDENTIALS;
  const stopping = new AbortController();
  // Every delayed call listens to it: many calls at once are expected, not a leak.
  setMaxListeners(0, stopping.signal);
  let nonce = 0;

  const sockets = new Set<Socket>();
  const server = http.createServer({
    requestTimeout: 30_000,
    headersTimeout: 10_000,
    keepAliveTimeout: 5_000,
  });
  server.maxHeadersCount = 200;
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host === "::1" ? "[::1]" : host}:${port}`;

  const emulator: RunningEmulator = {
    url,
    port,
    stop: async () => {
      stopping.abort();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      for (const socket of sockets) socket.destroy();
      await closed;
    },
    setFixtures: (document) => source.replace(document),
    fixtures: () => source.current(),
    addFault: (rule) => faults.add(rule),
    clearFaults: () => faults.clear(),
    faults: () => faults.list(),
    calls: () => calls.list(),
    resetCalls: () => calls.clear(),
    configure: (partial) => (config = { ...config, ...validateConfigPatch(partial) }),
    config: () => ({ ...config }),
    env: () => ({
      AWS_ENDPOINT_URL_LIGHTSAIL: url,
      AWS_ENDPOINT_URL_STS: url,
      AWS_ACCESS_KEY_ID: credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      AWS_REGION: "us-east-1",
    }),
  };

  const apiState = {
    credentials,
    sessions: new StsSessions(),
    source,
    faults,
    calls,
    tokens: new PageTokens(),
    config: () => config,
    signal: stopping.signal,
    nextNonce: () => ++nonce,
    logCall: options.logCalls ? log : undefined,
  };
  const adminTarget = { ...emulator, fixturesFile: source.fileName };

  server.on("request", (req: http.IncomingMessage, res: http.ServerResponse) => {
    const isAdmin = (req.url ?? "").startsWith("/__admin");
    const handled = isAdmin ? handleAdmin(req, res, adminTarget) : handleApi(req, res, apiState);
    handled.catch((err: unknown) => {
      log(
        `warning: internal error answering ${req.method} ${req.url}: ${(err as Error).stack ?? String(err)}`,
      );
      if (!res.headersSent) {
        res.writeHead(500, { "Content-Type": "application/x-amz-json-1.1" });
        res.end(JSON.stringify({ __type: "InternalFailure", message: "The emulator failed: see its log." }));
      } else {
        res.destroy();
      }
    });
  });
  return emulator;
}
