/**
 * Values unknown at preview: the sentinels the Pulumi engine (and @pulumi/policy) send in their
 * place. Pure. The dynamic providers leave a search unresolved while it holds one; the policy
 * pack decides only from known values.
 */

/** The sentinel the engine sends for any value unknown at preview (the string one). */
export const UNKNOWN_VALUE = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** Every sentinel, one per type, as the engine and @pulumi/policy use them. */
export const UNKNOWN_SENTINELS: ReadonlySet<string> = new Set([
  "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7", // boolean
  "3eeb2bf0-c639-47a8-9e75-3b44932eb421", // number
  UNKNOWN_VALUE, // string (the engine sends this one for any type)
  "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2", // array
  "030794c1-ac77-496b-92df-f27374a8bd58", // asset
  "e48ece36-62e2-4504-bad9-02848725956a", // archive
  "dd056dcd-154b-4c76-9bd3-c8f88648b5ff", // object
]);

/** Whether `value` is unknown at preview. */
export function isUnknown(value: unknown): boolean {
  return typeof value === "string" && UNKNOWN_SENTINELS.has(value);
}

/** Whether `value` is, or contains, a value unknown at preview (nested at most 32 levels deep). */
export function containsUnknown(value: unknown, depth = 0): boolean {
  if (isUnknown(value)) return true;
  if (depth > 32 || value === null || typeof value !== "object") return false;
  return Object.values(value as Record<string, unknown>).some((v) => containsUnknown(v, depth + 1));
}
