import { spawnSync } from 'node:child_process';
import { isDeepStrictEqual } from 'node:util';
import { fileURLToPath } from 'node:url';
import { compile } from '@jmespath-community/jmespath';
import { describe, expect, it } from 'vitest';
import { closureOf, compileNode, type AstNode, type Fn } from './closures.js';
import { GENERATED_KINDS, generateNode } from './codegen.js';

const docs: unknown[] = [
  {
    request: {
      operation: 'CREATE',
      object: {
        spec: {
          template: {
            spec: {
              initContainers: [{ name: 'i', securityContext: { capabilities: { drop: ['all'], add: ['NET_ADMIN'] } } }],
              containers: [{ name: 'a', securityContext: { capabilities: { drop: ['ALL'] } } }, { name: 'b' }, null],
              volumes: [{ name: 'v', emptyDir: {} }, { name: 'w', hostPath: { path: '/' } }],
            },
          },
        },
      },
    },
    element: { securityContext: { capabilities: { drop: ['all', 'Net_Raw'], add: [] } } },
    nums: [3, 1, -2, 2.5],
    names: ['b', 'a', 'c'],
    nested: [[1, [2]], [3], 4, null],
    m: { k1: { v: 1 }, k2: { v: 2 }, k3: 'x', k4: null },
    s: 'héllo',
    zero: 0,
    empty: '',
    obj: {},
    t: true,
    own: { constructor: 'mine', __proto__x: 1 },
  },
  { request: { operation: 'DELETE', object: null }, element: 'not an object', nums: 'str', m: [1, 2], s: 5 },
  null,
  [1, 'a', { x: 1 }],
  'text',
];

const EXPRESSIONS = [
  'request.object.spec.template.spec.[ephemeralContainers, initContainers, containers][]',
  'request.object.spec.template.spec.[ephemeralContainers, initContainers, containers][].securityContext.capabilities.add[]',
  "request.object.spec.template.spec.volumes[].keys(@)[] || ''",
  "element.securityContext.capabilities.drop[].to_upper(@) || `[]`",
  "element.securityContext.capabilities.add[].to_upper(@) || `[]`",
  "request.operation || 'BACKGROUND'",
  'request.operation && request.object', 'request.object && request.operation', '!request.object', '!nums',
  'nums[0]', 'nums[-1]', 'nums[-9]', 'nums[1].x', 'm.k1.v', 'm.*.v', 'm.*', 'names | [0]', 'nums | length(@)',
  'nums[?@ > `1`]', 'nums[?@ < `0`] | [0]', 'm.*[?v == `2`]', 'nested[]', 'nested[][]', 'nested[].x',
  'nums[0] > nums[1]', 'nums[0] <= `3`', "s >= 'a'", 'zero == `0`', 'm.k1 != m.k2', 'm.k1 == {v: `1`}',
  '[nums[0], names[0], nope]', '{a: nums[0], b: nope, "__proto__": s}', 'request.[operation, object]',
  'sort_by(request.object.spec.template.spec.containers[?name], &name)[].name', 'max_by(m.*[?v], &v).v',
  'length(s)', 'length(zero)', 'to_upper(s)', 'abs(nums[2])', 'not_null(nope, nums)', 'keys(m)', 'sort(names)',
  "t ? 'y' : 'n'", 'nums[1:3]', 's[::-1]', 'nums[0] + nums[1]', '-nums[0]', 'empty || obj || `false` || zero',
  'own.constructor', 'own.toString', '@', '$.nums', '@.m.k1 && $.m.k2.v', 'map(&v, m.*[?v])', 'request.object.spec.x[0]',
];

type Outcome = { value: unknown } | { error: string };
const run = (f: Fn, doc: unknown): Outcome => {
  try {
    return { value: f(doc, doc) };
  } catch (e) {
    return { error: (e as Error).message };
  }
};

/** Every node of the tree (the generated roots tried below). */
function nodes(node: AstNode, out: AstNode[] = []): AstNode[] {
  out.push(node);
  for (const v of Object.values(node)) {
    if (Array.isArray(v)) v.forEach((c) => c && typeof c === 'object' && nodes((c as { value?: AstNode }).value ?? (c as AstNode), out));
    else if (v && typeof v === 'object' && typeof (v as AstNode).type === 'string') nodes(v as AstNode, out);
  }
  return out;
}

describe('generated JMESPath (codegen.ts)', () => {
  it.each(EXPRESSIONS)('%s: every generated subtree gives the closures’ value or error on every document', (expression) => {
    const ast = compile(expression) as unknown as AstNode;
    let generated = 0;
    for (const node of nodes(ast)) {
      if (!GENERATED_KINDS.has(node.type)) continue;
      const gen = generateNode(node, compileNode);
      const closure = closureOf(node);
      expect(gen === undefined, `${expression}: ${node.type}`).toBe(closure === undefined);
      if (!gen || !closure) continue;
      generated++;
      for (const doc of docs) {
        const a = run(gen, doc);
        const b = run(closure, doc);
        expect(isDeepStrictEqual(a, b) ? 'same' : { generated: a, closure: b }, `${expression} on ${JSON.stringify(doc)?.slice(0, 40)}`).toBe('same');
      }
    }
    if (GENERATED_KINDS.has(ast.type)) expect(generated).toBeGreaterThan(0);
  });

  it('is what compileNode returns for those kinds', () => {
    const ast = compile('request.object.spec.template.spec.[ephemeralContainers, initContainers, containers][]') as unknown as AstNode;
    expect(compileNode(ast)?.toString()).toMatch(/^function j\d+\(v, root\)/);
  });

  it('leaves a node it cannot compile to the closures, which report it the same way', () => {
    const ast = compile('let $x = nums in $x[0]') as unknown as AstNode;
    expect(generateNode(ast, compileNode)).toBeUndefined();
    expect(compileNode(ast)).toBeUndefined();
    const inProjection = compile('nums[*].let $x = @ in $x') as unknown as AstNode;
    expect(generateNode(inProjection, compileNode)).toBeUndefined();
  });

  it('falls back to closures where code generation is disallowed', () => {
    const here = fileURLToPath(new URL('.', import.meta.url));
    const script = `
      const { compileJmesPath } = await import(${JSON.stringify(`${here}compile.ts`)});
      const c = compileJmesPath("request.object.spec.[a, b][] || 'none'");
      console.log(JSON.stringify([c.compiled, c.search({ request: { object: { spec: { a: [1], b: 2 } } } }), c.search({ request: { object: { spec: {} } } })]));`;
    const r = spawnSync(process.execPath, ['--disallow-code-generation-from-strings', '--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual([true, [1, 2], 'none']);
  });
});
