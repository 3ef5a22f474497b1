export type { RuleResult, RuleStatus, RuleType, Issue, SourcePosition } from './result.js';
export { formatIssue } from './result.js';
export type * from './policy-types.js';
export type { AdmissionInput, EngineDeps, ValuesProvider, Operation, GroupVersionKind, RequestUserInfo } from './request.js';
export type { CompiledPolicy, CompiledRule, FailureAction } from './compiled.js';
export { compilePolicy, FIX_ANNOTATION, type CompileResult } from './compile.js';
export { evaluatePolicy, type EvaluateOptions } from './evaluate.js';
export { inputFromResource, gvkOf, type ResourceInputOptions } from './input-from-resource.js';
export {
  buildPolicySet,
  evaluatePolicySet,
  admit,
  admitNow,
  preparePolicySet,
  type AdmissionOutcome,
  type AdmitOptions,
  KYVERNO_CLASSIC_KINDS,
  type PolicySet,
  type PolicyResponse,
  type PolicyKindHandler,
  type HandlerMutation,
  type PolicySetOptions,
  type OtherKindsResult,
} from './policy-set.js';
export type { JsonPatchOp } from './patch/index.js';
export { isPromise, type MaybePromise } from './maybe-promise.js';
