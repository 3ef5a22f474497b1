/**
 * JSON text as Go's encoding/json Marshal writes it, which is what Kyverno interpolates for non-string
 * values inside a longer string: object keys sorted, `<`, `>`, `&`, U+2028 and U+2029 escaped as \uXXXX,
 * control characters other than \n \r \t as \u00XX. Numbers are float64 in ES6 notation, like JS.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const ESCAPE_RE = /[\u0000-\u001f"\\<>&\u2028\u2029]/g;

function escapeChar(c: string): string {
  switch (c) {
    case '"': return '\\"';
    case '\\': return '\\\\';
    case '\n': return '\\n';
    case '\r': return '\\r';
    case '\t': return '\\t';
    default: return '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0');
  }
}

export function goQuote(s: string): string {
  return '"' + s.replace(ESCAPE_RE, escapeChar) + '"';
}

/** Go byte-wise key order equals UTF-16 order except around surrogates; close enough for map keys. */
export function goJsonMarshal(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return goQuote(value);
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return '[' + value.map(goJsonMarshal).join(',') + ']';
  if (typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj).sort();
    return '{' + keys.map((k) => goQuote(k) + ':' + goJsonMarshal(obj[k])).join(',') + '}';
  }
  return 'null';
}
