import { charge, sizeCost } from '../cost.js';
import { evalError } from './eval-error.js';
import { formatString, quote } from './format.js';
import { registerNamespace, type CelLibrary } from './types.js';

/**
 * cel-go ext.Strings (version 2 in Kubernetes' base environment). The library already has indexOf,
 * lastIndexOf, lowerAscii, upperAscii, split, substring, trim and join; we add the rest.
 * Indexes count code points, as cel-go does.
 */
const cp = (s: string): string[] => Array.from(s);

function charAt(s: string, i: bigint): string {
  const chars = cp(s);
  if (i < 0n || i > BigInt(chars.length)) throw evalError('index_out_of_range', `index out of range: ${i}`);
  return chars[Number(i)] ?? '';
}

function replace(s: string, from: string, to: string, limit = -1n): string {
  charge(sizeCost(s.length));
  if (limit < 0n) return s.split(from).join(to);
  let out = s;
  let n = 0n;
  let at = 0;
  while (n < limit) {
    const i = out.indexOf(from, at);
    if (i < 0) break;
    out = out.slice(0, i) + to + out.slice(i + from.length);
    at = i + to.length + (from === '' ? 1 : 0);
    n++;
  }
  return out;
}

export const strings = {
  source: 'cel-go ext/strings.go (ext.Strings, version 2)',
  provider: 'both',
  functions: [
    'string.charAt(int): string', 'string.indexOf(string[, int]): int', 'string.lastIndexOf(string[, int]): int',
    'string.lowerAscii(): string', 'string.upperAscii(): string', 'string.replace(string, string[, int]): string',
    'string.split(string[, int]): list<string>', 'string.substring(int[, int]): string', 'string.trim(): string',
    'list<string>.join([string]): string', 'string.format(list): string', 'strings.quote(string): string',
    'string.reverse(): string',
  ],
  register(env) {
    env.registerFunction('string.charAt(int): string', charAt);
    env.registerFunction('string.replace(string, string): string', (s: string, a: string, b: string) => replace(s, a, b));
    env.registerFunction('string.replace(string, string, int): string', replace);
    env.registerFunction('string.reverse(): string', (s: string) => cp(s).reverse().join(''));
    env.registerFunction('string.format(list): string', formatString);
    registerNamespace(env, 'strings', 'StringsNamespace');
    env.registerFunction('StringsNamespace.quote(string): string', (_ns: unknown, s: string) => quote(s));
  },
} as const satisfies CelLibrary;
