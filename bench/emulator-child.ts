/**
 * The emulator process of a benchmark run (started by bench/emulator.ts): the server's work
 * (signature checks, JSON) runs on its own core instead of in the measured process. Driven over
 * the IPC channel; answers `{id, ok, value}` or `{id, ok: false, error}`.
 */
import { setMaxListeners } from "node:events";
import { callStats } from "./calls";
import { benchCertificates, type FixtureSpec } from "./fixtures";

/** A request from the parent. */
export type EmulatorRequest =
  | { id: number; op: "load"; spec: FixtureSpec }
  | { id: number; op: "configure"; config: { pageSize?: number; latencyMs?: number } }
  | { id: number; op: "count" }
  | { id: number; op: "stop" };

const { startEmulator } = require("pulumi-lightsail-certificates/emulator") as typeof import("../emulator");

async function main(): Promise<void> {
  const send = (message: unknown) => process.send?.(message);
  // Every delayed call listens on the emulator's stop signal: 50 concurrent scans are not a leak.
  setMaxListeners(10_000);
  const emulator = await startEmulator({ log: (line) => process.stderr.write(`[bench emulator] ${line}\n`) });
  let lastSeq = 0;
  const answer = async (request: EmulatorRequest): Promise<unknown> => {
    switch (request.op) {
      case "load":
        await emulator.setFixtures({ certificates: benchCertificates(request.spec) });
        return null;
      case "configure":
        return emulator.configure(request.config);
      case "count": {
        const stats = callStats(emulator.calls(), lastSeq);
        lastSeq += stats.requests;
        emulator.resetCalls();
        return stats;
      }
      case "stop":
        await emulator.stop();
        setImmediate(() => process.exit(0));
        return null;
    }
  };
  process.on("message", (request: EmulatorRequest) => {
    answer(request).then(
      (value) => send({ id: request.id, ok: true, value }),
      (err: unknown) => send({ id: request.id, ok: false, error: (err as Error).message ?? String(err) }),
    );
  });
  // The parent went away: do not linger.
  process.on("disconnect", () => process.exit(0));
  send({ ready: true, url: emulator.url, env: emulator.env() });
}

main().catch((err: unknown) => {
  process.stderr.write(`bench emulator: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
