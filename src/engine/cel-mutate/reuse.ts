/**
 * The pieces of src/engine/cel-policies this module shares (matching, match conditions, lazy
 * variables, params, activation, cost budget). Several are not exported from cel-policies/index.ts
 * yet, so they are imported here, in one place, until they are (see the module's report).
 */
export { createCostBudget, matchesResources, requestAttributes, canAutogen } from '../cel-policies/index.js';
export type { CostBudget, CelPolicyContext, MatchResourcesSpec, ParamKind, ParamRef, FailurePolicy, RequestAttributes, ResourceRule } from '../cel-policies/index.js';
export { runExpr } from '../cel-policies/budget.js';
export { buildActivation } from '../cel-policies/activation.js';
export { matchOptions } from '../cel-policies/context.js';
export { evaluateBody } from '../cel-policies/evaluate-body.js';
export { createVariableScope } from '../cel-policies/variables.js';
export { resolveParams } from '../cel-policies/params.js';
export { compileVariables, namedList } from '../cel-policies/compile-body.js';
export { KUBERNETES_VARIABLES, KYVERNO_VARIABLES, variableRefs } from '../cel-policies/compile-expr.js';
export type { IssueSink } from '../cel-policies/compile-expr.js';
export { readFailurePolicy } from '../cel-policies/fields.js';
export { kyvernoLibraries, namespaceObjectFrom } from '../cel-policies/host-libraries.js';
export type { CelHostLibraries } from '../cel/index.js';
export type { CompiledExpr, CompiledCelBody } from '../cel-policies/types.js';
