import { describe, expect, it } from 'vitest';
import { setOperator } from './set-operators.js';

const anyIn = (k: unknown, v: unknown) => setOperator('AnyIn', k, v);
const allIn = (k: unknown, v: unknown) => setOperator('AllIn', k, v);
const anyNotIn = (k: unknown, v: unknown) => setOperator('AnyNotIn', k, v);
const allNotIn = (k: unknown, v: unknown) => setOperator('AllNotIn', k, v);

describe('AnyIn', () => {
  it('one key against a list, wildcards in the values', () => {
    expect(anyIn('build-default', ['build-default', 'build-base'])).toBe(true);
    expect(anyIn('kube-system', ['default', 'kube-*'])).toBe(true);
    expect(anyIn('kyverno', ['default'])).toBe(false);
  });
  it('wildcards in the key match too when the value is a list', () => {
    expect(anyIn('kube-*', ['kube-system'])).toBe(true);
    expect(anyIn(['ky*'], ['kyverno'])).toBe(true);
  });
  it('a string value is a pattern, a JSON list of strings or itself', () => {
    expect(anyIn('kyverno', 'kyverno')).toBe(true);
    expect(anyIn('kyverno', 'default')).toBe(false);
    expect(anyIn('kube-system', 'kube-*')).toBe(true);
    expect(anyIn('apple', '["apple", "banana"]')).toBe(true);
    expect(anyIn('cherry', '["apple", "banana"]')).toBe(false);
    expect(anyIn('a', '[1, 2]')).toBe(false); // JSON but not a list of strings
  });
  it('numbers and booleans compare as their Go string form', () => {
    expect(anyIn(64, '64')).toBe(true);
    expect(anyIn(1, [1, 2, 3])).toBe(true);
    expect(anyIn(2.2, [1.1, 2.2, 3.3])).toBe(true);
    expect(anyIn(true, 'true')).toBe(true);
    expect(anyIn(true, [true])).toBe(true);
    expect(anyIn('true', [true])).toBe(true);
    expect(anyIn(1e6, ['1000000'])).toBe(false); // fmt.Sprint(1e6) is "1e+06"
  });
  it('a scalar key against a number value is a type mismatch', () => {
    expect(anyIn('1', 1)).toBe(false);
    expect(anyNotIn('1', 2)).toBe(false);
  });
  it('list keys: any of them', () => {
    expect(anyIn(['kube-system', 'default'], 'kube-system')).toBe(true);
    expect(anyIn(['default', 'kyverno'], 'kube-*')).toBe(false);
    expect(anyIn(['default', 'kyverno'], ['kube-*', 'ky*'])).toBe(true);
    expect(anyIn(['apple', 'cherry'], '["apple", "banana"]')).toBe(true);
    expect(anyIn([], ['default'])).toBe(false);
    expect(anyIn(['1', '5'], 5)).toBe(true);
  });
  it('ranges', () => {
    expect(anyIn('5', '1-10')).toBe(true);
    expect(anyIn('0', '1-10')).toBe(false);
    expect(anyIn(8080, '8000-9000')).toBe(true);
    expect(anyIn(['0', '5'], '1-10')).toBe(true);
    expect(anyIn(['0', '20'], '1-10')).toBe(false);
    expect(anyIn('512Mi', '256Mi-1Gi')).toBe(true);
  });
  it('unsupported keys and values', () => {
    expect(anyIn(null, ['a'])).toBe(false);
    expect(anyIn({ a: 1 }, 'a')).toBe(false);
    expect(anyIn('a', null)).toBe(false);
    expect(anyIn('a', { a: 1 })).toBe(false);
  });
});

describe('AllIn', () => {
  it('every key must be found', () => {
    expect(allIn('CREATE', ['CREATE', 'UPDATE'])).toBe(true);
    expect(allIn(['CREATE', 'UPDATE'], ['CREATE', 'UPDATE', 'DELETE'])).toBe(true);
    expect(allIn(['CREATE', 'CONNECT'], ['CREATE', 'UPDATE'])).toBe(false);
    expect(allIn(['kube-system', 'kube-public'], 'kube-*')).toBe(true);
    expect(allIn(['kube-system', 'default'], ['kube-*'])).toBe(false);
    expect(allIn([23, 42], [18, 23, 33, 42, 56])).toBe(true);
    expect(allIn([], ['x'])).toBe(true);
  });
  it('ranges need every key inside', () => {
    expect(allIn(['2', '5'], '1-10')).toBe(true);
    expect(allIn(['2', '50'], '1-10')).toBe(false);
    expect(allIn(84, '70-80')).toBe(false);
  });
});

describe('AnyNotIn', () => {
  it('some key is missing', () => {
    expect(anyNotIn('kyverno', 'kyverno')).toBe(false);
    expect(anyNotIn('kube-system', ['default', 'kube-*'])).toBe(false);
    expect(anyNotIn('kyverno', 'default')).toBe(true);
    expect(anyNotIn(['kube-system', 'default'], 'kube-system')).toBe(true);
    expect(anyNotIn(['kube-system', 'kube-public'], 'kube-*')).toBe(false);
    expect(anyNotIn([1, 2, 3], 2)).toBe(true);
    expect(anyNotIn([true], false)).toBe(true);
    expect(anyNotIn([], ['default'])).toBe(false);
    expect(anyNotIn('', ['default', 'kyverno'])).toBe(true);
  });
  it('a single list key equal to the string value is found', () => {
    expect(anyNotIn(['a'], 'a')).toBe(false);
  });
  it('ranges: outside the bounds', () => {
    expect(anyNotIn(['5', '20'], '1-10')).toBe(true);
    expect(anyNotIn(['5', '6'], '1-10')).toBe(false);
    expect(anyNotIn('20', '1-10')).toBe(true);
  });
});

describe('AllNotIn', () => {
  it('no key may be found', () => {
    expect(allNotIn('kyverno', 'kyverno')).toBe(false);
    expect(allNotIn('kube-system', ['default', 'kube-*'])).toBe(false);
    expect(allNotIn('kyverno', 'default')).toBe(true);
    expect(allNotIn(64, '64')).toBe(false);
    expect(allNotIn(64, 'default')).toBe(true);
    expect(allNotIn(['kube-system', 'kube-public'], 'kube-*')).toBe(false);
    expect(allNotIn(['kube-system', 'default'], 'kube-system')).toBe(false);
    expect(allNotIn(['default', 'kyverno'], 'kube-*')).toBe(true);
    expect(allNotIn(['default', 'kyverno'], ['kube-*', 'kube-system'])).toBe(true);
    expect(allNotIn(['default', 'kyverno'], ['kube-*', 'ky*'])).toBe(false);
  });
  it('ranges: every key outside', () => {
    expect(allNotIn(['0', '20'], '1-10')).toBe(true);
    expect(allNotIn(['0', '5'], '1-10')).toBe(false);
  });
});
