/**
 * Case 5, part 1: the serialized dynamic provider (`__provider` of every CertificateLookup):
 * its size, and the time to serialize it once per program, each run in a fresh process
 * (bench/serialize-child.ts) under `pulumi.runtime.setMocks`. A trivial dynamic provider is
 * measured in the same runs: the part of the time that @pulumi/pulumi's closure serializer
 * costs any provider.
 */
import { childScript, lastJsonLine, runNode } from "./child";
import type { SerializeChildResult } from "./serialize-child";
import { interleaved, median } from "./stats";

/** Settings of the serialization part of case 5. */
export interface SerializationGrid {
  runs: number;
}

/** The settings of `npm run bench`. */
export const FULL_SERIALIZATION_GRID: SerializationGrid = { runs: 5 };
/** The settings of `--quick`. */
export const QUICK_SERIALIZATION_GRID: SerializationGrid = { runs: 1 };

/** Result of the serialization part of case 5. */
export interface SerializationResult {
  runs: number;
  /** Size of `__provider`, bytes (the same in every run). */
  bytes: number;
  /** Median time from the first `new CertificateLookup` to its registration, ms. */
  firstMs: number;
  /** Median time for a second lookup in the same program (cached provider text), ms. */
  secondMs: number;
  /** The same two for a trivial dynamic provider, ms. */
  trivialFirstMs: number;
  trivialSecondMs: number;
  /** Size of the trivial provider's text, bytes. */
  trivialBytes: number;
  /** The serialized text. */
  providerText: string;
}

/** Runs the serialization part of case 5. */
export async function runSerializationBench(
  grid: SerializationGrid,
  log: (line: string) => void = () => undefined,
): Promise<SerializationResult> {
  const script = childScript("serialize-child");
  const results: Record<"package" | "trivial", SerializeChildResult[]> = { package: [], trivial: [] };
  for (let run = 0; run < grid.runs; run++) {
    for (const variant of interleaved(["package", "trivial"] as const, run)) {
      results[variant].push(
        lastJsonLine<SerializeChildResult>(`serialize child (${variant})`, await runNode([script, variant])),
      );
    }
  }
  log(`serialization: ${grid.runs} run(s) done`);
  const sizes = new Set(results.package.map((r) => r.bytes));
  if (sizes.size !== 1)
    throw new Error(`the serialized provider differs between runs: ${[...sizes].join(", ")} bytes`);
  return {
    runs: grid.runs,
    bytes: results.package[0].bytes,
    firstMs: median(results.package.map((r) => r.firstMs)),
    secondMs: median(results.package.map((r) => r.secondMs)),
    trivialFirstMs: median(results.trivial.map((r) => r.firstMs)),
    trivialSecondMs: median(results.trivial.map((r) => r.secondMs)),
    trivialBytes: results.trivial[0].bytes,
    providerText: results.package[0].providerText,
  };
}
