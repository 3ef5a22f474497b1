import { describe, expect, it } from 'vitest';
import { isOperatorName, lookupOperator, operatorNames, operators } from './index.js';

// The operators Kyverno's ConditionOperators map declares (api/kyverno/v1/common_types.go).
const KYVERNO_OPERATORS = [
  'Equal', 'Equals', 'NotEqual', 'NotEquals', 'In', 'AnyIn', 'AllIn', 'NotIn', 'AnyNotIn', 'AllNotIn',
  'GreaterThanOrEquals', 'GreaterThan', 'LessThanOrEquals', 'LessThan',
  'DurationGreaterThanOrEquals', 'DurationGreaterThan', 'DurationLessThanOrEquals', 'DurationLessThan',
];

describe('operator registry', () => {
  it('has exactly Kyverno\'s operators, each entry named after its key and documented', () => {
    expect([...operatorNames].sort()).toEqual([...KYVERNO_OPERATORS].sort());
    for (const [name, entry] of Object.entries(operators)) {
      expect(entry.name).toBe(name);
      expect(entry.note.length).toBeGreaterThan(10);
    }
  });
  it('marks the deprecated operators with their replacements', () => {
    expect(operators.In.deprecated).toEqual(['AllIn', 'AnyIn']);
    expect(operators.DurationLessThan.deprecated).toEqual(['LessThan']);
    expect('deprecated' in operators.AnyIn).toBe(false);
  });
  it('looks up case-insensitively but validates exactly', () => {
    expect(lookupOperator('anynotin')?.name).toBe('AnyNotIn');
    expect(lookupOperator('Contains')).toBeUndefined();
    expect(isOperatorName('AnyNotIn')).toBe(true);
    expect(isOperatorName('anynotin')).toBe(false);
    expect(isOperatorName('toString')).toBe(false);
  });
});
