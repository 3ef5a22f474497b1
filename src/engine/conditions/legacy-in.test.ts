import { describe, expect, it } from 'vitest';
import { legacyIn, legacyNotIn } from './legacy-in.js';
import { ConditionError } from './types.js';

describe('In (deprecated)', () => {
  it('a scalar key in a list', () => {
    expect(legacyIn('CREATE', ['CREATE', 'UPDATE'])).toBe(true);
    expect(legacyIn('DELETE', ['CREATE', 'UPDATE'])).toBe(false);
    expect(legacyIn(1, ['1', '2'])).toBe(true);
  });
  it('with a list value the key is the wildcard pattern, not the items', () => {
    expect(legacyIn('kube-*', ['kube-system'])).toBe(true);
    expect(legacyIn('kube-system', ['kube-*'])).toBe(false);
  });
  it('a string value: wildcard pattern or JSON list of strings, otherwise a type error', () => {
    expect(legacyIn('kube-system', 'kube-*')).toBe(true);
    expect(legacyIn('b', '["a","b"]')).toBe(true);
    expect(legacyIn('a', 'b')).toBe(false);
    expect(legacyNotIn('a', 'b')).toBe(false); // not JSON: invalid type, false for NotIn too
  });
  it('a list key must be a subset, compared exactly', () => {
    expect(legacyIn(['a', 'b'], ['a', 'b', 'c'])).toBe(true);
    expect(legacyIn(['a', 'd'], ['a', 'b', 'c'])).toBe(false);
    expect(legacyIn(['a*'], ['abc'])).toBe(false);
    expect(legacyIn(['a'], ['a', 1])).toBe(false);
    expect(legacyIn(['a', 'b'], '["a","b"]')).toBe(true);
    expect(legacyIn([], ['a'])).toBe(true);
  });
  it('booleans and nulls are unsupported keys', () => {
    expect(legacyIn(true, ['true'])).toBe(false);
    expect(legacyNotIn(true, ['false'])).toBe(false);
    expect(legacyIn(null, ['a'])).toBe(false);
  });
  it('a list key with non-string items is an error (Kyverno panics)', () => {
    expect(() => legacyIn([1], ['1'])).toThrow(ConditionError);
  });
});

describe('NotIn (deprecated)', () => {
  it('negates In for scalar keys', () => {
    expect(legacyNotIn('DELETE', ['CREATE', 'UPDATE'])).toBe(true);
    expect(legacyNotIn('CREATE', ['CREATE', 'UPDATE'])).toBe(false);
    expect(legacyNotIn('kube-system', 'kube-*')).toBe(false);
  });
  it('for list keys: some key is missing', () => {
    expect(legacyNotIn(['a', 'x'], ['a', 'b'])).toBe(true);
    expect(legacyNotIn(['a', 'b'], ['a', 'b'])).toBe(false);
  });
  it('keeps Kyverno\'s quirk: a one-item list equal to the string value is "not in"', () => {
    expect(legacyNotIn(['a'], 'a')).toBe(true);
  });
});
