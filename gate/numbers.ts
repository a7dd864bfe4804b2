/**
 * The gate's numeric flags: a negative value after a flag is its value (not an option), and
 * every number is a whole number in its range, with messages worded as lightsail/settings.ts
 * words the settings.
 */
import { LOOKUP_SETTING_RANGES } from "../lightsail/settings";
import { MAX_MIN_DAYS_VALID } from "../lookup/fit-for-use";
import { UsageError } from "./usage-error";
import { MAX_CONCURRENCY, SETTING_FLAGS, type SettingFlag } from "./usage";

/** The range of each numeric flag. */
function rangeOf(flag: string): readonly [number, number] {
  if (flag === "--min-days") return [0, MAX_MIN_DAYS_VALID];
  if (flag === "--concurrency") return [1, MAX_CONCURRENCY];
  return LOOKUP_SETTING_RANGES[SETTING_FLAGS[flag as SettingFlag]];
}

/** Flags that take a number; a value such as `-1` after them is their value, not an option. */
const NUMERIC_FLAGS = ["--min-days", "--concurrency", ...Object.keys(SETTING_FLAGS)];

/** The number `text` spells (digits, optionally signed or with a fraction), else `text` itself. */
export function numberOrText(text: string): number | string {
  return /^\s*-?\d+(\.\d+)?\s*$/.test(text) ? Number(text) : text;
}

/** What is wrong with a whole number `value` of `flag` (`--min-days`, `--concurrency`), or undefined. */
export function wholeNumberProblem(
  flag: "--min-days" | "--concurrency",
  value: number | string,
): string | undefined {
  const [min, max] = rangeOf(flag);
  if (typeof value !== "number" || !Number.isInteger(value))
    return `must be a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`;
  if (value < min || value > max) return `must be from ${min} to ${max}, got ${value}`;
  return undefined;
}

/**
 * Joins `--min-days -1` into `--min-days=-1`, so that node:util's parseArgs takes a negative
 * number as the flag's value (and our range check words the message) instead of refusing it
 * as an option. A numeric flag with no value (last, or before another option) is a usage error
 * of its own. Arguments after `--` are left alone.
 */
export function joinNumericValues(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") return [...out, ...argv.slice(i)];
    if (!NUMERIC_FLAGS.includes(arg)) {
      out.push(arg);
      continue;
    }
    const next = argv[i + 1];
    if (next !== undefined && /^-\d/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else if (next === undefined || next.startsWith("-")) {
      const [min, max] = rangeOf(arg);
      throw new UsageError(`${arg} needs a value: a whole number from ${min} to ${max}`);
    } else out.push(arg);
  }
  return out;
}
