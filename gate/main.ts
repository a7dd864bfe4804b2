/**
 * `lightsail-certs`: the gate command, as a function of its arguments and its edges (output
 * streams, environment, clock, lookup context), so that it runs the same in a test and in a
 * process. Returns the exit status: 0 every account assumed, every region read and all pass;
 * 1 something fails; 2 a usage error, a role that could not be assumed or a region that could
 * not be read (2 wins over 1; what was read is still judged and printed).
 * Messages never hold a credential or an endpoint, and errors are printed without a stack.
 */
import { createLookupContext, type LookupContext, withSettings } from "../lookup/context";
import { type AccountSpec, loadAccounts } from "./account-spec";
import { type GateOptions, parseGateArgs, USAGE, UsageError } from "./args";
import { checkReport, checkText, renderCheck } from "./check-command";
import { describeError } from "./describe";
import { listReport, listText } from "./list-command";
import { checkOutputPath, defaultRegion, writeFileAtomic } from "./output";
import { gatherResults } from "./results";
import { buildTargets, scanTargets } from "./targets";
import { packageVersion } from "./version";

export { describeError } from "./describe";
export { writeFileAtomic } from "./output";

/** Exit statuses. */
export const EXIT = { pass: 0, fail: 1, error: 2 } as const;

/** What the command runs against. */
export interface GateIo {
  /** Writes to standard output. */
  stdout(text: string): void;
  /** Writes to standard error. */
  stderr(text: string): void;
  /**
   * The environment the default region is read from (AWS_REGION, AWS_DEFAULT_REGION), also
   * with an injected `context`; the profile's region comes from the AWS SDK's shared config.
   * `AWS_ENDPOINT_URL_STS` here is the STS endpoint of `--role-arn` / `--accounts`.
   */
  env: NodeJS.ProcessEnv;
  /** The clock. @defaultValue the system clock */
  now?: () => Date;
  /**
   * The lookup context. @defaultValue a fresh one over the AWS SDK chain. The accounts of
   * `--role-arn` / `--accounts` get contexts of their own with its cache and client options.
   */
  context?: LookupContext;
  /** Colour the verdicts. @defaultValue false */
  color?: boolean;
  /** Account x region scans at once, when `--concurrency` is not given. @defaultValue 20 */
  concurrency?: number;
}

const PROGRAM = "lightsail-certs";

/** What a run needs before it reads: its options, accounts, regions and base context. */
interface Plan {
  options: GateOptions;
  specs: AccountSpec[];
  regions: string[];
  context: LookupContext;
  now: () => Date;
}

function usageFailure(io: GateIo, err: unknown): number {
  if (!(err instanceof UsageError)) throw err;
  io.stderr(`${PROGRAM}: ${err.message}\nRun "${PROGRAM} --help" for usage.\n`);
  return EXIT.error;
}

/** The base context: the given one tuned by the request options, else one over the SDK chain. */
function baseContext(options: GateOptions, io: GateIo, now: () => Date): LookupContext {
  // The request options tune a given context too (same clients factory, cache and clock).
  if (io.context) return { ...withSettings(io.context, options.settings), env: io.env };
  return createLookupContext({
    now,
    env: io.env,
    settings: options.settings,
    connection: options.profile ? { profile: options.profile } : {},
  });
}

/** Everything checked before a request is sent: a {@link UsageError} for any mistake. */
async function plan(options: GateOptions, io: GateIo): Promise<Plan> {
  if (options.output !== undefined) checkOutputPath(options.output);
  const specs = loadAccounts(options);
  const now = io.now ?? (() => new Date());
  const context = baseContext(options, io, now);
  const needsDefault = options.regions.length === 0 && (specs.length === 0 || specs.some((s) => !s.regions));
  const regions = needsDefault ? [await defaultRegion(context)] : options.regions;
  return { options, specs, regions, context, now };
}

/** Reads every account x region and prints (or writes) the report; resolves to the exit status. */
async function run(p: Plan, io: GateIo, concurrencyGiven: boolean): Promise<number> {
  const { options } = p;
  const base = {
    context: p.context,
    now: p.now,
    env: io.env,
    settings: options.settings,
    profile: options.profile,
  };
  const targets = buildTargets(p.specs, p.regions, base);
  const concurrency = concurrencyGiven ? options.concurrency : (io.concurrency ?? options.concurrency);
  const results = gatherResults(await scanTargets(targets, options.statuses, concurrency));
  // What could not be read does not stop the rest: it is reported (stderr, the table, the JSON
  // `errors`) and makes the exit status 2, whatever the verdicts of the rest.
  for (const line of results.stderr) io.stderr(`${PROGRAM}: ${line}\n`);
  const incomplete = results.errors.length > 0;
  const at = p.now();
  if (options.command === "list") {
    const listed = listReport(options, results, at);
    io.stdout(options.json ? `${JSON.stringify(listed, null, 2)}\n` : listText(results, at));
    return incomplete ? EXIT.error : EXIT.pass;
  }
  const report = checkReport(options, results, at);
  const status = incomplete ? EXIT.error : report.passed ? EXIT.pass : EXIT.fail;
  if (options.output === undefined) {
    io.stdout(
      options.format === "table"
        ? checkText(report, results, io.color === true)
        : renderCheck(options.format, report, results),
    );
    return status;
  }
  // --output: the chosen format goes to the file, the table to stdout.
  io.stdout(checkText(report, results, io.color === true));
  try {
    writeFileAtomic(options.output, renderCheck(options.format, report, results));
  } catch (err) {
    io.stderr(`${PROGRAM}: could not write --output ${options.output}: ${describeError(err)}\n`);
    return EXIT.error;
  }
  return status;
}

/** Runs the command line `argv` (without `node` and the script); resolves to the exit status. */
export async function runGate(argv: readonly string[], io: GateIo): Promise<number> {
  let options: GateOptions;
  try {
    options = parseGateArgs(argv);
  } catch (err) {
    return usageFailure(io, err);
  }
  if (options.command === "help") {
    io.stdout(`${USAGE}\n`);
    return EXIT.pass;
  }
  if (options.command === "version") {
    io.stdout(`${packageVersion()}\n`);
    return EXIT.pass;
  }
  let planned: Plan;
  try {
    planned = await plan(options, io);
  } catch (err) {
    return usageFailure(io, err);
  }
  return run(
    planned,
    io,
    argv.some((a) => a === "--concurrency" || a.startsWith("--concurrency=")),
  );
}
