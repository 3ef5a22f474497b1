import { Optional } from '@marcbachmann/cel-js';
import { charge, sizeCost } from '../cost.js';
import { evalError } from './eval-error.js';
import { regexpFor } from './regex.js';
import { registerNamespace, type CelLibrary } from './types.js';

/**
 * cel-go ext.Regex (ext/regex.go), which Kyverno's CEL environment includes: `regex.replace`,
 * `regex.extract`, `regex.extractAll`, RE2 patterns through ./re2.ts. Replacements refer to groups
 * as `\1`..`\9` (`\0` the whole match) and write a backslash as `\\`; anything else after `\` is an error.
 */
function goMatches(s: string, re: RegExp): RegExpExecArray[] {
  // Go's FindAll ignores an empty match that abuts the previous match; JavaScript keeps it.
  const out: RegExpExecArray[] = [];
  let lastEnd = -1;
  for (const m of s.matchAll(re)) {
    if (m[0] === '' && m.index === lastEnd) continue;
    out.push(m);
    lastEnd = m.index + m[0].length;
  }
  return out;
}

function expand(m: RegExpExecArray, replacement: string): string {
  let out = '';
  for (let i = 0; i < replacement.length; i++) {
    const c = replacement[i];
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = replacement[++i];
    if (next === undefined) throw evalError('invalid_argument', `invalid replacement string: '${replacement}' \\ not allowed at end`);
    if (next === '\\') {
      out += '\\';
      continue;
    }
    if (!/^\d$/.test(next)) throw evalError('invalid_argument', `invalid replacement string: '${replacement}' \\ must be followed by a digit or \\`);
    const group = Number(next);
    if (group > m.length - 1) throw evalError('invalid_argument', `replacement string references group ${group} but regex has only ${m.length - 1} group(s)`);
    out += m[group] ?? '';
  }
  return out;
}

function replace(s: string, pattern: string, replacement: string, count = -1n): string {
  charge(sizeCost(s.length));
  if (count === 0n) return s;
  let out = '';
  let last = 0;
  let done = 0n;
  for (const m of goMatches(s, regexpFor(pattern, true))) {
    if (count > 0n && done >= count) break;
    out += s.slice(last, m.index) + expand(m, replacement);
    last = m.index + m[0].length;
    done++;
  }
  return out + s.slice(last);
}

/** Number of capturing groups: an empty alternative always matches and reports every group. */
function groupCount(re: RegExp): number {
  return (new RegExp(`${re.source}|`, re.flags.replace('g', '')).exec('')?.length ?? 1) - 1;
}

/** cel-go extract/extractAll: at most one capturing group, whose text is the result, else the whole match. */
function checkGroups(pattern: string, re: RegExp): number {
  const n = groupCount(re);
  if (n > 1) throw evalError('invalid_argument', `regular expression has more than one capturing group: ${JSON.stringify(pattern)}`);
  return n;
}

function extract(s: string, pattern: string): Optional<string> {
  charge(sizeCost(s.length));
  const re = regexpFor(pattern);
  const groups = checkGroups(pattern, re);
  const m = re.exec(s);
  if (!m) return Optional.none();
  // An unmatched or empty group is none.
  const g = groups === 1 ? m[1] ?? '' : m[0];
  return groups === 1 && g === '' ? Optional.none() : Optional.of(g);
}

function extractAll(s: string, pattern: string): string[] {
  charge(sizeCost(s.length));
  const re = regexpFor(pattern, true);
  const groups = checkGroups(pattern, re);
  const out: string[] = [];
  for (const m of goMatches(s, re)) {
    if (groups === 0) out.push(m[0]);
    else if (m[1]) out.push(m[1]);
  }
  return out;
}

export const regexExt = {
  source: 'cel-go ext/regex.go (ext.Regex)',
  provider: 'ours',
  functions: ['regex.replace(string, string, string[, int]): string', 'regex.extract(string, string): optional<string>', 'regex.extractAll(string, string): list<string>'],
  register(env) {
    registerNamespace(env, 'regex', 'RegexNamespace');
    env.registerFunction('RegexNamespace.replace(string, string, string): string', (_: unknown, s: string, p: string, r: string) => replace(s, p, r));
    env.registerFunction('RegexNamespace.replace(string, string, string, int): string', (_: unknown, s: string, p: string, r: string, n: bigint) => replace(s, p, r, n));
    env.registerFunction('RegexNamespace.extract(string, string): optional<string>', (_: unknown, s: string, p: string) => extract(s, p));
    env.registerFunction('RegexNamespace.extractAll(string, string): list<string>', (_: unknown, s: string, p: string) => extractAll(s, p));
  },
} as const satisfies CelLibrary;
