/** Small HTTP helpers shared by the API and admin handlers. */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ApiError } from "./errors";

/** Content type of AWS JSON 1.1 responses. @internal */
export const AMZ_JSON = "application/x-amz-json-1.1";

/** Thrown by {@link readBody} when a body exceeds its limit. @internal */
export class BodyTooLargeError extends Error {
  override readonly name = "BodyTooLargeError";
}

/** Reads the whole request body, rejecting once it exceeds `limit` bytes. @internal */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > limit) return reject(new BodyTooLargeError(`request body exceeds ${limit} bytes`));
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners("data");
        reject(new BodyTooLargeError(`request body exceeds ${limit} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** Writes a complete response with `Content-Length`. @internal */
export function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  contentType: string,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent || res.destroyed) return;
  const payload = typeof body === "string" ? Buffer.from(body) : body;
  res.writeHead(status, {
    ...headers,
    "Content-Type": contentType,
    "Content-Length": String(payload.length),
  });
  res.end(payload);
}

/** Writes an AWS JSON 1.1 error response with `x-amzn-ErrorType`. @internal */
export function sendApiError(res: ServerResponse, error: ApiError): void {
  send(res, error.status, JSON.stringify(error.body()), AMZ_JSON, {
    "x-amzn-ErrorType": error.headerValue(),
  });
}

/**
 * Resolves after `ms`, or earlier when `signal` aborts or `req`'s connection closes.
 * Resolves to false when it ended early.
 * @internal
 */
export function wait(ms: number, signal: AbortSignal, req?: IncomingMessage): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  if (ms <= 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (completed: boolean) => {
      clearTimeout(timer);
      signal.removeEventListener("abort", onAbort);
      req?.socket.removeListener("close", onAbort);
      resolve(completed);
    };
    const onAbort = () => done(false);
    const timer = setTimeout(() => done(true), ms);
    signal.addEventListener("abort", onAbort, { once: true });
    req?.socket.once("close", onAbort);
  });
}
