/**
 * The observed rows of the hardening suites and the tables of RELIABILITY.md made from them.
 *
 * Each suite records one row per case it defines (case, cells, time taken) and writes them to
 * `.tmp/hardening/<file>.json` (git-ignored) when it ends; `tests/hardening/render-reliability.ts`
 * turns those files into the tables between the `<!-- table:NAME -->` markers of RELIABILITY.md,
 * and `tests/hardening/reliability-doc.test.ts` fails when the rows there are not the cases the
 * suites define. Credential needles and the leak search live here too, shared by the suites.
 */
import * as fs from "node:fs";
import * as path from "node:path";

export const REPO_ROOT = path.resolve(__dirname, "..", "..");
/** Where the suites write their rows. */
const ROWS_DIR = path.join(REPO_ROOT, ".tmp", "hardening");
/** The document whose tables are generated. */
export const RELIABILITY_MD = path.join(REPO_ROOT, "RELIABILITY.md");

/** The tables of RELIABILITY.md, in document order. */
export type TableName = "bad-inputs" | "faults" | "fuzz" | "hygiene";

/** One observed row: the case, its cells (the table's middle columns) and the time it took. */
export interface ObservedRow {
  case: string;
  cells: string[];
  ms: number;
}

/** What a suite writes: rows of one table. */
export interface RowsFile {
  table: TableName;
  /** Headers of the middle columns (between "Case" and "Time"). */
  columns: string[];
  /** When the suite ran (ISO-8601). */
  recordedAt: string;
  rows: ObservedRow[];
}

/** Collects the rows of one suite and writes them when it ends. */
export class RowRecorder {
  private readonly rows = new Map<string, ObservedRow>();

  /**
   * @param table the table the rows belong to.
   * @param file the file name under {@link ROWS_DIR} (one per suite; several suites may feed one table).
   * @param columns headers of the middle columns.
   */
  constructor(
    readonly table: TableName,
    readonly file: string,
    readonly columns: string[],
  ) {}

  /** Records (or replaces) the row of `caseName`. */
  add(caseName: string, cells: string[], ms: number): void {
    if (cells.length !== this.columns.length)
      throw new Error(
        `row "${caseName}" has ${cells.length} cells; ${this.table} has ${this.columns.length}`,
      );
    this.rows.set(caseName, { case: caseName, cells, ms: Math.round(ms) });
  }

  /** Number of rows recorded. */
  get size(): number {
    return this.rows.size;
  }

  /**
   * Writes the rows recorded so far (nothing when none was), keeping the rows an earlier run of
   * the same suite recorded for cases this run did not (e.g. under `mocha -g`).
   */
  write(): void {
    if (this.rows.size === 0) return;
    fs.mkdirSync(ROWS_DIR, { recursive: true });
    const file = path.join(ROWS_DIR, `${this.file}.json`);
    const merged = new Map<string, ObservedRow>();
    try {
      const earlier = JSON.parse(fs.readFileSync(file, "utf8")) as RowsFile;
      if (earlier.table === this.table && earlier.columns.join("\n") === this.columns.join("\n"))
        for (const row of earlier.rows) merged.set(row.case, row);
    } catch {
      // no earlier run
    }
    for (const row of this.rows.values()) merged.set(row.case, row);
    const doc: RowsFile = {
      table: this.table,
      columns: this.columns,
      recordedAt: new Date().toISOString(),
      rows: [...merged.values()],
    };
    fs.writeFileSync(file, `${JSON.stringify(doc, null, 2)}\n`);
  }
}

/** Reads every rows file, grouped by table. */
export function readRowsFiles(dir: string = ROWS_DIR): Map<TableName, RowsFile[]> {
  const byTable = new Map<TableName, RowsFile[]>();
  if (!fs.existsSync(dir)) return byTable;
  for (const file of fs.readdirSync(dir).sort()) {
    if (!file.endsWith(".json")) continue;
    const doc = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as RowsFile;
    byTable.set(doc.table, [...(byTable.get(doc.table) ?? []), doc]);
  }
  return byTable;
}

