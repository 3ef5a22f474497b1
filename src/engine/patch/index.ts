/**
 * JSON documents patching: RFC 6902 JSON Patch (apply and diff) and Kubernetes strategic merge patch.
 * Pure and shared by Kyverno mutate rules, MutatingPolicy / MutatingAdmissionPolicy (JSONPatch and
 * ApplyConfiguration) and the admission response. The module's only entry.
 */
export type { JsonPatchOp, PatchResult, PatchErrorCode, ApplyOptions } from './types.js';
export { KYVERNO_APPLY_OPTIONS } from './types.js';
export { applyJsonPatch } from './apply-json-patch.js';
export { createJsonPatch } from './create-json-patch.js';
export { strategicMerge, type StrategicMergeOptions, type MergeResult } from './strategic-merge.js';
export { listHintsFor, isBuiltinApiVersion, BUILTIN_LIST_HINTS, type ListHints, type ListStrategy } from './list-hints.js';
export { deepEqual, cloneJson, isJsonMap, jsonTypeName, type JsonMap } from './json-values.js';
export { checkBuiltinShape } from './builtin-shape.js';
