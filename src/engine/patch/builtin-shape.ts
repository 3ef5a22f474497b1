/**
 * A mutation must not change what kind of value a field holds: Kubernetes decodes objects into typed
 * structs, so `spec.containers: "x"` or `metadata: 1` is rejected by the API server ("cannot unmarshal
 * string into Go struct field PodSpec.spec.containers of type []v1.Container"). Checking it here turns such
 * a patch into a rule error with a path instead of a broken admission response.
 */
import { isJsonMap, jsonTypeName } from './json-values.js';
import { listHintsFor } from './list-hints.js';

const kindOf = (v: unknown) => (Array.isArray(v) ? 'list' : isJsonMap(v) ? 'map' : v === null || v === undefined ? 'null' : 'scalar');

/** Returns a message naming the first field whose kind changed (map/list/scalar), or undefined. */
export function checkBuiltinShape(original: unknown, patched: unknown): string | undefined {
  const hints = listHintsFor(patched);
  return compare(original, patched, '', (path, value) => {
    const h = hints(path);
    if (h && value !== null && !Array.isArray(value)) return `${path} must be a list, got ${jsonTypeName(value)}`;
    return undefined;
  });
}

type ListCheck = (path: string, value: unknown) => string | undefined;

function compare(before: unknown, after: unknown, path: string, listCheck: ListCheck): string | undefined {
  const b = kindOf(before);
  const a = kindOf(after);
  if (b !== 'null' && a !== 'null' && b !== a && (b !== 'scalar' || a !== 'scalar')) {
    return `${path || 'the resource'} must be a ${b === 'scalar' ? jsonTypeName(before) : b}, got ${jsonTypeName(after)}`;
  }
  if (isJsonMap(after)) {
    for (const [k, v] of Object.entries(after)) {
      const p = path === '' ? k : `${path}.${k}`;
      const bad = listCheck(p, v) ?? compare(isJsonMap(before) ? before[k] : undefined, v, p, listCheck);
      if (bad) return bad;
    }
  } else if (Array.isArray(after)) {
    for (let i = 0; i < after.length; i++) {
      const bad = compare(Array.isArray(before) ? before[i] : undefined, after[i], `${path}[]`, listCheck);
      if (bad) return bad;
    }
  }
  return undefined;
}
