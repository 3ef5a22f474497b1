import { describe, expect, it } from 'vitest';
import { checkValue } from './index.js';

describe('checkValue: string patterns', () => {
  it('compares strings exactly, with * and ? wildcards', () => {
    expect(checkValue('nginx', 'nginx')).toBe(true);
    expect(checkValue('nginx', 'Nginx')).toBe(false);
    expect(checkValue('nginx:1.25', 'nginx:*')).toBe(true);
    expect(checkValue('', '*')).toBe(true);
    expect(checkValue('', '?*')).toBe(false);
    expect(checkValue('a', '?*')).toBe(true);
    expect(checkValue('ab', '?')).toBe(false);
  });

  it('negates with !', () => {
    expect(checkValue('IfNotPresent', '!IfNotPresent')).toBe(false);
    expect(checkValue('Always', '!IfNotPresent')).toBe(true);
    expect(checkValue('nginx:latest', '!*:latest')).toBe(false);
    expect(checkValue(undefined, '!foo')).toBe(false); // a missing value has no string form
  });

  it('combines with | (or) and & (and), trimming spaces', () => {
    expect(checkValue('b', 'a | b | c')).toBe(true);
    expect(checkValue('d', 'a|b|c')).toBe(false);
    expect(checkValue(5, '>1 & <10')).toBe(true);
    expect(checkValue(10, '>1 & <10')).toBe(false);
    expect(checkValue('Always', '!Never & !IfNotPresent')).toBe(true);
  });

  it('compares numbers and numeric strings with >, >=, <, <=', () => {
    expect(checkValue(3, '>=2')).toBe(true);
    expect(checkValue(2, '>=2')).toBe(true);
    expect(checkValue(2, '>2')).toBe(false);
    expect(checkValue('3', '<4')).toBe(true);
    expect(checkValue(1.5, '<2')).toBe(true);
    expect(checkValue(5, '> 3')).toBe(true);
    expect(checkValue('abc', '>3')).toBe(false);
    expect(checkValue(true, '>0')).toBe(false);
  });

  it('compares quantities across units', () => {
    expect(checkValue('512Mi', '<=2Gi')).toBe(true);
    expect(checkValue('3Gi', '<=2Gi')).toBe(false);
    expect(checkValue('500m', '<1')).toBe(true);
    expect(checkValue('1000m', '1')).toBe(true);
    expect(checkValue('1Gi', '!1024Mi')).toBe(false);
    expect(checkValue('2G', '>1Gi')).toBe(true);
  });

  it('compares durations', () => {
    expect(checkValue('30s', '<1m')).toBe(true);
    expect(checkValue('2h', '<=90m')).toBe(false);
    expect(checkValue('1h', '60m')).toBe(true);
    expect(checkValue('1h', '!60m')).toBe(false);
  });

  it('checks ranges a-b and a!-b', () => {
    expect(checkValue(5, '1-10')).toBe(true);
    expect(checkValue(1, '1-10')).toBe(true);
    expect(checkValue(11, '1-10')).toBe(false);
    expect(checkValue(5, '1!-10')).toBe(false);
    expect(checkValue(11, '1!-10')).toBe(true);
    expect(checkValue('1.5Gi', '1Gi-2Gi')).toBe(true);
    expect(checkValue(-2, '-3--1')).toBe(true);
  });

  it('treats a missing value as 0 for numeric comparisons, as Kyverno does', () => {
    expect(checkValue(undefined, '<1Gi')).toBe(true);
    expect(checkValue(null, '>0')).toBe(false);
    expect(checkValue(undefined, 'nginx')).toBe(false);
  });

  it('matches booleans and numbers by their string form', () => {
    expect(checkValue(true, 'true')).toBe(true);
    expect(checkValue(false, 'true')).toBe(false);
    expect(checkValue(80, '80')).toBe(true);
    expect(checkValue(8080, '80*')).toBe(true);
    expect(checkValue(1.5, '1.5E+00')).toBe(true); // float64 rendered with strconv 'E'
  });

  it('matches the empty string pattern only against ""', () => {
    expect(checkValue('', '')).toBe(true);
    expect(checkValue('x', '')).toBe(false);
    expect(checkValue(undefined, '')).toBe(false);
  });
});

describe('checkValue: other pattern types', () => {
  it('matches booleans only against booleans', () => {
    expect(checkValue(true, true)).toBe(true);
    expect(checkValue('true', true)).toBe(false);
    expect(checkValue(false, true)).toBe(false);
  });

  it('matches numbers against numbers and numeric strings', () => {
    expect(checkValue(3, 3)).toBe(true);
    expect(checkValue(3, 4)).toBe(false);
    expect(checkValue('3', 3)).toBe(true);
    expect(checkValue('3.0', 3)).toBe(true);
    expect(checkValue('3x', 3)).toBe(false);
    expect(checkValue(2.5, 2.5)).toBe(true);
    expect(checkValue(true, 1)).toBe(false);
  });

  it('matches null against missing, null and zero values', () => {
    for (const v of [undefined, null, '', 0, false]) expect(checkValue(v, null)).toBe(true);
    for (const v of ['a', 1, true, {}, []]) expect(checkValue(v, null)).toBe(false);
  });

  it('matches a map pattern against any map and never matches an array pattern', () => {
    expect(checkValue({ a: 1 }, {})).toBe(true);
    expect(checkValue('a', {})).toBe(false);
    expect(checkValue(['a'], ['a'])).toBe(false);
  });
});
