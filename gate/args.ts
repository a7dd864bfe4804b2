/**
 * The command line of `lightsail-certs`: parsing and validation, pure (it reads no environment:
 * the default region is resolved by `runGate`, through the lookup layer's region chain). Every
 * mistake is a {@link UsageError} naming the flag; the command exits 2.
 */
import { parseArgs } from "node:util";
import { describeDomainProblem, normalizeDomain } from "../lookup/domain";
import { LIGHTSAIL_REGIONS } from "../lightsail/regions";
import {
  DEFAULT_LOOKUP_SETTINGS,
  describeSettingProblem,
  LOOKUP_SETTING_RANGES,
  type LookupSettings,
} from "../lightsail/settings";
import { KNOWN_CERTIFICATE_STATUSES } from "../lightsail/types";
import { describeRegionProblem } from "../lookup/validate";
import { MAX_MIN_DAYS_VALID } from "../lookup/validity";

/** Default of `--min-days`. */
export const DEFAULT_MIN_DAYS = 30;

/** The flags that tune requests, and the lookup setting each sets (ranges: lightsail/settings.ts). */
export const SETTING_FLAGS = {
  "--request-timeout-ms": "requestTimeoutMs",
  "--max-attempts": "maxAttempts",
  "--max-pages": "maxPages",
} as const satisfies Record<string, keyof LookupSettings>;

type SettingFlag = keyof typeof SETTING_FLAGS;

const range = (flag: SettingFlag) => LOOKUP_SETTING_RANGES[SETTING_FLAGS[flag]].join("..");
const byDefault = (flag: SettingFlag) => DEFAULT_LOOKUP_SETTINGS[SETTING_FLAGS[flag]];

/** The help text. */
export const USAGE = `Usage:
  lightsail-certs list  [--region R]... [--all-regions] [--status S]... [--format table|json]
                        [request options]
  lightsail-certs check [--min-days N] [--domain D]... [--region R]... [--all-regions]
                        [--status S]... [--allow-stuck-renewals]
                        [--format table|json|markdown] [--output FILE] [request options]

Commands:
  list     List the Lightsail certificates of the regions (every status unless --status).
  check    Judge certificates and print name, domain, region, status, notAfter, days left and
           a verdict. Without --domain every certificate listed must be ISSUED, stay valid
           at least N days and have no stuck renewal (renewal status PendingValidation or
           Failed, or a FAILED renewal validation record); with --domain each domain must be
           covered (primary name or SAN) by at least one such certificate.

Options:
  --region R      Region to read, repeatable or comma-separated (default: AWS_REGION, else
                  AWS_DEFAULT_REGION, else the profile's region in the shared config file).
  --all-regions   Read every region with a Lightsail endpoint (up to 20 at once).
  --status S      Only certificates with this status, repeatable
                  (${KNOWN_CERTIFICATE_STATUSES.join(", ")}; default: all).
  --min-days N    Whole days a certificate must stay valid: it passes when
                  floor((notAfter - now) / 1 day) >= N (0..${MAX_MIN_DAYS_VALID}, default ${DEFAULT_MIN_DAYS}).
  --domain D      A domain that must be covered, repeatable.
  --profile P     AWS profile to use (default: AWS_PROFILE or the SDK's default chain).
  --allow-stuck-renewals
                  A stuck renewal does not fail the certificate (it is still shown).
  --format F      table (default), json or markdown (check only: a summary for a CI step
                  summary or a pull-request comment). See gate/README.md.
  --json          The same as --format json.
  --output FILE   check: write the report in the --format chosen to FILE (replaced atomically)
                  and print the table on stdout. The directory must exist.
  -h, --help      Show this help.
  --version       Print the version of pulumi-lightsail-certificates.

Request options (whole numbers):
  --request-timeout-ms N  Milliseconds one request may take before it is abandoned and
                          retried (${range("--request-timeout-ms")}, default ${byDefault("--request-timeout-ms")}).
  --max-attempts N        Attempts per request, retries included (${range("--max-attempts")}, default ${byDefault("--max-attempts")}).
  --max-pages N           Pages one region's GetCertificates scan may read (${range("--max-pages")},
                          default ${byDefault("--max-pages")}).

Exit status: 0 every region read and all pass; 1 a certificate or domain fails; 2 a usage
error, or a region could not be read (access denied, throttled, timeout: its error on stderr,
a NOT READ line or a JSON "errors" entry; the other regions are still read, judged and
printed). 2 wins over 1: a check that could not read a region is not complete.
Credentials and endpoint come from the AWS SDK chain (AWS_PROFILE or --profile,
AWS_ENDPOINT_URL_LIGHTSAIL, ...).`;

