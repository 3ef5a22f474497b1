/**
 * Two helpers of @jmespath-community/jmespath 1.3 (src/utils/index.ts) that the library does not export,
 * copied with their exact behaviour for the compiled closures: JMESPath falsiness and `==` equality.
 */
const isObject = (v: unknown): boolean => v !== null && Object.prototype.toString.call(v) === '[object Object]';

/** null, false, '', [] and {} are false; so is undefined (the library treats it like null). */
export function isFalse(v: unknown): boolean {
  if (v === null || v === undefined || v === false) return true;
  if (typeof v === 'string') return v === '';
  if (typeof v === 'object') return Array.isArray(v) ? v.length === 0 : Object.keys(v).length === 0;
  return false;
}

/** Deep equality without type coercion; object key order does not matter. */
export function strictDeepEqual(first: unknown, second: unknown): boolean {
  if (first === second) return true;
  if (typeof first !== typeof second) return false;
  if (Array.isArray(first) && Array.isArray(second)) {
    if (first.length !== second.length) return false;
    for (let i = 0; i < first.length; i += 1) if (!strictDeepEqual(first[i], second[i])) return false;
    return true;
  }
  if (isObject(first) && isObject(second)) {
    const a = first as Record<string, unknown>;
    const b = second as Record<string, unknown>;
    const firstEntries = Object.entries(a);
    const secondKeys = new Set(Object.keys(b));
    if (firstEntries.length !== secondKeys.size) return false;
    for (const [key, value] of firstEntries) {
      if (!strictDeepEqual(value, b[key])) return false;
      secondKeys.delete(key);
    }
    return secondKeys.size === 0;
  }
  return false;
}
