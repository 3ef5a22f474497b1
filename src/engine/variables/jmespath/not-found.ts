/**
 * Kyverno's JMESPath interpreter (pkg/engine/jmespath/interpreter.go) differs from the spec in one way
 * that decides rule outcomes: reading a key that an object does not have is an error, NotFoundError
 * `Unknown key "<key>" in path`, not null. Field and sub/index expressions pass that error up; every other
 * node (pipes, projections, filters, comparisons, function arguments, ||, !, multi-selects) swallows it
 * and continues with null; `&&` passes it up from its right side only. An explicit null stops the chain
 * without error.
 *
 * So the error can only escape along the top-level chain of fields and indexes. We evaluate with the
 * spec interpreter and walk that chain separately to find the missing key.
 */
import { KeyNotFoundError } from '../errors.js';
import type { ExpressionNode } from './runtime.js';

type Node = { type: string; [k: string]: unknown };
const STOP = Symbol('stop');

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function walk(node: Node, value: unknown, root: unknown, truthy: (n: Node) => boolean): unknown {
  switch (node.type) {
    case 'Field': {
      const name = node.name as string;
      if (!isPlainObject(value)) return value === null || value === undefined ? null : STOP;
      if (!Object.hasOwn(value, name)) throw new KeyNotFoundError(name);
      return value[name];
    }
    case 'Subexpression':
    case 'IndexExpression': {
      const left = walk(node.left as Node, value, root, truthy);
      if (left === STOP || left === null || left === undefined) return STOP;
      return walk(node.right as Node, left, root, truthy);
    }
    case 'Index': {
      if (!Array.isArray(value)) return STOP;
      const i = node.value as number;
      return value[i < 0 ? value.length + i : i] ?? null;
    }
    case 'Root':
      return root;
    case 'Current':
    case 'Identity':
      return value;
    case 'AndExpression':
      return value === root && truthy(node.left as Node) ? walk(node.right as Node, value, root, truthy) : STOP;
    default:
      return STOP;
  }
}

/** Throws KeyNotFoundError when Kyverno's evaluation of `ast` on `data` would report an unknown key. */
export function checkUnknownKeys(ast: ExpressionNode, data: unknown, truthy: (n: ExpressionNode) => boolean): void {
  walk(ast as unknown as Node, data, data, truthy as unknown as (n: Node) => boolean);
}
