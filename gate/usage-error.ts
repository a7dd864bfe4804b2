/** A command-line mistake: the gate prints its message and exits 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}
