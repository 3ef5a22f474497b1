/**
 * One pass of a mutation body over one object, in the API server's order
 * (k8s.io/apiserver pkg/admission/plugin/policy/mutating/dispatcher.go): matchConditions (a false one
 * skips; errors follow failurePolicy), then each mutation in turn on the object the previous one
 * produced, with `object` and the lazily evaluated variables seen afresh by every mutation.
 */
import type { CelIssueCode } from '../cel/index.js';
import type { JsonObject } from '../policy-types.js';
import { applyConfiguration } from './apply-configuration.js';
import { applyJsonPatchMutation } from './json-patch.js';
import { resolveOptionalFields } from './message-syntax.js';
import { createVariableScope, evaluateBody, type CostBudget } from './reuse.js';
import type { CompiledMutatingBody } from './types.js';

export type MutationOutcome =
  | { kind: 'skip'; message: string }
  | { kind: 'applied'; object: JsonObject }
  | { kind: 'error'; code: CelIssueCode | 'MUTATION_FAILED'; message: string; index?: number };

/**
 * Kyverno's MutatingPolicy lets matchConditions read variables (mpol/compiler/policy.go: "variables
 * are lazily bound and remain visible to trigger match conditions"); a false condition skips, errors
 * are collected and follow failurePolicy, as in the API server's matcher.
 */
function matchWithVariables(compiled: CompiledMutatingBody, base: Record<string, unknown>, budget: CostBudget): { kind: 'pass' } | MutationOutcome {
  const scope = createVariableScope(compiled.body.variables, base, budget);
  const errors: string[] = [];
  let code: CelIssueCode = 'CEL_EVAL';
  for (const { name, expr } of compiled.body.matchConditions) {
    const result = scope.run(expr);
    if (!result.ok || typeof result.value !== 'boolean') {
      errors.push(`matchCondition '${name}': ${result.ok ? 'must evaluate to bool' : result.message}`);
      if (!result.ok && result.code === 'CEL_COST_EXCEEDED') code = result.code;
    } else if (!result.value) return { kind: 'skip', message: `match condition '${name}' not met` };
  }
  if (errors.length === 0) return { kind: 'pass' };
  if (compiled.body.failurePolicy === 'Ignore') return { kind: 'skip', message: `match conditions errored, ignored: ${errors.join('; ')}` };
  return { kind: 'error', code, message: errors.join('; ') };
}

export function evaluateMutatingBody(
  compiled: CompiledMutatingBody,
  object: JsonObject,
  activation: Record<string, unknown>,
  budget: CostBudget,
): MutationOutcome {
  const matched = compiled.body.dialect === 'kyverno'
    ? matchWithVariables(compiled, { ...activation, object }, budget)
    : evaluateBody(compiled.body, { ...activation, object }, budget); // no validations: exactly the matchConditions
  if (matched.kind === 'skip') return { kind: 'skip', message: matched.message };
  if (matched.kind === 'error') return { kind: 'error', code: matched.code, message: matched.message };
  let current = object;
  for (const [index, mutation] of compiled.mutations.entries()) {
    const base = { ...activation, object: current };
    const scope = createVariableScope(compiled.body.variables, base, budget);
    const result = scope.run(mutation.expr);
    if (!result.ok) return { kind: 'error', code: result.code, message: `mutation ${index}: ${result.message}`, index };
    const value = resolveOptionalFields(result.value);
    const applied = mutation.patchType === 'ApplyConfiguration' ? applyConfiguration(current, value) : applyJsonPatchMutation(current, value);
    if (!applied.ok) return { kind: 'error', code: 'MUTATION_FAILED', message: `mutation ${index}: ${applied.message}`, index };
    current = applied.doc;
  }
  return { kind: 'applied', object: current };
}
