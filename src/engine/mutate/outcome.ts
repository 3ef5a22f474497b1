import type { JsonObject } from '../policy-types.js';
import type { JsonPatchOp } from '../patch/index.js';

/**
 * What one mutate rule decided. `resource` is the patched resource on pass and the input resource
 * otherwise (never modified in place); `patches` turn the input into `resource` (RFC 6902).
 * Kyverno reports no `fail` for mutate rules; the status exists in the type for the engine's sake.
 */
export interface MutateOutcome {
  status: 'pass' | 'skip' | 'error' | 'fail';
  message: string;
  resource: JsonObject;
  patches: JsonPatchOp[];
  /** Machine-readable cause for skip and error, e.g. PRECONDITIONS_NOT_MET. */
  reason?: MutateReason;
}

/** Stable codes for skip/error outcomes (messages follow Kyverno's wording and may change). */
export type MutateReason =
  | 'PRECONDITIONS_NOT_MET'
  | 'NO_PATCHES_APPLIED'
  | 'CONTEXT_LOAD_FAILED'
  | 'PRECONDITIONS_ERROR'
  | 'VARIABLE_SUBSTITUTION_FAILED'
  | 'PATCH_FAILED'
  | 'FOREACH_LIST_ERROR'
  | 'FOREACH_ERROR'
  | 'TARGET_ERROR'
  | 'INVALID_RULE';

/** Intermediate result of one patch step (before patches are computed for the rule). */
export type Step =
  | { status: 'pass'; resource: JsonObject }
  | { status: 'skip'; message: string; reason: MutateReason }
  | { status: 'error'; message: string; reason: MutateReason };

export const step = {
  pass: (resource: JsonObject): Step => ({ status: 'pass', resource }),
  skip: (message: string, reason: MutateReason): Step => ({ status: 'skip', message, reason }),
  error: (message: string, reason: MutateReason): Step => ({ status: 'error', message, reason }),
};
