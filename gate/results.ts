/**
 * What a run read, gathered from every account x region: the certificates (each tagged with
 * its account), the errors (roles not assumed, regions not read) for stderr, the report and the
 * lines under the table, and the per account x region results. Pure.
 */
import type { AccountResult, AccountCertificate, Coverage, RegionError } from "./report";
import { compareByNameAndRegion } from "./report";
import { codeOf, describeError, regionList, shortCause } from "./describe";
import type { AccountScan } from "./targets";

/** Everything read. */
export interface RunResults {
  /** Whether accounts were asked for (--role-arn / --accounts): the reports then name them. */
  multiAccount: boolean;
  /** Every region asked for, in order, without duplicates. */
  regions: string[];
  certificates: AccountCertificate[];
  errors: RegionError[];
  /** Lines for stderr, one per error. */
  stderr: string[];
  /** The NOT ASSUMED / NOT READ lines and their count, for under the table ("" when none). */
  notRead: string;
  accounts: AccountResult[];
  coverage: Coverage;
  /** Where certificates were read, for the summary line ("us-east-1, eu-west-1", "55 region(s) of 3 account(s)"). */
  where: string;
}

function label(scan: AccountScan): string {
  return scan.account ?? "";
}

function prefix(scan: AccountScan, region: string | null): string {
  return [label(scan), region].filter((p) => p).join(" ");
}

function errorOf(scan: AccountScan, region: string | null, err: Error): RegionError {
  return {
    account: scan.account,
    roleArn: scan.roleArn,
    region,
    error: err.name,
    code: codeOf(err),
    message: describeError(err),
  };
}

/** The errors of one account: its role, else each region not read. */
function accountErrors(scan: AccountScan): RegionError[] {
  if (scan.assumeError) return [errorOf(scan, null, scan.assumeError)];
  return scan.scans.flatMap((s) => (s.ok ? [] : [errorOf(scan, s.region, s.error)]));
}

function notReadLines(scans: readonly AccountScan[]): string {
  let text = "";
  for (const scan of scans) {
    if (scan.assumeError)
      text += `NOT ASSUMED  ${scan.account} (${scan.roleArn}): ${shortCause(scan.assumeError)}; none of its ${scan.regions.length} region(s) read (the error is on stderr)\n`;
    for (const s of scan.scans)
      if (!s.ok)
        text += `NOT READ  ${prefix(scan, s.region)}: ${shortCause(s.error)} (the error is on stderr)\n`;
  }
  return text;
}

function coverageOf(scans: readonly AccountScan[]): Coverage {
  const regionScans = scans.reduce((n, s) => n + s.regions.length, 0);
  const read = scans.reduce((n, s) => n + s.scans.filter((r) => r.ok).length, 0);
  return {
    accounts: scans.length,
    accountsNotAssumed: scans.filter((s) => s.assumeError).length,
    regionScans,
    regionScansNotRead: regionScans - read,
  };
}

/** "1 of 3 account(s) could not be assumed; 2 of 57 region(s) could not be read: exit status 2." */
function incompleteLine(c: Coverage, multiAccount: boolean): string {
  const parts: string[] = [];
  if (c.accountsNotAssumed > 0)
    parts.push(`${c.accountsNotAssumed} of ${c.accounts} account(s) could not be assumed`);
  if (c.regionScansNotRead > 0)
    parts.push(
      `${c.regionScansNotRead} of ${c.regionScans} region(s)${multiAccount ? " (account x region)" : ""} could not be read`,
    );
  return parts.length > 0 ? `${parts.join("; ")}: exit status 2.\n` : "";
}

function accountResult(scan: AccountScan): AccountResult {
  const byRegion = new Map(scan.scans.map((s) => [s.region, s]));
  return {
    account: scan.account,
    roleArn: scan.roleArn,
    assumed: !scan.assumeError,
    regions: scan.regions.map((region) => {
      const s = byRegion.get(region);
      return { region, read: s?.ok === true, certificates: s?.ok ? s.certificates.length : 0, failed: null };
    }),
  };
}

function whereOf(scans: readonly AccountScan[], multiAccount: boolean, c: Coverage): string {
  if (!multiAccount) return regionList(scans[0]!.scans.filter((s) => s.ok).map((s) => s.region));
  const read = c.regionScans - c.regionScansNotRead;
  return `${read} region(s) of ${c.accounts - c.accountsNotAssumed} account(s)`;
}

/** Gathers the scans of a run. */
export function gatherResults(scans: readonly AccountScan[]): RunResults {
  const multiAccount = scans.some((s) => s.roleArn !== null);
  const errors = scans.flatMap(accountErrors);
  const coverage = coverageOf(scans);
  const certificates = scans
    .flatMap((scan) =>
      scan.scans.flatMap((s) => (s.ok ? s.certificates.map((c) => ({ ...c, account: scan.account })) : [])),
    )
    .sort(compareByNameAndRegion);
  return {
    multiAccount,
    regions: [...new Set(scans.flatMap((s) => s.regions))],
    certificates,
    errors,
    stderr: errors.map((e) => `${[e.account, e.region].filter((p) => p).join(" ")}: ${e.message}`),
    notRead: notReadLines(scans) + incompleteLine(coverage, multiAccount),
    accounts: scans.map(accountResult),
    coverage,
    where: whereOf(scans, multiAccount, coverage),
  };
}
