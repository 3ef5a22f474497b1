/**
 * JMESPath AST -> JavaScript closures, built once per expression. Each node becomes a function of the
 * current value and the root (`$`) that does exactly what the library's TreeInterpreter.visit does for
 * that node (dist/index.mjs of @jmespath-community/jmespath 1.3): same null propagation, projections
 * that drop nulls, truthiness, comparisons, and function calls with the library's checks and errors.
 * A node this file does not know (let/variables) makes the whole expression uncompiled:
 * compile.ts then keeps the interpreter for it.
 */
import { binaryOperation, unaryOperation } from './arithmetic.js';
import { GENERATED_KINDS, generateNode } from './codegen.js';
import { fieldPath, plainPath } from './field-paths.js';
import { isFalse, strictDeepEqual } from './library-semantics.js';
import { functionCaller, setInterpreterRoot, sliceOf } from './runtime.js';

export type Fn = (value: unknown, root: unknown) => unknown;
export type AstNode = { type: string; [k: string]: unknown };

type NodeCompiler = (node: AstNode) => Fn | undefined;

const child = (node: AstNode, key: string): AstNode => node[key] as AstNode;
const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function pair(node: AstNode, build: (left: Fn, right: Fn) => Fn): Fn | undefined {
  const left = compileNode(child(node, 'left'));
  const right = compileNode(child(node, 'right'));
  return left && right ? build(left, right) : undefined;
}

function list(nodes: AstNode[]): Fn[] | undefined {
  const out: Fn[] = [];
  for (const n of nodes) {
    const f = compileNode(n);
    if (!f) return undefined;
    out.push(f);
  }
  return out;
}

/** Array.prototype.flat() of depth 1 (JSON arrays have no holes), without its generic-path cost. */
function flatten(list: unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const item of list) {
    if (Array.isArray(item)) for (const x of item) out.push(x);
    else out.push(item);
  }
  return out;
}

const field: NodeCompiler = (node) => {
  const name = node.name as string;
  return (v) => (isRecord(v) ? ((v[name] as unknown) ?? null) : null);
};

const index: NodeCompiler = (node) => {
  const i = node.value as number;
  return (v) => (Array.isArray(v) ? ((v[i < 0 ? v.length + i : i] as unknown) ?? null) : null);
};

const projection: NodeCompiler = (node) => {
  const leftNode = child(node, 'left');
  const allowString = leftNode.type === 'IndexExpression' && child(leftNode, 'right').type === 'Slice';
  return pair(node, (left, right) => (v, root) => {
    const base = left(v, root);
    if (allowString && typeof base === 'string') return right(base, root);
    if (!Array.isArray(base)) return null;
    const out: unknown[] = [];
    for (const elem of base) {
      const r = right(elem, root);
      if (r !== null) out.push(r);
    }
    return out;
  });
};

const valueProjection: NodeCompiler = (node) =>
  pair(node, (left, right) => (v, root) => {
    const base = left(v, root);
    if (!isRecord(base)) return null;
    const out: unknown[] = [];
    for (const elem of Object.values(base)) {
      const r = right(elem, root);
      if (r !== null) out.push(r);
    }
    return out;
  });

const filterProjection: NodeCompiler = (node) => {
  const condition = compileNode(child(node, 'condition'));
  if (!condition) return undefined;
  return pair(node, (left, right) => (v, root) => {
    const base = left(v, root);
    if (!Array.isArray(base)) return null;
    const out: unknown[] = [];
    for (const elem of base) {
      if (isFalse(condition(elem, root))) continue;
      const r = right(elem, root);
      if (r !== null) out.push(r);
    }
    return out;
  });
};

const ORDER: Record<string, (a: number, b: number) => boolean> = {
  GT: (a, b) => a > b, GTE: (a, b) => a >= b, LT: (a, b) => a < b, LTE: (a, b) => a <= b,
};

const comparator: NodeCompiler = (node) => {
  const name = node.name as string;
  if (name === 'EQ') return pair(node, (l, r) => (v, root) => strictDeepEqual(l(v, root), r(v, root)));
  if (name === 'NE') return pair(node, (l, r) => (v, root) => !strictDeepEqual(l(v, root), r(v, root)));
  const cmp = ORDER[name];
  if (!cmp) return undefined;
  return pair(node, (l, r) => (v, root) => {
    const a = l(v, root);
    const b = r(v, root);
    return typeof a === 'number' && typeof b === 'number' ? cmp(a, b) : null;
  });
};

