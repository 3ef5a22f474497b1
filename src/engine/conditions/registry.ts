/**
 * The condition operator registry. Kyverno looks operators up case-insensitively
 * (operator.go CreateOperatorHandler lower-cases both sides), while the policy validator accepts only
 * the exact spellings of ConditionOperators (utils.go IsOperatorValid).
 */
import { durationCompare } from './duration-operators.js';
import { equals, notEquals } from './equals.js';
import { legacyIn, legacyNotIn } from './legacy-in.js';
import { numericCompare, type Comparison } from './numeric.js';
import { prepareSetOperator, setOperator, type SetMode } from './set-operators.js';
import type { OperatorEntry, OperatorName } from './types.js';

const numeric = (name: Comparison, note: string): OperatorEntry => ({
  name, note, exactCaseOnly: true, evaluate: (k, v) => numericCompare(name, k, v),
});

const duration = (name: `Duration${Comparison}`, base: Comparison): OperatorEntry => ({
  name,
  note: `${base} on Go durations or seconds only (duration.go). Deprecated: ${base} accepts durations.`,
  deprecated: [base],
  exactCaseOnly: true,
  evaluate: (k, v) => durationCompare(base, k, v),
});

const set = (name: SetMode, note: string): OperatorEntry => ({
  name, note, evaluate: (k, v) => setOperator(name, k, v), prepare: (v) => prepareSetOperator(name, v),
});

const EQUALS_NOTE = 'key equals value: durations, then quantities, then the value as wildcard pattern; lists and maps deeply (equal.go).';
const NOT_EQUALS_NOTE = 'negation of Equals, except that a null key is false (notequal.go).';

export const operators = {
  Equals: { name: 'Equals', note: EQUALS_NOTE, evaluate: equals },
  Equal: { name: 'Equal', note: EQUALS_NOTE, deprecated: ['Equals'], evaluate: equals },
  NotEquals: { name: 'NotEquals', note: NOT_EQUALS_NOTE, evaluate: notEquals },
  NotEqual: { name: 'NotEqual', note: NOT_EQUALS_NOTE, deprecated: ['NotEquals'], evaluate: notEquals },
  In: {
    name: 'In',
    note: 'key (pattern) in the values; list keys exactly, all must be present (in.go).',
    deprecated: ['AllIn', 'AnyIn'],
    evaluate: legacyIn,
  },
  NotIn: {
    name: 'NotIn',
    note: 'negation of In for scalar keys; for list keys, some key is missing (notin.go).',
    deprecated: ['AllNotIn', 'AnyNotIn'],
    evaluate: legacyNotIn,
  },
  AnyIn: set('AnyIn', 'some key matches some value, wildcards both ways; "1-10" is a range (anyin.go).'),
  AllIn: set('AllIn', 'every key matches some value, wildcards both ways (allin.go).'),
  AnyNotIn: set('AnyNotIn', 'some key matches no value (anynotin.go).'),
  AllNotIn: set('AllNotIn', 'no key matches any value (allnotin.go).'),
  GreaterThan: numeric('GreaterThan', 'key > value as duration, quantity, number or semver (numeric.go).'),
  GreaterThanOrEquals: numeric('GreaterThanOrEquals', 'key >= value as duration, quantity, number or semver (numeric.go).'),
  LessThan: numeric('LessThan', 'key < value as duration, quantity, number or semver (numeric.go).'),
  LessThanOrEquals: numeric('LessThanOrEquals', 'key <= value as duration, quantity, number or semver (numeric.go).'),
  DurationGreaterThan: duration('DurationGreaterThan', 'GreaterThan'),
  DurationGreaterThanOrEquals: duration('DurationGreaterThanOrEquals', 'GreaterThanOrEquals'),
  DurationLessThan: duration('DurationLessThan', 'LessThan'),
  DurationLessThanOrEquals: duration('DurationLessThanOrEquals', 'LessThanOrEquals'),
} satisfies Record<OperatorName, OperatorEntry>;

export const operatorNames = Object.keys(operators) as OperatorName[];

const byLowerCase = new Map<string, OperatorEntry>(
  Object.values(operators).map((entry) => [entry.name.toLowerCase(), entry as OperatorEntry]),
);

/** Kyverno's handler lookup: case-insensitive. */
export function lookupOperator(name: string): OperatorEntry | undefined {
  return byLowerCase.get(name.toLowerCase());
}

/** The policy validator's check: exact spelling only. */
export function isOperatorName(name: unknown): name is OperatorName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(operators, name);
}
