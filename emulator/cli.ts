#!/usr/bin/env node
/**
 * `lightsail-emulator` / `npm run emulator -- [options]`: runs the emulator until SIGINT or
 * SIGTERM. Prints `lightsail emulator listening on http://127.0.0.1:PORT` and the environment
 * to export on stdout; call lines and warnings go to stderr. Usage errors exit with status 2.
 */
import { FixtureError } from "./fixture-validation";
import { type FaultRule, FAULT_KINDS, validateFaultRule } from "./faults";
import type { NotFoundMode } from "./operations";
import { sampleFixtures } from "./sample-fixtures";
import { type EmulatorOptions, startEmulator } from "./server";

const USAGE = `Usage: lightsail-emulator [options]
  --port P             TCP port on 127.0.0.1 (default: a free port)
  --fixtures FILE      JSON fixture file, re-read when it changes (default: built-in sample)
  --page-size N        certificates per GetCertificates page (default 10)
  --latency-ms N       delay added to every API call (default 0)
  --fault JSON         a fault rule, repeatable, e.g. '{"kind":"throttle","calls":[1]}'
                       kinds: ${FAULT_KINDS.join(", ")}
  --not-found-mode M   empty | NotFoundException | DoesNotExist (default empty)
  --quiet              do not log each call on stderr
  --help               show this help`;

/** A command-line mistake: reported with the usage text, exit status 2. @internal */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** Parses the command line into emulator options. @internal */
export function parseCliArgs(argv: string[]): EmulatorOptions & { help?: boolean } {
  const options: EmulatorOptions & { help?: boolean } = { logCalls: true };
  const faults: FaultRule[] = [];
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const [name, inline] =
      flag.startsWith("--") && flag.includes("=") ? flag.split(/=(.*)/s, 2) : [flag, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || (inline === undefined && v.startsWith("--")))
        throw new UsageError(`${name} needs a value`);
      return v;
    };
    switch (name) {
      case "--port":
        options.port = integer(name, value(), 0, 65535);
        break;
      case "--fixtures":
        options.fixturesFile = value();
        break;
      case "--page-size":
        options.pageSize = integer(name, value(), 1, 1000);
        break;
      case "--latency-ms":
        options.latencyMs = integer(name, value(), 0, 60_000);
        break;
      case "--fault": {
        const text = value();
        try {
          faults.push(validateFaultRule(JSON.parse(text)));
        } catch (err) {
          throw new UsageError(`--fault ${text}: ${(err as Error).message}`);
        }
        break;
      }
      case "--not-found-mode": {
        const mode = value();
        if (!["empty", "NotFoundException", "DoesNotExist"].includes(mode)) {
          throw new UsageError(
            `--not-found-mode must be empty, NotFoundException or DoesNotExist, not ${mode}`,
          );
        }
        options.notFoundMode = mode as NotFoundMode;
        break;
      }
      case "--quiet":
        options.logCalls = false;
        break;
      case "--help":
      case "-h":
        options.help = true;
        break;
      default:
        throw new UsageError(`unknown argument ${flag}`);
    }
  }
  if (faults.length > 0) options.faults = faults;
  return options;
}

function integer(name: string, text: string, min: number, max: number): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < min || n > max)
    throw new UsageError(`${name} must be an integer from ${min} to ${max}, not ${text}`);
  return n;
}

async function main(): Promise<void> {
  let options: ReturnType<typeof parseCliArgs>;
  try {
    options = parseCliArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`lightsail-emulator: ${(err as Error).message}\n\n${USAGE}\n`);
    process.exit(2);
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const { help: _help, ...emulatorOptions } = options;
  if (!emulatorOptions.fixturesFile) emulatorOptions.fixtures = sampleFixtures();
  let emulator;
  try {
    emulator = await startEmulator(emulatorOptions);
  } catch (err) {
    const usage = err instanceof FixtureError || /fixtures/i.test((err as Error).message);
    process.stderr.write(`lightsail-emulator: ${(err as Error).message}\n`);
    process.exit(usage ? 2 : 1);
  }
  const env = { ...emulator.env(), AWS_DEFAULT_REGION: "us-east-1" };
  process.stdout.write(
    `lightsail emulator listening on ${emulator.url}\n` +
      Object.entries(env)
        .map(([k, v]) => `export ${k}=${v}\n`)
        .join(""),
  );
  const running = emulator;
  const shutdown = (signal: string) => {
    process.stderr.write(`[lightsail-emulator] ${signal}: stopping\n`);
    running.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", () => shutdown("SIGINT"));
  process.once("SIGTERM", () => shutdown("SIGTERM"));
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`lightsail-emulator: ${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  });
}
