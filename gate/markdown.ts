/**
 * `lightsail-certs check --format markdown`: the check report as Markdown for a CI step summary
 * (`$GITHUB_STEP_SUMMARY`) or a pull-request comment. Pure: it renders a {@link CheckReport},
 * so the Markdown says exactly what the JSON says.
 *
 * Sections: a headline with the outcome; the certificates (or domains) sorted by days left
 * (soonest first, those without an expiry date last); a plain-text timeline of expiries over the
 * next {@link timelineDays} days in a code block; stuck renewals with the DNS records to
 * (re)create; the regions that could not be read.
 */
import type { CertificateVerdict, DomainVerdict } from "./check";
import type { CheckReport } from "./report";
import { formatInstant } from "./table";
import { accountsSection, accountsWhere, isMultiAccount, notReadSection } from "./markdown-accounts";

/** Characters of a timeline bar. */
export const TIMELINE_WIDTH = 30;

/** Days the timeline spans: 90, or `minDays` when that is longer. */
export function timelineDays(minDays: number): number {
  return Math.max(90, minDays);
}

/** A table cell: no line breaks, `|` escaped. */
function cell(text: string): string {
  return text.replace(/\s+/g, " ").replace(/\|/g, "\\|");
}

/** Inline code, for DNS names and values (backticks inside are dropped). */
function code(text: string): string {
  return `\`${text.replace(/`/g, "")}\``;
}

function table(headers: string[], align: Array<"left" | "right">, rows: string[][]): string {
  const sep = align.map((a) => (a === "right" ? "---:" : "---"));
  return [headers, sep, ...rows].map((r) => `| ${r.join(" | ")} |`).join("\n") + "\n";
}

function verdictCell(v: { verdict: string; reason: string | null }): string {
  return cell(v.reason ? `**${v.verdict}**: ${v.reason}` : `**${v.verdict}**`);
}

/** Soonest expiry first; no expiry date last; then name and region. */
export function compareByDaysLeft(
  a: { daysLeft: number | null; name: string; region: string },
  b: { daysLeft: number | null; name: string; region: string },
): number {
  const days = (v: { daysLeft: number | null }) => v.daysLeft ?? Number.POSITIVE_INFINITY;
  return (
    days(a) - days(b) ||
    (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) ||
    (a.region < b.region ? -1 : a.region > b.region ? 1 : 0)
  );
}

/**
 * One timeline bar: `=` per slice of days still valid, `|` at the `minDays` threshold, `>` at the
 * end when it is valid beyond the timeline.
 */
export function timelineBar(daysLeft: number | null, minDays: number, span: number): string {
  const chars: string[] = [];
  const per = span / TIMELINE_WIDTH;
  const filled = daysLeft === null || daysLeft <= 0 ? 0 : Math.min(TIMELINE_WIDTH, Math.ceil(daysLeft / per));
  for (let i = 0; i < TIMELINE_WIDTH; i++) chars.push(i < filled ? "=" : " ");
  const mark = Math.min(TIMELINE_WIDTH - 1, Math.floor(minDays / per));
  chars[mark] = "|";
  const end = daysLeft !== null && daysLeft > span ? ">" : "]";
  return `[${chars.join("")}${end}`;
}

function timelineNote(v: CertificateVerdict): string {
  if (v.daysLeft === null) return "no expiry date";
  if (v.daysLeft < 0) return `expired ${-v.daysLeft} day(s) ago`;
  return `${v.daysLeft} day(s)`;
}

function timeline(certs: CertificateVerdict[], minDays: number, checkedAt: string): string {
  const span = timelineDays(minDays);
  const labels = certs.map((c) => `${c.name} (${c.region})`);
  const width = Math.max(...labels.map((l) => l.length));
  const notes = certs.map(timelineNote);
  const noteWidth = Math.max(...notes.map((n) => n.length));
  const lines = certs.map((c, i) =>
    `${labels[i].padEnd(width)}  ${timelineBar(c.daysLeft, minDays, span)}  ${notes[i].padEnd(noteWidth)}  ${c.verdict}`.trimEnd(),
  );
  const per = span / TIMELINE_WIDTH;
  return (
    `### Expiry timeline: the next ${span} days\n\n` +
    `From ${checkedAt.slice(0, 10)}; one character is ${Number.isInteger(per) ? per : per.toFixed(1)} day(s), ` +
    `\`|\` marks the minimum of ${minDays} day(s), \`>\` valid beyond ${span} days.\n\n` +
    "```text\n" +
    lines.join("\n") +
    "\n```\n"
  );
}

