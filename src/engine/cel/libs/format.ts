import { evalError } from './eval-error.js';

/**
 * string.format (cel-go ext/formatting.go): %s %d %f %e %b %o %x %X %% with an optional precision
 * for %f and %e (default 6).
 */
export function formatString(template: string, args: unknown[]): string {
  let next = 0;
  return template.replace(/%(?:\.(\d+))?([sdfeboxX%])/g, (_m, precision: string | undefined, verb: string) => {
    if (verb === '%') return '%';
    if (next >= args.length) throw evalError('invalid_argument', `format: not enough arguments for ${template}`);
    return formatOne(args[next++], verb, precision === undefined ? 6 : Number(precision));
  });
}

function formatOne(v: unknown, verb: string, precision: number): string {
  switch (verb) {
    case 's':
      return display(v);
    case 'd':
      if (typeof v === 'bigint') return v.toString();
      if (typeof v === 'number' && Number.isInteger(v)) return v.toFixed(0);
      throw evalError('invalid_argument', 'format: %d requires an integer');
    case 'f':
      return Number(v).toFixed(precision);
    case 'e':
      return Number(v).toExponential(precision).replace(/e([+-])(\d)$/, 'e$10$2');
    case 'b':
      return integer(v).toString(2);
    case 'o':
      return integer(v).toString(8);
    case 'x':
      return typeof v === 'string' ? hex(v) : integer(v).toString(16);
    default:
      return (typeof v === 'string' ? hex(v) : integer(v).toString(16)).toUpperCase();
  }
}

function integer(v: unknown): bigint {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number' && Number.isInteger(v)) return BigInt(v);
  throw evalError('invalid_argument', 'format: expected an integer');
}

function hex(s: string): string {
  return Array.from(new TextEncoder().encode(s), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** %s rendering: lists and maps as CEL literals, strings bare inside but quoted when nested. */
function display(v: unknown, nested = false): string {
  if (typeof v === 'string') return nested ? quote(v) : v;
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return `[${v.map((x) => display(x, true)).join(', ')}]`;
  if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    const entries = Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, x]) => `${quote(k)}: ${display(x, true)}`).join(', ')}}`;
  }
  return String(v);
}

/** strings.quote: a CEL string literal that evaluates back to `s`. */
export function quote(s: string): string {
  const escapes: Record<string, string> = {
    '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t',
    '\b': '\\b', '\f': '\\f', '\v': '\\v', '\x07': '\\a',
  };
  return `"${Array.from(s, (c) => escapes[c] ?? c).join('')}"`;
}
