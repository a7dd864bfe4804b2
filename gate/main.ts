/**
 * `lightsail-certs`: the gate command, as a function of its arguments and its edges (output
 * streams, environment, clock, lookup context), so that it runs the same in a test and in a
 * process. Returns the exit status: 0 every region read and all pass, 1 something fails,
 * 2 a usage error or a region that could not be read (2 wins over 1; the regions read are still
 * judged and printed).
 * Messages never hold a credential or an endpoint, and errors are printed without a stack.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { createLookupContext, LookupContext, withSettings } from "../lookup/context";
import {
  AccessDeniedError,
  InvalidArgumentError,
  LightsailApiError,
  LightsailCertificateError,
  PaginationError,
  RegionNotSetError,
} from "../lightsail/errors";
import { resolveRegionWithSource } from "../lookup/region";
import { scrubMessage } from "../lightsail/service-errors";
import { KNOWN_CERTIFICATE_STATUSES, type Certificate } from "../lightsail/types";
import { GateOptions, parseGateArgs, USAGE, UsageError } from "./args";
import { coversDomain, judgeCertificate, judgeDomains, summarize } from "./check";
import {
  CheckReport,
  compareByNameAndRegion,
  ListReport,
  RegionError,
  SCHEMA_VERSION,
  toListedCertificate,
} from "./report";
import { renderCheckMarkdown } from "./markdown";
import { DEFAULT_CONCURRENCY, scanRegions } from "./scan";
import { renderCheckTable, renderDomainTable, renderListTable } from "./table";
import { packageVersion } from "./version";

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
   */
  env: NodeJS.ProcessEnv;
  /** The clock. @defaultValue the system clock */
  now?: () => Date;
  /** The lookup context. @defaultValue a fresh one over the AWS SDK chain */
  context?: LookupContext;
  /** Colour the verdicts. @defaultValue false */
  color?: boolean;
  /** Regions read at once. @defaultValue 20 ({@link DEFAULT_CONCURRENCY}) */
  concurrency?: number;
}

const PROGRAM = "lightsail-certs";

/** A message for `err` that is safe to print: the package's own messages, else a scrubbed one. */
export function describeError(err: unknown): string {
  if (err instanceof LightsailCertificateError) return err.message;
  if (err instanceof Error) return `${err.name}: ${scrubMessage(err.message)}`;
  return scrubMessage(String(err));
}

function regionList(regions: readonly string[]): string {
  if (regions.length === 0) return "no region read";
  return regions.length > 4 ? `${regions.length} regions` : regions.join(", ");
}

/** The service's or transport's code of a lookup error, when it has one. */
function codeOf(err: Error): string | null {
  const code = (err as { code?: unknown }).code;
  return LightsailApiError.isInstance(err) && typeof code === "string" ? code : null;
}

/** A few words on why a region could not be read, for its line under the table. */
function shortCause(err: Error): string {
  if (AccessDeniedError.isInstance(err)) return `access denied to ${err.action}`;
  if (PaginationError.isInstance(err)) return `paging did not end (${err.pagesRead} pages read)`;
  return codeOf(err) ?? err.name;
}

function statusesRead(options: GateOptions): string[] {
  return options.statuses.length > 0 ? options.statuses : [...KNOWN_CERTIFICATE_STATUSES].sort();
}

/**
 * The region to read when no --region is given: the lookup layer's chain (AWS_REGION,
 * AWS_DEFAULT_REGION, then the profile's region in the shared config file; the gate sets no
 * provider or stack-config region).
 * @throws UsageError when the chain sets none, or sets one without a Lightsail endpoint.
 */
