import { evalError } from './eval-error.js';

/** CEL ordering for comparable values; ints and doubles compare across types (cel-go heterogeneous). */
export function compareCel(a: unknown, b: unknown): number {
  if (isNum(a) && isNum(b)) return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === typeof b && (typeof a === 'string' || typeof a === 'boolean')) {
    return a < (b as typeof a) ? -1 : a > (b as typeof a) ? 1 : 0;
  }
  if (hasCompareTo(a) && hasCompareTo(b)) return a.compareTo(b);
  throw evalError('no_such_overload', `cannot compare ${typeof a} with ${typeof b}`);
}

function isNum(v: unknown): v is number | bigint {
  return typeof v === 'number' || typeof v === 'bigint';
}

function hasCompareTo(v: unknown): v is { compareTo(o: unknown): number } {
  return typeof v === 'object' && v !== null && typeof (v as { compareTo?: unknown }).compareTo === 'function';
}

/** CEL equality for list membership (indexOf): numeric across types, deep for lists/maps. */
export function equalCel(a: unknown, b: unknown): boolean {
  if (isNum(a) && isNum(b)) return a == b;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equalCel(x, b[i]));
  if (isPlain(a) && isPlain(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && equalCel(a[k], b[k]));
  }
  return a === b;
}

function isPlain(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;
}
