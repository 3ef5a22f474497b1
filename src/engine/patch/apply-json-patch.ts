/**
 * RFC 6902 JSON Patch (https://www.rfc-editor.org/rfc/rfc6902) over plain JSON values. The input is never
 * mutated: the document is copied once and the copy is patched. Options mirror evanphx/json-patch's
 * ApplyOptions, which Kyverno uses for `patchesJson6902` (KYVERNO_APPLY_OPTIONS).
 */
import { cloneJson, deepEqual, isJsonMap, type JsonMap } from './json-values.js';
import { parsePointerSafe, type Container, locate, readIndex } from './pointer-walk.js';
import type { ApplyOptions, JsonPatchOp, PatchErrorCode, PatchResult } from './types.js';

class OpError extends Error {
  constructor(
    readonly code: PatchErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function applyJsonPatch(doc: unknown, ops: readonly JsonPatchOp[], opts: ApplyOptions = {}): PatchResult {
  let root = cloneJson(doc);
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i] as JsonPatchOp;
    try {
      root = applyOp(root, op, opts);
    } catch (err) {
      const code = err instanceof OpError ? err.code : 'PATCH_INVALID_OP';
      return { ok: false, code, message: `${String(op?.op)} operation does not apply: ${(err as Error).message}`, opIndex: i };
    }
  }
  return { ok: true, doc: root };
}

function applyOp(root: unknown, op: JsonPatchOp, opts: ApplyOptions): unknown {
  if (!op || typeof op !== 'object' || typeof op.path !== 'string') throw new OpError('PATCH_INVALID_OP', 'operation must have a string path');
  switch (op.op) {
    case 'add':
      return add(root, op.path, cloneJson(requireValue(op)), opts);
    case 'replace':
      return replace(root, op.path, cloneJson(requireValue(op)), opts);
    case 'remove':
      return remove(root, op.path, opts);
    case 'test':
      if (!deepEqual(get(root, op.path, opts), requireValue(op))) throw new OpError('PATCH_TEST_FAILED', `testing value ${op.path} failed`);
      return root;
    case 'move':
    case 'copy': {
      if (typeof op.from !== 'string') throw new OpError('PATCH_INVALID_OP', 'operation must have a string from');
      if (op.op === 'move' && op.from === op.path) return root;
      if (op.op === 'move' && op.path.startsWith(op.from + '/')) throw new OpError('PATCH_INVALID_OP', `cannot move ${op.from} into its own child ${op.path}`);
      const value = cloneJson(get(root, op.from, opts));
      const next = op.op === 'move' ? remove(root, op.from, { ...opts, allowMissingPathOnRemove: false }) : root;
      return add(next, op.path, value, { ...opts, ensurePathExistsOnAdd: false });
    }
    default:
      throw new OpError('PATCH_INVALID_OP', `unknown operation ${JSON.stringify((op as { op: unknown }).op)}`);
  }
}

function requireValue(op: { value?: unknown }): unknown {
  if (!Object.hasOwn(op, 'value') || op.value === undefined) throw new OpError('PATCH_INVALID_OP', 'operation needs a value');
  return op.value;
}

function tokens(path: string): string[] {
  const t = parsePointerSafe(path);
  if (t === undefined) throw new OpError('PATCH_INVALID_POINTER', `invalid JSON pointer ${JSON.stringify(path)}`);
  return t;
}

function parentOf(root: unknown, path: string, create: boolean): { parent: Container; key: string } {
  const t = tokens(path);
  const loc = locate(root, t, create);
  if (!loc) throw new OpError('PATCH_PATH_NOT_FOUND', `missing path ${path}`);
  return loc;
}

function get(root: unknown, path: string, opts: ApplyOptions): unknown {
  if (path === '') return root;
  const { parent, key } = parentOf(root, path, false);
  if (Array.isArray(parent)) {
    const i = readIndex(key, parent.length, !!opts.supportNegativeIndices, false);
    if (i === undefined || i >= parent.length) throw new OpError('PATCH_PATH_NOT_FOUND', `missing path ${path}`);
    return parent[i];
  }
  if (!Object.hasOwn(parent, key)) throw new OpError('PATCH_PATH_NOT_FOUND', `missing path ${path}`);
  return parent[key];
}

function add(root: unknown, path: string, value: unknown, opts: ApplyOptions): unknown {
  if (path === '') return value;
  const { parent, key } = parentOf(root, path, !!opts.ensurePathExistsOnAdd);
  if (Array.isArray(parent)) {
    const i = key === '-' ? parent.length : readIndex(key, parent.length, !!opts.supportNegativeIndices, true);
    if (i === undefined || i > parent.length) throw new OpError('PATCH_INVALID_INDEX', `index ${key} out of bounds at ${path}`);
    parent.splice(i, 0, value);
  } else {
    (parent as JsonMap)[key] = value;
  }
  return root;
}

function replace(root: unknown, path: string, value: unknown, opts: ApplyOptions): unknown {
  if (path === '') return value;
  const { parent, key } = parentOf(root, path, false);
  if (Array.isArray(parent)) {
    const i = readIndex(key, parent.length, !!opts.supportNegativeIndices, false);
    if (i === undefined || i >= parent.length) throw new OpError('PATCH_PATH_NOT_FOUND', `missing path ${path}`);
    parent[i] = value;
  } else {
    if (!Object.hasOwn(parent, key)) throw new OpError('PATCH_PATH_NOT_FOUND', `missing path ${path}`);
    parent[key] = value;
  }
  return root;
}

function remove(root: unknown, path: string, opts: ApplyOptions): unknown {
  if (path === '') throw new OpError('PATCH_INVALID_OP', 'cannot remove the whole document');
  let loc: { parent: Container; key: string } | undefined;
  try {
    loc = parentOf(root, path, false);
  } catch (err) {
    if (opts.allowMissingPathOnRemove && err instanceof OpError && err.code === 'PATCH_PATH_NOT_FOUND') return root;
    throw err;
  }
  const { parent, key } = loc;
  if (Array.isArray(parent)) {
    const i = readIndex(key, parent.length, !!opts.supportNegativeIndices, false);
    if (i === undefined || i >= parent.length) {
      if (opts.allowMissingPathOnRemove) return root;
      throw new OpError('PATCH_PATH_NOT_FOUND', `missing path ${path}`);
    }
    parent.splice(i, 1);
  } else if (isJsonMap(parent) && Object.hasOwn(parent, key)) {
    delete parent[key];
  } else if (!opts.allowMissingPathOnRemove) {
    throw new OpError('PATCH_PATH_NOT_FOUND', `missing path ${path}`);
  }
  return root;
}
