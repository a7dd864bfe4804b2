/**
 * The certificates the benchmarks serve: deterministic, ISSUED (so every one matches a default
 * lookup), realistic in size (details, SANs, validation records, tags: about 1.3 KB of JSON each).
 *
 * Loaded by the emulator child process too.
 */
import type { CertificateFixture } from "../emulator";

const { makeCertificate } = require("pulumi-lightsail-certificates/emulator") as typeof import("../emulator");

/** How many certificates each region holds. */
export interface FixtureSpec {
  regions: Array<{ region: string; count: number }>;
}

/** Domain of certificate `i` (the same in every region). */
export function benchDomain(i: number): string {
  return `site-${i}.bench.example`;
}

/** Name of certificate `i` in `region` (names are unique per region). */
export function benchName(region: string, i: number): string {
  return `bench-${region}-${i}`;
}

/** The certificates `spec` describes, in service order. */
export function benchCertificates(spec: FixtureSpec): CertificateFixture[] {
  const out: CertificateFixture[] = [];
  for (const { region, count } of spec.regions) {
    for (let i = 0; i < count; i++) {
      out.push(
        makeCertificate({
          region,
          name: benchName(region, i),
          domainName: benchDomain(i),
          subjectAlternativeNames: [`www.${benchDomain(i)}`],
          tags: [
            { key: "env", value: "bench" },
            { key: "index", value: String(i) },
          ],
        }),
      );
    }
  }
  return out;
}
