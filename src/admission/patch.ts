/**
 * The patch part of an AdmissionResponse: a JSONPatch (RFC 6902) document, base64-encoded, with
 * `patchType: JSONPatch` (the only type admission.k8s.io/v1 defines). Both fields are omitted when there
 * is nothing to patch, as the API server expects for a plain allow.
 */
import type { AdmissionResponse, JsonPatchOperation } from './types.js';

export type PatchFields = Pick<AdmissionResponse, 'patch' | 'patchType'>;

export function patchFields(ops: readonly JsonPatchOperation[] | undefined): PatchFields {
  if (!ops || ops.length === 0) return {};
  return { patch: Buffer.from(JSON.stringify(ops), 'utf8').toString('base64'), patchType: 'JSONPatch' };
}
