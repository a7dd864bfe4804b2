/**
 * Runs an example program (examples/<name>/index.ts) under `pulumi.runtime.setMocks`, the way the
 * Pulumi language host runs it: inside a root Stack resource, with the stack config given here,
 * importing the program afresh. Every resource the program registers is recorded with its
 * resolved inputs. A run that succeeds ends once every export has resolved and every
 * registration has finished. A run fails, as the host fails a deployment, at the program's first
 * error: a rejected export, a resource its (emulated) provider refused, or an unhandled rejection
 * (a resource whose input failed, e.g. from a lookup that found nothing, rejects only there).
 *
 * The program runs from a copy whose node_modules is the project of the package under test
 * (tools/installed-package.ts: by default the packed tarball, installed with a plain
 * `npm install`), so `pulumi-lightsail-certificates`, `@pulumi/pulumi` and `@pulumi/aws` are
 * the installed ones, and the mocks are set on that `@pulumi/pulumi`. Call
 * {@link useTestPackage} in the suite (it packs and installs in a `before` hook). Its lookups
 * (getCertificateOutput & co.) run for real, so point the AWS SDK at the emulator first (see
 * {@link emulatorProcessEnv}). A CertificateLookup's provider is not run by mocks: give
 * {@link emulateCertificateLookup} for its type to run the real one, as the engine would. Each
 * run starts with empty lookup caches, like a fresh `pulumi up` process.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type * as PulumiModule from "@pulumi/pulumi";
import type { RunningEmulator } from "../../emulator";
import {
  copyProgram,
  isTestPackageReady,
  readyTestPackage,
  testPackage,
  useTestPackage,
} from "../../tools/installed-package";

export { readyTestPackage, useTestPackage };

/** The repository root. */
export const REPO_ROOT = path.resolve(__dirname, "..", "..");

/** Type token of the CertificateLookup dynamic resource. */
export const CERTIFICATE_LOOKUP_TYPE = "pulumi-nodejs:dynamic/lightsail:CertificateLookup";

/** Type token of the CertificateValidation dynamic resource. */
export const CERTIFICATE_VALIDATION_TYPE = "pulumi-nodejs:dynamic/lightsail:CertificateValidation";

/**
 * The package as the examples load it (`require("pulumi-lightsail-certificates")` from the
 * project of the package under test); typed from the sources so type-checking the tests needs
 * no build.
 */
function builtPackage(): typeof import("../../index") {
  return readyTestPackage().require("pulumi-lightsail-certificates") as typeof import("../../index");
}

/** The CertificateLookup provider as the dynamic-provider host loads it (`.../provider`, installed). */
function builtProvider(): typeof import("../../provider") {
  return readyTestPackage().require(
    "pulumi-lightsail-certificates/provider",
  ) as typeof import("../../provider");
}

/** The hooks of the installed package's providers (`.../internal/test-hooks`). */
function builtTestHooks(): typeof import("../../provider/test-hooks") {
  return readyTestPackage().require(
    "pulumi-lightsail-certificates/internal/test-hooks",
  ) as typeof import("../../provider/test-hooks");
}

/** The `@pulumi/pulumi` the programs load (the project's copy, not this repository's). */
function programPulumi(): typeof PulumiModule {
  return readyTestPackage().require("@pulumi/pulumi") as typeof PulumiModule;
}

/** Copies of example directories in the project of the package under test, one per directory. */
const programCopies = new Map<string, string>();

function programCopy(dir: string): string {
  let copy = programCopies.get(dir);
  if (copy === undefined || !fs.existsSync(copy)) {
    copy = copyProgram(readyTestPackage(), dir, { prefix: `example-${path.basename(dir)}` });
    programCopies.set(dir, copy);
  }
  return copy;
}

/**
 * Empties the lookup caches of the program side (functions) and of the provider side
 * (CertificateLookup). Does nothing before the package under test is ready (nothing ran).
 */
export function resetLookupCaches(): void {
  if (!isTestPackageReady()) return;
  builtPackage().resetLookupCache();
  builtTestHooks().setLookupContext(undefined);
  builtTestHooks().setValidationContext(undefined);
}

