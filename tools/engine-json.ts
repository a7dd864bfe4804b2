/**
 * What the Pulumi CLI prints that the end-to-end tests read: `pulumi preview --json` steps and
 * `pulumi stack export`, typed as far as the tests need them, and how an update's changed inputs
 * are read from a step. Pure.
 */

/** One step of `pulumi preview --json`. */
export interface PreviewStep {
  op: string;
  urn: string;
  provider?: string;
  oldState?: StepState;
  newState?: StepState;
  detailedDiff?: Record<string, { kind: string; inputDiff?: boolean }> | null;
  diffReasons?: string[] | null;
  replaceReasons?: string[] | null;
}

export interface StepState {
  urn: string;
  type: string;
  id?: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
}

/** The parts of `pulumi preview --json` output the tests read. */
export interface PreviewJson {
  steps: PreviewStep[];
  changeSummary: Record<string, number>;
  config?: Record<string, string>;
  diagnostics?: Array<{ urn?: string; message: string; severity: string }>;
}

/** The parts of `pulumi stack export` output the tests read. */
export interface StateExport {
  version: number;
  deployment: {
    resources?: Array<{
      urn: string;
      type: string;
      id?: string;
      custom?: boolean;
      inputs?: Record<string, unknown>;
      outputs?: Record<string, unknown>;
    }>;
    /** Operations an interrupted update left unfinished (`creating`, `updating`, ...). */
    pending_operations?: Array<{ type: string; resource: { urn: string } }>;
  };
}

/**
 * Names of the inputs that differ between a step's old and new state (the dynamic-provider host
 * reports no detailedDiff, so this compares inputs; `__provider` is left out).
 */
export function changedInputs(step: PreviewStep): string[] {
  if (step.detailedDiff && Object.keys(step.detailedDiff).length > 0)
    return Object.keys(step.detailedDiff).sort();
  if (step.diffReasons && step.diffReasons.length > 0) return [...step.diffReasons].sort();
  const olds = step.oldState?.inputs ?? {};
  const news = step.newState?.inputs ?? {};
  return [...new Set([...Object.keys(olds), ...Object.keys(news)])]
    .filter((k) => k !== "__provider" && JSON.stringify(olds[k]) !== JSON.stringify(news[k]))
    .sort();
}
