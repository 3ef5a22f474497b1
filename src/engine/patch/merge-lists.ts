/**
 * Associative list merging (kustomize kyaml walk/associative_sequence.go and apimachinery strategicpatch):
 * elements are paired by their merge-key values, compared as strings (kyaml compares YAML scalars, so port
 * 80 and "80" pair). With several keys (containerPort + protocol) an empty secondary value pairs with any.
 */
import { PATCH_DIRECTIVE } from './directives.js';
import { deepEqual, isJsonMap } from './json-values.js';
import { DELETE, type MergeContext } from './merge-types.js';

type Tuple = string[];

const tupleOf = (e: unknown, keys: readonly string[]): Tuple | undefined =>
  isJsonMap(e) && e[keys[0] as string] != null ? keys.map((k) => (e[k] == null ? '' : String(e[k]))) : undefined;

function sameElement(a: Tuple, b: Tuple): boolean {
  if (a[0] !== b[0]) return false;
  for (let i = 1; i < a.length; i++) if (a[i] !== b[i] && a[i] !== '' && b[i] !== '') return false;
  return true;
}

export function mergeKeyedList(ctx: MergeContext, dest: unknown[], patch: unknown[], keys: readonly string[], elemPath: string): unknown[] {
  const find = (list: unknown[], t: Tuple) => list.find((e) => { const u = tupleOf(e, keys); return u !== undefined && sameElement(u, t); });
  const values: Tuple[] = [];
  for (const src of ctx.prepend ? [patch, dest] : [dest, patch]) {
    for (const e of src) {
      const t = tupleOf(e, keys);
      if (t && !values.some((v) => sameElement(v, t))) values.push(t);
    }
  }
  const out: unknown[] = [];
  for (const t of values) {
    const d = find(dest, t);
    const p = find(patch, t);
    if (isJsonMap(p) && p[PATCH_DIRECTIVE] === 'delete') continue;
    const v = d === undefined ? ctx.build(p, elemPath) : ctx.walk(d, p, elemPath);
    if (v === DELETE || v === null || (isJsonMap(v) && Object.keys(v).length === 0)) continue;
    out.push(v);
  }
  // Elements without the merge key cannot be paired: the patch's are added, the original's kept (last).
  for (const e of patch) {
    if (tupleOf(e, keys) || (isJsonMap(e) && Object.keys(e).length === 0)) continue;
    const b = ctx.build(e, elemPath);
    if (b !== DELETE) out.push(b);
  }
  for (const e of dest) if (!tupleOf(e, keys)) out.push(e);
  return out;
}

/** A merged set of scalars (e.g. metadata.finalizers): the union, without duplicates. */
export function mergePrimitiveList(dest: unknown[], patch: unknown[], prepend: boolean): unknown[] {
  const out: unknown[] = [];
  for (const src of prepend ? [patch, dest] : [dest, patch]) {
    for (const e of src) if (!out.some((x) => deepEqual(x, e))) out.push(e);
  }
  return out;
}
