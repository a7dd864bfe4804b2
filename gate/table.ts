/**
 * Plain-text tables for a terminal: a header, columns aligned by padding (numbers to the right),
 * two spaces between columns, no trailing spaces. Pure.
 */
import type { CertificateVerdict, DomainVerdict } from "./check";
import { daysUntil } from "../lightsail/normalize";
import type { Certificate } from "../lightsail/types";

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

/** The `check` table: one row per certificate. */
export function renderCheckTable(verdicts: readonly CertificateVerdict[], color = false): string {
  return renderTable<CertificateVerdict>(
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
    verdicts,
  );
}

/** The `check --domain` table: one row per domain, with the certificate shown for it. */
export function renderDomainTable(verdicts: readonly DomainVerdict[], color = false): string {
  return renderTable<DomainVerdict>(
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
    verdicts,
  );
}

/** The `list` table: one row per certificate. */
export function renderListTable(certs: readonly Certificate[], now: Date): string {
  return renderTable<Certificate>(
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
    certs,
  );
}
