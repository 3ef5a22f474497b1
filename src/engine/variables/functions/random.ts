/**
 * random(pattern): a string matching a regular expression, like github.com/zach-klippenstein/goregen
 * (unbounded repeats capped at 10). Supports literals, escapes (\d \w \s and escaped punctuation),
 * classes with ranges and negation, `.`, groups with alternation and the quantifiers ? * + {n} {n,} {n,m}.
 * Randomness comes from the injected env (default Math.random).
 */
import { FunctionError } from '../errors.js';
import { defineFunctions, str, type FunctionContext } from './types.js';

type Node = { alt: Node[][] } | { chars: string[] } | { repeat: Node; min: number; max: number };
const MAX_UNBOUNDED = 10;
const PRINTABLE = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));
const range = (a: string, b: string) => Array.from({ length: b.charCodeAt(0) - a.charCodeAt(0) + 1 }, (_, i) => String.fromCharCode(a.charCodeAt(0) + i));
const CLASS: Record<string, string[]> = {
  d: range('0', '9'),
  w: [...range('a', 'z'), ...range('A', 'Z'), ...range('0', '9'), '_'],
  s: [' ', '\t', '\n', '\r', '\f', '\v'],
};

class Parser {
  i = 0;
  constructor(readonly p: string) {}
  fail(why: string): never {
    throw new FunctionError(`error parsing regexp: ${why}: \`${this.p}\``);
  }
  alternation(): Node {
    const alt: Node[][] = [[]];
    while (this.i < this.p.length && this.p[this.i] !== ')') {
      if (this.p[this.i] === '|') {
        this.i++;
        alt.push([]);
        continue;
      }
      alt[alt.length - 1]!.push(this.quantified(this.atom()));
    }
    return { alt };
  }
  escape(): string[] {
    const c = this.p[this.i++];
    if (c === undefined) this.fail('trailing backslash at end of expression');
    const cls = CLASS[c];
    if (cls) return cls;
    const neg = CLASS[c.toLowerCase()];
    if (neg) return PRINTABLE.filter((x) => !neg.includes(x));
    return [{ n: '\n', t: '\t', r: '\r' }[c] ?? c];
  }
  atom(): Node {
    const c = this.p[this.i++] as string;
    if (c === '(') {
      if (this.p.startsWith('?:', this.i)) this.i += 2;
      const inner = this.alternation();
      if (this.p[this.i++] !== ')') this.fail('missing closing )');
      return inner;
    }
    if (c === '[') return { chars: this.charClass() };
    if (c === '\\') return { chars: this.escape() };
    if (c === '.') return { chars: PRINTABLE };
    if (c === '^' || c === '$') return { chars: [''] };
    if ('*+?{'.includes(c)) this.fail('missing argument to repetition operator');
    return { chars: [c] };
  }
  charClass(): string[] {
    const negate = this.p[this.i] === '^';
    if (negate) this.i++;
    const set: string[] = [];
    let first = true;
    while (this.i < this.p.length && (this.p[this.i] !== ']' || first)) {
      first = false;
      const c = this.p[this.i++] as string;
      if (c === '\\') set.push(...this.escape());
      else if (this.p[this.i] === '-' && this.p[this.i + 1] !== ']' && this.i + 1 < this.p.length) {
        this.i++;
        set.push(...range(c, this.p[this.i++] as string));
      } else set.push(c);
    }
    if (this.p[this.i++] !== ']') this.fail('missing closing ]');
    return negate ? PRINTABLE.filter((x) => !set.includes(x)) : set;
  }
  quantified(node: Node): Node {
    const c = this.p[this.i];
    if (c === '?' || c === '*' || c === '+') {
      this.i++;
      return { repeat: node, min: c === '+' ? 1 : 0, max: c === '?' ? 1 : MAX_UNBOUNDED };
    }
    const m = c === '{' ? /^\{(\d+)(,(\d*))?\}/.exec(this.p.slice(this.i)) : null;
    if (!m) return node;
    this.i += m[0].length;
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : m[3] ? Number(m[3]) : min + MAX_UNBOUNDED;
    if (max < min) this.fail('invalid repeat count');
    return { repeat: node, min, max };
  }
}

function generate(node: Node, rnd: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  if ('chars' in node) return node.chars.length ? pick(node.chars) : '';
  if ('alt' in node) return pick(node.alt).map((n) => generate(n, rnd)).join('');
  const count = node.min + Math.floor(rnd() * (node.max - node.min + 1));
  let out = '';
  for (let k = 0; k < count; k++) out += generate(node.repeat, rnd);
  return out;
}

export function randomFromPattern(pattern: string, rnd: () => number): string {
  const parser = new Parser(pattern);
  const node = parser.alternation();
  if (parser.i < pattern.length) parser.fail('unexpected )');
  return generate(node, rnd);
}

function randomSource(ctx: FunctionContext): () => number {
  try {
    const env = ctx.env();
    return env.random ? () => env.random!() : Math.random;
  } catch {
    return Math.random;
  }
}

export const randomFunctions = defineFunctions({
  random: {
    args: [{ types: ['string'] }],
    returns: ['string'],
    note: 'Generates a random sequence of characters',
    impl: (a, ctx) => {
      const pattern = str('random', a, 0);
      if (pattern === '') throw new FunctionError('no pattern provided');
      return randomFromPattern(pattern, randomSource(ctx));
    },
  },
});
