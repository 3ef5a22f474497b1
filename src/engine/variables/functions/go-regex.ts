/**
 * Go regular expressions (RE2 syntax, package regexp) on top of JS RegExp. The common subset is the same;
 * we translate what differs: `(?P<name>` groups, leading flag groups `(?i)`, `\A` and `\z`, and Go's
 * replacement template syntax (`$1`, `${1}`, `$name`, `$$`; Regexp.Expand).
 */
import { FunctionError } from '../errors.js';

const cache = new Map<string, RegExp>();
const CACHE_LIMIT = 1_000;

function translate(pattern: string): { source: string; flags: string } {
  let source = pattern;
  let flags = '';
  const lead = /^\(\?([imsU]+)\)/.exec(source);
  if (lead) {
    const f = lead[1] ?? '';
    if (f.includes('U')) throw new FunctionError(`error parsing regexp: unsupported flag U in \`${pattern}\``);
    flags = f;
    source = source.slice(lead[0].length);
  }
  source = source.replace(/\(\?P</g, '(?<').replace(/\\A/g, '(?<![\\s\\S])').replace(/\\z/g, '(?![\\s\\S])');
  return { source, flags };
}

/** Compiles a Go regexp (cached). Throws FunctionError with the parse problem. */
export function compileGoRegex(pattern: string, global = false): RegExp {
  const key = (global ? 'g:' : ':') + pattern;
  let re = cache.get(key);
  if (re) {
    re.lastIndex = 0;
    return re;
  }
  const { source, flags } = translate(pattern);
  try {
    re = new RegExp(source, flags + (global ? 'g' : ''));
  } catch (e) {
    throw new FunctionError(`error parsing regexp: ${(e as Error).message}`);
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, re);
  return re;
}

function groupValue(match: RegExpExecArray, name: string): string {
  if (/^\d+$/.test(name)) return match[Number(name)] ?? '';
  return match.groups?.[name] ?? '';
}

/** Regexp.Expand: `$name`/`${name}` use the longest run of letters, digits and `_`; `$$` is a dollar. */
export function expandTemplate(template: string, match: RegExpExecArray): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const c = template[i];
    if (c !== '$') {
      out += c;
      i++;
      continue;
    }
    const next = template[i + 1];
    if (next === '$') {
      out += '$';
      i += 2;
      continue;
    }
    if (next === '{') {
      const end = template.indexOf('}', i + 2);
      const name = end < 0 ? '' : template.slice(i + 2, end);
      if (end < 0 || !/^\w+$/.test(name)) {
        out += '$';
        i++;
        continue;
      }
      out += groupValue(match, name);
      i = end + 1;
      continue;
    }
    const m = /^\w+/.exec(template.slice(i + 1));
    if (!m) {
      out += '$';
      i++;
      continue;
    }
    out += groupValue(match, m[0]);
    i += 1 + m[0].length;
  }
  return out;
}

/** Regexp.ReplaceAll (template expanded) or ReplaceAllLiteral. */
export function goReplaceAll(pattern: string, src: string, repl: string, literal: boolean): string {
  const re = compileGoRegex(pattern, true);
  let out = '';
  let last = 0;
  let prevNonEmptyEnd = -1;
  for (let m = re.exec(src); m !== null; m = re.exec(src)) {
    if (m[0].length === 0) re.lastIndex++;
    // Go ignores an empty match that abuts the preceding match.
    if (m[0].length === 0 && m.index === prevNonEmptyEnd) continue;
    out += src.slice(last, m.index) + (literal ? repl : expandTemplate(repl, m));
    last = m.index + m[0].length;
    if (m[0].length > 0) prevNonEmptyEnd = last;
  }
  re.lastIndex = 0;
  return out + src.slice(last);
}
