/** Small helpers over JSON values (objects are plain records, never class instances). */

export type JsonMap = Record<string, unknown>;

export function isJsonMap(v: unknown): v is JsonMap {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Structural equality of JSON values; object key order is irrelevant, array order is not. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ak = Object.keys(a as JsonMap);
  const bm = b as JsonMap;
  if (ak.length !== Object.keys(bm).length) return false;
  for (const k of ak) if (!Object.hasOwn(bm, k) || !deepEqual((a as JsonMap)[k], bm[k])) return false;
  return true;
}

/** Deep copy of a JSON value (undefined stays undefined). */
export function cloneJson<T>(v: T): T {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(cloneJson) as T;
  const out: JsonMap = {};
  for (const [k, x] of Object.entries(v as JsonMap)) out[k] = cloneJson(x);
  return out as T;
}

/** Go-like type name for messages: map, list, string, number, bool, null. */
export function jsonTypeName(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'list';
  if (typeof v === 'object') return 'map';
  if (typeof v === 'boolean') return 'bool';
  return typeof v;
}