/** A resource the program registered, with its inputs as the provider would receive them. */
export interface RegisteredResource {
  /** Type token, e.g. `aws:lightsail/distribution:Distribution`. */
  type: string;
  /** The Pulumi resource name. */
  name: string;
  /** Resolved inputs (Outputs unwrapped; values unknown at preview are `pulumi.isUnknown`). */
  inputs: Record<string, unknown>;
  /**
   * What its (emulated) provider answered: the outputs after create, or at preview the state the
   * engine would show (for a CertificateLookup, its checked inputs, which policies judge).
   */
  state?: Record<string, unknown>;
}

/** What a mock provider answers for one resource: its id (none at preview) and output state. */
export interface EmulatedResource {
  id: string | undefined;
  state: Record<string, unknown>;
}

/** What a {@link ResourceEmulator} knows about the run. */
export interface RunContext {
  /** The stack config, fully qualified keys (`aws:region`, `<project>:domain`). */
  config: Readonly<Record<string, string>>;
  /** Whether the run is a preview. */
  preview: boolean;
}

/** Stands in for the provider of resources of one type. */
export type ResourceEmulator = (
  resource: RegisteredResource,
  run: RunContext,
) => Promise<EmulatedResource> | EmulatedResource;

/** Options of {@link runExample}. */
export interface RunExampleOptions {
  /**
   * Stack config. Keys without a namespace belong to the program's project, e.g.
   * `{ "aws:region": "eu-west-2", domain: "example.org" }`.
   */
  config?: Record<string, string>;
  /** Run as a preview (resources get no ids; outputs that are not inputs are unknown). @defaultValue false */
  preview?: boolean;
  /** @defaultValue `"test"` */
  stack?: string;
  /** Per resource type, what its provider answers (default: {@link defaultOutputs}). */
  emulators?: Record<string, ResourceEmulator>;
}

/** The outcome of a run that completed. */
export interface ExampleRun {
  /** Every resource registered, in registration order (the root Stack excluded). */
  resources: RegisteredResource[];
  /** The program's exports, resolved (what `pulumi stack output --json` would show). */
  outputs: Record<string, unknown>;
  /** The one resource of `type` (and `name`, when given); fails listing what was registered. */
  resource(type: string, name?: string): RegisteredResource;
}

/**
 * A run that failed, as the language host would fail it: `cause` is the program's first error
 * (a rejected export, a resource its provider refused, or an unhandled rejection, e.g. of a
 * resource whose input failed), `errors` every distinct error seen until the run was stopped.
 */
export class ExampleRunError extends Error {
  override readonly name = "ExampleRunError";
  constructor(
    override readonly cause: Error,
    readonly errors: Error[],
    readonly resources: RegisteredResource[],
  ) {
    super(cause.message);
  }
}

