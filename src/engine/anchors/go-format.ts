/**
 * Go's view of JSON values, for Kyverno's messages and type switches. Resources reach Kyverno as
 * unstructured objects (integers are int64, other numbers float64); patterns are decoded with
 * encoding/json, so every pattern number is a float64.
 */

export type GoKind = 'bool' | 'int' | 'float' | 'string' | 'nil' | 'map' | 'array' | 'unknown';

const INT64_LIMIT = 2 ** 63;

export function isJsonMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The Go type a resource value would have in an unstructured object. */
export function goKind(v: unknown): GoKind {
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'number':
      return Number.isInteger(v) && Math.abs(v) < INT64_LIMIT ? 'int' : 'float';
    case 'undefined':
      return 'nil';
    case 'object':
      if (v === null) return 'nil';
      return Array.isArray(v) ? 'array' : 'map';
    default:
      return 'unknown';
  }
}

const TYPE_NAMES: Record<GoKind, string> = {
  bool: 'bool', int: 'int64', float: 'float64', string: 'string', nil: '<nil>',
  map: 'map[string]interface {}', array: '[]interface {}', unknown: 'unknown',
};

/** fmt's %T. `asPattern` renders numbers as float64, as encoding/json decodes them. */
export function goTypeName(v: unknown, asPattern = false): string {
  const kind = goKind(v);
  return asPattern && kind === 'int' ? 'float64' : TYPE_NAMES[kind];
}

/** strconv.FormatFloat(v, 'e'|'E', -1, 64): shortest digits, exponent with at least two digits. */
export function formatFloatExp(v: number, e: 'e' | 'E'): string {
  const [mantissa = '', exp = '0'] = v.toExponential().split('e');
  const sign = exp.startsWith('-') ? '-' : '+';
  const digits = exp.replace(/^[+-]/, '');
  return `${mantissa}${e}${sign}${digits.length < 2 ? `0${digits}` : digits}`;
}

/**
 * fmt's %v for a float64: strconv 'g' with the shortest digits, which switches to an exponent when it is
 * below -4 or at least 6 (so a pattern value 1000000 prints as 1e+06, as in Kyverno's messages).
 */
function formatFloatV(v: number): string {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? 'NaN' : v > 0 ? '+Inf' : '-Inf';
  if (v === 0) return Object.is(v, -0) ? '-0' : '0';
  const exp = Number(v.toExponential().split('e')[1]);
  if (exp < -4 || exp >= 6) return formatFloatExp(v, 'e');
  return String(v);
}

/** fmt's %v of a JSON value (maps print with sorted keys, as Go does). */
export function goFormat(v: unknown, asPattern = false): string {
  const kind = goKind(v);
  switch (kind) {
    case 'nil':
      return '<nil>';
    case 'int':
      return asPattern ? formatFloatV(v as number) : String(v);
    case 'float':
      return formatFloatV(v as number);
    case 'array':
      return `[${(v as unknown[]).map((x) => goFormat(x, asPattern)).join(' ')}]`;
    case 'map': {
      const m = v as Record<string, unknown>;
      const keys = Object.keys(m).sort();
      return `map[${keys.map((k) => `${k}:${goFormat(m[k], asPattern)}`).join(' ')}]`;
    }
    default:
      return String(v);
  }
}
