/**
 * Strategic merge patch over JSON values, as Kubernetes and kustomize define it
 * (https://github.com/kubernetes/community/blob/master/contributors/devel/sig-api-machinery/strategic-merge-patch.md):
 * - maps merge recursively; a `null` value deletes the key;
 * - scalars and lists without a merge strategy are replaced by the patch;
 * - associative lists (ListHints) pair elements by their merge keys and merge them; a `null`/`{}` result
 *   or `$patch: delete` removes the element;
 * - directives: `$patch: replace|merge|delete` in a map, `{$patch: replace}` as a list element,
 *   `$retainKeys`, `$deleteFromPrimitiveList/<field>`, `$setElementOrder/<field>`;
 * - a patch value of another kind than the original (a string where a list is) is an error, not a replace.
 *
 * `listOrder` chooses where elements named by the patch go: 'append' (apimachinery: original order, new
 * elements last) or 'prepend' (kustomize kyaml with ListIncreaseDirection=Prepend, which Kyverno's
 * patchStrategicMerge uses: the patch's elements first, in patch order, then the other originals).
 * Also usable for ApplyConfiguration-style merges: pass hints and no directives.
 */
import { applyMapDirectives, isDirectiveKey, PATCH_DIRECTIVE } from './directives.js';
import { isJsonMap, jsonTypeName, type JsonMap } from './json-values.js';
import { listHintsFor, type ListHints, type ListStrategy } from './list-hints.js';
import { mergeKeyedList, mergePrimitiveList } from './merge-lists.js';
import { DELETE, MergeError, type MergeContext, type MergeErrorCode, type Merged } from './merge-types.js';

export interface StrategicMergeOptions {
  /** List strategies by path; defaults to listHintsFor(original) (built-in Kubernetes kinds). */
  hints?: ListHints;
  listOrder?: 'append' | 'prepend';
}

export type MergeResult =
  | { ok: true; value: unknown }
  | { ok: false; code: MergeErrorCode; message: string; path: string };

export function strategicMerge(original: unknown, patch: unknown, opts: StrategicMergeOptions = {}): MergeResult {
  const ctx = createContext(opts.hints ?? listHintsFor(original), opts.listOrder === 'prepend');
  try {
    const out = ctx.walk(original, patch, '');
    return { ok: true, value: out === DELETE ? null : out };
  } catch (err) {
    if (err instanceof MergeError) return { ok: false, code: err.code, message: err.message, path: err.path };
    throw err;
  }
}

export const childPath = (path: string, key: string) => (path === '' ? key : `${path}.${key}`);

function createContext(hints: ListHints, prepend: boolean): MergeContext {
  const ctx: MergeContext = {
    hints,
    prepend,
    walk: (dest, patch, path) => walk(ctx, dest, patch, path),
    build: (patch, path) => build(ctx, patch, path),
  };
  return ctx;
}

function mismatch(path: string, want: string, patch: unknown): MergeError {
  const where = path === '' ? 'the document root' : path;
  return new MergeError('MERGE_KIND_MISMATCH', `wrong type at ${where}: expected ${want} but the patch has ${jsonTypeName(patch)}`, path);
}

function walk(ctx: MergeContext, dest: unknown, patch: unknown, path: string): Merged {
  if (patch === undefined) return dest;
  if (patch === null) return DELETE;
  if (dest === undefined || dest === null) return build(ctx, patch, path);
  if (isJsonMap(dest)) {
    if (!isJsonMap(patch)) throw mismatch(path, 'map', patch);
    return mergeMap(ctx, dest, patch, path);
  }
  if (Array.isArray(dest)) {
    if (!Array.isArray(patch)) throw mismatch(path, 'list', patch);
    return mergeList(ctx, dest, patch, path);
  }
  if (isJsonMap(patch) || Array.isArray(patch)) throw mismatch(path, jsonTypeName(dest), patch);
  return patch;
}

/** A patch value with nothing to merge into: directives applied, null fields dropped. */
function build(ctx: MergeContext, patch: unknown, path: string): Merged {
  if (patch === null || patch === undefined) return DELETE;
  if (Array.isArray(patch)) return mergeList(ctx, [], patch, path);
  if (!isJsonMap(patch)) return patch;
  const directive = patch[PATCH_DIRECTIVE];
  if (directive === 'delete') return DELETE;
  checkDirective(directive, path);
  const out: JsonMap = {};
  for (const [k, v] of Object.entries(patch)) {
    if (isDirectiveKey(k)) continue;
    const b = build(ctx, v, childPath(path, k));
    if (b !== DELETE) out[k] = b;
  }
  return applyMapDirectives(out, patch);
}

function checkDirective(directive: unknown, path: string): void {
  if (directive !== undefined && directive !== 'replace' && directive !== 'merge' && directive !== 'delete') {
    throw new MergeError('MERGE_INVALID_DIRECTIVE', `unknown patch strategy '${String(directive)}' at ${path || 'the document root'}`, path);
  }
}

function mergeMap(ctx: MergeContext, dest: JsonMap, patch: JsonMap, path: string): Merged {
  const directive = patch[PATCH_DIRECTIVE];
  checkDirective(directive, path);
  if (directive === 'delete') return DELETE;
  if (directive === 'replace') {
    const rest = Object.fromEntries(Object.entries(patch).filter(([k]) => k !== PATCH_DIRECTIVE));
    return build(ctx, rest, path);
  }
  const out: JsonMap = { ...dest };
  for (const [k, v] of Object.entries(patch)) {
    if (isDirectiveKey(k)) continue;
    const merged = walk(ctx, dest[k], v, childPath(path, k));
    if (merged === DELETE) delete out[k];
    else out[k] = merged;
  }
  return applyMapDirectives(out, patch);
}

function isListReplace(e: unknown): boolean {
  return isJsonMap(e) && e[PATCH_DIRECTIVE] === 'replace' && Object.keys(e).length === 1;
}

function mergeList(ctx: MergeContext, dest: unknown[], patch: unknown[], path: string): unknown[] {
  if (patch.some(isListReplace)) return mergeList(ctx, [], patch.filter((e) => !isListReplace(e)), path);
  const strategy: ListStrategy | undefined = ctx.hints(path);
  if (!strategy || strategy.type === 'replace') return patch;
  if (strategy.type === 'mergePrimitive') return mergePrimitiveList(dest, patch, ctx.prepend);
  return mergeKeyedList(ctx, dest, patch, strategy.keys, `${path}[]`);
}
