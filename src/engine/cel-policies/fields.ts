/** Readers for enum fields shared by policies, bindings and rules; bad values become Issues. */
import type { Issue } from '../result.js';
import type { FailurePolicy, ValidationAction } from './types.js';

const ACTIONS = new Set<ValidationAction>(['Deny', 'Warn', 'Audit']);

/** failurePolicy: Fail (default) or Ignore. */
export function readFailurePolicy(value: unknown, path: string, issues: Issue[]): FailurePolicy {
  if (value === undefined || value === null) return 'Fail';
  if (value === 'Fail' || value === 'Ignore') return value;
  issues.push({ code: 'CEL_POLICY_INVALID', message: `failurePolicy must be Fail or Ignore, got ${JSON.stringify(value)}`, path, severity: 'error' });
  return 'Fail';
}

/** validationActions: a set of Deny, Warn, Audit; `fallback` applies when absent or empty. */
export function readValidationActions(value: unknown, path: string, issues: Issue[], fallback: ValidationAction[] | undefined): ValidationAction[] {
  if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) {
    if (fallback) return fallback;
    issues.push({ code: 'CEL_POLICY_INVALID', message: 'validationActions is required', path, severity: 'error' });
    return [];
  }
  if (!Array.isArray(value)) {
    issues.push({ code: 'CEL_POLICY_INVALID', message: 'validationActions must be a list', path, severity: 'error' });
    return fallback ?? [];
  }
  const out: ValidationAction[] = [];
  for (const [i, action] of value.entries()) {
    if (!ACTIONS.has(action as ValidationAction)) {
      issues.push({ code: 'CEL_POLICY_INVALID', message: `unknown validation action ${JSON.stringify(action)}`, path: `${path}/${i}`, severity: 'error' });
    } else if (out.includes(action as ValidationAction)) {
      issues.push({ code: 'CEL_POLICY_INVALID', message: `duplicate validation action ${String(action)}`, path: `${path}/${i}`, severity: 'error' });
    } else out.push(action as ValidationAction);
  }
  return out;
}

/**
 * Bindings may not combine Deny and Warn: a denied request's warnings repeat its message
 * (admissionregistration/validation/validation.go validateValidationActions).
 */
export function checkDenyWithWarn(actions: readonly ValidationAction[], path: string, issues: Issue[]): void {
  if (actions.includes('Deny') && actions.includes('Warn')) {
    issues.push({ code: 'CEL_POLICY_INVALID', message: 'Deny and Warn may not be used together', path, severity: 'error' });
  }
}

/** Kyverno reports a failure as Enforce when it blocks (Deny), else Audit. */
export function actionFor(actions: readonly ValidationAction[]): 'Enforce' | 'Audit' {
  return actions.includes('Deny') ? 'Enforce' : 'Audit';
}
