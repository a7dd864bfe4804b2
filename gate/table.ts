/**
 * Plain-text tables for a terminal: a header, columns aligned by padding (numbers to the right),
 * two spaces between columns, no trailing spaces. Pure.
 */
import type { CertificateVerdict, DomainVerdict } from "./check";
import { daysUntil } from "../lightsail/normalize";
import type { Certificate } from "../lightsail/types";
import type { AccountResult } from "./report";

/** One column of a table. */
export interface Column<Row> {
  /** Header text. */
  header: string;
  /** The cell text for a row (no line breaks). */
  cell(row: Row): string;
  /** @defaultValue `"left"` */
  align?: "left" | "right";
  /** Decorates a padded cell (e.g. colour), without changing its width on screen. */
  style?(padded: string, row: Row): string;
}

/** Renders rows as an aligned table, header first; lines end with "\n". */
export function renderTable<Row>(columns: ReadonlyArray<Column<Row>>, rows: readonly Row[]): string {
  const cells = rows.map((row) => columns.map((c) => c.cell(row).replace(/\s+/g, " ")));
  const widths = columns.map((c, i) => Math.max(c.header.length, ...cells.map((r) => r[i].length)));
  const pad = (text: string, i: number) =>
    columns[i].align === "right" ? text.padStart(widths[i]) : text.padEnd(widths[i]);
  const line = (texts: string[], row?: Row) =>
    texts
      .map((text, i) => {
        const padded = pad(text, i);
        const style = columns[i].style;
        return row !== undefined && style ? style(padded, row) : padded;
      })
      .join("  ")
      .trimEnd();
  return (
    [line(columns.map((c) => c.header)), ...cells.map((texts, r) => line(texts, rows[r]))].join("\n") + "\n"
  );
}

/** An ISO-8601 instant shown to the second (`2026-09-01T00:00:00Z`), or "-". */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return "-";
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

function formatDays(days: number | null | undefined): string {
  return days === null || days === undefined ? "-" : String(days);
}

/** ANSI colours for the verdict column, when writing to a terminal. */
export function verdictStyle(
  color: boolean,
): ((padded: string, row: { verdict: string }) => string) | undefined {
  if (!color) return undefined;
  return (padded, row) => `${row.verdict === "PASS" ? "\u001b[32m" : "\u001b[31m"}${padded}\u001b[0m`;
}

function verdictText(v: { verdict: string; reason: string | null }): string {
  return v.reason ? `${v.verdict}: ${v.reason}` : v.verdict;
}

/** The ACCOUNT column, first, when a run reads several accounts. */
function withAccount<Row>(
  columns: Array<Column<Row>>,
  account: ((row: Row) => string) | undefined,
): Array<Column<Row>> {
  return account ? [{ header: "ACCOUNT", cell: account }, ...columns] : columns;
}

/** The `check` table: one row per certificate (with an ACCOUNT column for several accounts). */
export function renderCheckTable(
  verdicts: readonly CertificateVerdict[],
  color = false,
  accounts = false,
): string {
  return renderTable<CertificateVerdict>(
    withAccount<CertificateVerdict>(
      [
        { header: "NAME", cell: (v) => v.name },
        { header: "DOMAIN", cell: (v) => v.domainName },
        { header: "REGION", cell: (v) => v.region },
        { header: "STATUS", cell: (v) => v.status },
        { header: "NOT AFTER", cell: (v) => formatInstant(v.notAfter) },
        { header: "DAYS LEFT", cell: (v) => formatDays(v.daysLeft), align: "right" },
        { header: "RENEWAL", cell: (v) => v.renewalStatus ?? "-" },
        { header: "VERDICT", cell: verdictText, style: verdictStyle(color) },
      ],
      accounts ? (v) => v.account ?? "-" : undefined,
    ),
    verdicts,
  );
}

/** The `check --domain` table: one row per domain, with the certificate shown for it. */
export function renderDomainTable(
  verdicts: readonly DomainVerdict[],
  color = false,
  accounts = false,
): string {
  return renderTable<DomainVerdict>(
    withAccount<DomainVerdict>(
      [
        { header: "NAME", cell: (v) => v.certificate?.name ?? "-" },
        { header: "DOMAIN", cell: (v) => v.domain },
        { header: "REGION", cell: (v) => v.certificate?.region ?? "-" },
        { header: "STATUS", cell: (v) => v.certificate?.status ?? "-" },
        { header: "NOT AFTER", cell: (v) => formatInstant(v.certificate?.notAfter) },
        { header: "DAYS LEFT", cell: (v) => formatDays(v.certificate?.daysLeft), align: "right" },
        { header: "RENEWAL", cell: (v) => v.certificate?.renewalStatus ?? "-" },
        { header: "VERDICT", cell: verdictText, style: verdictStyle(color) },
      ],
      accounts ? (v) => v.certificate?.account ?? "-" : undefined,
    ),
    verdicts,
  );
}

/** The `list` table: one row per certificate (with an ACCOUNT column for several accounts). */
export function renderListTable(
  certs: ReadonlyArray<Certificate & { account?: string | null }>,
  now: Date,
  accounts = false,
): string {
  return renderTable<Certificate & { account?: string | null }>(
    withAccount<Certificate & { account?: string | null }>(
      [
        { header: "NAME", cell: (c) => c.name },
        { header: "DOMAIN", cell: (c) => c.domainName },
        { header: "REGION", cell: (c) => c.region },
        { header: "STATUS", cell: (c) => c.status },
        { header: "NOT AFTER", cell: (c) => formatInstant(c.notAfter) },
        { header: "DAYS LEFT", cell: (c) => formatDays(daysUntil(c.notAfter, now)), align: "right" },
        { header: "SANS", cell: (c) => String(c.subjectAlternativeNames.length), align: "right" },
        { header: "IN USE", cell: (c) => String(c.inUseResourceCount), align: "right" },
        { header: "RENEWAL", cell: (c) => c.renewalStatus ?? "-" },
      ],
      accounts ? (c) => c.account ?? "-" : undefined,
    ),
    certs,
  );
}

/** The accounts of a run, one row each: regions read of those asked, certificates, failures. */
export function renderAccountTable(accounts: readonly AccountResult[]): string {
  const read = (a: AccountResult) => a.regions.filter((r) => r.read);
  const sum = (a: AccountResult, f: (r: AccountResult["regions"][number]) => number) =>
    read(a).reduce((n, r) => n + f(r), 0);
  return renderTable<AccountResult>(
    [
      { header: "ACCOUNT", cell: (a) => a.account ?? "-" },
      { header: "ROLE", cell: (a) => a.roleArn ?? "-" },
      {
        header: "REGIONS READ",
        cell: (a) => (a.assumed ? `${read(a).length}/${a.regions.length}` : "NOT ASSUMED"),
        align: "right",
      },
      { header: "CERTIFICATES", cell: (a) => String(sum(a, (r) => r.certificates)), align: "right" },
      {
        header: "FAIL",
        cell: (a) => (a.regions.some((r) => r.failed !== null) ? String(sum(a, (r) => r.failed ?? 0)) : "-"),
        align: "right",
      },
    ],
    accounts,
  );
}
