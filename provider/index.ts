/**
 * `pulumi-lightsail-certificates/provider`: the entry point that the provider text stored in every
 * stack's state calls, **state contract version 1** (docs/state-contract.md), and nothing else.
 *
 * Each `CertificateLookup` stores a serialized provider whose seven methods do nothing but
 * `require("pulumi-lightsail-certificates/provider").<method>(...)` with the arguments the Pulumi
 * dynamic-provider host gives them. The engine runs the text stored in state for `read` (refresh)
 * and `delete`, and the new program's text for `check`, `diff`, `create` and `update`, so text
 * written by any release since 0.1.0 calls the functions below of whatever version is installed.
 * Therefore, within a major version:
 * - these seven names stay exported with these signatures (`remove` is the `delete` method);
 * - they accept every state an earlier release wrote (0.1.0: `{ query, ...certificate }`; 0.2.0
 *   adds `settings` and secret markers) and never require a field a later release added;
 * - `tests/integration/state-contract.test.ts` runs the text 0.1.0 stored against this version,
 *   and `tests/e2e/upgrade.test.ts` previews, refreshes and destroys a stack 0.1.0 created.
 *
 * The tests' hooks live in `./test-hooks.ts`, the names the policy pack uses in `./pack-entry.ts`.
 */
import type { LookupInputs, LookupOutputs } from "./lookup-state";

/** The version of the contract between stored provider texts and this entry point. */
export const STATE_CONTRACT_VERSION = 1;

/** What a CertificateLookup records: its checked inputs and its outputs. */
export type { LookupInputs, LookupOutputs };

export { check, configure, create, diff, read, remove, update } from "./dynamic";

/*
 * CertificateValidation's methods (since 0.2.0), distinct names so that CertificateLookup's seven
 * stay as they are: `validationRemove` is its `delete` method. Part of the same contract.
 */
export {
  validationCheck,
  validationConfigure,
  validationCreate,
  validationDiff,
  validationRead,
  validationRemove,
  validationUpdate,
} from "./validation-resource";
export type {
  ValidationArgs,
  ValidationInputs,
  ValidationIo,
  ValidationOutputs,
} from "./validation-resource";
