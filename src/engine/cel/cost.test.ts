import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CEL_ISSUE_CODES, PER_CALL_LIMIT, compileCel } from './index.js';

const list = (n: number) => Array.from({ length: n }, (_, i) => i);

function evaluate(expr: string, activation: Record<string, unknown>, costBudget?: number) {
  const c = compileCel(expr);
  if (!c.ok) throw new Error(c.message);
  return c.program.evaluate(activation, costBudget === undefined ? {} : { costBudget });
}

describe('cost budget (PerCallLimit 1,000,000 by default)', () => {
  it('stops nested comprehensions over large lists quickly instead of hanging', () => {
    const t0 = performance.now();
    const r = evaluate('l.all(a, l.all(b, l.all(c, a + b + c >= 0)))', { l: list(1000) });
    expect(r).toMatchObject({ ok: false, code: 'CEL_COST_EXCEEDED' });
    expect(r.cost).toBeGreaterThan(PER_CALL_LIMIT);
    expect(performance.now() - t0).toBeLessThan(1000);
  });
  it('lets small expressions through and reports their cost', () => {
    const r = evaluate('l.all(x, x >= 0)', { l: list(10) });
    expect(r).toMatchObject({ ok: true, value: true });
    expect(r.cost).toBeGreaterThan(10);
  });
  it('honours a caller budget (e.g. what is left of RuntimeCELCostBudget)', () => {
    expect(evaluate('l.map(x, x * 2).size()', { l: list(100) }, 50)).toMatchObject({ ok: false, code: 'CEL_COST_EXCEEDED' });
    expect(evaluate('l.map(x, x * 2).size()', { l: list(100) }, 10_000)).toMatchObject({ ok: true, value: 100 });
  });
  it('meters two-variable comprehensions and string functions', () => {
    expect(evaluate('l.all(i, v, l.all(j, w, i + j >= 0))', { l: list(2000) })).toMatchObject({ code: 'CEL_COST_EXCEEDED' });
    expect(evaluate("l.all(x, s.matches('a+'))", { l: list(100), s: 'a'.repeat(100_000) })).toMatchObject({ code: 'CEL_COST_EXCEEDED' });
  });
  it('is exceeded even when a quantifier absorbs the error and short-circuits', () => {
    const r = evaluate('l.exists(a, a == 999 || l.all(b, l.all(c, true)))', { l: list(1000) });
    expect(r).toMatchObject({ ok: false, code: 'CEL_COST_EXCEEDED' });
  });
});

describe('docs/cel.md', () => {
  it('lists exactly the issue codes that exist', () => {
    const doc = readFileSync(new URL('../../../docs/cel.md', import.meta.url), 'utf8');
    const documented = [...doc.matchAll(/^\| `(CEL_[A-Z_]+)` \|/gm)].map((m) => m[1]).sort();
    expect(documented).toEqual([...CEL_ISSUE_CODES].sort());
  });
});
