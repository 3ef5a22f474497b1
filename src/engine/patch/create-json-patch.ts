/**
 * createJsonPatch: a small RFC 6902 diff from one JSON value to another, deterministic and idempotent
 * (createJsonPatch(x, x) is []). Object keys are visited in sorted (code point) order, so two equal objects
 * written in different key orders give the same patch; keys are escaped per RFC 6901 (`~0`, `~1`).
 *
 * Arrays are compared index by index: equal positions recurse, extra elements are added at the tail or
 * removed from the tail (highest index first). There is no move detection or LCS on purpose: most
 * Kubernetes lists are lists of maps keyed by name (containers, env, volumes), where recursing into the
 * element at the same index gives the smallest, most readable patch (`/spec/containers/0/image`), and
 * what the API server and `kubectl` users expect to see; a reordering simply shows up as replacements.
 */
import { joinPointer } from '../json-pointer.js';
import { deepEqual, isJsonMap } from './json-values.js';
import type { JsonPatchOp } from './types.js';

export function createJsonPatch(from: unknown, to: unknown): JsonPatchOp[] {
  const ops: JsonPatchOp[] = [];
  diff(from, to, '', ops);
  return ops;
}

function diff(a: unknown, b: unknown, path: string, ops: JsonPatchOp[]): void {
  if (deepEqual(a, b)) return;
  if (isJsonMap(a) && isJsonMap(b)) return diffMaps(a, b, path, ops);
  if (Array.isArray(a) && Array.isArray(b)) return diffLists(a, b, path, ops);
  ops.push({ op: 'replace', path, value: b });
}

function diffMaps(a: Record<string, unknown>, b: Record<string, unknown>, path: string, ops: JsonPatchOp[]): void {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  for (const k of keys) {
    const p = joinPointer(path, k);
    const inA = Object.hasOwn(a, k) && a[k] !== undefined;
    const inB = Object.hasOwn(b, k) && b[k] !== undefined;
    if (inA && !inB) ops.push({ op: 'remove', path: p });
    else if (!inA && inB) ops.push({ op: 'add', path: p, value: b[k] });
    else if (inA && inB) diff(a[k], b[k], p, ops);
  }
}

function diffLists(a: unknown[], b: unknown[], path: string, ops: JsonPatchOp[]): void {
  const common = Math.min(a.length, b.length);
  for (let i = 0; i < common; i++) diff(a[i], b[i], joinPointer(path, i), ops);
  for (let i = common; i < b.length; i++) ops.push({ op: 'add', path: joinPointer(path, i), value: b[i] });
  for (let i = a.length - 1; i >= common; i--) ops.push({ op: 'remove', path: joinPointer(path, i) });
}