/** The report formats of `--format`. */
export const FORMATS = ["table", "json", "markdown"] as const;

/** One of {@link FORMATS}. */
export type ReportFormat = (typeof FORMATS)[number];

/** A command-line mistake. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** What the command line asks for. */
export interface GateOptions {
  /** `help` when -h/--help was given (or no command); `version` for --version. */
  command: "list" | "check" | "help" | "version";
  /** Regions of `--region` or `--all-regions`, in order, without duplicates; empty: the default region. */
  regions: string[];
  /** Statuses to read, sorted; empty means every status. */
  statuses: string[];
  /** `--min-days`. */
  minDays: number;
  /** Normalised domains of `--domain`, without duplicates. */
  domains: string[];
  /** `--profile`. */
  profile?: string;
  /** `--request-timeout-ms`, `--max-attempts`, `--max-pages`: only those given. */
  settings: LookupSettings;
  /** `--json`, or `--format json`. */
  json: boolean;
  /** `--format` (`--json` is `json`). @defaultValue `"table"` */
  format: ReportFormat;
  /** `--output`: where to write the report in {@link format}; stdout then gets the table. */
  output?: string;
  /** `--allow-stuck-renewals`. */
  allowStuckRenewals: boolean;
}

/** Flags that take a number; a value such as `-1` after them is their value, not an option. */
const NUMERIC_FLAGS = ["--min-days", ...Object.keys(SETTING_FLAGS)];

/** The number `text` spells (digits, optionally signed or with a fraction), else `text` itself. */
function numberOrText(text: string): number | string {
  return /^\s*-?\d+(\.\d+)?\s*$/.test(text) ? Number(text) : text;
}

/** What is wrong with `--min-days`'s value, worded as lightsail/settings.ts words the settings. */
function minDaysProblem(value: number | string): string | undefined {
  if (typeof value !== "number" || !Number.isInteger(value))
    return `must be a whole number from 0 to ${MAX_MIN_DAYS_VALID}, got ${JSON.stringify(value)}`;
  if (value < 0 || value > MAX_MIN_DAYS_VALID) return `must be from 0 to ${MAX_MIN_DAYS_VALID}, got ${value}`;
  return undefined;
}

/**
 * Joins `--min-days -1` into `--min-days=-1`, so that node:util's parseArgs takes a negative
 * number as the flag's value (and our range check words the message) instead of refusing it
 * as an option. A numeric flag with no value (last, or before another option) is a usage error
 * of its own. Arguments after `--` are left alone.
 */
function joinNumericValues(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") return [...out, ...argv.slice(i)];
    if (!NUMERIC_FLAGS.includes(arg)) {
      out.push(arg);
      continue;
    }
    const next = argv[i + 1];
    if (next !== undefined && /^-\d/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else if (next === undefined || next.startsWith("-")) {
      const [min, max] =
        arg === "--min-days"
          ? [0, MAX_MIN_DAYS_VALID]
          : LOOKUP_SETTING_RANGES[SETTING_FLAGS[arg as SettingFlag]];
      throw new UsageError(`${arg} needs a value: a whole number from ${min} to ${max}`);
    } else out.push(arg);
  }
  return out;
}

