/**
 * A stand-in Lightsail endpoint that answers every request with whatever body a test sets, with
 * no signature check and no validation: for feeding arbitrary JSON to the real SDK deserializer.
 * Loopback only; `stop()` closes every connection.
 */
import * as http from "node:http";
import type { AddressInfo, Socket } from "node:net";

/** A running stub. */
export interface StubEndpoint {
  /** Base URL for `endpoint`. */
  readonly url: string;
  /** Requests answered since the last `reset()`. */
  readonly requests: number;
  /** Sets the answer to the next requests: `bodies[i]` for request i, the last one after that. */
  answer(bodies: string[], status?: number): void;
  /** Forgets the request count. */
  reset(): void;
  stop(): Promise<void>;
}

/** Starts a stub on a free loopback port. */
export async function startStubEndpoint(): Promise<StubEndpoint> {
  let bodies = ["{}"];
  let status = 200;
  let requests = 0;
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const body = bodies[Math.min(requests, bodies.length - 1)];
      requests++;
      res.writeHead(status, {
        "Content-Type": "application/x-amz-json-1.1",
        "Content-Length": String(Buffer.byteLength(body)),
      });
      res.end(body);
    });
  });
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get requests() {
      return requests;
    },
    answer(next, nextStatus = 200) {
      bodies = next.length > 0 ? next : ["{}"];
      status = nextStatus;
      requests = 0;
    },
    reset() {
      requests = 0;
    },
    async stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}
