/**
 * Values unknown at preview, read without tripping @pulumi/policy's unknown-checking proxy.
 *
 * @pulumi/policy hands a resource policy its inputs wrapped in a proxy that throws
 * `UnknownValueError` on reading a value unknown at preview, and the pack's server then turns
 * the whole policy into an advisory "can't run during preview" for that resource. A mandatory
 * policy must instead decide from what is known, so the policies read the plain object behind
 * the proxy and test for the engine's sentinels themselves. Pure.
 */

import { isUnknown } from "../../dist/provider/pack-entry";

export { isUnknown };

/** The key on @pulumi/policy's proxy that returns the object behind it (`getSpecialProxyTarget`). */
const PROXY_TARGET_KEY = "__getSpecialProxyTarget";

/** A plain property bag, as the engine sends one. */
export type PropertyBag = Record<string, unknown>;

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
