/**
 * JSONPatch mutations (k8s.io/apiserver pkg/admission/plugin/policy/mutating/patch/json_patch.go): the
 * expression returns a list of JSONPatch{op, path, from?, value?}, applied as RFC 6902 with
 * evanphx/json-patch v4 defaults (negative indices allowed; no implicit parents; removing a missing
 * path fails). A failing `test` operation means "do not apply this patch", not an error.
 */
import { applyJsonPatch, isJsonMap, type JsonPatchOp } from '../patch/index.js';
import type { JsonObject } from '../policy-types.js';

export type JsonPatchMutationResult = { ok: true; doc: JsonObject; skipped?: 'test-failed' } | { ok: false; message: string };

const OPS = new Set(['add', 'remove', 'replace', 'move', 'copy', 'test']);

export function toJsonPatchOps(value: unknown): { ok: true; ops: JsonPatchOp[] } | { ok: false; message: string } {
  if (!Array.isArray(value)) return { ok: false, message: 'JSONPatch expression must evaluate to a list of JSONPatch' };
  const ops: JsonPatchOp[] = [];
  for (const [i, item] of value.entries()) {
    if (!isJsonMap(item)) return { ok: false, message: `JSONPatch expression element ${i} is not a JSONPatch` };
    const { op, path, from } = item;
    if (typeof op !== 'string' || !OPS.has(op)) return { ok: false, message: `JSONPatch ${i}: unsupported op ${JSON.stringify(op)}` };
    if (typeof path !== 'string') return { ok: false, message: `JSONPatch ${i}: path must be a string` };
    const entry: Record<string, unknown> = { op, path };
    if (typeof from === 'string' && from !== '') entry.from = from;
    if (item.value !== undefined && item.value !== null) entry.value = item.value;
    else if (item.value === null && op !== 'remove') entry.value = null;
    ops.push(entry as unknown as JsonPatchOp);
  }
  return { ok: true, ops };
}

export function applyJsonPatchMutation(original: JsonObject, value: unknown): JsonPatchMutationResult {
  const converted = toJsonPatchOps(value);
  if (!converted.ok) return converted;
  const result = applyJsonPatch(original, converted.ops, { supportNegativeIndices: true });
  if (result.ok) {
    if (!isJsonMap(result.doc)) return { ok: false, message: 'JSONPatch replaced the object with a non-object' };
    return { ok: true, doc: result.doc };
  }
  if (result.code === 'PATCH_TEST_FAILED') return { ok: true, doc: original, skipped: 'test-failed' };
  return { ok: false, message: `JSONPatch: ${result.message}` };
}