async function defaultRegion(context: LookupContext): Promise<string> {
  try {
    return (await resolveRegionWithSource(context, undefined)).region;
  } catch (err) {
    if (RegionNotSetError.isInstance(err))
      throw new UsageError(
        "no region: give --region R (or --all-regions), or set AWS_REGION, AWS_DEFAULT_REGION, " +
          "or `region` in the profile's section of the shared config file (~/.aws/config)",
      );
    if (InvalidArgumentError.isInstance(err)) {
      const problem = err.message.replace(/^Invalid argument `[^`]*`: /, "");
      throw new UsageError(`the default region (from ${err.argument}): ${problem}`);
    }
    throw err;
  }
}

/**
 * Checks, before anything is read, that `--output`'s directory exists.
 * @throws UsageError naming the file and the directory.
 */
function checkOutputPath(file: string): void {
  const dir = path.dirname(path.resolve(file));
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(dir);
  } catch {
    stat = undefined;
  }
  if (!stat?.isDirectory())
    throw new UsageError(`--output ${file}: the directory ${dir} does not exist; create it first`);
  try {
    if (fs.statSync(path.resolve(file)).isDirectory())
      throw new UsageError(`--output ${file} is a directory; give a file name`);
  } catch (err) {
    if (err instanceof UsageError) throw err;
  }
}

/**
 * Writes `text` to `file` atomically: a temporary file in the same directory, then a rename over
 * `file`, so a reader (or a failed run) never sees half a report.
 */
export function writeFileAtomic(file: string, text: string): void {
  const target = path.resolve(file);
  const temp = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`,
  );
  try {
    fs.writeFileSync(temp, text, { mode: 0o644 });
    fs.renameSync(temp, target);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw err;
  }
}

/** Runs the command line `argv` (without `node` and the script); resolves to the exit status. */
export async function runGate(argv: readonly string[], io: GateIo): Promise<number> {
  let options: GateOptions;
  try {
    options = parseGateArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.stderr(`${PROGRAM}: ${err.message}\nRun "${PROGRAM} --help" for usage.\n`);
    return EXIT.error;
  }
  if (options.command === "help") {
    io.stdout(`${USAGE}\n`);
    return EXIT.pass;
  }
  if (options.command === "version") {
    io.stdout(`${packageVersion()}\n`);
    return EXIT.pass;
  }

  if (options.output !== undefined) {
    try {
      checkOutputPath(options.output);
    } catch (err) {
      if (!(err instanceof UsageError)) throw err;
      io.stderr(`${PROGRAM}: ${err.message}\nRun "${PROGRAM} --help" for usage.\n`);
      return EXIT.error;
    }
  }
  const now = io.now ?? (() => new Date());
  // The request options tune a given context too (same clients factory, cache and clock).
  const context = io.context
    ? { ...withSettings(io.context, options.settings), env: io.env }
    : createLookupContext({
        now,
        env: io.env,
        settings: options.settings,
        connection: options.profile ? { profile: options.profile } : {},
      });
  let regions = options.regions;
  if (regions.length === 0) {
    try {
      regions = [await defaultRegion(context)];
    } catch (err) {
      if (!(err instanceof UsageError)) throw err;
      io.stderr(`${PROGRAM}: ${err.message}\nRun "${PROGRAM} --help" for usage.\n`);
      return EXIT.error;
    }
  }
  const scans = await scanRegions(context, regions, options.statuses, io.concurrency ?? DEFAULT_CONCURRENCY);
  // A region that cannot be read does not stop the others: it is reported (stderr, the table,
  // the JSON `errors`) and makes the exit status 2, whatever the verdicts of the rest.
  const errors: RegionError[] = [];
  let notRead = "";
  for (const scan of scans) {
    if (scan.ok) continue;
    const message = describeError(scan.error);
    errors.push({ region: scan.region, error: scan.error.name, code: codeOf(scan.error), message });
    io.stderr(`${PROGRAM}: ${scan.region}: ${message}\n`);
    notRead += `NOT READ  ${scan.region}: ${shortCause(scan.error)} (the error is on stderr)\n`;
  }
  if (errors.length > 0)
    notRead += `${errors.length} of ${regions.length} region(s) could not be read: exit status 2.\n`;
  const read = scans.filter((s) => s.ok).map((s) => s.region);
  const certificates: Certificate[] = scans
    .flatMap((s) => (s.ok ? s.certificates : []))
    .sort(compareByNameAndRegion);
  const at = now();

  if (options.command === "list") {
    if (options.json) {
      const report: ListReport = {
        schemaVersion: SCHEMA_VERSION,
        command: "list",
        listedAt: at.toISOString(),
        regions,
        statuses: statusesRead(options),
        certificates: certificates.map((c) => toListedCertificate(c, at)),
        errors,
      };
      io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    } else {
      if (certificates.length > 0) {
        io.stdout(renderListTable(certificates, at));
        io.stdout(`\n${certificates.length} certificate(s) in ${regionList(read)}.\n`);
      } else if (read.length > 0) io.stdout(`No certificates in ${regionList(read)}.\n`);
      if (errors.length > 0) io.stdout(notRead);
    }
    return errors.length > 0 ? EXIT.error : EXIT.pass;
  }

  const domainMode = options.domains.length > 0;
  const judging = { allowStuckRenewals: options.allowStuckRenewals };
  const domains = domainMode ? judgeDomains(options.domains, certificates, options.minDays, at, judging) : [];
  if (errors.length > 0)
    for (const d of domains) if (!d.certificate) d.reason = `${d.reason} in the regions read`;
  const judged = certificates
    .filter((c) => !domainMode || options.domains.some((d) => coversDomain(c, d)))
    .map((c) => judgeCertificate(c, options.minDays, at, judging));
  const summary = summarize(domainMode ? domains : judged);
  const passed = summary.failed === 0 && errors.length === 0;
  const status = errors.length > 0 ? EXIT.error : passed ? EXIT.pass : EXIT.fail;

  const report: CheckReport = {
    schemaVersion: SCHEMA_VERSION,
    command: "check",
    mode: domainMode ? "domains" : "certificates",
    checkedAt: at.toISOString(),
    minDays: options.minDays,
    allowStuckRenewals: options.allowStuckRenewals,
    regions,
    statuses: statusesRead(options),
    passed,
    summary,
    certificates: judged,
    domains,
    errors,
  };

  const table = (color: boolean): string => {
    const rule =
      `ISSUED with at least ${options.minDays} day(s) left` +
      (options.allowStuckRenewals ? ", stuck renewals allowed" : ", no stuck renewal");
    let text = "";
    if (domainMode) {
      text += renderDomainTable(domains, color);
      text +=
        `\n${summary.total} domain(s) in ${regionList(read)}: ${summary.passed} pass, ${summary.failed} fail ` +
        `(each needs a certificate ${rule}).\n`;
    } else if (judged.length > 0) {
      text += renderCheckTable(judged, color);
      text +=
        `\n${summary.total} certificate(s) in ${regionList(read)}: ${summary.passed} pass, ${summary.failed} fail ` +
        `(${rule}).\n`;
    } else if (read.length > 0) {
      text += `No certificates in ${regionList(read)}: nothing to check.\n`;
    }
    if (errors.length > 0) text += notRead;
    return text;
  };
  const rendered = (): string =>
    options.format === "json"
      ? `${JSON.stringify(report, null, 2)}\n`
      : options.format === "markdown"
        ? renderCheckMarkdown(report)
        : table(false);

  if (options.output === undefined) {
    io.stdout(options.format === "table" ? table(io.color === true) : rendered());
    return status;
  }
  // --output: the chosen format goes to the file, the table to stdout.
  io.stdout(table(io.color === true));
  try {
    writeFileAtomic(options.output, rendered());
  } catch (err) {
    io.stderr(`${PROGRAM}: could not write --output ${options.output}: ${describeError(err)}\n`);
    return EXIT.error;
  }
  return status;
}