function split(values: string[] | undefined): string[] {
  return (values ?? []).flatMap((v) => v.split(",")).map((v) => v.trim());
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

/**
 * Parses `argv` (without `node` and the script).
 * @throws UsageError for anything wrong, naming the flag.
 */
export function parseGateArgs(argv: readonly string[]): GateOptions {
  if (!Array.isArray(argv))
    throw new UsageError(`the arguments must be a list of strings, got ${typeof argv}`);
  const odd = argv.findIndex((arg: unknown) => typeof arg !== "string");
  if (odd >= 0)
    throw new UsageError(
      `argument ${odd + 1}${odd > 0 ? ` (after ${String(argv[odd - 1])})` : ""} must be a string, got ${argv[odd] === null ? "null" : typeof argv[odd]}`,
    );
  let parsed: ReturnType<typeof parseWith>;
  const joined = joinNumericValues(argv);
  try {
    parsed = parseWith(joined);
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
      settings: {},
      json: false,
      format: "table",
      allowStuckRenewals: false,
    };
  }
  if (command !== "list" && command !== "check")
    throw new UsageError(`unknown command "${command}"; use list or check`);
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  let format: ReportFormat = values.json ? "json" : "table";
  if (values.format !== undefined) {
    const given = values.format.trim();
    if (!(FORMATS as readonly string[]).includes(given))
      throw new UsageError(`--format must be one of ${FORMATS.join(", ")}, got "${values.format}"`);
    if (values.json && given !== "json")
      throw new UsageError(`--json is --format json: give one of them, not --json with --format ${given}`);
    format = given as ReportFormat;
  }
  if (values.output !== undefined && values.output.trim() === "")
    throw new UsageError("--output needs a file name");
  if (command === "list") {
    if (values["min-days"] !== undefined) throw new UsageError("--min-days applies to check, not list");
    if (values.domain !== undefined) throw new UsageError("--domain applies to check, not list");
    if (format === "markdown") throw new UsageError("--format markdown applies to check, not list");
    if (values.output !== undefined) throw new UsageError("--output applies to check, not list");
    if (values["allow-stuck-renewals"])
      throw new UsageError("--allow-stuck-renewals applies to check, not list");
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

  let minDays = DEFAULT_MIN_DAYS;
  if (values["min-days"] !== undefined) {
    const value = numberOrText(values["min-days"]);
    const problem = minDaysProblem(value);
    if (problem) throw new UsageError(`--min-days ${problem}`);
    minDays = value as number;
  }
  const settings: LookupSettings = {};
  for (const [flag, name] of Object.entries(SETTING_FLAGS) as [SettingFlag, keyof LookupSettings][]) {
    const text = values[flag.slice(2) as "max-pages"];
    if (text === undefined) continue;
    const value = numberOrText(text);
    const problem = describeSettingProblem(name, value);
    if (problem) throw new UsageError(`${flag} ${problem}`);
    settings[name] = value as number;
  }
  if (values.profile !== undefined && values.profile.trim() === "")
    throw new UsageError("--profile must not be empty");

  return {
    command,
    regions,
    statuses,
    minDays,
    domains: unique(domains),
    ...(values.profile !== undefined ? { profile: values.profile } : {}),
    settings,
    json: format === "json",
    format,
    ...(values.output !== undefined ? { output: values.output } : {}),
    allowStuckRenewals: values["allow-stuck-renewals"] ?? false,
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
      "request-timeout-ms": { type: "string" },
      "max-attempts": { type: "string" },
      "max-pages": { type: "string" },
      json: { type: "boolean" },
      format: { type: "string" },
      output: { type: "string" },
      "allow-stuck-renewals": { type: "boolean" },
      help: { type: "boolean", short: "h" },
      version: { type: "boolean" },
    },
  });
}
