import { describe, expect, it } from 'vitest';
import { equals, notEquals } from './equals.js';

describe('Equals', () => {
  it('compares strings, with wildcards allowed only in the value', () => {
    expect(equals('NodePort', 'NodePort')).toBe(true);
    expect(equals('nginx:1.25', 'nginx:*')).toBe(true);
    expect(equals('app.mycompany.com', '*.mycompany.com')).toBe(true);
    expect(equals('nginx:*', 'nginx:1.25')).toBe(false);
    expect(equals('abc', 'a?c')).toBe(true);
    expect(equals('', '')).toBe(true);
    expect(equals('', '*')).toBe(true);
  });
  it('compares resource quantities by amount', () => {
    expect(equals('1Gi', '1024Mi')).toBe(true);
    expect(equals('100Mi', '200Mi')).toBe(false);
    expect(equals('500m', '0.5')).toBe(true);
    expect(equals('1.0', '1')).toBe(true);
    // A quantity key never falls back to wildcards.
    expect(equals('100', '1*')).toBe(false);
  });
  it('compares durations, also against seconds', () => {
    expect(equals('1h', '60m')).toBe(true);
    expect(equals('1h', '30m')).toBe(false);
    expect(equals('1h', 3600)).toBe(true);
    expect(equals('0s', 0)).toBe(true);
  });
  it('compares a quantity string with a number', () => {
    expect(equals('5', 5)).toBe(true);
    expect(equals('5', 6)).toBe(false);
    expect(equals('hello', 5)).toBe(false);
  });
  it('compares numbers with numbers and numeric strings', () => {
    expect(equals(42, 42)).toBe(true);
    expect(equals(42, 42.5)).toBe(false);
    expect(equals(42, '42')).toBe(true);
    expect(equals(3.14, '3.14')).toBe(true);
    expect(equals(42, 'invalid')).toBe(false);
    expect(equals(1, true)).toBe(false);
  });
  it('does not coerce booleans', () => {
    expect(equals(true, true)).toBe(true);
    expect(equals(true, false)).toBe(false);
    expect(equals(true, 'true')).toBe(false);
    expect(equals('true', true)).toBe(false);
  });
  it('compares lists and maps deeply', () => {
    expect(equals(['a', 'b', 'c'], ['a', 'b', 'c'])).toBe(true);
    expect(equals(['a', 'b'], ['b', 'a'])).toBe(false);
    expect(equals(['a'], 'a')).toBe(false);
    expect(equals({ foo: 'bar' }, { foo: 'bar' })).toBe(true);
    expect(equals({ foo: 'bar' }, { foo: 'baz' })).toBe(false);
    expect(equals({ foo: 'bar' }, 'not a map')).toBe(false);
  });
  it('is false for a null key, even against null', () => {
    expect(equals(null, null)).toBe(false);
    expect(equals(null, '')).toBe(false);
  });
});

describe('NotEquals', () => {
  it('negates Equals for supported keys', () => {
    expect(notEquals('hello', 'world')).toBe(true);
    expect(notEquals('app.other.com', '*.mycompany.com')).toBe(true);
    expect(notEquals('app.mycompany.com', '*.mycompany.com')).toBe(false);
    expect(notEquals('1h', '30m')).toBe(true);
    expect(notEquals('100Mi', 'not-a-quantity')).toBe(true);
    expect(notEquals('5', 5)).toBe(false);
    expect(notEquals(5, 5.5)).toBe(true);
    expect(notEquals(true, 'true')).toBe(true);
    expect(notEquals({ foo: 'bar' }, { foo: 'baz' })).toBe(true);
    expect(notEquals(['a', 'b'], ['a', 'c'])).toBe(true);
    expect(notEquals('serviceaccount', '')).toBe(true);
    expect(notEquals('', '')).toBe(false);
  });
  it('is false for a null key (unsupported type), but true for a null value', () => {
    expect(notEquals(null, 'x')).toBe(false);
    expect(notEquals('x', null)).toBe(true);
  });
});

describe('Equals on quantities is exact', () => {
  it('does not suffer from float rounding', () => {
    expect(equals('700m', '0.7')).toBe(true);
    expect(equals('1.1Gi', '1126.4Mi')).toBe(true);
    expect(equals('0.7', 0.7)).toBe(true);
    expect(equals('1e3', '1k')).toBe(true);
    expect(equals('1Ki', '1024')).toBe(true);
    expect(equals('1Ki', '1k')).toBe(false);
  });
});
