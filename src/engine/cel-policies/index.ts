/**
 * CEL policy kinds: Kyverno ValidatingPolicy / NamespacedValidatingPolicy, Kubernetes
 * ValidatingAdmissionPolicy + Binding, ClusterPolicy `validate.cel`, CEL PolicyExceptions.
 * Compile once (compileCelPolicy, compileBinding, compileCelRule, compileCelException), then evaluate
 * per request (evaluateCelPolicy, evaluateCelRule).
 */
export { compileCelPolicy, isCelPolicyDocument } from './compile-policy.js';
export type { CompileCelPolicyOptions, CompileCelPolicyResult } from './compile-policy.js';
export { evaluateCelPolicy } from './evaluate-policy.js';
export { compileBinding, isBindingDocument, linkBindings } from './binding.js';
export type { CompileBindingResult } from './binding.js';
export { compileCelRule, evaluateCelRule } from './cel-rule.js';
export type { CompiledCelRule, CompileCelRuleResult } from './cel-rule.js';
export { compileCelException, isCelExceptionDocument } from './exceptions.js';
export type { CompileCelExceptionResult } from './exceptions.js';
export { createCostBudget } from './budget.js';
export { createParamLookup } from './param-lookup.js';
export type { CostBudget } from './budget.js';
export type { CelPolicyContext } from './context.js';
export type { CelHostLibraries } from './host-libraries.js';
export { kindToResource, resourceToKind, guessResource } from './resource-kinds.js';
export type { KindInfo } from './resource-kinds.js';
export { matchesResources } from './match-resources.js';
export { requestAttributes } from './attributes.js';
export type { RequestAttributes } from './attributes.js';
export { canAutogen } from './autogen.js';
export type {
  CelPolicyKind,
  CelRuleResult,
  CompiledBinding,
  CompiledCelException,
  CompiledCelPolicy,
  FailurePolicy,
  MatchResourcesSpec,
  ParamKind,
  ParamLookup,
  ParamQuery,
  ParamRef,
  ResourceRule,
  ValidationAction,
} from './types.js';
