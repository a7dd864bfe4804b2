/**
 * The tables of RELIABILITY.md: their order, titles and the cases each lists, taken from the
 * definitions the suites run (so that the document and the suites name the same cases).
 */
import { BAD_INPUT_CASES } from "./hardening-inputs";
import { FAULT_CASES } from "./hardening-faults";
import { FUZZ_CASES } from "./hardening-fuzz";
import type { TableName } from "./hardening-report";

/** Rows of the hygiene table, each written by the suite that searched that place. */
export const HYGIENE_CASES = {
  up: "pulumi up: stdout and stderr",
  verbosePreview: "pulumi preview --logflow -v=9 --logtostderr: stdout and stderr",
  refresh: "pulumi refresh: stdout and stderr",
  failingPreview: "failing preview (expired-token fault): stdout and stderr",
  destroy: "pulumi destroy: stdout and stderr",
  state: "stack state after up and after refresh (pulumi stack export --show-secrets)",
  provider: "serialized provider (__provider in state)",
  disk: "PULUMI_HOME and the file backend on disk",
  callLog: "emulator call log",
  badInputs: "bad-input error messages and gate output",
  faults: "fault-matrix errors, stacks, gate output and debug log",
  externalIdFunctions: "external id, functions (aws.Provider assumeRoles): errors, stacks, causes",
  externalIdGate: "external id, gate (--external-id, --accounts): stdout, stderr, JSON and Markdown reports",
  externalIdPack: "external id, policy pack config: violations",
  externalIdLookup: "external id, CertificateLookup under the engine: up and failing preview output, state",
} as const;

/** Every table, in document order, with the case names it must list, in order. */
export const TABLES: ReadonlyArray<{ name: TableName; title: string; cases: readonly string[] }> = [
  { name: "bad-inputs", title: "Bad inputs", cases: BAD_INPUT_CASES.map((c) => c.name) },
  { name: "faults", title: "Faults", cases: FAULT_CASES.map((c) => c.name) },
  { name: "fuzz", title: "Fuzzed responses", cases: FUZZ_CASES.map((c) => c.name) },
  { name: "hygiene", title: "Credential hygiene", cases: Object.values(HYGIENE_CASES) },
];
