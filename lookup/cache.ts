/**
 * Single flight plus a short-lived cache for Lightsail reads: concurrent and repeated lookups
 * in one process share one paged scan. Failed reads are not kept.
 */

/** Default time a completed scan is reused. */
export const DEFAULT_CACHE_TTL_MS = 30_000;

interface Entry<T> {
  promise: Promise<T>;
  /** Epoch ms after which a settled entry is stale; Infinity while in flight. */
  expiresAt: number;
}

/** A keyed cache of in-flight and recent reads. */
export class ReadCache {
  private readonly entries = new Map<string, Entry<unknown>>();

  /**
   * @param ttlMs how long a completed read is reused.
   * @param nowMs the clock, injectable for tests.
   */
  constructor(
    readonly ttlMs: number = DEFAULT_CACHE_TTL_MS,
    private readonly nowMs: () => number = Date.now,
  ) {}

  /** The live entry for `key` (in flight, or completed within the TTL), if any. */
  peek<T>(key: string): Promise<T> | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.nowMs()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.promise as Promise<T>;
  }

  /** Returns the live read for `key`, or starts `load` and shares it. */
  get<T>(key: string, load: () => Promise<T>): { promise: Promise<T>; shared: boolean } {
    const live = this.peek<T>(key);
    if (live) return { promise: live, shared: true };
    const entry: Entry<T> = { promise: load(), expiresAt: Infinity };
    this.entries.set(key, entry);
    entry.promise.then(
      () => {
        if (this.entries.get(key) === entry) entry.expiresAt = this.nowMs() + this.ttlMs;
      },
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    return { promise: entry.promise, shared: false };
  }

  /** Forgets everything. */
  clear(): void {
    this.entries.clear();
  }

  /** Number of entries held (live or stale). */
  get size(): number {
    return this.entries.size;
  }
}
