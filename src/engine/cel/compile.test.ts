import { describe, expect, it } from 'vitest';
import { compileCel } from './index.js';

function run(expression: string, activation: Record<string, unknown> = {}, variables?: string[]): unknown {
  const compiled = compileCel(expression, variables ? { variables } : {});
  if (!compiled.ok) throw new Error(`${compiled.code}: ${compiled.message}`);
  const result = compiled.program.evaluate(activation);
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.value;
}

describe('compileCel values at the boundary', () => {
  it('treats integral JSON numbers as CEL int and others as double', () => {
    expect(run('x + 1', { x: 5 })).toBe(6);
    expect(run('type(x) == int', { x: 5 })).toBe(true);
    expect(run('type(x) == double', { x: 5.5 })).toBe(true);
    expect(run('x / 2', { x: 7 })).toBe(3);
  });
  it('returns JSON-like values', () => {
    expect(run('{"a": [1, 2.5, "s", true, null]}')).toEqual({ a: [1, 2.5, 's', true, null] });
  });
  it('accepts map literals mixing int and dyn values, as cel-go does', () => {
    expect(run('{"a": 1, "b": x}', { x: 2 })).toEqual({ a: 1, b: 2 });
  });
  it('evaluates a Kubernetes-style policy expression', () => {
    const expr = 'object.spec.containers.all(c, has(c.securityContext) && c.securityContext.runAsNonRoot == true)';
    const ok = { spec: { containers: [{ securityContext: { runAsNonRoot: true } }] } };
    const bad = { spec: { containers: [{ securityContext: { runAsNonRoot: true } }, { name: 'x' }] } };
    expect(run(expr, { object: ok }, ['object'])).toBe(true);
    expect(run(expr, { object: bad }, ['object'])).toBe(false);
  });
});

describe('compileCel errors', () => {
  it('reports a syntax error with its position', () => {
    expect(compileCel('1 +\n  ')).toMatchObject({ ok: false, code: 'CEL_SYNTAX', offset: 6, line: 2, col: 3 });
  });
  it('reports an unknown function at its name', () => {
    const r = compileCel('object.spec.foo(1)', { variables: ['object'] });
    expect(r).toMatchObject({ ok: false, code: 'CEL_UNKNOWN_FUNCTION', offset: 12, line: 1, col: 13 });
  });
  it('reports a known function called with wrong arguments as a type error', () => {
    expect(compileCel('"a".lowerAscii(1)')).toMatchObject({ ok: false, code: 'CEL_TYPE' });
  });
  it('reports an undeclared variable when variables are declared', () => {
    expect(compileCel('bar', { variables: ['object'] })).toMatchObject({ ok: false, code: 'CEL_TYPE', offset: 0 });
  });
  it('reports a type error at the operator expression', () => {
    expect(compileCel('1 + "a"')).toMatchObject({ ok: false, code: 'CEL_TYPE', line: 1, col: 1 });
  });
  it('refuses to declare a variable named like a library namespace', () => {
    expect(compileCel('ip == 1', { variables: ['ip'] })).toMatchObject({ ok: false, code: 'CEL_TYPE' });
  });
  it('reports runtime failures as CEL_EVAL', () => {
    const c = compileCel('x.missing', { variables: ['x'] });
    expect(c.ok && c.program.evaluate({ x: {} })).toMatchObject({ ok: false, code: 'CEL_EVAL' });
  });
});

describe('compileCel raw values and converted activations', () => {
  it('returns CEL runtime values with raw, and takes them back in a converted activation', async () => {
    const { toCelActivation } = await import('./index.js');
    const first = compileCel('object.items.filter(x, x > 1)', { variables: ['object', 'v'] });
    const second = compileCel('v.size() == 2 && v[0] + 1 == 3', { variables: ['object', 'v'] });
    if (!first.ok || !second.ok) throw new Error('compile');
    const base = toCelActivation({ object: { items: [1, 2, 3] } });
    const raw = first.program.evaluate(base, { raw: true, converted: true });
    expect(raw).toMatchObject({ ok: true, value: [2n, 3n] });
    expect(second.program.evaluate({ ...base, v: raw.ok ? raw.value : null }, { converted: true })).toMatchObject({ ok: true, value: true });
  });
});
