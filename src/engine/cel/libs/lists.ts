import { charge, sizeCost } from '../cost.js';
import { compareCel, equalCel } from './compare.js';
import { evalError } from './eval-error.js';
import type { CelLibrary } from './types.js';

/** k8s.io/apiserver/pkg/cel/library/lists.go */
function isSorted(list: unknown[]): boolean {
  charge(sizeCost(list.length));
  for (let i = 1; i < list.length; i++) if (compareCel(list[i - 1], list[i]) > 0) return false;
  return true;
}

/** Sum keeps the element type: ints stay int, doubles double; an empty list sums to int 0. */
function sum(list: unknown[]): unknown {
  charge(sizeCost(list.length));
  if (list.length === 0) return 0n;
  if (list.every((v) => typeof v === 'bigint')) return (list as bigint[]).reduce((a, b) => a + b, 0n);
  if (list.every((v) => typeof v === 'number')) return (list as number[]).reduce((a, b) => a + b, 0);
  throw evalError('no_such_overload', 'sum: list elements must all be int or all be double');
}

function extreme(list: unknown[], sign: 1 | -1, name: string): unknown {
  charge(sizeCost(list.length));
  if (list.length === 0) throw evalError('invalid_argument', `${name} called on empty list`);
  return list.reduce((best, v) => (compareCel(v, best) * sign > 0 ? v : best));
}

function indexOf(list: unknown[], v: unknown): bigint {
  charge(sizeCost(list.length));
  return BigInt(list.findIndex((x) => equalCel(x, v)));
}

function lastIndexOf(list: unknown[], v: unknown): bigint {
  charge(sizeCost(list.length));
  return BigInt(list.findLastIndex((x) => equalCel(x, v)));
}

export const lists = {
  source: 'k8s.io/apiserver/pkg/cel/library/lists.go',
  provider: 'ours',
  functions: [
    'list.isSorted(): bool', 'list.sum(): T', 'list.min(): T', 'list.max(): T',
    'list.indexOf(T): int', 'list.lastIndexOf(T): int',
  ],
  register(env) {
    env.registerFunction('list.isSorted(): bool', isSorted);
    env.registerFunction('list.sum(): dyn', sum);
    env.registerFunction('list.min(): dyn', (l: unknown[]) => extreme(l, -1, 'min'));
    env.registerFunction('list.max(): dyn', (l: unknown[]) => extreme(l, 1, 'max'));
    env.registerFunction('list.indexOf(dyn): int', indexOf);
    env.registerFunction('list.lastIndexOf(dyn): int', lastIndexOf);
  },
} as const satisfies CelLibrary;
