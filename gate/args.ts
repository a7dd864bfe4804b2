/**
 * The command line of `lightsail-certs`: parsing and validation, pure (it reads no environment
 * and no file: the default region is resolved by `runGate`, through the lookup layer's region
 * chain, and `--accounts FILE` is read by gate/accounts.ts). Every mistake is a
 * {@link UsageError} naming the flag; the command exits 2.
 */
import { parseArgs } from "node:util";
import { describeDomainProblem, normalizeDomain } from "../lookup/domain";
import { LIGHTSAIL_REGIONS } from "../lightsail/regions";
import { describeSettingProblem, type LookupSettings } from "../lightsail/settings";
import { KNOWN_CERTIFICATE_STATUSES } from "../lightsail/types";
import { describeRegionProblem } from "../lookup/search-args";
import { joinNumericValues, numberOrText, wholeNumberProblem } from "./numbers";
import { DEFAULT_CONCURRENCY } from "./scan";
import { describeRoleArnProblem, describeExternalIdProblem } from "./account-spec";
import { DEFAULT_MIN_DAYS, SETTING_FLAGS } from "./usage";
import { UsageError } from "./usage-error";

export { DEFAULT_MIN_DAYS, SETTING_FLAGS, USAGE } from "./usage";
export { UsageError } from "./usage-error";

/** The report formats of `--format`. */
export const FORMATS = ["table", "json", "markdown"] as const;

/** One of {@link FORMATS}. */
export type ReportFormat = (typeof FORMATS)[number];

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
  /** `--role-arn`, in order, without duplicates. */
  roleArns: string[];
  /** `--external-id`: for every `--role-arn`. */
  externalId?: string;
  /** `--accounts FILE`. */
  accountsFile?: string;
  /** `--concurrency`. @defaultValue {@link DEFAULT_CONCURRENCY} */
  concurrency: number;
}

type Values = ReturnType<typeof parseWith>["values"];

