/**
 * Counting the calls an emulator answered between two points of a benchmark, from its call log.
 * Loaded by the emulator child process too (no imports).
 */

/** The calls answered since the previous count. */
export interface CallStats {
  /** Requests answered. */
  requests: number;
  /**
   * Sum of their durations as the emulator logged them (arrival to answer, injected latency
   * included), over the records its log still holds (the last 10,000), ms.
   */
  durationMs: number;
}

/** The calls in `calls` (a call log) after sequence number `lastSeq`. */
export function callStats(
  calls: ReadonlyArray<{ seq: number; durationMs: number }>,
  lastSeq: number,
): CallStats {
  // Sequence numbers keep counting past the 10,000 records the log holds.
  const last = calls.length > 0 ? calls[calls.length - 1].seq : lastSeq;
  let durationMs = 0;
  for (const call of calls) if (call.seq > lastSeq) durationMs += call.durationMs;
  return { requests: last - lastSeq, durationMs };
}
