/**
 * Sets a dotted variable such as `request.operation` or `request.object.metadata.annotations."a.b/c"`
 * into a context document, as Kyverno's AddVariable does for CLI values: each dot is a level (a
 * double-quoted segment may contain dots), intermediate objects are created. Returns a new top-level
 * object (shallow copies along the path) so shared data is never mutated.
 */
import type { JsonObject } from '../policy-types.js';

export function splitDottedPath(dotted: string): string[] {
  const keys: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of dotted) {
    if (ch === '"') quoted = !quoted;
    else if (ch === '.' && !quoted) {
      keys.push(cur);
      cur = '';
    } else cur += ch;
  }
  keys.push(cur);
  return keys;
}

export function setDottedPath(data: JsonObject, dotted: string, value: unknown): JsonObject {
  const keys = splitDottedPath(dotted);
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
