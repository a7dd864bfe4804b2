/**
 * The call log: one record per API request (admin requests excluded), bounded, and free of
 * credentials: it holds the parsed body fields, never headers, access keys or signatures.
 */
import type { FaultKind } from "./faults";

/** One API request as the emulator saw and answered it. */
export interface CallRecord {
  /** 1-based sequence number, never reused while the emulator runs. */
  seq: number;
  /** When the request arrived, ISO-8601. */
  time: string;
  /** The operation from `X-Amz-Target`, when it named one. */
  operation?: string;
  /** The region of the credential scope, when the signature was valid. */
  region?: string;
  /** The request's JSON body fields, when it was a JSON object. */
  request?: Record<string, unknown>;
  /** The HTTP status answered (0 if the connection was dropped or left hanging). */
  status: number;
  /** The `__type` of an error answer. */
  errorType?: string;
  /** The fault applied to the call, if any. */
  fault?: FaultKind;
  /** Milliseconds from arrival to the end of the answer. */
  durationMs: number;
}

const MAX_RECORDS = 10_000;
const SENSITIVE_KEY = /secret|password|authorization|signature|credential|session/i;

/** A bounded, in-memory call log. @internal */
export class CallLog {
  private records: CallRecord[] = [];
  private seq = 0;

  /** Appends a record (its `request` is copied without credential-like keys); returns its seq. */
  add(record: Omit<CallRecord, "seq">): number {
    this.seq += 1;
    const entry: CallRecord = { seq: this.seq, ...record };
    if (record.request) entry.request = scrub(record.request);
    this.records.push(entry);
    if (this.records.length > MAX_RECORDS) this.records.splice(0, this.records.length - MAX_RECORDS);
    return this.seq;
  }

  list(): CallRecord[] {
    return structuredClone(this.records);
  }

  clear(): void {
    this.records = [];
  }
}

function scrub(request: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(request)) {
    if (!SENSITIVE_KEY.test(key)) out[key] = structuredClone(value);
  }
  return out;
}
