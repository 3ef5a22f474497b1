/**
 * semver_compare(version, range) with github.com/blang/semver/v4 semantics: ranges are space-separated
 * comparators (AND) joined by `||` (OR); `x` wildcards expand as blang's expandWildcardVersion does; a
 * version that does not parse counts as 0.0.0 (Kyverno ignores the parse error).
 */
import { FunctionError } from '../errors.js';
import { defineFunctions, str } from './types.js';

interface Version { major: bigint; minor: bigint; patch: bigint; pre: string[] }

const NUM = '(0|[1-9]\\d*)';
const ID = '(?:0|[1-9]\\d*|\\d*[A-Za-z-][0-9A-Za-z-]*)';
const VERSION_RE = new RegExp(`^${NUM}\\.${NUM}\\.${NUM}(?:-(${ID}(?:\\.${ID})*))?(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?$`);

function parseVersion(s: string): Version | undefined {
  const m = VERSION_RE.exec(s);
  if (!m) return undefined;
  return { major: BigInt(m[1]!), minor: BigInt(m[2]!), patch: BigInt(m[3]!), pre: m[4] ? m[4].split('.') : [] };
}

function compareIds(a: string, b: string): number {
  const an = /^\d+$/.test(a);
  const bn = /^\d+$/.test(b);
  if (an && bn) return Math.sign(Number(BigInt(a) - BigInt(b)));
  if (an !== bn) return an ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareVersions(a: Version, b: Version): number {
  for (const k of ['major', 'minor', 'patch'] as const) if (a[k] !== b[k]) return a[k] < b[k] ? -1 : 1;
  if (a.pre.length === 0 || b.pre.length === 0) return Math.sign(b.pre.length - a.pre.length);
  for (let i = 0; i < Math.min(a.pre.length, b.pre.length); i++) {
    const c = compareIds(a.pre[i]!, b.pre[i]!);
    if (c !== 0) return c;
  }
  return Math.sign(a.pre.length - b.pre.length);
}

const OPS: Record<string, (c: number) => boolean> = {
  '': (c) => c === 0, '=': (c) => c === 0, '==': (c) => c === 0, '!': (c) => c !== 0, '!=': (c) => c !== 0,
  '>': (c) => c > 0, '>=': (c) => c >= 0, '<': (c) => c < 0, '<=': (c) => c <= 0,
};

/** splitAndTrim: spaces split comparators, except right after an operator character. */
function splitParts(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  let last = '';
  for (const ch of s) {
    if (ch === ' ' && !'<>='.includes(last || ' ')) {
      if (cur) out.push(cur);
      cur = '';
    } else if (ch !== ' ') {
      cur += ch;
      last = ch;
    }
  }
  if (cur) out.push(cur);
  return out;
}

function splitOp(part: string): [string, string] {
  const i = part.search(/\d/);
  if (i < 0) throw new FunctionError(`Could not get version from string: "${part}"`);
  return [part.slice(0, i), part.slice(i)];
}

/** expandWildcardVersion for one comparator, e.g. ">1.x" -> [">=2.0.0"], "1.2.x" -> [">=1.2.0", "<1.3.0"]. */
function expandWildcard(part: string): string[] {
  if (!part.includes('x')) return [part];
  const [op, v] = splitOp(part);
  const nums = v.split('.');
  // blang getWildcardType: only a trailing x counts; 2 parts = minor wildcard, 3 parts = patch wildcard.
  const kind = nums[nums.length - 1] !== 'x' ? 'none' : nums.length === 2 ? 'minor' : nums.length === 3 ? 'patch' : 'none';
  const replaced = v.replace('.x.x', '.x').replace('.x', '.0');
  const flat = replaced.split('.').length === 2 ? replaced + '.0' : replaced;
  const bump = () => {
    const [ma, mi] = flat.split('.').map(Number) as [number, number];
    return kind === 'minor' ? `${ma + 1}.0.0` : kind === 'patch' ? `${ma}.${mi + 1}.0` : '';
  };
  switch (op) {
    case '>': return [`>=${bump()}`];
    case '>=': return [`>=${flat}`];
    case '<': return [`<${flat}`];
    case '<=': return [`<${bump()}`];
    case '!=': case '!': return [`<${flat}`, `>=${bump()}`];
    default: return [`>=${flat}`, `<${bump()}`];
  }
}

export function satisfies(version: Version, range: string): boolean {
  const groups: string[][] = [[]];
  for (const p of splitParts(range)) {
    if (p === '||') groups.push([]);
    else groups[groups.length - 1]!.push(...expandWildcard(p));
  }
  if (groups.some((g) => g.length === 0)) throw new FunctionError(`Could not parse Range "${range}"`);
  const compiled = groups.map((g) =>
    g.map((p) => {
      const [op, v] = splitOp(p);
      const test = OPS[op];
      const target = parseVersion(v);
      if (!test) throw new FunctionError(`Could not parse comparator "${op}" in "${p}"`);
      if (!target) throw new FunctionError(`Could not parse version "${v}" in "${p}"`);
      return (x: Version) => test(compareVersions(x, target));
    }),
  );
  return compiled.some((g) => g.every((f) => f(version)));
}

export const semverFunctions = defineFunctions({
  semver_compare: {
    args: [{ types: ['string'] }, { types: ['string'] }],
    returns: ['boolean'],
    note: 'compares two strings which comply with the semantic versioning schema and outputs a boolean response as to the position of the second relative to the first',
    impl: (a) => {
      const version = parseVersion(str('semver_compare', a, 0)) ?? { major: 0n, minor: 0n, patch: 0n, pre: [] };
      return satisfies(version, str('semver_compare', a, 1));
    },
  },
});