/** A time for a table cell: `<1 ms`, `340 ms`, `2.4 s`. */
export function formatMs(ms: number): string {
  if (ms < 1) return "<1 ms";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

/** Makes text safe inside a Markdown table cell. */
function cellText(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\s+/g, " ").trim();
}

/**
 * A Markdown table: `| Case | ...columns | Time |`, one line per case in `order`. Cases without
 * an observed row get "not run" cells, so the table always lists exactly the defined cases.
 */
export function renderTable(columns: string[], rows: ObservedRow[], order: readonly string[]): string {
  const byCase = new Map(rows.map((r) => [r.case, r]));
  const lines = [
    `| Case | ${columns.map(cellText).join(" | ")} | Time |`,
    `|${["---", ...columns.map(() => "---"), "---:"].join("|")}|`,
  ];
  for (const name of order) {
    const row = byCase.get(name);
    const cells = row ? row.cells : columns.map(() => "not run");
    lines.push(
      `| ${cellText(name)} | ${cells.map(cellText).join(" | ")} | ${row ? formatMs(row.ms) : "-"} |`,
    );
  }
  return lines.join("\n");
}

const MARKER = /<!-- table:([a-z-]+) -->\n([\s\S]*?)<!-- \/table:\1 -->/g;

/** The generated sections of a document: table name -> its text between the markers. */
export function tableSections(doc: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of doc.matchAll(MARKER)) out.set(m[1], m[2]);
  return out;
}

/** Replaces the text between the markers of `table` (which must exist) with `body`. */
export function replaceSection(doc: string, table: TableName, body: string): string {
  let found = false;
  const next = doc.replace(MARKER, (whole, name: string) => {
    if (name !== table) return whole;
    found = true;
    return `<!-- table:${name} -->\n${body.trimEnd()}\n<!-- /table:${name} -->`;
  });
  if (!found) throw new Error(`RELIABILITY.md has no <!-- table:${table} --> section`);
  return next;
}

/** The case names (first column) of the Markdown table rows in a section, in order. */
export function caseNamesInSection(section: string): string[] {
  return section
    .split("\n")
    .filter((line) => line.startsWith("|") && !/^\|[\s:|-]+\|$/.test(line)) // rows, not the separator
    .slice(1) // the header row
    .map((line) =>
      line
        .slice(2)
        .split(/ (?<!\\)\| /)[0]
        .replace(/\\\|/g, "|")
        .trim(),
    );
}

/** A value that must never appear in an output, with a label for the failure message. */
export interface Needle {
  label: string;
  value: string | RegExp;
}

/**
 * The needles for one emulator: both test credentials, the endpoint URL and its host:port forms.
 * `port` alone is matched as a whole word only where the caller asks (it is just a number).
 */
export function credentialNeedles(
  credentials: { accessKeyId: string; secretAccessKey: string },
  url: string,
  options: { barePort?: boolean } = {},
): Needle[] {
  const port = new URL(url).port;
  const needles: Needle[] = [
    { label: "access key id", value: credentials.accessKeyId },
    { label: "secret access key", value: credentials.secretAccessKey },
    { label: "endpoint URL", value: url },
    { label: "endpoint host:port", value: `127.0.0.1:${port}` },
    { label: "endpoint localhost:port", value: `localhost:${port}` },
  ];
  if (options.barePort) needles.push({ label: "endpoint port", value: new RegExp(`\\b${port}\\b`) });
  return needles;
}

/** Every needle found in `text`, with a little context for the failure message. */
export function findLeaks(text: string, needles: readonly Needle[]): string[] {
  const hits: string[] = [];
  for (const needle of needles) {
    const index = typeof needle.value === "string" ? text.indexOf(needle.value) : text.search(needle.value);
    if (index >= 0) {
      const around = text.slice(Math.max(0, index - 60), index + 60).replace(/\s+/g, " ");
      hits.push(`${needle.label} at offset ${index}: ...${around}...`);
    }
  }
  return hits;
}
