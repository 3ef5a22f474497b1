/**
 * The compiled form of Kyverno's unknown-key rule (see not-found.ts for the rule itself): along the
 * top-level chain of fields, indexes, sub-expressions and `&&`, reading a key an object lacks throws
 * KeyNotFoundError. Today's interpreter path evaluates first and walks the chain afterwards; here the
 * walk is folded into the evaluation, so the expression runs once. Both give the same value and the
 * same error: a missing key makes the rest of the chain null (sub-expressions stop, index expressions
 * only index or slice null), so nothing evaluated after it could have thrown first.
 *
 * `live` says whether the walk of the closure that just returned may go on: false where not-found.ts
 * returns STOP (a node outside the chain, `&&` whose left side is false or that is not at the root, a
 * field of a non-object). A null value stops the walk as well, so it need not be tracked.
 */
import { KeyNotFoundError } from '../errors.js';
import { compileNode, type AstNode, type Fn } from './closures.js';
import { fieldPath, kyvernoPath } from './field-paths.js';
import { isFalse } from './library-semantics.js';

let live = true;
const setLive = (value: boolean): void => {
  live = value;
};

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function field(name: string): Fn {
  return (v) => {
    if (!isRecord(v)) {
      live = false;
      return null;
    }
    if (!Object.hasOwn(v, name)) throw new KeyNotFoundError(name);
    live = true;
    return (v[name] as unknown) ?? null;
  };
}

function index(i: number): Fn {
  return (v) => {
    live = Array.isArray(v);
    return Array.isArray(v) ? ((v[i < 0 ? v.length + i : i] as unknown) ?? null) : null;
  };
}

/** Sub-expression (`a.b`, null stops) or index expression (`a[0]`, the right side sees the null). */
function chain(node: AstNode, nullStops: boolean): Fn | undefined {
  const leftNode = node.left as AstNode;
  const rightNode = node.right as AstNode;
  const plain = compileNode(node);
  const right = compileNode(rightNode);
  if (!plain || !right) return undefined;
  const strictLeft = compileChain(leftNode);
  if (!strictLeft) return stopped(plain);
  if (!nullStops && rightNode.type !== 'Index' && rightNode.type !== 'Slice') return undefined;
  const strictRight = compileChain(rightNode);
  return (v, root) => {
    const l = strictLeft(v, root);
    if (l === null || l === undefined) {
      live = false;
      return nullStops ? null : right(l, root);
    }
    if (!live || !strictRight) {
      live = false;
      return nullStops ? (right(l, root) ?? null) : right(l, root);
    }
    const r = strictRight(l, root);
    return nullStops ? (r ?? null) : r;
  };
}

function and(node: AstNode): Fn | undefined {
  const left = compileNode(node.left as AstNode);
  const right = compileNode(node.right as AstNode);
  if (!left || !right) return undefined;
  const strictRight = compileChain(node.right as AstNode);
  return (v, root) => {
    const l = left(v, root);
    if (isFalse(l)) {
      live = false;
      return l;
    }
    // not-found.ts walks the right side only at the root (value === root).
    if (v !== root || !strictRight) {
      live = false;
      return right(v, root);
    }
    return strictRight(v, root);
  };
}

function stopped(plain: Fn): Fn {
  return (v, root) => {
    const r = plain(v, root);
    live = false;
    return r;
  };
}

/** The node compiled with the unknown-key check; undefined when some node is not compiled. */
export function compileChain(node: AstNode): Fn | undefined {
  const path = fieldPath(node);
  if (path) return kyvernoPath(path, setLive);
  switch (node.type) {
    case 'Field':
      return field(node.name as string);
    case 'Index':
      return index(node.value as number);
    case 'Root':
      return (_v, root) => ((live = true), root);
    case 'Current':
    case 'Identity':
      return (v) => ((live = true), v);
    case 'Subexpression':
      return chain(node, true);
    case 'IndexExpression':
      return chain(node, false);
    case 'AndExpression':
      return and(node);
    default: {
      const plain = compileNode(node);
      return plain && stopped(plain);
    }
  }
}
