import { charge, sizeCost } from '../cost.js';
import { evalError } from './eval-error.js';
import { compileRe2 } from './re2.js';
import type { CelLibrary } from './types.js';

/** k8s.io/apiserver/pkg/cel/library/regex.go; patterns follow RE2 via ./re2.ts. */
export function regexpFor(pattern: string, global = false): RegExp {
  const r = compileRe2(pattern, global);
  if (!r.ok) throw evalError('invalid_argument', r.message);
  return r.regexp;
}

/** CEL `matches`: true when the pattern matches any substring (not anchored). */
export function matches(s: string, pattern: string): boolean {
  charge(sizeCost(s.length));
  return regexpFor(pattern).test(s);
}

function find(s: string, pattern: string): string {
  charge(sizeCost(s.length));
  return regexpFor(pattern).exec(s)?.[0] ?? '';
}

function findAll(s: string, pattern: string, limit = -1n): string[] {
  charge(sizeCost(s.length));
  if (limit === 0n) return [];
  const out: string[] = [];
  for (const m of s.matchAll(regexpFor(pattern, true))) {
    out.push(m[0]);
    if (limit > 0n && BigInt(out.length) >= limit) break;
  }
  return out;
}

export const regex = {
  source: 'k8s.io/apiserver/pkg/cel/library/regex.go',
  provider: 'both',
  functions: ['string.matches(string): bool', 'string.find(string): string', 'string.findAll(string[, int]): list<string>'],
  register(env) {
    env.registerFunction('string.find(string): string', find);
    env.registerFunction('string.findAll(string): list<string>', (s: string, p: string) => findAll(s, p));
    env.registerFunction('string.findAll(string, int): list<string>', findAll);
  },
} as const satisfies CelLibrary;
