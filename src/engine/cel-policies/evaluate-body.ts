/**
 * Evaluates the CEL body every kind shares, in the API server's order
 * (k8s.io/apiserver/pkg/admission/plugin/policy/validating/validator.go):
 * matchConditions (any false -> skip; errors -> failurePolicy), then validations (first error or
 * non-true result decides), then auditAnnotations.
 */
import { toCelActivation, type CelIssueCode } from '../cel/index.js';
import { runExpr } from './budget.js';
import type { CostBudget } from './budget.js';
import { failureMessage } from './messages.js';
import { createVariableScope, withoutVariables } from './variables.js';
import type { CompiledCelBody, CompiledExpr } from './types.js';

export type BodyOutcome =
  | { kind: 'skip'; message: string }
  | { kind: 'pass'; auditAnnotations: Record<string, string> }
  | { kind: 'fail'; message: string; index: number; reason: string; auditAnnotations: Record<string, string> }
  | { kind: 'error'; code: CelIssueCode; message: string; index?: number; stage: 'matchConditions' | 'validations' | 'auditAnnotations' };

export function evaluateBody(
  body: CompiledCelBody,
  activation: Record<string, unknown>,
  budget: CostBudget,
  opts: { converted?: boolean } = {},
): BodyOutcome {
  // Converted once (unless the caller did); every expression of the body then runs on it as is.
  const base = opts.converted === true ? activation : toCelActivation(activation);
  const matched = evaluateMatchConditions(body.matchConditions, body, base, budget);
  if (matched !== true) return matched;
  const scope = createVariableScope(body.variables, base, budget);
  for (const [index, validation] of body.validations.entries()) {
    const result = scope.run(validation.expr);
    if (!result.ok) return { kind: 'error', code: result.code, message: result.message, index, stage: 'validations' };
    if (result.value === true) continue;
    // Kyverno's vpol engine requires a bool (ConvertToNative); the apiserver denies on anything but true.
    if (body.dialect === 'kyverno' && typeof result.value !== 'boolean') {
      return { kind: 'error', code: 'CEL_TYPE', message: `validation must evaluate to bool, got ${typeName(result.value)}`, index, stage: 'validations' };
    }
    const run = scope.run.bind(scope);
    const annotations = evaluateAuditAnnotations(body, run);
    if (annotations.error) return annotations.error;
    const message = failureMessage(validation, index, body.dialect, run);
    return { kind: 'fail', message, index, reason: validation.reason ?? 'Invalid', auditAnnotations: annotations.values };
  }
  if (body.auditAnnotations.length === 0) return { kind: 'pass', auditAnnotations: {} };
  const annotations = evaluateAuditAnnotations(body, scope.run.bind(scope));
  if (annotations.error) return annotations.error;
  return { kind: 'pass', auditAnnotations: annotations.values };
}

/**
 * matchconditions/matcher.go: the first false skips; errors are collected and, with no false,
 * failurePolicy Fail turns them into an error while Ignore skips. Variables are not visible here.
 */
function evaluateMatchConditions(
  conditions: CompiledCelBody['matchConditions'],
  body: CompiledCelBody,
  base: Record<string, unknown>,
  budget: CostBudget,
): true | BodyOutcome {
  if (conditions.length === 0) return true;
  const errors: string[] = [];
  let code: CelIssueCode = 'CEL_EVAL';
  // matchConditions see no variables.
  const activation = withoutVariables(base);
  for (const { name, expr } of conditions) {
    const result = runExpr(expr, activation, budget, { converted: true });
    if (!result.ok) {
      errors.push(`matchCondition '${name}': ${result.message}`);
      if (result.code === 'CEL_COST_EXCEEDED') code = result.code;
      continue;
    }
    if (body.dialect === 'kyverno' && typeof result.value !== 'boolean') {
      errors.push(`matchCondition '${name}': must evaluate to bool, got ${typeName(result.value)}`);
      continue;
    }
    if (result.value !== true) return { kind: 'skip', message: `match condition '${name}' not met` };
  }
  if (errors.length === 0) return true;
  if (body.failurePolicy === 'Ignore') return { kind: 'skip', message: `match conditions errored, ignored: ${errors.join('; ')}` };
  return { kind: 'error', code, message: errors.join('; '), stage: 'matchConditions' };
}

/** Non-empty string values only; null means "no annotation" (auditAnnotations valueExpression). */
function evaluateAuditAnnotations(
  body: CompiledCelBody,
  run: (expr: CompiledExpr) => ReturnType<typeof runExpr>,
): { values: Record<string, string>; error?: Extract<BodyOutcome, { kind: 'error' }> } {
  const values: Record<string, string> = {};
  for (const { key, expr } of body.auditAnnotations) {
    const result = run(expr);
    if (!result.ok) {
      return { values, error: { kind: 'error', code: result.code, message: `auditAnnotation '${key}': ${result.message}`, stage: 'auditAnnotations' } };
    }
    if (typeof result.value === 'string' && result.value !== '') values[key] = result.value;
    else if (result.value !== null && typeof result.value !== 'string') {
      const message = `auditAnnotation '${key}' must evaluate to string or null`;
      return { values, error: { kind: 'error', code: 'CEL_TYPE', message, stage: 'auditAnnotations' } };
    }
  }
  return { values };
}

export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  return typeof value === 'object' ? 'map' : typeof value;
}
