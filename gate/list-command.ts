/** `lightsail-certs list`: the certificates read, as a table or JSON. Pure. */
import { KNOWN_CERTIFICATE_STATUSES } from "../lightsail/types";
import type { GateOptions } from "./args";
import { type ListReport, SCHEMA_VERSION, toListedCertificate } from "./report";
import type { RunResults } from "./results";
import { renderAccountTable, renderListTable } from "./table";

/** The statuses a run read: those of `--status`, else every status. */
export function statusesRead(options: GateOptions): string[] {
  return options.statuses.length > 0 ? options.statuses : [...KNOWN_CERTIFICATE_STATUSES].sort();
}

/** The `list --json` document. */
export function listReport(options: GateOptions, results: RunResults, at: Date): ListReport {
  return {
    schemaVersion: SCHEMA_VERSION,
    command: "list",
    listedAt: at.toISOString(),
    regions: results.regions,
    statuses: statusesRead(options),
    certificates: results.certificates.map((c) => toListedCertificate(c, at)),
    errors: results.errors,
    accounts: results.accounts,
    coverage: results.coverage,
  };
}

/** The `list` table, its summary line, the accounts (several) and what was not read. */
export function listText(results: RunResults, at: Date): string {
  const { certificates, multiAccount, where } = results;
  let text = "";
  if (certificates.length > 0) {
    text += renderListTable(certificates, at, multiAccount);
    text += `\n${certificates.length} certificate(s) in ${where}.\n`;
  } else if (results.coverage.regionScansNotRead < results.coverage.regionScans)
    text += `No certificates in ${where}.\n`;
  if (multiAccount) text += `\n${renderAccountTable(results.accounts)}`;
  return text + results.notRead;
}
