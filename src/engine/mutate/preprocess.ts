/**
 * Kyverno's patchStrategicMerge preprocessing (pkg/engine/mutate/patch/strategicPreprocessing.go), before
 * the merge: `+(key)` becomes `key` when the resource lacks it and is dropped otherwise; `(key)` and `<(key)`
 * conditions are checked against the resource (with the validate pattern matcher); a list element with
 * anchors is copied once per matching resource element, named after it (so that the merge pairs them by
 * name; this is what makes `(name): "*"` select every container); finally every anchor is removed.
 *
 * A failed condition at map level, or a failed global condition anywhere, turns the whole patch into `{}`
 * (the rule then reports "no patches applied"). The pattern is mutated in place: callers pass a copy.
 * As in Kyverno, the copy of an anchored list element is shared by all resource elements it is checked
 * against, so a `+(key)` renamed for the first element stays renamed for the next ones.
 */
import { matchPattern } from '../pattern/index.js';
import { cloneJson, isJsonMap, type JsonMap } from '../patch/index.js';
import { anchorOf, containsCondition, hasMutateAnchor, isAddIfNotPresent, isCondition, isGlobal } from './anchor-kinds.js';
import { deleteAnchors, deleteConditionElements, hasAnchors, renameKey } from './strip-anchors.js';

export class ConditionError extends Error {
  constructor(
    readonly global: boolean,
    message: string,
  ) {
    super(`${global ? 'global condition' : 'condition'} failed: ${message}`);
  }
}

/** Preprocesses `pattern` in place against `resource`; throws ConditionError or Error. */
export function preprocessPattern(pattern: unknown, resource: unknown): void {
  recurse(pattern, resource);
  if (isJsonMap(pattern)) deleteConditionElements(pattern);
}

function recurse(pattern: unknown, resource: unknown): void {
  if (isJsonMap(pattern)) walkMap(pattern, resource);
  else if (Array.isArray(pattern) && pattern.length > 0 && isJsonMap(pattern[0])) processListOfMaps(pattern, resource);
}

function walkMap(pattern: JsonMap, resource: unknown): void {
  handleAddIfNotPresent(pattern, resource);
  validateConditions(pattern, resource);
  for (const key of Object.keys(pattern)) {
    if (anchorOf(key).type !== undefined && hasMutateAnchor(key)) continue;
    recurse(pattern[key], isJsonMap(resource) ? resource[key] : undefined);
  }
}

function processListOfMaps(pattern: unknown[], resource: unknown): void {
  const resourceElements = Array.isArray(resource) ? resource : [];
  const originals = [...pattern];
  for (const element of originals) {
    if (!hasAnchors(element, hasMutateAnchor)) continue;
    const global = hasAnchors(element, isGlobal);
    let anyGlobalPassed = false;
    let lastGlobal: ConditionError | undefined;
    const copy = cloneJson(element);
    for (const re of resourceElements) {
      try {
        recurse(copy, re);
      } catch (err) {
        if (!(err instanceof ConditionError)) throw err;
        if (err.global) lastGlobal = err;
        continue;
      }
      if (global) anyGlobalPassed = true;
      else appendNamedCopy(pattern, copy, re);
    }
    if (resource === undefined || resource === null) {
      try {
        recurse(copy, undefined);
        if (global) anyGlobalPassed = true;
      } catch (err) {
        if (!(err instanceof ConditionError) || err.global) throw err;
      }
    }
    if (!anyGlobalPassed && lastGlobal) throw lastGlobal;
  }
}

/** handlePatternName: a copy of the (condition-free) element, named like the resource element it matched. */
function appendNamedCopy(pattern: unknown[], element: unknown, resourceElement: unknown): void {
  const name = isJsonMap(resourceElement) ? resourceElement.name : undefined;
  if (name === undefined || name === null || name === '') return;
  const copy = cloneJson(element);
  if (deleteAnchors(copy, true) || !isJsonMap(copy)) return;
  copy.name = name;
  pattern.push(copy);
}

/** `+(key)`: dropped when the resource has the key, otherwise renamed to `key`. Returns how many there were. */
function handleAddIfNotPresent(pattern: unknown, resource: unknown): number {
  if (!isJsonMap(pattern)) return 0;
  let count = 0;
  for (const raw of Object.keys(pattern)) {
    if (!isAddIfNotPresent(raw)) continue;
    count++;
    const key = anchorOf(raw).key;
    if (isJsonMap(resource) && Object.hasOwn(resource, key)) delete pattern[raw];
    else renameKey(pattern, raw, key);
  }
  return count;
}

function validateConditions(pattern: JsonMap, resource: unknown): void {
  const global = checkConditions(pattern, resource, isGlobal);
  if (global) throw new ConditionError(true, global);
  const local = checkConditions(pattern, resource, isCondition);
  if (local) throw new ConditionError(false, local);
}

function checkConditions(pattern: JsonMap, resource: unknown, filter: (k: string) => boolean): string | undefined {
  for (const raw of Object.keys(pattern)) {
    if (!filter(raw)) continue;
    const key = anchorOf(raw).key;
    if (!isJsonMap(resource) || !Object.hasOwn(resource, key)) return `could not found "${key}" key in the resource`;
    const pv = pattern[raw];
    const rv = resource[key];
    if (handleAddIfNotPresent(pv, rv) > 0) continue;
    const r = matchPattern(scalarText(rv), scalarText(pv));
    if (r.status !== 'pass') return r.message ?? 'condition does not match';
  }
  return undefined;
}

/** Kyverno reads scalars of the YAML tree as their text (convertRNodeToInterface), so 1 and "1" compare equal. */
function scalarText(v: unknown): unknown {
  if (v === null || typeof v === 'object') return v;
  return String(v);
}

export { containsCondition };
