/**
 * The command line of `lightsail-certs`: parsing and validation, pure (the environment comes in
 * as an argument). Every mistake is a {@link UsageError} naming the flag; the command exits 2.
 */
import { parseArgs } from "node:util";
import { describeDomainProblem, normalizeDomain } from "../provider/domain";
import { LIGHTSAIL_REGIONS } from "../provider/regions";
import { KNOWN_CERTIFICATE_STATUSES } from "../provider/types";
import { describeRegionProblem, MAX_MIN_DAYS_VALID } from "../provider/validate";

/** Default of `--min-days`. */
export const DEFAULT_MIN_DAYS = 30;

/** The help text. */
export const USAGE = `Usage:
  lightsail-certs list  [--region R]... [--all-regions] [--status S]... [--json]
  lightsail-certs check [--min-days N] [--domain D]... [--region R]... [--all-regions]
                        [--status S]... [--json]

Commands:
  list     List the Lightsail certificates of the regions (every status unless --status).
  check    Judge certificates and print name, domain, region, status, notAfter, days left and
           a verdict. Without --domain every certificate listed must be ISSUED and stay valid
           at least N days; with --domain each domain must be covered (primary name or SAN) by
           at least one such certificate.

Options:
  --region R      Region to read, repeatable or comma-separated
                  (default: AWS_REGION, else AWS_DEFAULT_REGION).
  --all-regions   Read every region with a Lightsail endpoint (all at once).
  --status S      Only certificates with this status, repeatable
                  (${KNOWN_CERTIFICATE_STATUSES.join(", ")}; default: all).
  --min-days N    Whole days a certificate must stay valid: it passes when
                  floor((notAfter - now) / 1 day) >= N (default ${DEFAULT_MIN_DAYS}).
  --domain D      A domain that must be covered, repeatable.
  --profile P     AWS profile to use (default: AWS_PROFILE or the SDK's default chain).
  --json          Print a JSON document instead of a table (see gate/README.md).
  -h, --help      Show this help.
  --version       Print the version of pulumi-lightsail-certificates.

Exit status: 0 all pass, 1 a certificate or domain fails, 2 usage or API error.
Credentials, region and endpoint come from the AWS SDK chain (AWS_ENDPOINT_URL_LIGHTSAIL too).`;

/** A command-line mistake. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** What the command line asks for. */
export interface GateOptions {
  /** `help` when -h/--help was given (or no command); `version` for --version. */
  command: "list" | "check" | "help" | "version";
  /** Regions to read, in order, without duplicates. */
  regions: string[];
  /** Statuses to read, sorted; empty means every status. */
  statuses: string[];
  /** `--min-days`. */
  minDays: number;
  /** Normalised domains of `--domain`, without duplicates. */
  domains: string[];
  /** `--profile`. */
  profile?: string;
  /** `--json`. */
  json: boolean;
}

function integer(flag: string, text: string, min: number, max: number): number {
  if (!/^-?\d+$/.test(text.trim()))
    throw new UsageError(`${flag} must be a whole number of days, got "${text}"`);
  const value = Number(text);
  if (value < min || value > max)
    throw new UsageError(`${flag} must be between ${min} and ${max}, got ${value}`);
  return value;
}

function split(values: string[] | undefined): string[] {
  return (values ?? []).flatMap((v) => v.split(",")).map((v) => v.trim());
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

/**
 * Parses `argv` (without `node` and the script).
 * @param env the environment, for the default region.
 * @throws UsageError for anything wrong, naming the flag.
 */
export function parseGateArgs(argv: readonly string[], env: NodeJS.ProcessEnv): GateOptions {
  if (!Array.isArray(argv))
    throw new UsageError(`the arguments must be a list of strings, got ${typeof argv}`);
  const odd = argv.findIndex((arg: unknown) => typeof arg !== "string");
  if (odd >= 0)
    throw new UsageError(
      `argument ${odd + 1}${odd > 0 ? ` (after ${String(argv[odd - 1])})` : ""} must be a string, got ${argv[odd] === null ? "null" : typeof argv[odd]}`,
    );
  let parsed: ReturnType<typeof parseWith>;
  try {
    parsed = parseWith(argv);
  } catch (err) {
    // node:util's messages name the flag ("Unknown option '--x'"); drop its hint about "--".
    const message = (err as Error).message.replace(/\. To specify a positional argument.*$/s, "");
    throw new UsageError(message);
  }
  const { values, positionals } = parsed;
  const [command, ...extra] = positionals;
  if (values.help || values.version || command === undefined || command === "help") {
    return {
      command: values.help || !values.version ? "help" : "version",
      regions: [],
      statuses: [],
      minDays: DEFAULT_MIN_DAYS,
      domains: [],
      json: false,
    };
  }
  if (command !== "list" && command !== "check")
    throw new UsageError(`unknown command "${command}"; use list or check`);
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  if (command === "list") {
    if (values["min-days"] !== undefined) throw new UsageError("--min-days applies to check, not list");
    if (values.domain !== undefined) throw new UsageError("--domain applies to check, not list");
  }

  let regions = unique(split(values.region));
  if (values["all-regions"]) {
    if (regions.length > 0) throw new UsageError("give --region or --all-regions, not both");
    regions = [...LIGHTSAIL_REGIONS];
  }
  for (const region of regions) {
    const problem = describeRegionProblem(region);
    if (problem) throw new UsageError(`--region ${problem}`);
  }
  if (regions.length === 0) {
    const fromEnv = env.AWS_REGION || env.AWS_DEFAULT_REGION;
    if (!fromEnv)
      throw new UsageError(
        "no region: give --region R (or --all-regions), or set AWS_REGION or AWS_DEFAULT_REGION",
      );
    const problem = describeRegionProblem(fromEnv);
    if (problem)
      throw new UsageError(
        `the region from ${env.AWS_REGION ? "AWS_REGION" : "AWS_DEFAULT_REGION"} ${problem}`,
      );
    regions = [fromEnv];
  }

  const known: readonly string[] = KNOWN_CERTIFICATE_STATUSES;
  const statuses = unique(split(values.status)).sort();
  for (const status of statuses) {
    if (!known.includes(status)) {
      const upper = status.toUpperCase();
      const hint = known.includes(upper)
        ? `; statuses are upper case: ${upper}`
        : `; use one of ${known.join(", ")}`;
      throw new UsageError(`--status "${status}" is not a certificate status${hint}`);
    }
  }

  const domains: string[] = [];
  for (const domain of split(values.domain)) {
    const problem = describeDomainProblem(domain);
    if (problem) throw new UsageError(`--domain ${problem}`);
    domains.push(normalizeDomain(domain));
  }

  const minDays =
    values["min-days"] === undefined
      ? DEFAULT_MIN_DAYS
      : integer("--min-days", values["min-days"], 0, MAX_MIN_DAYS_VALID);
  if (values.profile !== undefined && values.profile.trim() === "")
    throw new UsageError("--profile must not be empty");

  return {
    command,
    regions,
    statuses,
    minDays,
    domains: unique(domains),
    ...(values.profile !== undefined ? { profile: values.profile } : {}),
    json: values.json ?? false,
  };
}

function parseWith(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      region: { type: "string", multiple: true },
      "all-regions": { type: "boolean" },
      status: { type: "string", multiple: true },
      "min-days": { type: "string" },
      domain: { type: "string", multiple: true },
      profile: { type: "string" },
      json: { type: "boolean" },
      help: { type: "boolean", short: "h" },
      version: { type: "boolean" },
    },
  });
}
