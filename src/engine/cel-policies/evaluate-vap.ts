/**
 * ValidatingAdmissionPolicy evaluation. With bindings, every binding of the policy whose
 * matchResources match is evaluated on its own, with its params and validationActions (the API
 * server's dispatcher); without any, the policy is evaluated unbound with Deny, as Kyverno's CLI does
 * (pkg/admissionpolicy/validate.go).
 */
import type { AdmissionInput } from '../request.js';
import { buildActivation } from './activation.js';
import type { RequestAttributes } from './attributes.js';
import type { CostBudget } from './budget.js';
import { matchOptions } from './context.js';
import type { CelPolicyContext } from './context.js';
import { evaluateBody } from './evaluate-body.js';
import type { BodyOutcome } from './evaluate-body.js';
import { matchesResources } from './match-resources.js';
import { resolveParams } from './params.js';
import { baseResult, vapResult } from './results.js';
import type { ResultBase } from './results.js';
import type { CelRuleResult, CompiledBinding, CompiledCelPolicy } from './types.js';

export function evaluateVap(
  policy: CompiledCelPolicy,
  input: AdmissionInput,
  attrs: RequestAttributes,
  ctx: CelPolicyContext,
  budget: CostBudget,
): CelRuleResult[] {
  const opts = matchOptions(input, ctx);
  if (!policy.matchConstraints || !matchesResources(policy.matchConstraints, attrs, opts)) return [];
  const bindings = (ctx.bindings ?? []).filter((b) => b.policyName === policy.name);
  if (bindings.length === 0) {
    const base: ResultBase = { policy: policy.name, validationActions: ['Deny'], failurePolicy: policy.failurePolicy };
    const params = policy.paramKind === undefined ? null : (ctx.params ?? null);
    return [vapResult(base, evaluateBody(policy.body, buildActivation(input, attrs, { ...ctx, params }), budget))];
  }
  const results: CelRuleResult[] = [];
  for (const binding of bindings) {
    // An unset binding matchResources selects everything the policy matches.
    if (binding.matchResources && !matchesResources(binding.matchResources, attrs, opts)) continue;
    results.push(evaluateBinding(policy, binding, input, attrs, ctx, budget));
  }
  return results;
}

function evaluateBinding(
  policy: CompiledCelPolicy,
  binding: CompiledBinding,
  input: AdmissionInput,
  attrs: RequestAttributes,
  ctx: CelPolicyContext,
  budget: CostBudget,
): CelRuleResult {
  const base: ResultBase = { policy: policy.name, validationActions: binding.validationActions, failurePolicy: policy.failurePolicy, binding: binding.name };
  const params = resolveParams(policy.paramKind, binding.paramRef, attrs.namespace, ctx, 'Deny');
  if (params.kind === 'allow') return { ...baseResult(base), rule: policy.name, status: 'pass', message: params.message };
  if (params.kind === 'error') return { ...baseResult(base), rule: policy.name, status: 'error', message: params.message, reason: params.reason };
  const outcomes = params.params.map((param) => evaluateBody(policy.body, buildActivation(input, attrs, { ...ctx, params: param }), budget));
  return vapResult(base, combine(outcomes));
}

/** Each param is evaluated separately; the first error or failure decides, then any pass. */
function combine(outcomes: BodyOutcome[]): BodyOutcome {
  return (
    outcomes.find((o) => o.kind === 'error' || o.kind === 'fail') ??
    outcomes.find((o) => o.kind === 'pass') ??
    outcomes[0] ?? { kind: 'skip', message: 'no params' }
  );
}
