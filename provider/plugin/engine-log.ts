/**
 * Warnings from the plugin to the user, through the engine's `Log` RPC, so that they show as
 * `warning:` diagnostics of the resource they concern (lines a plugin writes to stderr are not
 * shown to the user). Falls back to stderr when there is no engine address. Every call has a
 * deadline and never fails the operation that warns.
 */
import type * as grpcJs from "@grpc/grpc-js";

/** Sends `message` as a warning about the resource `urn`. */
export type Warn = (message: string, urn?: string) => Promise<void>;

const LOG_DEADLINE_MS = 5_000;

/** The module `@pulumi/pulumi` itself uses (resolved from it: the same gRPC the server runs on). */
function pulumiModule<T>(name: string): T {
  return require(require.resolve(name, { paths: [require.resolve("@pulumi/pulumi")] })) as T;
}

/** The engine's address among the plugin's arguments (its first, after the engine's logging flags). */
export function engineAddressOf(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--tracing") i++;
    else if (!args[i].startsWith("-")) return args[i];
  }
  return undefined;
}

/** A {@link Warn} over the engine at `engineAddress`. */
export function engineWarn(engineAddress: string | undefined): Warn {
  if (!engineAddress) return async (message) => void process.stderr.write(`warning: ${message}\n`);
  let client: { log(req: unknown, opts: object, cb: (err: unknown) => void): void } | undefined;
  return (message, urn) =>
    new Promise((resolve) => {
      const grpc = pulumiModule<typeof grpcJs>("@grpc/grpc-js");
      const rpc = require("@pulumi/pulumi/proto/engine_grpc_pb") as {
        EngineClient: new (address: string, creds: grpcJs.ChannelCredentials) => NonNullable<typeof client>;
      };
      const proto = require("@pulumi/pulumi/proto/engine_pb") as {
        LogRequest: new () => Record<string, (v: unknown) => void>;
        LogSeverity: { WARNING: number };
      };
      client ??= new rpc.EngineClient(engineAddress, grpc.credentials.createInsecure());
      const req = new proto.LogRequest();
      req.setSeverity(proto.LogSeverity.WARNING);
      req.setMessage(message);
      if (urn) req.setUrn(urn);
      client.log(req, { deadline: Date.now() + LOG_DEADLINE_MS }, (err) => {
        if (err) process.stderr.write(`warning: ${message}\n`);
        resolve();
      });
    });
}