/** The project name from `<dir>/Pulumi.yaml` (its top-level `name:`). */
function projectName(dir: string): string {
  const yaml = fs.readFileSync(path.join(dir, "Pulumi.yaml"), "utf8");
  const match = /^name:\s*["']?([^"'\s#]+)/m.exec(yaml);
  if (!match) throw new Error(`no top-level name in ${path.join(dir, "Pulumi.yaml")}`);
  return match[1]!;
}

/**
 * Environment that sends the AWS SDK to `emulator` and nowhere else: its endpoint, test
 * credentials and default region, with no shared config or credentials files.
 */
export function emulatorProcessEnv(emulator: RunningEmulator): Record<string, string> {
  return { ...emulator.env(), AWS_CONFIG_FILE: "/dev/null", AWS_SHARED_CREDENTIALS_FILE: "/dev/null" };
}

/** Outputs the AWS provider computes for the Lightsail resources the examples create. */
const COMPUTED_OUTPUTS: Record<
  string,
  (resource: RegisteredResource, name: string) => Record<string, unknown>
> = {
  "aws:lightsail/distribution:Distribution": () => ({ domainName: "d111111abcdef8.cloudfront.net" }),
  "aws:lightsail/containerService:ContainerService": (_, name) => ({
    url: `https://${name}.service.example/`,
  }),
  "aws:lightsail/lb:Lb": (_, name) => ({ dnsName: `${name}.elb.example` }),
  "aws:lightsail/lbCertificate:LbCertificate": (resource) => ({
    domainValidationRecords: [{ domainName: resource.inputs.domainName, resourceRecordType: "CNAME" }],
  }),
};

/**
 * The provider's answer when no emulator is given for a type. At preview: no id, only the
 * inputs. After create: the inputs, plus what the AWS provider fills in: `name` (auto-named
 * from the resource name), `region` (the stack's `aws:region`), an `arn`, and the outputs it
 * computes for the examples' Lightsail resources (a distribution's `domainName`, ...).
 */
function defaultOutputs(resource: RegisteredResource, run: RunContext): EmulatedResource {
  if (run.preview) return { id: undefined, state: { ...resource.inputs } };
  const region = (resource.inputs.region as string | undefined) ?? run.config["aws:region"];
  const name = (resource.inputs.name as string | undefined) ?? `${resource.name}-auto`;
  return {
    id: `${resource.name}-id`,
    state: {
      ...resource.inputs,
      name,
      ...(region !== undefined ? { region } : {}),
      arn: `arn:aws:mock:${region ?? "none"}:123456789012:${resource.type}/${name}`,
      ...COMPUTED_OUTPUTS[resource.type]?.(resource, name),
    },
  };
}

/**
 * Stands in for the engine and the dynamic-provider host for a CertificateLookup: runs the real
 * provider (the built package's `provider` entry, as the host loads it) with the stack config:
 * `configure`, then `check` (its failures fail the resource, as the engine reports them), then,
 * unless previewing, `create`. At preview the checked inputs are the state, as in the engine.
 */
export const emulateCertificateLookup: ResourceEmulator = async (resource, run) => {
  const provider = builtProvider();
  const config = { get: (key: string) => run.config[key], require: (key: string) => run.config[key] ?? "" };
  await provider.configure({ config } as unknown as Parameters<typeof provider.configure>[0]);
  const checked = await provider.check({}, resource.inputs);
  if (checked.failures?.length) {
    const reasons = checked.failures
      .map((f) => (f.property ? `${f.property}: ${f.reason}` : f.reason))
      .join("; ");
    // As the engine reports it: "<type> resource '<name>' has a problem: <reason>".
    throw Object.assign(new Error(`${resource.name}: check failed: ${reasons}`), { name: "CheckFailure" });
  }
  if (!checked.inputs) throw new Error(`${resource.name}: check returned no inputs`);
  if (run.preview) return { id: undefined, state: { ...checked.inputs } };
  const created = await provider.create(checked.inputs);
  return { id: created.id, state: { ...created.outs } };
};

/**
 * Stands in for the engine and the dynamic-provider host for a CertificateValidation: runs the
 * real provider (`validationConfigure`, `validationCheck`, then, unless previewing,
 * `validationCreate`, which polls the emulator with real sleeps until ISSUED or its timeout).
 */
export const emulateCertificateValidation: ResourceEmulator = async (resource, run) => {
  const provider = builtProvider();
  const config = { get: (key: string) => run.config[key], require: (key: string) => run.config[key] ?? "" };
  await provider.validationConfigure({ config } as unknown as Parameters<
    typeof provider.validationConfigure
  >[0]);
  const checked = await provider.validationCheck({}, resource.inputs);
  if (checked.failures?.length) {
    const reasons = checked.failures
      .map((f) => (f.property ? `${f.property}: ${f.reason}` : f.reason))
      .join("; ");
    throw Object.assign(new Error(`${resource.name}: check failed: ${reasons}`), { name: "CheckFailure" });
  }
  if (run.preview) return { id: undefined, state: { ...checked.inputs } };
  const created = await provider.validationCreate(checked.inputs);
  return { id: created.id, state: { ...created.outs } };
};

/** How long a failed run lets the rest of the program fail or finish before the next run may start. */
const FAILURE_GRACE_MS = 250;

/**
 * Errors that failed earlier runs. A failed program keeps rejecting the same error objects for a
 * moment (every awaiter of a failed Output); those must not be taken for the next run's errors.
 */
const earlierRunErrors = new WeakSet<object>();

/** Runs the program in `dir` once; see the module documentation. */
export async function runExample(dir: string, options: RunExampleOptions = {}): Promise<ExampleRun> {
  await testPackage();
  const pulumi = programPulumi();
  resetLookupCaches();
  const project = projectName(dir);
  const config: Record<string, string> = {};
  for (const [key, value] of Object.entries(options.config ?? {})) {
    config[key.includes(":") ? key : `${project}:${key}`] = value;
  }
  const preview = options.preview ?? false;
  const resources: RegisteredResource[] = [];

  // The language host fails the program at its first error. Under mocks there is no host, and a
  // resource whose input failed never settles (its registration rejects unhandled), so the run
  // races the program against the first error, seen once even when it surfaces several times.
  const errors: Error[] = [];
  let fail: (err: unknown) => void = () => undefined;
  const failed = new Promise<never>((_, reject) => {
    fail = (err) => {
      if (typeof err === "object" && err !== null && earlierRunErrors.has(err)) return;
      const error = err instanceof Error ? err : new Error(String(err));
      if (!errors.includes(error)) errors.push(error);
      reject(errors[0]);
    };
  });
  failed.catch(() => undefined);
  const onUnhandledRejection = (reason: unknown) => fail(reason);
  process.on("unhandledRejection", onUnhandledRejection);

  const previousConfig = pulumi.runtime.allConfig();
  pulumi.runtime.setAllConfig(config);
  await pulumi.runtime.setMocks(
    {
      newResource: async (args) => {
        if (args.type === "pulumi:pulumi:Stack") return { id: undefined, state: {} };
        const resource: RegisteredResource = { type: args.type, name: args.name, inputs: args.inputs };
        resources.push(resource);
        const emulate = options.emulators?.[args.type] ?? defaultOutputs;
        try {
          const result = await emulate(resource, { config, preview });
          resource.state = result.state;
          return result;
        } catch (err) {
          fail(err);
          throw err;
        }
      },
      call: (args) => {
        throw new Error(`unexpected provider function call ${args.token} (the examples make none)`);
      },
    },
    project,
    options.stack ?? "test",
    preview,
  );

  const entry = require.resolve(path.join(programCopy(dir), "index.ts"));
  delete require.cache[entry];
  try {
    const program = pulumi.runtime.runInPulumiStack(async () => require(entry) as Record<string, unknown>);
    program.catch(fail);
    const outputs = await Promise.race([program, failed]);
    await Promise.race([waitForRegistrations(), failed]);
    return {
      resources,
      outputs: { ...(outputs ?? {}) },
      resource(type: string, name?: string): RegisteredResource {
        const matches = resources.filter((r) => r.type === type && (name === undefined || r.name === name));
        if (matches.length !== 1) {
          const seen = resources.map((r) => `${r.type} ${r.name}`).join(", ") || "none";
          throw new Error(
            `expected one ${type}${name ? ` named ${name}` : ""}, found ${matches.length} (registered: ${seen})`,
          );
        }
        return matches[0]!;
      },
    };
  } catch (err) {
    fail(err);
    // Let the rest of the program fail or finish, collecting its errors, before the next run.
    await new Promise((resolve) => setTimeout(resolve, FAILURE_GRACE_MS));
    for (const error of errors) earlierRunErrors.add(error);
    // Resources whose inputs failed never settle under mocks (the language host would have
    // exited): start from a clean runtime, or its leak detector fails the process at exit.
    await pulumi.runtime.setMocks(
      { newResource: () => Promise.reject(new Error("a failed example run ended")), call: () => ({}) },
      project,
    );
    throw new ExampleRunError(errors[0]!, [...errors], resources);
  } finally {
    process.off("unhandledRejection", onUnhandledRejection);
    delete require.cache[entry];
    pulumi.runtime.setAllConfig(previousConfig);
  }
}

/** Waits until every registration the program started has finished (the runtime's RPC queue is empty). */
async function waitForRegistrations(): Promise<void> {
  // `waitForRPCs` is internal to @pulumi/pulumi but stable: `runtime.disconnect()` is built on it.
  const runtime = programPulumi().runtime as unknown as { waitForRPCs?: () => Promise<void> };
  if (typeof runtime.waitForRPCs !== "function")
    throw new Error("@pulumi/pulumi no longer has runtime.waitForRPCs");
  await runtime.waitForRPCs();
}
