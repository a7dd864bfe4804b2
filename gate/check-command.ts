/**
 * `lightsail-certs check`: the verdicts of what was read, as the JSON report, the table (with
 * its summary line) and the Markdown. Pure.
 */
import type { GateOptions } from "./args";
import { type CertificateVerdict, coversDomain, judgeCertificate, judgeDomains, summarize } from "./check";
import { statusesRead } from "./list-command";
import { renderCheckMarkdown } from "./markdown";
import { type AccountResult, type CheckReport, SCHEMA_VERSION } from "./report";
import type { RunResults } from "./results";
import { renderAccountTable, renderCheckTable, renderDomainTable } from "./table";

/** The accounts with, per region read, how many certificates judged there fail. */
function withFailures(
  accounts: readonly AccountResult[],
  judged: readonly CertificateVerdict[],
): AccountResult[] {
  return accounts.map((a) => ({
    ...a,
    regions: a.regions.map((r) => ({
      ...r,
      failed: r.read
        ? judged.filter((v) => v.account === a.account && v.region === r.region && v.verdict === "FAIL")
            .length
        : null,
    })),
  }));
}

/** Judges what was read: the `check --json` document (the table and Markdown render it). */
export function checkReport(options: GateOptions, results: RunResults, at: Date): CheckReport {
  const domainMode = options.domains.length > 0;
  const judging = { allowStuckRenewals: options.allowStuckRenewals };
  const { certificates, errors } = results;
  const domains = domainMode ? judgeDomains(options.domains, certificates, options.minDays, at, judging) : [];
  if (errors.length > 0)
    for (const d of domains) if (!d.certificate) d.reason = `${d.reason} in the regions read`;
  const judged = certificates
    .filter((c) => !domainMode || options.domains.some((d) => coversDomain(c, d)))
    .map((c) => judgeCertificate(c, options.minDays, at, judging));
  const summary = summarize(domainMode ? domains : judged);
  return {
    schemaVersion: SCHEMA_VERSION,
    command: "check",
    mode: domainMode ? "domains" : "certificates",
    checkedAt: at.toISOString(),
    minDays: options.minDays,
    allowStuckRenewals: options.allowStuckRenewals,
    regions: results.regions,
    statuses: statusesRead(options),
    passed: summary.failed === 0 && errors.length === 0,
    summary,
    certificates: judged,
    domains,
    errors,
    accounts: withFailures(results.accounts, judged),
    coverage: results.coverage,
  };
}

/** The check table, its summary line, the accounts (several) and what was not read. */
export function checkText(report: CheckReport, results: RunResults, color: boolean): string {
  const { summary, minDays } = report;
  const rule =
    `ISSUED with at least ${minDays} day(s) left` +
    (report.allowStuckRenewals ? ", stuck renewals allowed" : ", no stuck renewal");
  const counts = `${summary.passed} pass, ${summary.failed} fail`;
  const many = results.multiAccount;
  let text = "";
  if (report.mode === "domains") {
    text += renderDomainTable(report.domains, color, many);
    text += `\n${summary.total} domain(s) in ${results.where}: ${counts} (each needs a certificate ${rule}).\n`;
  } else if (report.certificates.length > 0) {
    text += renderCheckTable(report.certificates, color, many);
    text += `\n${summary.total} certificate(s) in ${results.where}: ${counts} (${rule}).\n`;
  } else if (results.coverage.regionScansNotRead < results.coverage.regionScans) {
    text += `No certificates in ${results.where}: nothing to check.\n`;
  }
  if (many) text += `\n${renderAccountTable(report.accounts)}`;
  return text + results.notRead;
}

/** The report in `format` (the table without colour). */
export function renderCheck(format: GateOptions["format"], report: CheckReport, results: RunResults): string {
  if (format === "json") return `${JSON.stringify(report, null, 2)}\n`;
  if (format === "markdown") return renderCheckMarkdown(report);
  return checkText(report, results, false);
}
