#!/usr/bin/env node
/**
 * The executable side of the provider plugin: `pulumi-resource-lightsail-certificates` runs
 * `node <this file> <engine address>`. It serves {@link createPluginProvider} with
 * `@pulumi/pulumi/provider`'s `main`.
 *
 * That server answers `Configure` itself without passing the configuration on (3.248), so this
 * file wraps its `Configure` handler when the gRPC service is registered: the request's
 * arguments (or variables) go to the provider first, then the server's own handler answers (it
 * accepts secrets). A bad configuration value fails `Configure` with a readable message.
 *
 * The same file runs two ways: compiled (dist/provider/plugin/main.js, in a checkout or an
 * installed package) and bundled by scripts/build-plugin.js into the plugin archive's single
 * plugin.js. The bundle defines `LSC_PLUGIN_BUNDLE_VERSION` (esbuild `define`): there the gRPC
 * module is the one static `require("@grpc/grpc-js")` that the bundle shares with the server,
 * and the version is the one injected at build time (no package.json beside the bundle).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { main } from "@pulumi/pulumi/provider";
import { createPluginProvider, type PluginProvider } from "./provider";
import { engineAddressOf, engineWarn } from "./engine-log";
import { flushAfterFirst, flushCompileCacheOnce } from "./compile-cache";

type Callback = (err: unknown, value?: unknown) => void;
interface ConfigureCall {
  request: {
    getArgs?: () => { toJavaScript(): Record<string, unknown> } | undefined;
    getVariablesMap?: () => { toObject(): [string, string][] };
  };
}

/** The configuration a `Configure` request carries: its typed arguments, else its string variables. */
function configurationOf(call: ConfigureCall): Record<string, unknown> {
  const args = call.request.getArgs?.()?.toJavaScript();
  if (args && Object.keys(args).length > 0) return args;
  return Object.fromEntries(call.request.getVariablesMap?.().toObject() ?? []);
}

/** Replaced by the package version in the bundle (scripts/build-plugin.js); undeclared otherwise. */
declare const LSC_PLUGIN_BUNDLE_VERSION: string | undefined;
const bundledVersion: string | undefined =
  typeof LSC_PLUGIN_BUNDLE_VERSION === "string" ? LSC_PLUGIN_BUNDLE_VERSION : undefined;

interface GrpcModule {
  Server: { prototype: { addService(service: unknown, impl: object): void } };
}

/**
 * The `@grpc/grpc-js` instance whose `Server` `@pulumi/pulumi/provider` uses. Bundled, a static
 * require (the bundle holds one copy, the one the server imports); compiled, the copy that
 * `@pulumi/pulumi` resolves, which need not be the one next to this package.
 */
function grpcOfServer(): GrpcModule {
  // The define itself (not bundledVersion) in the test, so that esbuild drops the other branch.
  return (
    typeof LSC_PLUGIN_BUNDLE_VERSION === "string"
      ? require("@grpc/grpc-js")
      : require(require.resolve("@grpc/grpc-js", { paths: [require.resolve("@pulumi/pulumi")] }))
  ) as GrpcModule;
}

/** Routes the `Configure` call of the provider service registered next to `plugin`. */
function interceptConfigure(plugin: PluginProvider): void {
  const grpc = grpcOfServer();
  const original = grpc.Server.prototype.addService;
  grpc.Server.prototype.addService = function (service: unknown, impl: object) {
    const own = (impl as { configure?: (call: ConfigureCall, cb: Callback) => void }).configure;
    if (typeof own !== "function") return original.call(this, service, impl);
    const wrapped = Object.create(impl) as Record<string, unknown>;
    wrapped.configure = (call: ConfigureCall, callback: Callback) => {
      try {
        plugin.configure(configurationOf(call));
      } catch (err) {
        callback({
          code: 3 /* INVALID_ARGUMENT */,
          details: err instanceof Error ? err.message : String(err),
        });
        return;
      }
      own.call(wrapped, call, callback);
    };
    return original.call(this, service, wrapped);
  };
}

/** The package version (the plugin's version): injected in the bundle, else dist/provider/plugin/main.js -> package.json. */
function packageVersion(): string {
  if (bundledVersion !== undefined) return bundledVersion;
  const manifest = path.resolve(__dirname, "..", "..", "..", "package.json");
  return String((JSON.parse(fs.readFileSync(manifest, "utf8")) as { version: string }).version);
}

const plugin = flushAfterFirst(
  createPluginProvider({
    version: packageVersion(),
    warn: engineWarn(engineAddressOf(process.argv.slice(2))),
  }),
  ["check", "invoke"],
);
interceptConfigure(plugin);
flushCompileCacheOnce("start");
main(plugin, process.argv.slice(2)).catch((err: unknown) => {
  console.error(
    `pulumi-resource-lightsail-certificates: ${err instanceof Error ? err.message : String(err)}`,
  );
  process.exit(1);
});
