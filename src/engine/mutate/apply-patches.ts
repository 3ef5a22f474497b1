/**
 * The two patch methods of a Kyverno mutate rule, applied to a resource that is never modified in place:
 * patchStrategicMerge (anchors preprocessed, then kustomize-style strategic merge with new list elements
 * prepended) and patchesJson6902 (a YAML/JSON list of RFC 6902 operations, applied with Kyverno's options:
 * missing parents created on add, missing paths ignored on remove, negative indices).
 */
import { parse as parseYaml } from 'yaml';
import type { JsonObject } from '../policy-types.js';
import { applyJsonPatch, checkBuiltinShape, cloneJson, deepEqual, isJsonMap, KYVERNO_APPLY_OPTIONS, strategicMerge, type JsonPatchOp } from '../patch/index.js';
import { errorText, NO_PATCHES_APPLIED } from './messages.js';
import { step, type Step } from './outcome.js';
import { ConditionError, preprocessPattern } from './preprocess.js';

export function applyStrategicMergePatch(resource: JsonObject, overlay: unknown): Step {
  let patch: unknown = cloneJson(overlay);
  try {
    preprocessPattern(patch, resource);
  } catch (err) {
    if (!(err instanceof ConditionError)) return step.error(`failed to patch resource: failed to preProcess rule: ${errorText(err)}`, 'PATCH_FAILED');
    patch = {};
  }
  const merged = strategicMerge(resource, patch, { listOrder: 'prepend' });
  if (!merged.ok) return step.error(`failed to patch resource: ${merged.message}`, 'PATCH_FAILED');
  return finish(resource, merged.value);
}

export function applyJson6902(resource: JsonObject, patches: unknown): Step {
  const ops = decodePatches(patches);
  if (typeof ops === 'string') return step.error(`failed to patch resource: failed to decode patches: ${ops}`, 'PATCH_FAILED');
  const r = applyJsonPatch(resource, ops, KYVERNO_APPLY_OPTIONS);
  if (!r.ok) return step.error(`failed to patch resource: ${r.message}`, 'PATCH_FAILED');
  return finish(resource, r.doc);
}

function finish(before: JsonObject, after: unknown): Step {
  if (!isJsonMap(after)) return step.error('failed to patch resource: the patched resource is not an object', 'PATCH_FAILED');
  if (deepEqual(before, after)) return step.skip(NO_PATCHES_APPLIED, 'NO_PATCHES_APPLIED');
  const bad = checkBuiltinShape(before, after);
  if (bad) return step.error(`failed to patch resource: ${bad}`, 'PATCH_FAILED');
  return step.pass(after);
}

/** patchesJson6902 is a YAML (or JSON) string in Kyverno policies; a list is accepted too. */
function decodePatches(patches: unknown): JsonPatchOp[] | string {
  let value = patches;
  if (typeof patches === 'string') {
    try {
      value = parseYaml(patches);
    } catch (err) {
      return errorText(err);
    }
  }
  if (!Array.isArray(value)) return 'expected a list of operations';
  for (const [i, op] of value.entries()) {
    if (!isJsonMap(op) || typeof op.op !== 'string' || typeof op.path !== 'string') return `operation ${i} needs string "op" and "path"`;
  }
  return value as JsonPatchOp[];
}
