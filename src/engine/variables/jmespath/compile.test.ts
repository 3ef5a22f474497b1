import { describe, expect, it } from 'vitest';
import { VariableError } from '../errors.js';
import { compileJmesPath, searchJmesPath } from './compile.js';

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (e) {
    return (e as VariableError).code;
  }
}

describe('compileJmesPath', () => {
  it('compiles once and caches the result', () => {
    const a = compileJmesPath('request.object.metadata.name');
    expect(a.ok).toBe(true);
    expect(compileJmesPath('request.object.metadata.name')).toBe(a);
    if (a.ok) expect(a.search({ request: { object: { metadata: { name: 'x' } } } })).toBe('x');
  });
  it('reports parse errors as values', () => {
    const r = compileJmesPath('foo.[');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/Syntax error|invalid token/);
    expect(codeOf(() => searchJmesPath('foo.[', {}))).toBe('JMESPATH_PARSE');
  });
});

describe('Kyverno unknown-key semantics', () => {
  const data = { a: { b: null, list: [{ x: 1 }], s: 'str' } };
  it('a missing key on the field chain is an error naming the key', () => {
    expect(() => searchJmesPath('a.missing.c', data)).toThrow('Unknown key "missing" in path');
    expect(codeOf(() => searchJmesPath('nope', data))).toBe('VARIABLE_NOT_FOUND');
    expect(codeOf(() => searchJmesPath('a.list[0].y', data))).toBe('VARIABLE_NOT_FOUND');
    expect(codeOf(() => searchJmesPath('a && a.nope', data))).toBe('VARIABLE_NOT_FOUND');
  });
  it('null values, non-objects, and swallowing nodes give null without error', () => {
    expect(searchJmesPath('a.b.c', data)).toBeNull();
    expect(searchJmesPath('a.s.c', data)).toBeNull();
    expect(searchJmesPath('a.list[5].x', data)).toBeNull();
    expect(searchJmesPath('a.missing | @', data)).toBeNull();
    expect(searchJmesPath('a.nope[].x', data)).toBeNull();
    expect(searchJmesPath("a.nope || 'd'", data)).toBe('d');
    expect(searchJmesPath('length(a.nope || `[]`)', data)).toBe(0);
    expect(searchJmesPath('a.list[?y].x', data)).toEqual([]);
  });
});

describe('functions in the interpreter', () => {
  it('Kyverno versions replace same-named built-ins, other built-ins remain', () => {
    expect(searchJmesPath("items(`{\"a\":1}`, 'k', 'v')", {})).toEqual([{ k: 'a', v: 1 }]);
    expect(searchJmesPath('length(`[1,2,3]`)', {})).toBe(3);
    expect(searchJmesPath("contains('abc', 'b')", {})).toBe(true);
  });
  it('function errors are JMESPATH_EVAL', () => {
    expect(codeOf(() => searchJmesPath('divide(`1`, `0`)', {}))).toBe('JMESPATH_EVAL');
    expect(codeOf(() => searchJmesPath('no_such_fn(`1`)', {}))).toBe('JMESPATH_EVAL');
  });
  it('the custom functions are not registered on the library global interpreter', async () => {
    const lib = await import('@jmespath-community/jmespath');
    expect(lib.isRegistered('label_match')).toBe(false);
  });
  it('errors are VariableError instances', () => {
    expect(() => searchJmesPath('x', {})).toThrow(VariableError);
  });
});
