/**
 * Strategic merge directives that live in a map next to the fields they act on
 * (sig-api-machinery/strategic-merge-patch.md): `$retainKeys`, `$deleteFromPrimitiveList/<field>`,
 * `$setElementOrder/<field>`. `$patch` is read by the merge itself.
 */
import { deepEqual, isJsonMap, type JsonMap } from './json-values.js';

export const PATCH_DIRECTIVE = '$patch';
const RETAIN_KEYS = '$retainKeys';
const DELETE_FROM_PRIMITIVE = '$deleteFromPrimitiveList/';
const SET_ELEMENT_ORDER = '$setElementOrder/';

export function isDirectiveKey(key: string): boolean {
  return key === PATCH_DIRECTIVE || key === RETAIN_KEYS || key.startsWith(DELETE_FROM_PRIMITIVE) || key.startsWith(SET_ELEMENT_ORDER);
}

/** Applies the map-level directives of `patch` to the merged map `out` (modified in place and returned). */
export function applyMapDirectives(out: JsonMap, patch: JsonMap): JsonMap {
  for (const [k, v] of Object.entries(patch)) {
    if (k.startsWith(DELETE_FROM_PRIMITIVE) && Array.isArray(v)) {
      const field = k.slice(DELETE_FROM_PRIMITIVE.length);
      const list = out[field];
      if (Array.isArray(list)) out[field] = list.filter((x) => !v.some((d) => deepEqual(d, x)));
    } else if (k.startsWith(SET_ELEMENT_ORDER) && Array.isArray(v)) {
      const field = k.slice(SET_ELEMENT_ORDER.length);
      const list = out[field];
      if (Array.isArray(list)) out[field] = reorder(list, v);
    }
  }
  const retain = patch[RETAIN_KEYS];
  if (Array.isArray(retain)) {
    for (const k of Object.keys(out)) if (!retain.includes(k)) delete out[k];
  }
  return out;
}

/**
 * `$setElementOrder`: the order list names elements by value (scalars) or by their merge key (maps such as
 * `{name: a}`); named elements take that order, the others keep their relative order after them.
 */
function reorder(list: unknown[], order: unknown[]): unknown[] {
  const rank = (e: unknown): number => {
    const i = order.findIndex((o) => (isJsonMap(o) && isJsonMap(e) ? Object.entries(o).every(([k, v]) => deepEqual(e[k], v)) : deepEqual(o, e)));
    return i < 0 ? order.length : i;
  };
  return list
    .map((e, i) => ({ e, i, r: rank(e) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.e);
}
