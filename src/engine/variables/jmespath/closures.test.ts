import { isDeepStrictEqual } from 'node:util';
import { compile } from '@jmespath-community/jmespath';
import { describe, expect, it } from 'vitest';
import { compileJmesPath, interpret } from './compile.js';

const data = {
  a: { b: null, list: [{ x: 1, y: 'p' }, { x: 2 }, { x: 3, y: 'q' }], s: 'héllo', n: 0, e: '', o: {}, t: true },
  nums: [3, 1, 2],
  names: ['b', 'a'],
  nested: [[1, [2]], [3], 4],
  m: { k1: { v: 1 }, k2: { v: 2 }, k3: 'x' },
  element: { name: 'c', securityContext: { capabilities: { drop: ['all'] } } },
  'we"ird': { 'x\ny': 1, '\u2028': 2 },
  own: { constructor: 'mine', u: undefined },
};

// Node kinds and edge cases the corpus may not hold: slices (strings too), value and filter projections,
// comparisons of mixed types, exprefs reading `$`, ternaries, the key chain through && and indexes.
const EXPRESSIONS = [
  'a.list[0].x', 'a.list[-1].y', 'a.list[5].x', 'a.list[1].y', 'a.missing', 'a.b.c', 'a.s.c', 'nope', 'a.list[0].nope',
  'a.s[1:3]', 'a.s[::-1]', 'nums[::2]', 'nums[1:]', 'nums[::0]', 'a.s[::0]', 'a.b[::0]', 'nums[0][1]', 'nums[10]',
  'm.*.v', 'm.*', 'a.list[?x > `1`].x', 'a.list[?y].y', 'a.list[?x == `2`]', 'a.list[?y != `null`] | length(@)',
  'a.list[*].y', 'a.list[].x', 'nested[]', 'nested[][]', 'a.n || `5`', 'a.e && a.missing', 'a.t && a.missing', 'a && a.nope',
  'a.t && nums[0]', '!a.o', '!a.list', 'a.n == `0`', "a.s == 'héllo'", 'nums < names', 'nums[0] >= nums[1]', "a.s > 'a'",
  '[a.n, a.e, a.t]', '{x: a.n, y: nope}', 'a.[n, e]', 'a.{n: n}', 'sort_by(a.list, &x)[].x', 'max_by(a.list, &x).x',
  'map(&x, a.list)', 'sort_by(a.list, &$.a.n)', 'length(nope)', 'length(a.n)', 'to_upper(a.s)', 'sort(nums)', 'sort(names)',
  "a.t ? 'yes' : 'no'", "a.e ? 'yes' : 'no'", '@', '$', '$.a.n', '@.a && @.a.nope', 'a.list | [0].x', 'a.list[0] | nope',
  "element.securityContext.capabilities.drop[].to_upper(@) || `[]`", 'element.securityContext.capabilities.add[]',
  'let $x = a.n in $x', 'nums[0] + nums[1]', '-nums[0]', 'nums[0] - nums[1]', 'nums[0] * nums[1]', 'nums[0] / `0`',
  'nums[0] / nums[1]', 'nums[0] % `0`', 'nums[0] // nums[2]', 'nums[0] // `0`', 'a.s + `1`', 'nope + `1`', 'a.n - nope',
  '-a.s', '+nums[0]', '-nope', 'nums[0] × nums[1]', 'nums[0] ÷ nums[1]', 'nums[0] − nums[1]', 'sum(nums) * `2` + abs(-nums[0])', 'keys(m)', 'values(m)[?v].v', 'contains(names, `"a"`)',
  'a.list[0].x.y', 'a.list.x', 'a.s[0]', 'a.nope[0]', 'a.nope[0:1]', 'a.list[0].{x: x}', 'not_null(nope, a.n)',
  "split('a,b', ',')", "items(m, 'k', 'v')[0].k", 'to_number(a.s)', 'abs(a.s)', 'length(a.list, a.list)',
  // Field paths are generated code: names that Object.prototype has, quotes, line breaks, own undefined.
  'a.constructor', 'a.toString', 'a."__proto__"', 'a.hasOwnProperty.x', 'own.constructor', 'own.u', 'own.u.v',
  '"we\\"ird"."x\\ny"', '"we\\"ird"."\\u2028"', '"we\\"ird".nope', 'a.list[0].constructor', 'a.list[].constructor',
];

type Outcome = { value: unknown } | { error: string };
const run = (f: () => unknown): Outcome => {
  try {
    return { value: f() };
  } catch (e) {
    return { error: `${(e as { code?: string }).code ?? ''} ${(e as Error).message}` };
  }
};
const codeOf = (e: unknown) => (e as { code?: string }).code ?? ((e as Error).name === 'KeyNotFoundError' ? 'VARIABLE_NOT_FOUND' : 'JMESPATH_EVAL');

describe('compiled closures', () => {
  it.each(EXPRESSIONS)('%s: same value or error as the interpreter', (expression) => {
    const c = compileJmesPath(expression);
    if (!c.ok) throw new Error(c.message);
    const fast = run(() => c.search(data));
    const slow = run(() => {
      try {
        return interpret(compile(expression), data);
      } catch (e) {
        throw Object.assign(new Error((e as Error).message), { code: codeOf(e) });
      }
    });
    expect(isDeepStrictEqual(fast, slow) ? 'same' : { fast, slow }).toBe('same');
  });

  it('covers every node kind except let/variables', () => {
    const uncompiled = EXPRESSIONS.filter((e) => {
      const c = compileJmesPath(e);
      return c.ok && !c.compiled;
    });
    expect(uncompiled).toEqual(['let $x = a.n in $x']);
  });

  it('the key chain error names the missing key, as before', () => {
    expect(() => compileJmesPath('a.list[0].nope').ok && (compileJmesPath('a.list[0].nope') as { search: (d: unknown) => unknown }).search(data))
      .toThrow('Unknown key "nope" in path');
  });
});
