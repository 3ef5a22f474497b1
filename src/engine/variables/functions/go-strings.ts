/**
 * Small re-implementations of Go standard-library behaviour that Kyverno's functions expose in their
 * results: strconv.FormatFloat(f, 'f', -1, 32), path.Clean and strings.Trim's cutset semantics.
 */

/** Plain decimal notation of a JS number string that may use exponent notation ("1.5e+21"). */
function toPlainDecimal(text: string): string {
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!m) return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
  const sign = m[1] ?? '';
  const digits = (m[2] ?? '') + (m[3] ?? '');
  const point = 1 + Number(m[4]);
  let out: string;
  if (point <= 0) out = '0.' + '0'.repeat(-point) + digits;
  else if (point >= digits.length) out = digits + '0'.repeat(point - digits.length);
  else out = digits.slice(0, point) + '.' + digits.slice(point);
  return sign + (out.includes('.') ? out.replace(/\.?0+$/, '') : out);
}

/**
 * strconv.FormatFloat(f, 'f', -1, 32): the shortest decimal that round-trips through a float32, without
 * exponent. Kyverno uses it to turn numbers into strings (functions.go ifaceToString).
 */
export function formatFloat32(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  const f = Math.fround(value);
  if (f === Infinity) return '+Inf';
  if (f === -Infinity) return '-Inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  for (let p = 1; p <= 9; p++) {
    const s = f.toPrecision(p);
    if (Math.fround(Number(s)) === f) return toPlainDecimal(s);
  }
  return toPlainDecimal(f.toPrecision(9));
}

/** Go's ifaceToString (functions.go): numbers, strings and booleans; anything else is an error. */
export function ifaceToString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatFloat32(value);
  if (typeof value === 'boolean') return String(value);
  return undefined;
}

/** path.Clean (Go): lexical processing of `.`, `..` and repeated slashes. */
export function cleanPath(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(part);
  }
  const joined = out.join('/');
  if (rooted) return '/' + joined;
  return joined === '' ? '.' : joined;
}

/** strings.Trim(s, cutset): removes leading and trailing code points contained in cutset. */
export function trimCutset(s: string, cutset: string): string {
  if (s === '' || cutset === '') return s;
  const set = new Set(Array.from(cutset));
  const chars = Array.from(s);
  let start = 0;
  let end = chars.length;
  while (start < end && set.has(chars[start] as string)) start++;
  while (end > start && set.has(chars[end - 1] as string)) end--;
  return chars.slice(start, end).join('');
}

/** strings.EqualFold: Unicode simple case folding, approximated by comparing both case mappings. */
export function equalFold(a: string, b: string): boolean {
  if (a === b) return true;
  return a.toLowerCase() === b.toLowerCase() || a.toUpperCase() === b.toUpperCase();
}

/** strings.Replace(s, old, new, n): n < 0 means all; an empty `old` inserts around every code point. */
export function goReplace(s: string, oldS: string, newS: string, n: number): string {
  if (n === 0 || oldS === newS) return s;
  if (oldS === '') {
    const chars = Array.from(s);
    const limit = n < 0 ? chars.length + 1 : Math.min(n, chars.length + 1);
    let out = '';
    for (let i = 0; i < chars.length; i++) out += (i < limit ? newS : '') + chars[i];
    return out + (chars.length < limit ? newS : '');
  }
  let out = '';
  let rest = s;
  let count = 0;
  for (;;) {
    if (n >= 0 && count >= n) break;
    const i = rest.indexOf(oldS);
    if (i < 0) break;
    out += rest.slice(0, i) + newS;
    rest = rest.slice(i + oldS.length);
    count++;
  }
  return out + rest;
}