function split(values: string[] | undefined): string[] {
  return (values ?? []).flatMap((v) => v.split(",")).map((v) => v.trim());
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

/** The options of `help` and `version`: nothing else is looked at. */
function bare(command: "help" | "version"): GateOptions {
  return {
    command,
    regions: [],
    statuses: [],
    minDays: DEFAULT_MIN_DAYS,
    domains: [],
    settings: {},
    json: false,
    format: "table",
    allowStuckRenewals: false,
    roleArns: [],
    concurrency: DEFAULT_CONCURRENCY,
  };
}

/** Checks that `argv` is a list of strings. */
function checkStrings(argv: readonly string[]): void {
  if (!Array.isArray(argv))
    throw new UsageError(`the arguments must be a list of strings, got ${typeof argv}`);
  const odd = argv.findIndex((arg: unknown) => typeof arg !== "string");
  if (odd >= 0)
    throw new UsageError(
      `argument ${odd + 1}${odd > 0 ? ` (after ${String(argv[odd - 1])})` : ""} must be a string, got ${argv[odd] === null ? "null" : typeof argv[odd]}`,
    );
}

/** node:util's parse, its messages kept (they name the flag) without the hint about "--". */
function parseOrThrow(argv: readonly string[]): ReturnType<typeof parseWith> {
  try {
    return parseWith(joinNumericValues(argv));
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError((err as Error).message.replace(/\. To specify a positional argument.*$/s, ""));
  }
}

function parseFormat(values: Values): ReportFormat {
  if (values.format === undefined) return values.json ? "json" : "table";
  const given = values.format.trim();
  if (!(FORMATS as readonly string[]).includes(given))
    throw new UsageError(`--format must be one of ${FORMATS.join(", ")}, got "${values.format}"`);
  if (values.json && given !== "json")
    throw new UsageError(`--json is --format json: give one of them, not --json with --format ${given}`);
  return given as ReportFormat;
}

/** The flags of `check` that `list` refuses. */
function checkListFlags(values: Values, format: ReportFormat): void {
  const checkOnly: Array<[unknown, string]> = [
    [values["min-days"], "--min-days"],
    [values.domain, "--domain"],
    [format === "markdown" || undefined, "--format markdown"],
    [values.output, "--output"],
    [values["allow-stuck-renewals"] || undefined, "--allow-stuck-renewals"],
  ];
  for (const [value, flag] of checkOnly)
    if (value !== undefined) throw new UsageError(`${flag} applies to check, not list`);
}

function parseRegions(values: Values): string[] {
  let regions = unique(split(values.region));
  if (values["all-regions"]) {
    if (regions.length > 0) throw new UsageError("give --region or --all-regions, not both");
    regions = [...LIGHTSAIL_REGIONS];
  }
  for (const region of regions) {
    const problem = describeRegionProblem(region);
    if (problem) throw new UsageError(`--region ${problem}`);
  }
  return regions;
}

function parseStatuses(values: Values): string[] {
  const known: readonly string[] = KNOWN_CERTIFICATE_STATUSES;
  const statuses = unique(split(values.status)).sort();
  for (const status of statuses) {
    if (known.includes(status)) continue;
    const upper = status.toUpperCase();
    const hint = known.includes(upper)
      ? `; statuses are upper case: ${upper}`
      : `; use one of ${known.join(", ")}`;
    throw new UsageError(`--status "${status}" is not a certificate status${hint}`);
  }
  return statuses;
}

function parseDomains(values: Values): string[] {
  const domains: string[] = [];
  for (const domain of split(values.domain)) {
    const problem = describeDomainProblem(domain);
    if (problem) throw new UsageError(`--domain ${problem}`);
    domains.push(normalizeDomain(domain));
  }
  return unique(domains);
}

function parseWholeNumber(
  flag: "--min-days" | "--concurrency",
  text: string | undefined,
  byDefault: number,
): number {
  if (text === undefined) return byDefault;
  const value = numberOrText(text);
  const problem = wholeNumberProblem(flag, value);
  if (problem) throw new UsageError(`${flag} ${problem}`);
  return value as number;
}

function parseSettings(values: Values): LookupSettings {
  const settings: LookupSettings = {};
  for (const [flag, name] of Object.entries(SETTING_FLAGS) as Array<[string, keyof LookupSettings]>) {
    const text = values[flag.slice(2) as "max-pages"];
    if (text === undefined) continue;
    const value = numberOrText(text);
    const problem = describeSettingProblem(name, value);
    if (problem) throw new UsageError(`${flag} ${problem}`);
    settings[name] = value as number;
  }
  return settings;
}

/** `--role-arn`, `--external-id`, `--accounts`: each well formed (the file is read later). */
function parseAccountFlags(values: Values): Pick<GateOptions, "roleArns" | "externalId" | "accountsFile"> {
  const roleArns = unique((values["role-arn"] ?? []).map((a) => a.trim()));
  for (const arn of roleArns) {
    const problem = describeRoleArnProblem(arn);
    if (problem) throw new UsageError(`--role-arn ${problem}`);
  }
  const externalId = values["external-id"];
  if (externalId !== undefined) {
    if (roleArns.length === 0) throw new UsageError("--external-id applies to --role-arn: give one or more");
    const problem = describeExternalIdProblem(externalId);
    if (problem) throw new UsageError(`--external-id ${problem}`);
  }
  const accountsFile = values.accounts;
  if (accountsFile !== undefined && accountsFile.trim() === "")
    throw new UsageError("--accounts needs a file name");
  return {
    roleArns,
    ...(externalId !== undefined ? { externalId } : {}),
    ...(accountsFile !== undefined ? { accountsFile } : {}),
  };
}

/**
 * Parses `argv` (without `node` and the script).
 * @throws UsageError for anything wrong, naming the flag.
 */
export function parseGateArgs(argv: readonly string[]): GateOptions {
  checkStrings(argv);
  const { values, positionals } = parseOrThrow(argv);
  const [command, ...extra] = positionals;
  if (values.help || values.version || command === undefined || command === "help")
    return bare(values.help || !values.version ? "help" : "version");
  if (command !== "list" && command !== "check")
    throw new UsageError(`unknown command "${command}"; use list or check`);
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const format = parseFormat(values);
  if (values.output !== undefined && values.output.trim() === "")
    throw new UsageError("--output needs a file name");
  if (command === "list") checkListFlags(values, format);
  if (values.profile !== undefined && values.profile.trim() === "")
    throw new UsageError("--profile must not be empty");
  return {
    command,
    regions: parseRegions(values),
    statuses: parseStatuses(values),
    minDays: parseWholeNumber("--min-days", values["min-days"], DEFAULT_MIN_DAYS),
    domains: parseDomains(values),
    ...(values.profile !== undefined ? { profile: values.profile } : {}),
    settings: parseSettings(values),
    json: format === "json",
    format,
    ...(values.output !== undefined ? { output: values.output } : {}),
    allowStuckRenewals: values["allow-stuck-renewals"] ?? false,
    ...parseAccountFlags(values),
    concurrency: parseWholeNumber("--concurrency", values.concurrency, DEFAULT_CONCURRENCY),
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
      "role-arn": { type: "string", multiple: true },
      "external-id": { type: "string" },
      accounts: { type: "string" },
      concurrency: { type: "string" },
      help: { type: "boolean", short: "h" },
      version: { type: "boolean" },
    },
  });
}
