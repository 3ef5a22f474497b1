/**
 * CEL mutation kinds: Kyverno MutatingPolicy and Kubernetes MutatingAdmissionPolicy + Binding, with
 * ApplyConfiguration (`Object{...}`) and JSONPatch (`JSONPatch{...}`) mutations. Compile once
 * (compileMutatingPolicy, compileMutatingBinding), then evaluate per request (evaluateMutatingPolicy),
 * or plug into a PolicySet through compileMutatingKinds / createMutatingPolicyHandler.
 */
export { compileMutatingPolicy, isMutatingPolicyDocument } from './compile-policy.js';
export type { CompileMutatingPolicyResult } from './compile-policy.js';
export { compileMutatingBinding, isMutatingBindingDocument, linkMutatingBindings } from './binding.js';
export type { CompileMutatingBindingResult } from './binding.js';
export { evaluateMutatingPolicy } from './evaluate-policy.js';
export type { MutatingPolicyContext } from './evaluate-policy.js';
export { compileMutatingKinds, createMutatingPolicyHandler, isMutatingHandler } from './handler.js';
export type { MutatingHandlerOptions, MutatingPolicyHandler } from './handler.js';
export { applyConfiguration } from './apply-configuration.js';
export { rewriteMessageSyntax } from './message-syntax.js';
export type { MutatingRuleResult } from './results.js';
export type {
  CompiledMutatingBinding,
  CompiledMutatingPolicy,
  CompiledMutation,
  MutateOutcome,
  MutatingPolicyKind,
  PatchType,
} from './types.js';
