import { charge } from '../cost.js';
import { equalCel } from './compare.js';
import { registerNamespace, type CelLibrary } from './types.js';

/** cel-go ext/sets.go (ext.Sets in Kubernetes' base environment). */
const has = (list: unknown[], v: unknown): boolean => list.some((x) => equalCel(x, v));

function contains(a: unknown[], b: unknown[]): boolean {
  charge(1 + a.length * b.length);
  return b.every((v) => has(a, v));
}

export const sets = {
  source: 'cel-go ext/sets.go',
  provider: 'ours',
  functions: ['sets.contains(list, list): bool', 'sets.equivalent(list, list): bool', 'sets.intersects(list, list): bool'],
  register(env) {
    registerNamespace(env, 'sets', 'SetsNamespace');
    env.registerFunction('SetsNamespace.contains(list, list): bool', (_: unknown, a: unknown[], b: unknown[]) => contains(a, b));
    env.registerFunction('SetsNamespace.equivalent(list, list): bool', (_: unknown, a: unknown[], b: unknown[]) => contains(a, b) && contains(b, a));
    env.registerFunction('SetsNamespace.intersects(list, list): bool', (_: unknown, a: unknown[], b: unknown[]) => {
      charge(1 + a.length * b.length);
      return a.some((v) => has(b, v));
    });
  },
} as const satisfies CelLibrary;
