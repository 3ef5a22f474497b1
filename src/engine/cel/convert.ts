import { Optional } from '@marcbachmann/cel-js';
import { UnsignedInt } from '@marcbachmann/cel-js/evaluator';
import { RecentCache } from '../recent-cache.js';

/**
 * JSON-like JS values <-> CEL runtime values.
 * Integral JSON numbers become CEL int (bigint), like Kubernetes' unstructured conversion, where
 * json.Unmarshal into int64 happens for integral values; others stay double.
 */
const converted = new RecentCache<object, unknown>(32);

/**
 * Converts an activation value. Only top-level objects are cached (an admission object shared by many
 * programs is converted once per request; the last 32 objects are kept, not a WeakMap: see recent-cache.ts);
 * nested values are converted without cache entries, because an entry per nested object costs more than
 * the conversion itself.
 */
export function toCel(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return convertValue(value);
  const cached = converted.get(value);
  if (cached !== undefined) return cached;
  const out = convertValue(value);
  converted.set(value, out);
  // Converting a converted value again is a no-op (cached objects flow back in).
  if (out !== null && typeof out === 'object') converted.set(out, out);
  return out;
}

function convertValue(value: unknown): unknown {
  if (typeof value === 'number') return Number.isInteger(value) ? BigInt(value) : value;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = convertValue(value[i]);
    return out;
  }
  if (isCelNative(value)) return value;
  const out: Record<string, unknown> = {};
  for (const k in value) {
    const v = (value as Record<string, unknown>)[k];
    if (v !== undefined) out[k] = convertValue(v);
  }
  return out;
}

/** Values our own libraries create (URL, Quantity, ...) and CEL natives pass through untouched. */
function isCelNative(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto !== Object.prototype && proto !== null;
}

/** Converts a CEL result back to a JSON-like value. */
export function fromCel(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(fromCel);
  if (value instanceof UnsignedInt) return Number(value.value);
  if (value instanceof Optional) return value.hasValue() ? fromCel(value.value()) : null;
  if (value instanceof Uint8Array) return btoa(String.fromCharCode(...value));
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Map) return fromEntries(value.entries());
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto === Object.prototype || proto === null) return fromEntries(Object.entries(value));
  return String(value);
}

function fromEntries(entries: Iterable<[unknown, unknown]>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries) out[String(fromCel(k))] = fromCel(v);
  return out;
}
