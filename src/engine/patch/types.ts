/**
 * RFC 6902 JSON Patch operations (https://www.rfc-editor.org/rfc/rfc6902) and the result of applying them.
 * Paths are RFC 6901 JSON Pointers: `~1` is `/`, `~0` is `~`, and `-` names the end of an array.
 */

export type JsonPatchOp =
  | { op: 'add' | 'replace' | 'test'; path: string; value: unknown }
  | { op: 'remove'; path: string }
  | { op: 'move' | 'copy'; from: string; path: string };

export type PatchResult =
  | { ok: true; doc: unknown }
  | { ok: false; code: PatchErrorCode; message: string; opIndex: number };

/** Stable error codes of the patch module (messages may change, codes do not). */
export type PatchErrorCode =
  | 'PATCH_INVALID_OP'
  | 'PATCH_PATH_NOT_FOUND'
  | 'PATCH_INVALID_INDEX'
  | 'PATCH_TEST_FAILED'
  | 'PATCH_INVALID_POINTER'
  | 'MERGE_KIND_MISMATCH'
  | 'MERGE_INVALID_DIRECTIVE';

export interface ApplyOptions {
  /** `add` creates missing parent objects/arrays (evanphx/json-patch EnsurePathExistsOnAdd; Kyverno sets it). */
  ensurePathExistsOnAdd?: boolean;
  /** `remove` of a missing path is a no-op (AllowMissingPathOnRemove; Kyverno sets it). */
  allowMissingPathOnRemove?: boolean;
  /** Array index -1 names the last element (SupportNegativeIndices; Kyverno sets it). */
  supportNegativeIndices?: boolean;
}

/** The options Kyverno applies `patchesJson6902` with (pkg/engine/mutate/patch/patchJSON6902.go). */
export const KYVERNO_APPLY_OPTIONS: Readonly<ApplyOptions> = Object.freeze({
  ensurePathExistsOnAdd: true,
  allowMissingPathOnRemove: true,
  supportNegativeIndices: true,
});
