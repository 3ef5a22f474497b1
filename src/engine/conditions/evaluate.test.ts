import { describe, expect, it, vi } from 'vitest';
import { ConditionError, evaluateCondition, evaluateConditions } from './index.js';

/** A substitute that resolves `{{name}}` strings from a table, like the engine's variable resolver. */
function substituteFrom(vars: Record<string, unknown>) {
  return (value: unknown): unknown => {
    if (typeof value !== 'string') return value;
    const m = /^\{\{\s*(.+?)\s*\}\}$/.exec(value);
    if (!m) return value;
    const name = m[1] as string;
    if (!(name in vars)) throw new Error(`variable ${name} not found`);
    return vars[name];
  };
}

const cond = (key: unknown, operator: string, value: unknown, message?: string) =>
  message === undefined ? { key, operator, value } : { key, operator, value, message };

describe('evaluateCondition', () => {
  it('looks operators up case-insensitively, like CreateOperatorHandler', () => {
    expect(evaluateCondition(cond('a', 'equals', 'a'))).toBe(true);
    expect(evaluateCondition(cond('a', 'ANYIN', ['a']))).toBe(true);
    expect(evaluateCondition(cond('a', 'Equal', 'a'))).toBe(true);
    expect(evaluateCondition(cond('a', 'NotEqual', 'b'))).toBe(true);
  });
  it('numeric operators only work with their exact spelling (numeric.go compares the name)', () => {
    expect(evaluateCondition(cond(5, 'GreaterThan', 3))).toBe(true);
    expect(evaluateCondition(cond(5, 'greaterthan', 3))).toBe(false);
    expect(evaluateCondition(cond('1h', 'durationgreaterthan', '1m'))).toBe(false);
  });
  it('throws on unknown operators', () => {
    expect(() => evaluateCondition(cond('a', 'Contains', 'a'))).toThrow(ConditionError);
  });
  it('treats a missing value as null', () => {
    expect(evaluateCondition({ key: 'a', operator: 'NotEquals' })).toBe(true);
    expect(evaluateCondition({ key: 'a', operator: 'Equals' })).toBe(false);
  });
});

describe('evaluateConditions', () => {
  const vars = { color: 'red', app: 'busybox', animal: 'cow', env: 'qa', op: 'CREATE' };
  const sub = substituteFrom(vars);

  it('any: at least one must pass', () => {
    const c = { any: [cond('{{color}}', 'Equals', 'blue'), cond('{{app}}', 'Equals', 'busybox')] };
    expect(evaluateConditions(c, sub).passed).toBe(true);
    const none = { any: [cond('{{color}}', 'Equals', 'blue'), cond('{{app}}', 'Equals', 'nginx')] };
    expect(evaluateConditions(none, sub).passed).toBe(false);
  });
  it('all: every one must pass; any and all together must both pass', () => {
    const both = {
      any: [cond('{{color}}', 'Equals', 'blue'), cond('{{app}}', 'Equals', 'busybox')],
      all: [cond('{{animal}}', 'Equals', 'cow'), cond('{{env}}', 'Equals', 'qa')],
    };
    expect(evaluateConditions(both, sub).passed).toBe(true);
    const allFails = { ...both, all: [cond('{{animal}}', 'Equals', 'cow'), cond('{{env}}', 'Equals', 'prod')] };
    expect(evaluateConditions(allFails, sub).passed).toBe(false);
    const anyFails = { ...both, any: [cond('{{color}}', 'Equals', 'blue')] };
    expect(evaluateConditions(anyFails, sub).passed).toBe(false);
  });
  it('empty blocks pass, except an explicit empty any list (Go: non-nil empty slice)', () => {
    expect(evaluateConditions({}, sub).passed).toBe(true);
    expect(evaluateConditions({ all: [] }, sub).passed).toBe(true);
    expect(evaluateConditions([], sub).passed).toBe(true);
    expect(evaluateConditions({ any: [] }, sub).passed).toBe(false);
  });
  it('a plain list is the legacy form of all', () => {
    expect(evaluateConditions([cond('{{op}}', 'In', ['CREATE', 'UPDATE'])], sub).passed).toBe(true);
    expect(evaluateConditions([cond('{{op}}', 'Equals', 'CREATE'), cond('{{app}}', 'Equals', 'x')], sub).passed).toBe(false);
  });
  it('the legacy form rejects operators that are not spelled exactly', () => {
    expect(() => evaluateConditions([cond('a', 'equals', 'a')], sub)).toThrow(ConditionError);
    expect(evaluateConditions({ all: [cond('a', 'equals', 'a')] }, sub).passed).toBe(true);
  });
  it('returns the message of the failing condition', () => {
    const c = {
      all: [
        cond('{{animal}}', 'Equals', 'cow', 'must be a cow'),
        cond('{{env}}', 'Equals', 'prod', 'You have a case of the Mondays.'),
        cond('{{app}}', 'Equals', 'nope', 'never evaluated'),
      ],
    };
    expect(evaluateConditions(c, sub)).toEqual({ passed: false, message: 'You have a case of the Mondays.' });
  });
  it('joins the messages of failed any conditions, and returns passing messages on success', () => {
    const failing = { any: [cond('{{color}}', 'Equals', 'blue', 'not blue'), cond('{{app}}', 'Equals', 'x', 'not x')] };
    expect(evaluateConditions(failing, sub)).toEqual({ passed: false, message: 'not blue; not x' });
    const passing = { all: [cond('{{animal}}', 'Equals', 'cow', 'a cow')] };
    expect(evaluateConditions(passing, sub)).toEqual({ passed: true, message: 'a cow' });
    expect(evaluateConditions({ all: [cond('a', 'Equals', 'a')] }, sub)).toEqual({ passed: true });
  });
  it('substitutes variables in messages', () => {
    const c = { all: [cond('{{app}}', 'Equals', 'nginx', '{{app}}')] };
    expect(evaluateConditions(c, sub)).toEqual({ passed: false, message: 'busybox' });
  });
  it('passes JSON Pointers to substitute and lets its errors propagate', () => {
    const spy = vi.fn(substituteFrom(vars));
    evaluateConditions({ any: [cond('{{app}}', 'Equals', 'busybox')] }, spy, '/spec/rules/0/preconditions');
    expect(spy).toHaveBeenCalledWith('{{app}}', '/spec/rules/0/preconditions/any/0/key');
    expect(spy).toHaveBeenCalledWith('busybox', '/spec/rules/0/preconditions/any/0/value');
    // Substitution is per condition, just before it is evaluated (variables.Evaluate): a condition after
    // the deciding one is never substituted, one that is reached lets its error propagate.
    const decided = { any: [cond('{{app}}', 'Equals', 'busybox'), cond('{{missing}}', 'Equals', 'x')] };
    expect(evaluateConditions(decided, sub).passed).toBe(true);
    const reached = { any: [cond('{{app}}', 'Equals', 'nginx'), cond('{{missing}}', 'Equals', 'x')] };
    expect(() => evaluateConditions(reached, sub)).toThrow('variable missing not found');
  });
  it('throws on unknown fields and unknown operators', () => {
    expect(() => evaluateConditions({ any: [], foo: [] } as never, sub)).toThrow(ConditionError);
    expect(() => evaluateConditions({ all: [cond('a', 'Like', 'a')] }, sub)).toThrow(/operator/);
  });
  it('evaluates request.operation preconditions end to end', () => {
    const c = { all: [cond('{{op}}', 'AnyIn', ['CREATE', 'UPDATE']), cond('{{app}}', 'NotEquals', '')] };
    expect(evaluateConditions(c, sub).passed).toBe(true);
  });
});
