/**
 * Sets a dotted variable such as `request.operation` into a context document, as Kyverno's
 * AddVariable does for CLI values: each dot is a level, intermediate objects are created.
 * Returns a new top-level object (shallow copies along the path) so shared data is never mutated.
 */
import type { JsonObject } from '../policy-types.js';

export function setDottedPath(data: JsonObject, dotted: string, value: unknown): JsonObject {
  const keys = dotted.split('.');
  const root: JsonObject = { ...data };
  let cur = root;
  for (let i = 0; i < keys.length - 1; i++) {
    const k = keys[i] as string;
    const next = cur[k];
    const copy: JsonObject = next !== null && typeof next === 'object' && !Array.isArray(next) ? { ...(next as JsonObject) } : {};
    cur[k] = copy;
    cur = copy;
  }
  cur[keys[keys.length - 1] as string] = value;
  return root;
}
