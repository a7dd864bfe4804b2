/**
 * The parts of the Markdown report that name accounts (`--role-arn` / `--accounts`): where the
 * certificates were read, the accounts table (per account: regions read of those asked,
 * certificates, failures) and what could not be read. Pure.
 */
import type { CheckReport } from "./report";

/** Whether the report is of several accounts (roles assumed). */
export function isMultiAccount(report: Pick<CheckReport, "accounts">): boolean {
  return report.accounts.some((a) => a.roleArn !== null);
}

function cell(text: string): string {
  return text.replace(/\s+/g, " ").replace(/\|/g, "\\|");
}

/** "55 region(s) of 3 account(s)". */
export function accountsWhere(report: CheckReport): string {
  const c = report.coverage;
  return `${c.regionScans - c.regionScansNotRead} region(s) of ${c.accounts - c.accountsNotAssumed} account(s)`;
}

/** The accounts table. */
export function accountsSection(report: CheckReport): string {
  const rows = report.accounts.map((a) => {
    const read = a.regions.filter((r) => r.read);
    const sum = (f: (r: (typeof read)[number]) => number) => read.reduce((n, r) => n + f(r), 0);
    return [
      a.account ?? "-",
      cell(a.roleArn ?? "-"),
      a.assumed ? `${read.length}/${a.regions.length}` : "**not assumed**",
      String(sum((r) => r.certificates)),
      String(sum((r) => r.failed ?? 0)),
    ];
  });
  const lines = [
    "| Account | Role | Regions read | Certificates | Fail |",
    "| --- | --- | ---: | ---: | ---: |",
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ];
  return `### Accounts\n\n${lines.join("\n")}\n`;
}

/** What could not be read: each role not assumed and each account x region not read. */
export function notReadSection(report: CheckReport): string {
  const c = report.coverage;
  const items = report.errors.map(
    (e) =>
      `- **${[e.account, e.region ?? "(role not assumed)"].filter((p) => p).join(" ")}**: ${cell(e.message)}`,
  );
  return (
    `### Not read\n\n${c.accountsNotAssumed} of ${c.accounts} account(s) could not be assumed and ` +
    `${c.regionScansNotRead} of ${c.regionScans} account x region scan(s) could not be read, so the ` +
    `check is incomplete (exit status 2):\n\n${items.join("\n")}\n`
  );
}
