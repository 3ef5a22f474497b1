/**
 * Kyverno conditions: preconditions, validate.deny.conditions, foreach preconditions and
 * PolicyException conditions. https://kyverno.io/docs/writing-policies/preconditions/
 */
export { operators, operatorNames, lookupOperator, isOperatorName } from './registry.js';
export { evaluateCondition, evaluateConditions } from './evaluate.js';
export { planConditions, type ConditionsPlan, type PlannedCondition } from './plan.js';
export type { ConditionsResult, Substitute } from './evaluate.js';
export { validateConditionsSyntax } from './validate-syntax.js';
export { ConditionError } from './types.js';
export type { ConditionIssue, OperatorEntry, OperatorName } from './types.js';
