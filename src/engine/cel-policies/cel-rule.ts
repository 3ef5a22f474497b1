/**
 * ClusterPolicy / Policy rules with `validate.cel` (kyverno.io/v1), evaluated as Kyverno's
 * validate_cel handler does (pkg/engine/handlers/validation/validate_cel.go): celPreconditions are
 * match conditions (false -> skip), expressions are validations whose empty message falls back to
 * `validate.message`, params come from paramKind/paramRef, and auditAnnotations are compiled but do
 * not change results. The rule's match/exclude and kyverno.io PolicyExceptions are the caller's.
 */
import { joinPointer } from '../json-pointer.js';
import type { Rule } from '../policy-types.js';
import type { AdmissionInput } from '../request.js';
import type { Issue } from '../result.js';
import { buildActivation } from './activation.js';
import { convertedActivation } from './activation-cache.js';
import { requestAttributes } from './attributes.js';
import { createCostBudget } from './budget.js';
import { KUBERNETES_VARIABLES, createIssueSink } from './compile-expr.js';
import { compileValidations, compileVariables, namedList } from './compile-body.js';
import type { CelPolicyContext } from './context.js';
import { evaluateBody } from './evaluate-body.js';
import { resolveParams } from './params.js';
import type { CelRuleResult, CompiledCelBody, ParamKind, ParamRef } from './types.js';

export interface CompiledCelRule {
  name: string;
  body: CompiledCelBody;
  paramKind?: ParamKind;
  paramRef?: ParamRef;
}

export type CompileCelRuleResult = { ok: true; rule: CompiledCelRule } | { ok: false; issues: Issue[] };

export function compileCelRule(rule: Rule, pointer: string): CompileCelRuleResult {
  const cel = rule.validate?.cel;
  const celPointer = joinPointer(pointer, 'validate', 'cel');
  if (!cel) return { ok: false, issues: [{ code: 'CEL_POLICY_INVALID', message: 'rule has no validate.cel', path: celPointer, severity: 'error' }] };
  const sink = createIssueSink(KUBERNETES_VARIABLES);
  const fallback = rule.validate?.message;
  const expressions = (cel.expressions ?? []).map((e) => (e.message || fallback === undefined ? e : { ...e, message: fallback }));
  if (expressions.length === 0) sink.issues.push({ code: 'CEL_POLICY_INVALID', message: 'validate.cel.expressions is required', path: joinPointer(celPointer, 'expressions'), severity: 'error' });
  const body: CompiledCelBody = {
    matchConditions: namedList(rule.celPreconditions, joinPointer(pointer, 'celPreconditions'), sink, 'name', 'expression').map(({ key, expr }) => ({ name: key, expr })),
    variables: compileVariables(cel.variables, joinPointer(celPointer, 'variables'), sink),
    validations: compileValidations(expressions, joinPointer(celPointer, 'expressions'), sink),
    auditAnnotations: [],
    failurePolicy: 'Fail',
    dialect: 'kubernetes',
  };
  // Compiled so broken ones are reported; results do not carry audit annotations.
  namedList(cel.auditAnnotations, joinPointer(celPointer, 'auditAnnotations'), sink, 'key', 'valueExpression');
  if (sink.issues.length > 0) return { ok: false, issues: sink.issues };
  return {
    ok: true,
    rule: {
      name: rule.name,
      body,
      ...(cel.paramKind !== undefined && { paramKind: cel.paramKind }),
      ...(cel.paramRef !== undefined && { paramRef: cel.paramRef as ParamRef }),
    },
  };
}

export function evaluateCelRule(rule: CompiledCelRule, input: AdmissionInput, ctx: CelPolicyContext & { policy: string }): CelRuleResult {
  const attrs = requestAttributes(input);
  const budget = ctx.budget ?? createCostBudget();
  const params = resolveParams(rule.paramKind, rule.paramRef, attrs.namespace, ctx, 'Allow');
  if (params.kind === 'error') return resultOf(ctx, rule, 'error', `error in parameterized resource: ${params.message}`, params.reason);
  const list = params.kind === 'allow' ? [] : params.params;
  for (const param of list) {
    // Without params every rule of the request shares one converted activation.
    const outcome = param === null
      ? evaluateBody(rule.body, convertedActivation(input, attrs, { namespaceObject: ctx.namespaceObject, authorizer: ctx.authorizer }), budget, { converted: true })
      : evaluateBody(rule.body, buildActivation(input, attrs, { ...ctx, params: param }), budget);
    if (outcome.kind === 'skip') return resultOf(ctx, rule, 'skip', 'cel preconditions not met', 'PRECONDITIONS_NOT_MET');
    if (outcome.kind === 'fail') {
      const r = resultOf(ctx, rule, 'fail', outcome.message);
      r.path = '';
      r.validationIndex = outcome.index;
      return r;
    }
    // failurePolicy is unset for validate.cel, so the apiserver validator turns errors into denials,
    // which Kyverno reports as fail; `reason` keeps the error code.
    if (outcome.kind === 'error') {
      const r = resultOf(ctx, rule, 'fail', outcome.message, outcome.code);
      if (outcome.index !== undefined) r.validationIndex = outcome.index;
      return r;
    }
  }
  return resultOf(ctx, rule, 'pass', `Validation rule '${rule.name}' passed.`);
}

/** Built field by field rather than spread from a common base: this runs for every rule of every request. */
function resultOf(ctx: { policy: string }, rule: CompiledCelRule, status: CelRuleResult['status'], message: string, reason?: string): CelRuleResult {
  const r = { policy: ctx.policy, rule: rule.name, ruleType: 'validation' } as CelRuleResult;
  r.status = status;
  r.message = message;
  if (reason !== undefined) r.reason = reason;
  return r;
}
