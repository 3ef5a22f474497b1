/**
 * RE2 (the syntax CEL and Kubernetes use, https://github.com/google/re2/wiki/Syntax) translated to
 * a JavaScript RegExp that matches the same strings, or rejected when we cannot guarantee that.
 * Rejected like RE2 itself: lookarounds, backreferences. Rejected because JS differs: \C, \Q..\E,
 * (?U), POSIX classes other than the common ones. Translated: leading (?flags), (?P<n>..), \A, \z,
 * \s (RE2: [\t\n\f\r ], JS adds \v and Unicode spaces), \pL -> \p{L}.
 */
export type Re2Result = { ok: true; regexp: RegExp } | { ok: false; message: string };

const cache = new Map<string, Re2Result>();
const POSIX: Record<string, string> = {
  alnum: '0-9A-Za-z', alpha: 'A-Za-z', digit: '0-9', lower: 'a-z', upper: 'A-Z', space: '\\t\\n\\v\\f\\r ',
  xdigit: '0-9A-Fa-f', punct: '!-\\/:-@\\[-`{-~', word: '0-9A-Za-z_', blank: '\\t ',
};

export function compileRe2(pattern: string, global = false): Re2Result {
  const key = `${global ? 'g' : ''}:${pattern}`;
  let hit = cache.get(key);
  if (hit) return hit;
  hit = translate(pattern, global);
  if (cache.size > 1000) cache.clear();
  cache.set(key, hit);
  return hit;
}

function translate(pattern: string, global: boolean): Re2Result {
  let flags = global ? 'gu' : 'u';
  let src = pattern;
  const lead = /^\(\?([imsU]+)\)/.exec(src);
  if (lead?.[1]) {
    if (lead[1].includes('U')) return fail(pattern, 'ungreedy flag (?U) has no JavaScript equivalent');
    flags += lead[1].replace(/[^ims]/g, '');
    src = src.slice(lead[0].length);
  }
  if (/\(\?<?[=!]/.test(src)) return fail(pattern, 'lookarounds are not supported by RE2');
  if (/\\[1-9]|\\k</.test(src)) return fail(pattern, 'backreferences are not supported by RE2');
  if (/\\[CQE]|\(\?[imsU-]/.test(src)) return fail(pattern, 'construct not matched identically in JavaScript');
  src = src
    .replace(/\(\?P</g, '(?<')
    .replace(/\\A/g, '^')
    .replace(/\\z/g, '$(?![\\s\\S])')
    .replace(/\\p([A-Z])/g, '\\p{$1}')
    .replace(/\\P([A-Z])/g, '\\P{$1}')
    .replace(/\[:(\^?)(\w+):\]/g, (m, neg: string, name: string) => (POSIX[name] && !neg ? POSIX[name] : m))
    .replace(/(?<!\\)\\s/g, '[\\t\\n\\f\\r ]')
    .replace(/(?<!\\)\\S/g, '[^\\t\\n\\f\\r ]');
  if (/\[:\^?\w+:\]/.test(src)) return fail(pattern, 'unsupported POSIX class');
  try {
    return { ok: true, regexp: new RegExp(src, flags) };
  } catch (e) {
    return fail(pattern, (e as Error).message);
  }
}

function fail(pattern: string, why: string): Re2Result {
  return { ok: false, message: `invalid regular expression ${JSON.stringify(pattern)}: ${why}` };
}
