/**
 * Values unknown at preview, read without tripping @pulumi/policy's unknown-checking proxy.
 *
 * @pulumi/policy hands a resource policy its inputs wrapped in a proxy that throws
 * `UnknownValueError` on reading a value unknown at preview, and the pack's server then turns
 * the whole policy into an advisory "can't run during preview" for that resource. A mandatory
 * policy must instead decide from what is known, so the policies read the plain object behind
 * the proxy and test for the engine's sentinels themselves. Pure.
 */

/** The sentinels the engine (and @pulumi/policy) use for values unknown at preview. */
export const UNKNOWN_SENTINELS: ReadonlySet<string> = new Set([
  "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7", // boolean
  "3eeb2bf0-c639-47a8-9e75-3b44932eb421", // number
  "04da6b54-80e4-46f7-96ec-b56ff0331ba9", // string (the engine sends this one for any type)
  "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2", // array
  "030794c1-ac77-496b-92df-f27374a8bd58", // asset
  "e48ece36-62e2-4504-bad9-02848725956a", // archive
  "dd056dcd-154b-4c76-9bd3-c8f88648b5ff", // object
]);

/** The key on @pulumi/policy's proxy that returns the object behind it (`getSpecialProxyTarget`). */
const PROXY_TARGET_KEY = "__getSpecialProxyTarget";

/** A plain property bag, as the engine sends one. */
export type PropertyBag = Record<string, unknown>;

/** Whether `value` is unknown at preview. */
export function isUnknown(value: unknown): boolean {
  return typeof value === "string" && UNKNOWN_SENTINELS.has(value);
}

/** Whether `value` is, or contains, a value unknown at preview. */
export function containsUnknown(value: unknown, depth = 0): boolean {
  if (isUnknown(value)) return true;
  if (depth > 32 || value === null || typeof value !== "object") return false;
  return Object.values(value as PropertyBag).some((v) => containsUnknown(v, depth + 1));
}

/**
 * The plain object behind @pulumi/policy's unknown-checking proxy (or `props` itself when it is
 * not one). Reading from the result never throws, unknowns come back as their sentinels.
 */
export function unwrapProps(props: unknown): PropertyBag {
  if (props === null || typeof props !== "object") return {};
  const target = (props as PropertyBag)[PROXY_TARGET_KEY];
  const plain = target !== null && typeof target === "object" ? target : props;
  return plain as PropertyBag;
}

/** A known property value: `undefined` when the value is absent, `unknown` when it is unknown at preview. */
export type Known<T> = { state: "known"; value: T } | { state: "absent" } | { state: "unknown" };

/** Reads `bag[key]` as a non-empty string, telling absent and unknown apart. Other types count as absent. */
export function readString(bag: PropertyBag, key: string): Known<string> {
  const value = bag[key];
  if (isUnknown(value)) return { state: "unknown" };
  if (typeof value !== "string" || value === "") return { state: "absent" };
  return { state: "known", value };
}
