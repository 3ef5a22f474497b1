import { charge } from '../cost.js';
import { rangeSize } from '../instrument.js';
import { evalError } from './eval-error.js';
import type { CelLibrary } from './types.js';

/**
 * Two-variable comprehensions (cel-go ext/comprehensions.go, Kubernetes 1.32+):
 * list.all(i, v, p), map.all(k, v, p), exists, existsOne, transformList(i, v, [filter,] t),
 * transformMap(k, v, [filter,] t). Built on the library's macro hooks (parse-time expansion with
 * typeCheck/evaluate); the library itself has only the one-variable forms.
 */
type Ast = { op: string; args: unknown };
interface Ctx {
  forkWithVariable(name: string, type: unknown): Ctx;
  reuse(parent: Ctx): Ctx;
  setIterValue(v: unknown, ev: unknown): Ctx;
}
interface Checker {
  check(ast: Ast, ctx: Ctx): { kind?: string; keyType?: unknown; valueType?: unknown };
  getType(name: string): unknown;
}
interface Evaluator {
  run(ast: Ast, ctx: Ctx): unknown;
}
type Kind = 'all' | 'exists' | 'existsOne' | 'transformList' | 'transformMap';
interface Macro {
  kind: Kind;
  receiver: Ast;
  k: string;
  v: string;
  filter?: Ast;
  body: Ast;
  c1?: Ctx;
  c2?: Ctx;
  cost: number;
}

function ident(ast: Ast | undefined): string {
  if (ast?.op !== 'id') throw evalError('invalid_macro_argument', 'iteration variable must be an identifier');
  return ast.args as string;
}

function countNodes(ast: unknown): number {
  if (Array.isArray(ast)) return ast.reduce((n: number, a) => n + countNodes(a), 0);
  if (typeof ast !== 'object' || ast === null || !('op' in ast)) return 0;
  return 1 + countNodes((ast as Ast).args);
}

const RETURNS: Record<Kind, string> = {
  all: 'bool', exists: 'bool', existsOne: 'bool', transformList: 'list', transformMap: 'map',
};

function typeCheck(chk: Checker, m: Macro, ctx: Ctx): unknown {
  const range = chk.check(m.receiver, ctx);
  const dyn = chk.getType('dyn');
  const keyType = range.kind === 'list' ? chk.getType('int') : (range.keyType ?? dyn);
  m.c1 = ctx.forkWithVariable(m.k, keyType);
  m.c2 = m.c1.forkWithVariable(m.v, range.valueType ?? dyn);
  if (m.filter) chk.check(m.filter, m.c2);
  chk.check(m.body, m.c2);
  return chk.getType(RETURNS[m.kind]);
}

function entries(range: unknown): [unknown, unknown][] {
  if (Array.isArray(range)) return range.map((v, i) => [BigInt(i), v]);
  if (range instanceof Map) return [...range.entries()];
  if (typeof range === 'object' && range !== null) return Object.entries(range);
  throw evalError('invalid_comprehension_range', 'comprehension range must be a list or a map');
}

function evaluate(ev: Evaluator, m: Macro, ctx: Ctx): unknown {
  const range = ev.run(m.receiver, ctx);
  charge(rangeSize(range) * m.cost);
  const c1 = m.c1?.reuse(ctx);
  if (!c1 || !m.c2) throw evalError('internal', 'comprehension was not type-checked');
  let count = 0;
  let error: unknown;
  const listOut: unknown[] = [];
  const mapOut: Record<string, unknown> = {};
  for (const [k, v] of entries(range)) {
    const c2 = m.c2.reuse(c1.setIterValue(k, ev)).setIterValue(v, ev);
    if (m.filter && ev.run(m.filter, c2) !== true) continue;
    if (m.kind === 'transformList') listOut.push(ev.run(m.body, c2));
    else if (m.kind === 'transformMap') mapOut[String(k)] = ev.run(m.body, c2);
    else {
      let r: unknown;
      try {
        r = ev.run(m.body, c2);
      } catch (e) {
        error ??= e;
        continue;
      }
      if (r === (m.kind === 'all' ? false : true)) count++;
      if (count > 0 && m.kind !== 'existsOne') return m.kind === 'exists';
    }
  }
  if (error !== undefined && m.kind !== 'existsOne') throw error;
  if (m.kind === 'transformList') return listOut;
  if (m.kind === 'transformMap') return mapOut;
  if (m.kind === 'existsOne') return count === 1;
  return m.kind === 'all';
}

function expander(kind: Kind, withFilter: boolean) {
  return ({ args, receiver }: { args: Ast[]; receiver: Ast }) => {
    const body = args[withFilter ? 3 : 2] as Ast;
    return {
      kind, receiver, body, k: ident(args[0]), v: ident(args[1]),
      filter: withFilter ? args[2] : undefined,
      cost: 1 + countNodes(body) + (withFilter ? countNodes(args[2]) : 0),
      typeCheck, evaluate,
    };
  };
}

export const comprehensions = {
  source: 'cel-go ext/comprehensions.go (TwoVarComprehensions)',
  provider: 'ours',
  functions: [
    'list|map.all(k, v, pred): bool', 'list|map.exists(k, v, pred): bool', 'list|map.existsOne(k, v, pred): bool',
    'list|map.transformList(k, v, [filter,] expr): list', 'list|map.transformMap(k, v, [filter,] expr): map',
  ],
  register(env) {
    for (const recv of ['list', 'map']) {
      for (const kind of ['all', 'exists', 'existsOne'] as const) {
        env.registerFunction(`${recv}.${kind}(ast, ast, ast): bool`, expander(kind, false));
      }
      env.registerFunction(`${recv}.transformList(ast, ast, ast): list`, expander('transformList', false));
      env.registerFunction(`${recv}.transformList(ast, ast, ast, ast): list`, expander('transformList', true));
      env.registerFunction(`${recv}.transformMap(ast, ast, ast): map`, expander('transformMap', false));
      env.registerFunction(`${recv}.transformMap(ast, ast, ast, ast): map`, expander('transformMap', true));
    }
  },
} as const satisfies CelLibrary;
