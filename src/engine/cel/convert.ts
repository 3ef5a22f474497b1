import { Optional } from '@marcbachmann/cel-js';
import { UnsignedInt } from '@marcbachmann/cel-js/evaluator';

/**
 * JSON-like JS values <-> CEL runtime values.
 * Integral JSON numbers become CEL int (bigint), like Kubernetes' unstructured conversion, where
 * json.Unmarshal into int64 happens for integral values; others stay double.
 */
const converted = new WeakMap<object, unknown>();

export function toCel(value: unknown): unknown {
  if (typeof value === 'number') return Number.isInteger(value) ? BigInt(value) : value;
  if (value === null || typeof value !== 'object') return value;
  // Activations often share one admission object across many programs: convert it once.
  const cached = converted.get(value);
  if (cached !== undefined) return cached;
  const out = convertObject(value);
  converted.set(value, out);
  return out;
}

function convertObject(value: object): unknown {
  if (Array.isArray(value)) return value.map(toCel);
  if (isCelNative(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = toCel(v);
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
