/** Edit distance between short strings: the "closest" in not-found messages and "did you mean" suggestions. */

/** Edit distance (Levenshtein), bounded to keep it cheap on long strings. */
export function editDistance(a: string, b: string): number {
  a = a.slice(0, 128);
  b = b.slice(0, 128);
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}