const slice: NodeCompiler = (node) => (v) => (Array.isArray(v) || typeof v === 'string' ? sliceOf(v, node) : null);

const functionCall: NodeCompiler = (node) => {
  const children = node.children as AstNode[];
  const args = list(children);
  if (!args) return undefined;
  const call = functionCaller(node.name as string, args.length);
  const needsRoot = children.some((c) => c.type === 'ExpressionReference');
  const n = args.length;
  return (v, root) => {
    const values = new Array<unknown>(n);
    for (let i = 0; i < n; i++) values[i] = (args[i] as Fn)(v, root);
    if (needsRoot) setInterpreterRoot(root);
    return call(values);
  };
};

const multiSelectHash: NodeCompiler = (node) => {
  const pairs = node.children as Array<{ name: string; value: AstNode }>;
  const values = list(pairs.map((p) => p.value));
  if (!values) return undefined;
  const names = pairs.map((p) => p.name);
  return (v, root) => {
    const out: Record<string, unknown> = {};
    for (let i = 0; i < names.length; i++) out[names[i] as string] = (values[i] as Fn)(v, root);
    return out;
  };
};

const compilers: Record<string, NodeCompiler> = {
  Field: field,
  Index: index,
  Current: () => (v) => v,
  Identity: () => (v) => v,
  Root: () => (_v, root) => root,
  Literal: (node) => {
    const value = node.value;
    return () => value;
  },
  Subexpression: (node) => pair(node, (l, r) => (v, root) => {
    const left = l(v, root);
    return left != null ? (r(left, root) ?? null) : null;
  }),
  IndexExpression: (node) => pair(node, (l, r) => (v, root) => r(l(v, root), root)),
  Pipe: (node) => pair(node, (l, r) => (v, root) => r(l(v, root), root)),
  Slice: slice,
  Projection: projection,
  ValueProjection: valueProjection,
  FilterProjection: filterProjection,
  Flatten: (node) => {
    const c = compileNode(child(node, 'child'));
    return c && ((v, root) => {
      const original = c(v, root);
      return Array.isArray(original) ? flatten(original) : null;
    });
  },
  Comparator: comparator,
  MultiSelectList: (node) => {
    const items = list(node.children as AstNode[]);
    return items && ((v, root) => items.map((f) => f(v, root)));
  },
  MultiSelectHash: multiSelectHash,
  OrExpression: (node) => pair(node, (l, r) => (v, root) => {
    const left = l(v, root);
    return isFalse(left) ? r(v, root) : left;
  }),
  AndExpression: (node) => pair(node, (l, r) => (v, root) => {
    const left = l(v, root);
    return isFalse(left) ? left : r(v, root);
  }),
  NotExpression: (node) => {
    const c = compileNode(child(node, 'child'));
    return c && ((v, root) => isFalse(c(v, root)));
  },
  Ternary: (node) => {
    const cond = compileNode(child(node, 'condition'));
    const yes = compileNode(child(node, 'trueExpr'));
    const no = compileNode(child(node, 'falseExpr'));
    return cond && yes && no && ((v, root) => (isFalse(cond(v, root)) ? no(v, root) : yes(v, root)));
  },
  Function: functionCall,
  Arithmetic: (node) => {
    const op = binaryOperation(node.operator as string);
    return op && pair(node, (l, r) => (v, root) => op(l(v, root), r(v, root)));
  },
  Unary: (node) => {
    const op = unaryOperation(node.operator as string);
    const operand = compileNode(child(node, 'operand'));
    return op && operand && ((v, root) => op(operand(v, root)));
  },
  // The interpreter hands functions a fresh `{ expref: true, ...child }` node to evaluate themselves.
  ExpressionReference: (node) => {
    const c = child(node, 'child');
    return () => ({ expref: true, ...c });
  },
};

/**
 * The compiled function for `node`, or undefined when some node of it is not compiled: generated code
 * (codegen.ts) where it can be written, these closures otherwise.
 */
export function compileNode(node: AstNode): Fn | undefined {
  const path = fieldPath(node);
  if (path) return plainPath(path);
  if (GENERATED_KINDS.has(node.type)) {
    const generated = generateNode(node, compileNode);
    if (generated !== undefined) return generated;
  }
  return closureOf(node);
}

/** The closure for `node` (the form codegen.ts writes out), or undefined when some node of it is not compiled. */
export function closureOf(node: AstNode): Fn | undefined {
  const compiler = Object.hasOwn(compilers, node.type) ? compilers[node.type] : undefined;
  return compiler ? compiler(node) : undefined;
}
