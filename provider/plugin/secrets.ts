/**
 * Secrets as the engine sends and takes them from a provider that accepts secrets: an object
 * `{ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value }`. The plugin
 * reads the plain values and remembers that one was secret, and marks what it returns. Pure.
 */

/** The key of a special value. */
export const SIG_KEY = "4dabf18193072939515e22adb298388d";
/** The signature of a secret. */
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

function isSecretValue(value: unknown): value is { value?: unknown } {
  return (
    typeof value === "object" && value !== null && (value as Record<string, unknown>)[SIG_KEY] === SECRET_SIG
  );
}

/** `value` with every secret replaced by its plain value, and whether any was secret. */
export function revealSecrets(value: unknown, depth = 0): { value: unknown; secret: boolean } {
  if (depth > 64) return { value, secret: false };
  if (isSecretValue(value)) return { value: revealSecrets(value.value, depth + 1).value, secret: true };
  if (Array.isArray(value)) {
    const items = value.map((v) => revealSecrets(v, depth + 1));
    return { value: items.map((i) => i.value), secret: items.some((i) => i.secret) };
  }
  if (typeof value === "object" && value !== null) {
    let secret = false;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const r = revealSecrets(v, depth + 1);
      out[k] = r.value;
      secret ||= r.secret;
    }
    return { value: out, secret };
  }
  return { value, secret: false };
}

/** `value` marked secret (undefined stays undefined: nothing to hide). */
export function secretValue(value: unknown): unknown {
  return value === undefined ? undefined : { [SIG_KEY]: SECRET_SIG, value };
}

/** Whether `value` is a secret as the engine marks one. */
export function isSecret(value: unknown): boolean {
  return isSecretValue(value);
}