function renewalSection(certs: CertificateVerdict[], allowed: boolean): string {
  const stuck = certs.filter((c) => c.renewalStuck);
  if (stuck.length === 0) return "";
  const parts = stuck.map((c) => {
    const status = c.renewalStatus ?? "no status";
    const reason = c.renewalStatusReason ? `: ${c.renewalStatusReason}` : "";
    const head = `**${cell(c.name)}** (${cell(c.domainName)}, ${c.region}): renewal ${cell(status)}${cell(reason)}.`;
    if (c.renewalRecords.length === 0)
      return `${head} Lightsail reports no DNS record for it: check it in the Lightsail console.\n`;
    return (
      `${head} Create (or re-create) these DNS records:\n\n` +
      table(
        ["Domain", "Type", "Name", "Value", "Validation"],
        ["left", "left", "left", "left", "left"],
        c.renewalRecords.map((r) => [
          cell(r.domainName),
          cell(r.type),
          code(r.name),
          code(r.value),
          cell(r.validationStatus ?? "-"),
        ]),
      )
    );
  });
  const note = allowed ? " They do not fail the check (`--allow-stuck-renewals`)." : "";
  return `### Stuck renewals\n\n${stuck.length} certificate(s) whose renewal is stuck.${note}\n\n${parts.join("\n")}`;
}

function certificateRows(certs: CertificateVerdict[], accounts: boolean): string {
  const account = (c: CertificateVerdict) => (accounts ? [c.account ?? "-"] : []);
  return table(
    [
      ...(accounts ? ["Account"] : []),
      "Certificate",
      "Domain",
      "Region",
      "Status",
      "Not after",
      "Days left",
      "Renewal",
      "Verdict",
    ],
    [
      ...(accounts ? (["left"] as const) : []),
      "left",
      "left",
      "left",
      "left",
      "left",
      "right",
      "left",
      "left",
    ],
    certs.map((c) => [
      ...account(c),
      cell(c.name),
      cell(c.domainName),
      c.region,
      cell(c.status),
      formatInstant(c.notAfter),
      c.daysLeft === null ? "-" : String(c.daysLeft),
      cell(c.renewalStatus ?? "-"),
      verdictCell(c),
    ]),
  );
}

function domainRows(domains: DomainVerdict[]): string {
  const sorted = [...domains].sort((a, b) =>
    compareByDaysLeft(
      { daysLeft: a.certificate?.daysLeft ?? null, name: a.domain, region: "" },
      { daysLeft: b.certificate?.daysLeft ?? null, name: b.domain, region: "" },
    ),
  );
  return table(
    ["Domain", "Certificate", "Region", "Status", "Not after", "Days left", "Renewal", "Verdict"],
    ["left", "left", "left", "left", "left", "right", "left", "left"],
    sorted.map((d) => [
      cell(d.domain),
      cell(d.certificate?.name ?? "-"),
      d.certificate?.region ?? "-",
      cell(d.certificate?.status ?? "-"),
      formatInstant(d.certificate?.notAfter),
      d.certificate?.daysLeft === null || d.certificate?.daysLeft === undefined
        ? "-"
        : String(d.certificate.daysLeft),
      cell(d.certificate?.renewalStatus ?? "-"),
      verdictCell(d),
    ]),
  );
}

/** The Markdown report of `check`. */
export function renderCheckMarkdown(report: CheckReport): string {
  const many = isMultiAccount(report);
  const notRead = new Set(report.errors.map((e) => e.region));
  const read = report.regions.filter((r) => !notRead.has(r));
  const outcome = report.passed ? "PASS" : report.errors.length > 0 ? "INCOMPLETE" : "FAIL";
  const rule =
    `ISSUED, at least ${report.minDays} day(s) left` +
    (report.allowStuckRenewals ? ", stuck renewals allowed" : ", no stuck renewal");
  const what = report.mode === "domains" ? "domain(s)" : "certificate(s)";
  const where = many ? accountsWhere(report) : read.length > 0 ? read.join(", ") : "no region read";
  const out: string[] = [
    `## Lightsail certificates: ${outcome}\n`,
    `${report.summary.failed} of ${report.summary.total} ${what} fail in ${where} (${rule}). ` +
      `Checked ${formatInstant(report.checkedAt)}.\n`,
  ];
  const certs = [...report.certificates].sort(compareByDaysLeft);
  if (report.mode === "domains") out.push(domainRows(report.domains));
  else if (certs.length > 0) out.push(certificateRows(certs, many));
  else out.push("No certificates: nothing to check.\n");
  if (certs.length > 0) out.push(timeline(certs, report.minDays, report.checkedAt));
  const renewals = renewalSection(certs, report.allowStuckRenewals);
  if (renewals) out.push(renewals);
  if (many) out.push(accountsSection(report));
  if (many && report.errors.length > 0) out.push(notReadSection(report));
  else if (report.errors.length > 0)
    out.push(
      `### Regions not read\n\n${report.errors.length} of ${report.regions.length} region(s) could not be read, so the ` +
        "check is incomplete (exit status 2):\n\n" +
        report.errors.map((e) => `- **${e.region}**: ${cell(e.message)}`).join("\n") +
        "\n",
    );
  return out.join("\n");
}
