/**
 * Body outcomes to RuleResults, named as Kyverno names them so reports and `kyverno test` files line
 * up: ValidatingPolicy results are rule `validation` (pass/fail/error), `` (match conditions not met)
 * or `exception` (vpol/engine/engine.go handlePolicy); ValidatingAdmissionPolicy results carry the
 * policy name as rule (pkg/admissionpolicy/validate.go).
 */
import type { BodyOutcome } from './evaluate-body.js';
import { actionFor } from './fields.js';
import type { CelRuleResult, FailurePolicy, ValidationAction } from './types.js';

export interface ResultBase {
  policy: string;
  validationActions: ValidationAction[];
  failurePolicy: FailurePolicy;
  binding?: string;
}

export function baseResult(base: ResultBase): Omit<CelRuleResult, 'rule' | 'status' | 'message'> {
  return {
    policy: base.policy,
    ruleType: 'validation',
    action: actionFor(base.validationActions),
    validationActions: base.validationActions,
    failurePolicy: base.failurePolicy,
    ...(base.binding !== undefined && { binding: base.binding }),
  };
}

export function vpolResult(base: ResultBase, outcome: BodyOutcome): CelRuleResult {
  const common = baseResult(base);
  switch (outcome.kind) {
    case 'skip':
      return { ...common, rule: '', status: 'skip', message: outcome.message, reason: 'MATCH_CONDITIONS_NOT_MET' };
    case 'pass':
      return { ...common, rule: 'validation', status: 'pass', message: 'success', ...annotations(outcome.auditAnnotations) };
    case 'fail':
      return failResult(common, 'validation', outcome);
    case 'error':
      return errorResult(common, outcome.stage === 'validations' ? 'validation' : 'evaluation', outcome);
  }
}

export function vapResult(base: ResultBase, outcome: BodyOutcome): CelRuleResult {
  const common = baseResult(base);
  switch (outcome.kind) {
    case 'skip':
      return { ...common, rule: base.policy, status: 'skip', message: outcome.message, reason: 'MATCH_CONDITIONS_NOT_MET' };
    case 'pass':
      return { ...common, rule: base.policy, status: 'pass', message: '', ...annotations(outcome.auditAnnotations) };
    case 'fail':
      return failResult(common, base.policy, outcome);
    case 'error':
      return errorResult(common, base.policy, outcome);
  }
}

function failResult(common: ReturnType<typeof baseResult>, rule: string, outcome: Extract<BodyOutcome, { kind: 'fail' }>): CelRuleResult {
  return {
    ...common,
    rule,
    status: 'fail',
    message: outcome.message,
    path: '',
    denyReason: outcome.reason,
    validationIndex: outcome.index,
    ...annotations(outcome.auditAnnotations),
  };
}

function errorResult(common: ReturnType<typeof baseResult>, rule: string, outcome: Extract<BodyOutcome, { kind: 'error' }>): CelRuleResult {
  return {
    ...common,
    rule,
    status: 'error',
    message: outcome.message,
    reason: outcome.code,
    ...(outcome.index !== undefined && { validationIndex: outcome.index }),
  };
}

function annotations(values: Record<string, string>): { auditAnnotations?: Record<string, string> } {
  return Object.keys(values).length > 0 ? { auditAnnotations: values } : {};
}
