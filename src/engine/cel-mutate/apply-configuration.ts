/**
 * ApplyConfiguration mutations: the apply configuration is merged into the object the way
 * server-side apply merges (sigs.k8s.io/structured-merge-diff, used by the API server's
 * patch/smd.go ApplyStructuredMergeDiff):
 * - maps merge field by field; fields the configuration omits are left untouched;
 * - associative lists (containers by name, env by name, ports by containerPort+protocol, ...) merge
 *   element by element on their keys; elements not named are kept, new ones are appended;
 * - set lists (metadata.finalizers) take the union;
 * - any other list is atomic and replaced whole;
 * - scalars replace; an explicit null removes the field.
 * List types come from the built-in Kubernetes schema table in src/engine/patch (listHintsFor);
 * custom resources have none, so their lists are atomic, as with the API server's deduced type
 * converter. apiVersion and kind always stay the object's (the patch takes the object's GVK).
 */
import { cloneJson, isJsonMap, listHintsFor, type JsonMap, type ListHints } from '../patch/index.js';
import type { JsonObject } from '../policy-types.js';

export type ApplyResult = { ok: true; doc: JsonObject } | { ok: false; message: string };

export function applyConfiguration(original: JsonObject, configuration: unknown): ApplyResult {
  if (!isJsonMap(configuration)) {
    return { ok: false, message: `ApplyConfiguration expression must evaluate to an Object, got ${Array.isArray(configuration) ? 'list' : typeof configuration}` };
  }
  const hints = listHintsFor(original);
  const merged = mergeMap(original, configuration, '', hints);
  merged.apiVersion = original.apiVersion;
  merged.kind = original.kind;
  if (original.apiVersion === undefined) delete merged.apiVersion;
  if (original.kind === undefined) delete merged.kind;
  return { ok: true, doc: merged };
}

const child = (path: string, key: string) => (path === '' ? key : `${path}.${key}`);

function mergeMap(base: JsonMap | undefined, patch: JsonMap, path: string, hints: ListHints): JsonMap {
  const out: JsonMap = base ? { ...base } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null || value === undefined) delete out[key];
    else out[key] = mergeValue(out[key], value, child(path, key), hints);
  }
  return out;
}

function mergeValue(base: unknown, patch: unknown, path: string, hints: ListHints): unknown {
  if (isJsonMap(patch)) return mergeMap(isJsonMap(base) ? base : undefined, patch, path, hints);
  if (!Array.isArray(patch)) return cloneJson(patch);
  const strategy = hints(path);
  const current = Array.isArray(base) ? base : [];
  if (strategy?.type === 'merge') return mergeAssociative(current, patch, strategy.keys, `${path}[]`, hints);
  if (strategy?.type === 'mergePrimitive') return union(current, patch);
  return patch.map((item) => (isJsonMap(item) ? mergeMap(undefined, item, `${path}[]`, hints) : cloneJson(item)));
}

function keyOf(item: unknown, keys: readonly string[]): string | undefined {
  if (!isJsonMap(item)) return undefined;
  return JSON.stringify(keys.map((k) => item[k] ?? null));
}

function mergeAssociative(base: unknown[], patch: unknown[], keys: readonly string[], elemPath: string, hints: ListHints): unknown[] {
  const out = [...base];
  const index = new Map<string, number>();
  out.forEach((item, i) => {
    const k = keyOf(item, keys);
    if (k !== undefined && !index.has(k)) index.set(k, i);
  });
  for (const item of patch) {
    const k = keyOf(item, keys);
    const at = k === undefined ? undefined : index.get(k);
    if (at !== undefined) {
      out[at] = mergeValue(out[at], item, elemPath, hints);
    } else {
      if (k !== undefined) index.set(k, out.length);
      out.push(mergeValue(undefined, item, elemPath, hints));
    }
  }
  return out;
}

function union(base: unknown[], patch: unknown[]): unknown[] {
  const seen = new Set(base.map((v) => JSON.stringify(v)));
  const out = [...base];
  for (const v of patch) {
    const k = JSON.stringify(v);
    if (!seen.has(k)) {
      seen.add(k);
      out.push(cloneJson(v));
    }
  }
  return out;
}
