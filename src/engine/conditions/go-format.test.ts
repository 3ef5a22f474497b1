import { describe, expect, it } from 'vitest';
import { goDeepEqual, goFormatFloat, goParseFloat, goSprint } from './go-format.js';

describe('goSprint (fmt.Sprint of decoded JSON)', () => {
  it('prints floats like Go %v', () => {
    expect(goFormatFloat(5)).toBe('5');
    expect(goFormatFloat(2.2)).toBe('2.2');
    expect(goFormatFloat(123456)).toBe('123456');
    expect(goFormatFloat(1e6)).toBe('1e+06');
    expect(goFormatFloat(1234567)).toBe('1.234567e+06');
    expect(goFormatFloat(0.0001)).toBe('0.0001');
    expect(goFormatFloat(0.00001)).toBe('1e-05');
    expect(goFormatFloat(1e21)).toBe('1e+21');
    expect(goFormatFloat(-1.5e100)).toBe('-1.5e+100');
  });
  it('prints other values', () => {
    expect(goSprint(true)).toBe('true');
    expect(goSprint(null)).toBe('<nil>');
    expect(goSprint(['a', 1])).toBe('[a 1]');
    expect(goSprint({ b: 1, a: 'x' })).toBe('map[a:x b:1]');
  });
});

describe('goParseFloat (strconv.ParseFloat)', () => {
  it('accepts decimal literals and special values', () => {
    expect(goParseFloat('3.14')).toBe(3.14);
    expect(goParseFloat('-1e3')).toBe(-1000);
    expect(goParseFloat('.5')).toBe(0.5);
    expect(goParseFloat('+Inf')).toBe(Infinity);
    expect(goParseFloat('NaN')).toBeNaN();
  });
  it('rejects what Go rejects', () => {
    expect(goParseFloat('')).toBeUndefined();
    expect(goParseFloat(' 1')).toBeUndefined();
    expect(goParseFloat('1Gi')).toBeUndefined();
    expect(goParseFloat('1e400')).toBeUndefined(); // ErrRange
  });
});

describe('goDeepEqual (reflect.DeepEqual)', () => {
  it('compares maps by keys and lists by order', () => {
    expect(goDeepEqual({ a: [1, { b: 'c' }] }, { a: [1, { b: 'c' }] })).toBe(true);
    expect(goDeepEqual(['a', 'b'], ['b', 'a'])).toBe(false);
    expect(goDeepEqual({ a: 1 }, { a: 1, b: null })).toBe(false);
    expect(goDeepEqual(1, '1')).toBe(false);
  });
});
