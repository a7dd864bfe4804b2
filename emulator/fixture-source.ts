/**
 * Where the served fixtures come from: a document in memory, or a JSON file that is re-read
 * whenever it changes (checked with one `stat` per request, so an edit is served on the very
 * next request). A file that fails to read or validate keeps the last good document.
 *
 * File times are coarse (a few milliseconds), so two same-size writes in quick succession can
 * leave the same `stat`. As git does for "racily clean" files, a file modified within
 * {@link RACY_WINDOW_MS} of its last read is re-read and compared by content.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { createHash, randomBytes } from "node:crypto";
import type { FixtureDocument } from "./fixtures";
import { validateFixtureDocument } from "./fixture-validation";

const RACY_WINDOW_MS = 2000;

/** The served fixture document and its origin. @internal */
export class FixtureSource {
  private document: FixtureDocument;
  private stamp: string | undefined;
  /** Hash of the text last read (good or bad) and when that read started. */
  private textHash: string | undefined;
  private readAtMs = 0;
  private warnedStamp: string | undefined;
  private refreshing: Promise<FixtureDocument> | undefined;

  private constructor(
    document: FixtureDocument,
    private readonly file: string | undefined,
    private readonly log: (line: string) => void,
  ) {
    this.document = document;
  }

  /** A source serving `document` (copied), validated first. */
  static fromDocument(document: FixtureDocument, log: (line: string) => void): FixtureSource {
    return new FixtureSource(validateFixtureDocument(structuredClone(document)), undefined, log);
  }

  /** A source serving `file`; rejects if it cannot be read or is invalid now. */
  static async fromFile(file: string, log: (line: string) => void): Promise<FixtureSource> {
    const absolute = path.resolve(file);
    const readAtMs = Date.now();
    const stat = await fs.stat(absolute).catch((err: NodeJS.ErrnoException) => {
      throw new Error(`Cannot read Lightsail emulator fixtures ${absolute}: ${err.message}`);
    });
    const text = await fs.readFile(absolute, "utf8");
    const source = new FixtureSource(parseDocument(text, absolute), absolute, log);
    source.stamp = stampOf(stat);
    source.textHash = hashOf(text);
    source.readAtMs = readAtMs;
    return source;
  }

  /** The file the fixtures come from, if any. */
  get fileName(): string | undefined {
    return this.file;
  }

  /** The current document, re-read first if the file changed since it was last read. */
  async current(): Promise<FixtureDocument> {
    if (!this.file) return this.document;
    this.refreshing ??= this.refresh(this.file).finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  /** Replaces the document (validated); when serving a file, rewrites the file too. */
  async replace(document: FixtureDocument): Promise<void> {
    const valid = validateFixtureDocument(structuredClone(document));
    if (this.refreshing) await this.refreshing;
    if (this.file) {
      const tmp = `${this.file}.${randomBytes(4).toString("hex")}.tmp`;
      const text = `${JSON.stringify(valid, null, 2)}\n`;
      await fs.writeFile(tmp, text);
      await fs.rename(tmp, this.file);
      this.stamp = undefined;
      this.textHash = hashOf(text);
    }
    this.document = valid;
  }

  private async refresh(file: string): Promise<FixtureDocument> {
    const readAtMs = Date.now();
    let text: string;
    try {
      const stat = await fs.stat(file);
      const stamp = stampOf(stat);
      const racy = stat.mtimeMs >= this.readAtMs - RACY_WINDOW_MS;
      if (stamp === this.stamp && !racy) return this.document;
      text = await fs.readFile(file, "utf8");
      this.stamp = stamp;
    } catch (err) {
      this.warnOnce(`missing:${(err as Error).message}`, `cannot read ${file}: ${(err as Error).message}`);
      return this.document;
    }
    this.readAtMs = readAtMs;
    const hash = hashOf(text);
    if (hash === this.textHash) return this.document;
    this.textHash = hash;
    try {
      this.document = parseDocument(text, file);
      this.warnedStamp = undefined;
      this.log(`reloaded fixtures from ${file}`);
    } catch (err) {
      this.warnOnce(hash, (err as Error).message);
    }
    return this.document;
  }

  private warnOnce(key: string, message: string): void {
    if (this.warnedStamp === key) return;
    this.warnedStamp = key;
    this.log(`warning: ${message}\n  (still serving the last good fixtures)`);
  }
}

function parseDocument(text: string, file: string): FixtureDocument {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new Error(`Invalid JSON in Lightsail emulator fixtures ${file}: ${(err as Error).message}`);
  }
  return validateFixtureDocument(parsed, file);
}

function hashOf(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

function stampOf(stat: { mtimeMs: number; ctimeMs: number; size: number; ino: number }): string {
  return `${stat.mtimeMs}:${stat.ctimeMs}:${stat.size}:${stat.ino}`;
}
