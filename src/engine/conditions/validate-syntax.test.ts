import { describe, expect, it } from 'vitest';
import { validateConditionsSyntax } from './index.js';

const codes = (issues: Array<{ code: string }>) => issues.map((i) => i.code);

describe('validateConditionsSyntax', () => {
  it('accepts well-formed any/all and legacy lists', () => {
    const ok = { any: [{ key: '{{ a }}', operator: 'Equals', value: 'x', message: 'm' }], all: [] };
    expect(validateConditionsSyntax(ok, '/p')).toEqual([]);
    expect(validateConditionsSyntax([{ key: 'a', operator: 'AnyIn', value: ['a'] }], '/p')).toEqual([]);
    expect(validateConditionsSyntax(undefined, '/p')).toEqual([]);
  });
  it('reports unknown operators with the valid list and a case hint', () => {
    const issues = validateConditionsSyntax({ all: [{ key: 'a', operator: 'Contains', value: 'a' }] }, '/spec/rules/0/preconditions');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'UNKNOWN_OPERATOR', path: '/spec/rules/0/preconditions/all/0/operator', severity: 'error' });
    expect(issues[0]?.message).toContain('AnyNotIn');
    const lower = validateConditionsSyntax({ all: [{ key: 'a', operator: 'equals', value: 'a' }] }, '');
    expect(lower[0]?.message).toContain('did you mean Equals?');
  });
  it('reports missing key, value and operator', () => {
    expect(codes(validateConditionsSyntax({ any: [{ operator: 'Equals', value: 'a' }] }, ''))).toEqual(['MISSING_KEY']);
    expect(codes(validateConditionsSyntax({ any: [{ key: 'a', operator: 'Equals' }] }, ''))).toEqual(['MISSING_VALUE']);
    expect(codes(validateConditionsSyntax({ any: [{ key: 'a', value: 'a' }] }, ''))).toEqual(['MISSING_OPERATOR']);
  });
  it('reports wrong shapes', () => {
    expect(codes(validateConditionsSyntax('x', ''))).toEqual(['INVALID_CONDITIONS']);
    expect(codes(validateConditionsSyntax({ any: { key: 'a' } }, ''))).toEqual(['INVALID_CONDITIONS']);
    expect(codes(validateConditionsSyntax({ anyOf: [] }, '/c'))).toEqual(['INVALID_CONDITIONS']);
    expect(codes(validateConditionsSyntax({ all: ['a'] }, ''))).toEqual(['INVALID_CONDITION']);
    expect(codes(validateConditionsSyntax({ all: [{ key: 'a', operator: 'Equals', value: 'a', message: 1 }] }, ''))).toEqual(['INVALID_CONDITION']);
  });
  it('warns on deprecated operators and unknown fields', () => {
    const issues = validateConditionsSyntax({ all: [{ key: 'a', operator: 'In', value: ['a'], values: ['b'] }] }, '');
    expect(issues.map((i) => [i.code, i.severity])).toEqual([
      ['UNKNOWN_CONDITION_FIELD', 'warning'],
      ['DEPRECATED_OPERATOR', 'warning'],
    ]);
  });
  it('checks the values compared with request.operation', () => {
    const bad = { all: [{ key: '{{ request.operation }}', operator: 'AnyIn', value: ['CREATE', 'PATCH'] }] };
    expect(validateConditionsSyntax(bad, '')).toEqual([
      expect.objectContaining({ code: 'INVALID_OPERATION_VALUE', path: '/all/0/value/1' }),
    ]);
    const templated = { all: [{ key: '{{request.operation}}', operator: 'Equals', value: '{{ allowed }}' }] };
    expect(validateConditionsSyntax(templated, '')).toEqual([]);
  });
});
