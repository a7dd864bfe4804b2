/**
 * Regenerates the tables of RELIABILITY.md from the rows the hardening suites recorded under
 * `.tmp/hardening/` (git-ignored). Run the suites first:
 *
 *   npx mocha 'tests/hardening/*.test.ts'
 *   npx ts-node --transpile-only tests/hardening/render-reliability.ts
 *
 * A table no suite recorded rows for is left as it is; a case without a row shows "not run".
 * `--check` writes nothing and exits 1 when the document would change.
 */
import * as fs from "node:fs";
import {
  readRowsFiles,
  RELIABILITY_MD,
  renderTable,
  replaceSection,
  type ObservedRow,
  type RowsFile,
} from "../helpers/hardening-report";
import { TABLES } from "../helpers/hardening-tables";

/** A one-line summary above a table: counts, total time and when the rows were recorded. */
function summary(name: string, files: RowsFile[], rows: ObservedRow[], cases: readonly string[]): string {
  const ran = rows.filter((r) => cases.includes(r.case));
  const total = ran.reduce((sum, r) => sum + r.ms, 0);
  const at = files
    .map((f) => f.recordedAt)
    .sort()
    .at(-1);
  let counts = `${ran.length} of ${cases.length} cases`;
  if (name === "bad-inputs") {
    const probes = ran.reduce((n, r) => n + r.cells.slice(0, -1).filter((c) => c !== "—").length, 0);
    counts += `, ${probes} inputs tried (one per filled cell)`;
  } else if (name === "fuzz") {
    counts += `, ${ran.reduce((n, r) => n + Number(r.cells[0]), 0)} runs`;
  }
  return `_${counts}; ${(total / 1000).toFixed(1)} s in all; recorded ${at?.slice(0, 16).replace("T", " ")} UTC._`;
}

/** The document with every table that has recorded rows regenerated. */
export function renderReliability(doc: string): string {
  const byTable = readRowsFiles();
  for (const table of TABLES) {
    const files = byTable.get(table.name);
    if (!files || files.length === 0) continue;
    const rows = files.flatMap((f) => f.rows);
    const body = `${summary(table.name, files, rows, table.cases)}\n\n${renderTable(files[0].columns, rows, table.cases)}`;
    doc = replaceSection(doc, table.name, body);
  }
  return doc;
}

function main(): void {
  const before = fs.readFileSync(RELIABILITY_MD, "utf8");
  const after = renderReliability(before);
  if (process.argv.includes("--check")) {
    if (after !== before) {
      process.stderr.write(
        "RELIABILITY.md is not what the recorded rows give: run this script without --check\n",
      );
      process.exitCode = 1;
    }
  } else if (after !== before) {
    fs.writeFileSync(RELIABILITY_MD, after);
    process.stdout.write(`RELIABILITY.md: tables regenerated from .tmp/hardening/\n`);
  } else {
    process.stdout.write("RELIABILITY.md: already up to date\n");
  }
}

if (require.main === module) main();
