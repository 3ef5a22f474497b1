/**
 * Removing anchors from a preprocessed patch (deleteConditionElements / deleteAnchors in Kyverno's
 * strategicPreprocessing.go). A node "can be deleted" when nothing but anchors was in it; that includes
 * maps left empty, so `{}` values disappear from a patchStrategicMerge, as in Kyverno.
 * Unlike the Go code, list elements are filtered without shifting indices under the loop.
 */
import { isJsonMap, type JsonMap } from '../patch/index.js';
import { anchorOf, containsCondition, hasMutateAnchor } from './anchor-kinds.js';

/** Renames a key in place, keeping its position among the map's keys. */
export function renameKey(map: JsonMap, from: string, to: string): void {
  if (from === to) return;
  const entries = Object.entries(map);
  for (const k of Object.keys(map)) delete map[k];
  for (const [k, v] of entries) map[k === from ? to : k] = v;
}

/** True when `node` or anything below it has a key (or a scalar value) accepted by `test`. */
export function hasAnchors(node: unknown, test: (key: string) => boolean): boolean {
  if (isJsonMap(node)) {
    for (const [k, v] of Object.entries(node)) {
      if (anchorOf(k).type !== undefined && test(k)) return true;
      if (v !== null && v !== undefined && hasAnchors(v, test)) return true;
    }
    return false;
  }
  if (Array.isArray(node)) return node.some((e) => hasAnchors(e, test));
  return typeof node === 'string' && containsCondition(node);
}

export function deleteConditionElements(pattern: JsonMap): void {
  for (const k of Object.keys(pattern)) {
    if (deleteAnchors(pattern[k], containsCondition(k))) delete pattern[k];
  }
}

/** Strips anchors below `node` in place; true when the node itself should be removed from the patch. */
export function deleteAnchors(node: unknown, deleteScalar: boolean): boolean {
  if (isJsonMap(node)) return deleteAnchorsInMap(node);
  if (Array.isArray(node)) return deleteAnchorsInList(node);
  return deleteScalar;
}

function deleteAnchorsInMap(node: JsonMap): boolean {
  let anchorsLeft = false;
  for (const k of Object.keys(node)) {
    if (!containsCondition(k)) continue;
    if (deleteAnchors(node[k], true)) delete node[k];
    else anchorsLeft = true;
  }
  if (anchorsLeft) {
    for (const k of Object.keys(node)) if (containsCondition(k)) renameKey(node, k, anchorOf(k).key);
  }
  let needToDelete = true;
  for (const k of Object.keys(node)) {
    if (deleteAnchors(node[k], false)) delete node[k];
    else needToDelete = false;
  }
  return needToDelete;
}

function deleteAnchorsInList(node: unknown[]): boolean {
  const wasEmpty = node.length === 0;
  const kept = node.filter((e) => !(hasAnchors(e, hasMutateAnchor) || deleteAnchors(e, false)));
  node.splice(0, node.length, ...kept);
  return node.length === 0 && !wasEmpty;
}
