import { describe, expect, it } from 'vitest';
import { jp, jpError } from './test-helpers.js';

describe('regex and wildcard functions', () => {
  it('regex_replace_all expands Go templates ($1, ${1})', () => {
    expect(jp("regex_replace_all('([Hh]e|G)l', 'Hello, Gloria', '${1}r')")).toBe('Herlo, Groria');
    expect(jp("regex_replace_all('^(\\d+)\\.(\\d+)$', '1.20', '$2-$1')")).toBe('20-1');
  });
  it('regex_replace_all converts numbers with float32 formatting', () => {
    expect(jp("regex_replace_all('0', `1000`, `2`)")).toBe('1222');
    expect(jp("regex_replace_all('\\.', `0.1`, '_')")).toBe('0_1');
  });
  it('regex_replace_all_literal does not expand templates', () => {
    expect(jp("regex_replace_all_literal('([Hh]e|G)l', 'Hello, Gloria', '${1}r')")).toBe('${1}rlo, ${1}roria');
  });
  it('regex_match searches (unanchored) and accepts numbers', () => {
    expect(jp("regex_match('^[0-9]{3}$', '123')")).toBe(true);
    expect(jp("regex_match('^[0-9]{3}$', `1234`)")).toBe(false);
    expect(jp("regex_match('b', 'abc')")).toBe(true);
    expect(jp("regex_match('(?i)ABC', 'xabcx')")).toBe(true);
  });
  it('regex errors name the function', () => {
    expect(jpError("regex_replace_all('(', 'a', 'b')")).toMatch(/^JMESPath function 'regex_replace_all': error parsing regexp/);
  });
  it('pattern_match uses Kyverno wildcards', () => {
    expect(jp("pattern_match('prefix-*', 'prefix-name')")).toBe(true);
    expect(jp("pattern_match('12?', `123`)")).toBe(true);
    expect(jp("pattern_match('prefix-*', 'other')")).toBe(false);
  });
  it('argument types are checked with Kyverno wording', () => {
    expect(jpError("regex_match('a', `[1]`)")).toMatch(/type/i);
  });
});
