/**
 * Kyverno mutate rules: patchStrategicMerge with mutate anchors, patchesJson6902, foreach, and the
 * cascade over policies. https://kyverno.io/docs/writing-policies/mutate/ — the module's only entry.
 */
export { mutateResource, mutateOnce, type PatchBlock } from './mutate-rule.js';
export { mutateForEach, type ForEachMutation } from './foreach.js';
export { mutatePolicies, isMutateExisting, type MutatePoliciesOptions, type MutatePoliciesResult } from './mutate-policies.js';
export { applyStrategicMergePatch, applyJson6902 } from './apply-patches.js';
export { mutateExisting, type TargetSpec, type TargetResult } from './targets.js';
export { preprocessPattern, ConditionError } from './preprocess.js';
export { mutatedMessage } from './messages.js';
export type { MutateOutcome, MutateReason } from './outcome.js';
export type { MutateScope } from './scope.js';
