/**
 * Domain names as this package compares them: lower case, without one trailing dot.
 * Pure functions; `normalizeDomain` is idempotent.
 */

/** Lower-cases `domain` and removes one trailing dot. */
export function normalizeDomain(domain: string): string {
  const lower = domain.toLowerCase();
  return lower.endsWith(".") ? lower.slice(0, -1) : lower;
}

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * Returns why `domain` is not a domain name a Lightsail certificate can hold, or undefined when
 * it is one. The text says what to change.
 */
export function describeDomainProblem(domain: string): string | undefined {
  if (domain.length === 0) return "must not be empty";
  if (domain.trim().length === 0) return "must not be blank";
  if (/\s/.test(domain)) return `"${domain}" contains white space; give a bare domain such as example.com`;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(domain))
    return `"${domain}" has a URL scheme; give the bare domain (e.g. "${domain.replace(/^[a-z][a-z0-9+.-]*:\/\//i, "").split(/[/:]/)[0]}")`;
  if (domain.includes("/")) return `"${domain}" contains a path; give the bare domain`;
  if (domain.includes(":")) return `"${domain}" contains a port or is an IPv6 address; give a bare domain`;
  if (domain.startsWith("*"))
    return `"${domain}" is a wildcard; Lightsail certificates do not support wildcard names`;
  if (/[^\x00-\x7f]/.test(domain))
    return `"${domain}" is not ASCII; give its punycode form (e.g. xn--...), as Lightsail stores it`;
  const name = normalizeDomain(domain);
  if (name.length > 253) return `is ${name.length} characters long; a domain name has at most 253`;
  const labels = name.split(".");
  if (labels.length < 2) return `"${domain}" is not a fully qualified domain name (e.g. example.com)`;
  if (/^[0-9]+$/.test(labels[labels.length - 1]))
    return `"${domain}" looks like an IP address; certificates name domains`;
  for (const label of labels) {
    if (!LABEL.test(label))
      return `"${domain}" has an invalid label "${label}" (letters, digits and inner hyphens, 1 to 63 characters)`;
  }
  return undefined;
}

/** Whether a certificate with `primary` and `sans` covers `domain` (all three normalised by the caller). */
export function certificateCovers(primary: string, sans: readonly string[], domain: string): boolean {
  return primary === domain || sans.includes(domain);
}
