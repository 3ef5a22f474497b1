/**
 * Static checks of a condition block for the policy validator, mirroring Kyverno's
 * pkg/validation/policy validateConditions / validateRawJSONConditionOperator: exact operator names,
 * key, value and operator present, only any/all in the object form, and request.operation values.
 */
import { isOperatorName, lookupOperator, operatorNames, operators } from './registry.js';
import type { ConditionIssue } from './types.js';

const CONDITION_FIELDS = new Set(['key', 'operator', 'value', 'message']);
const OPERATIONS = new Set(['CREATE', 'UPDATE', 'DELETE', 'CONNECT']);

export function validateConditionsSyntax(conditions: unknown, basePointer: string): ConditionIssue[] {
  if (conditions === undefined || conditions === null) return [];
  if (Array.isArray(conditions)) return validateList(conditions, basePointer);
  if (typeof conditions !== 'object') {
    return [issue('INVALID_CONDITIONS', 'conditions must be an object with any/all or a list of conditions', basePointer)];
  }
  const issues: ConditionIssue[] = [];
  for (const [field, list] of Object.entries(conditions)) {
    const at = `${basePointer}/${escape(field)}`;
    if (field !== 'any' && field !== 'all') {
      issues.push(issue('INVALID_CONDITIONS', `unknown field '${field}': only 'any' and 'all' are allowed here`, at));
    } else if (list !== null && !Array.isArray(list)) {
      issues.push(issue('INVALID_CONDITIONS', `'${field}' must be a list of conditions`, at));
    } else if (Array.isArray(list)) {
      issues.push(...validateList(list, at));
    }
  }
  return issues;
}

function validateList(list: unknown[], pointer: string): ConditionIssue[] {
  return list.flatMap((c, i) => validateCondition(c, `${pointer}/${i}`));
}

function validateCondition(raw: unknown, at: string): ConditionIssue[] {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return [issue('INVALID_CONDITION', 'a condition must be an object with key, operator and value', at)];
  }
  const c = raw as Record<string, unknown>;
  const issues: ConditionIssue[] = [];
  for (const field of Object.keys(c)) {
    if (!CONDITION_FIELDS.has(field)) {
      issues.push(warning('UNKNOWN_CONDITION_FIELD', `unknown field '${field}' is ignored (expected key, operator, value, message)`, `${at}/${escape(field)}`));
    }
  }
  if (c.key === undefined || c.key === null) issues.push(issue('MISSING_KEY', 'condition has no `key`', at));
  if (c.value === undefined || c.value === null) issues.push(issue('MISSING_VALUE', 'condition has no `value`', at));
  issues.push(...validateOperator(c.operator, `${at}/operator`));
  if (c.message !== undefined && typeof c.message !== 'string') {
    issues.push(issue('INVALID_CONDITION', '`message` must be a string', `${at}/message`));
  }
  issues.push(...validateOperationValues(c.key, c.value, `${at}/value`));
  return issues;
}

function validateOperator(op: unknown, at: string): ConditionIssue[] {
  if (op === undefined || op === null || op === '') return [issue('MISSING_OPERATOR', 'condition has no `operator`', at)];
  if (!isOperatorName(op)) {
    const near = typeof op === 'string' ? lookupOperator(op) : undefined;
    const hint = near ? ` (did you mean ${near.name}?)` : '';
    return [issue('UNKNOWN_OPERATOR', `unknown operator ${JSON.stringify(op)}${hint}; valid operators: ${operatorNames.join(', ')}`, at)];
  }
  const replacement = (operators[op] as { deprecated?: readonly string[] }).deprecated;
  if (replacement) {
    return [warning('DEPRECATED_OPERATOR', `operator ${op} is deprecated; use ${replacement.join(' or ')}`, at)];
  }
  return [];
}

/** A key of exactly {{request.operation}} only ever equals CREATE, UPDATE, DELETE or CONNECT. */
function validateOperationValues(key: unknown, value: unknown, at: string): ConditionIssue[] {
  if (typeof key !== 'string' || key.replace(/ /g, '') !== '{{request.operation}}') return [];
  const check = (v: unknown, where: string): ConditionIssue[] => {
    if (typeof v === 'string' && (OPERATIONS.has(v) || /^\{\{.*\}\}$/s.test(v))) return [];
    return [issue('INVALID_OPERATION_VALUE', `unknown value ${JSON.stringify(v)}: request.operation is one of CREATE, UPDATE, DELETE, CONNECT`, where)];
  };
  if (typeof value === 'string') return check(value, at);
  if (Array.isArray(value)) return value.flatMap((v, i) => check(v, `${at}/${i}`));
  if (value === undefined || value === null) return [];
  return [issue('INVALID_OPERATION_VALUE', 'the value for request.operation must be a string or a list of strings', at)];
}

const escape = (token: string): string => token.replace(/~/g, '~0').replace(/\//g, '~1');
const issue = (code: string, message: string, path: string): ConditionIssue => ({ code, message, path, severity: 'error' });
const warning = (code: string, message: string, path: string): ConditionIssue => ({ code, message, path, severity: 'warning' });
