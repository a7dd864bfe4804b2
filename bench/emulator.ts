/**
 * The emulator the benchmarks drive: in its own process for `npm run bench` (so that its work
 * does not share the measured process's event loop), or in-process for the smoke test. Either
 * way requests are counted by the emulator itself, from its call log's sequence numbers.
 */
import { fork } from "node:child_process";
import type { RunningEmulator } from "../emulator";
import { callStats, type CallStats } from "./calls";
import { childScript } from "./child";
import type { EmulatorRequest } from "./emulator-child";
import { benchCertificates, type FixtureSpec } from "./fixtures";

/** Settings that change between cases. */
export interface BenchEmulatorConfig {
  /** Certificates per GetCertificates page. */
  pageSize?: number;
  /** Round-trip latency added to every call. */
  latencyMs?: number;
}

/** A running emulator as the benchmarks use it. */
export interface BenchEmulator {
  /** Base URL. */
  readonly url: string;
  /**
   * Environment for AWS clients: endpoint, the emulator's credentials, `AWS_REGION=us-east-1`,
   * and no shared config files.
   */
  env(): Record<string, string>;
  /** Serves the certificates `spec` describes (replacing the previous ones). */
  load(spec: FixtureSpec): Promise<void>;
  /** Changes page size and latency. */
  configure(config: BenchEmulatorConfig): Promise<void>;
  /** The requests the emulator answered since the previous call (the first call: since start). */
  takeCalls(): Promise<CallStats>;
  /** Stops the emulator (and its process). */
  stop(): Promise<void>;
}

const { startEmulator } = require("pulumi-lightsail-certificates/emulator") as typeof import("../emulator");

const CLIENT_ENV = {
  AWS_CONFIG_FILE: "/dev/null",
  AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
};

/** Starts the emulator in this process (for tests: its work is measured with the client's). */
export async function startInlineEmulator(): Promise<BenchEmulator> {
  const emulator: RunningEmulator = await startEmulator({ log: () => undefined });
  let lastSeq = 0;
  return {
    url: emulator.url,
    env: () => ({ ...emulator.env(), ...CLIENT_ENV }),
    load: (spec) => emulator.setFixtures({ certificates: benchCertificates(spec) }),
    configure: async (config) => {
      emulator.configure(config);
    },
    takeCalls: async () => {
      const stats = callStats(emulator.calls(), lastSeq);
      lastSeq += stats.requests;
      emulator.resetCalls();
      return stats;
    },
    stop: () => emulator.stop(),
  };
}

type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Starts the emulator in a child process of its own (bench/emulator-child.ts). */
export async function startChildEmulator(): Promise<BenchEmulator> {
  const child = fork(childScript("emulator-child"), [], {
    // Plain node: under ts-node, execArgv would run the child through ts-node's bin.
    execArgv: [],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "" },
  });
  const pending = new Map<number, { resolve(value: unknown): void; reject(err: Error): void }>();
  let nextId = 0;
  let exited = false;
  const ready = new Promise<{ url: string; env: Record<string, string> }>((resolve, reject) => {
    child.on("message", (message: Reply | { ready: true; url: string; env: Record<string, string> }) => {
      if ("ready" in message) return resolve(message);
      const waiter = pending.get(message.id);
      pending.delete(message.id);
      if (message.ok) waiter?.resolve(message.value);
      else waiter?.reject(new Error(`bench emulator: ${message.error}`));
    });
    child.on("exit", (code) => {
      exited = true;
      const err = new Error(`the bench emulator process exited (status ${code})`);
      reject(err);
      for (const waiter of pending.values()) waiter.reject(err);
      pending.clear();
    });
  });
  const call = (request: DistributiveOmit<EmulatorRequest, "id">): Promise<unknown> =>
    new Promise((resolve, reject) => {
      if (exited) return reject(new Error("the bench emulator process is not running"));
      const id = ++nextId;
      pending.set(id, { resolve, reject });
      child.send({ ...request, id });
    });
  const { url, env } = await ready;
  return {
    url,
    env: () => ({ ...env, ...CLIENT_ENV }),
    load: async (spec) => {
      await call({ op: "load", spec });
    },
    configure: async (config) => {
      await call({ op: "configure", config });
    },
    takeCalls: async () => (await call({ op: "count" })) as CallStats,
    stop: async () => {
      if (exited) return;
      const gone = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      await call({ op: "stop" }).catch(() => undefined);
      await gone;
    },
  };
}

/** Sets `env` in this process's environment; returns a function that restores the previous values. */
export function applyEnv(env: Record<string, string>): () => void {
  const previous = new Map<string, string | undefined>();
  for (const [key, value] of Object.entries(env)) {
    previous.set(key, process.env[key]);
    process.env[key] = value;
  }
  return () => {
    for (const [key, value] of previous) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
}
