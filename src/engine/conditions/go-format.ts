/**
 * Go value formatting and parsing the operators rely on. Numbers arrive as float64 in Kyverno (policy
 * and context JSON is decoded with encoding/json), so every JS number is treated as a Go float64.
 */

/** fmt.Sprint of a decoded JSON value: floats in %v form (`1e+06`), `<nil>`, `[a b]`, `map[k:v]`. */
export function goSprint(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return goFormatFloat(value);
  if (Array.isArray(value)) return `[${value.map(goSprint).join(' ')}]`;
  if (typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    // fmt prints maps with sorted keys.
    const parts = Object.keys(obj).sort().map((k) => `${k}:${goSprint(obj[k])}`);
    return `map[${parts.join(' ')}]`;
  }
  return String(value);
}

/**
 * strconv.FormatFloat(f, 'g', -1, 64) as %v prints it: shortest round-trip digits, exponent form when the
 * decimal exponent is < -4 or >= 6 (strconv/ftoa.go uses precision 6 for that switch when printing the
 * shortest form), two-digit exponents: 1e6 -> "1e+06", 1234567 -> "1.234567e+06", 0.00001 -> "1e-05".
 */
export function goFormatFloat(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (f === Infinity) return '+Inf';
  if (f === -Infinity) return '-Inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const [mant = '0', expText = '0'] = f.toExponential().split('e');
  const exp = Number(expText);
  if (exp < -4 || exp >= 6) {
    const sign = exp < 0 ? '-' : '+';
    const abs = Math.abs(exp);
    return `${mant}e${sign}${abs < 10 ? `0${abs}` : abs}`;
  }
  // Within [-4, 6) JS prints the same shortest digits in fixed notation.
  return String(f);
}

const DECIMAL_FLOAT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const SPECIAL_FLOAT = /^(?:[+-]?(?:inf|infinity)|nan)$/i;

/**
 * strconv.ParseFloat(s, 64): decimal literals and inf/infinity/nan; out-of-range literals are errors
 * (ErrRange). Hexadecimal floats and underscores are not accepted here (no policy uses them).
 */
export function goParseFloat(text: string): number | undefined {
  if (SPECIAL_FLOAT.test(text)) {
    const lower = text.toLowerCase();
    if (lower === 'nan') return NaN;
    return lower.startsWith('-') ? -Infinity : Infinity;
  }
  if (!DECIMAL_FLOAT.test(text)) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/** True for plain JSON objects (Go map[string]interface{}). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** reflect.DeepEqual over decoded JSON: same kinds, same keys, same elements in order; NaN != NaN. */
export function goDeepEqual(a: unknown, b: unknown): boolean {
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((x, i) => goDeepEqual(x, b[i]));
  }
  if (isJsonObject(a)) {
    if (!isJsonObject(b)) return false;
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && goDeepEqual(a[k], b[k]));
  }
  return (a ?? null) === (b ?? null);
}
