/**
 * foreach mutation (pkg/engine/handlers/mutation/common.go): each entry's `list` (JMESPath over the
 * variable document) is evaluated once; every non-null element becomes `element`/`elementIndex` (and
 * `element<N>`/`elementIndex<N>` by nesting depth), gets the entry's context and preconditions, and patches
 * the resource patched by the previous elements. Elements run in reverse for patchStrategicMerge (the merge
 * prepends new list elements, so reversing keeps their order) unless `order` says otherwise.
 * An unknown list path is an error, as in Kyverno ("failed to evaluate list ..."); a null list is skipped.
 * After each entry `request.object` is the patched resource.
 */
import { setDottedPath } from '../context/index.js';
import { deepEqual } from '../patch/index.js';
import type { Conditions, ContextEntry, JsonObject } from '../policy-types.js';
import { searchJmesPath, substituteVariables } from '../variables/index.js';
import { errorText, NO_PATCHES_APPLIED } from './messages.js';
import { step, type Step } from './outcome.js';
import { loadBlockContext, mutateOnce, type PatchBlock } from './mutate-rule.js';
import type { MutateScope } from './scope.js';

export interface ForEachMutation extends PatchBlock {
  list: string;
  order?: 'Ascending' | 'Descending';
  context?: ContextEntry[];
  preconditions?: Conditions;
  foreach?: ForEachMutation[];
}

export async function mutateForEach(list: readonly ForEachMutation[], resource: JsonObject, scope: MutateScope, path: string): Promise<Step> {
  let applied = 0;
  let current = resource;
  let s = scope;
  for (const [i, fe] of list.entries()) {
    let elements: unknown[];
    try {
      elements = evaluateList(fe.list, s);
    } catch (err) {
      return step.error(`failed to evaluate list ${fe.list}: ${errorText(err)}`, 'FOREACH_LIST_ERROR');
    }
    const r = await mutateElements(fe, elements, current, s, `${path}/foreach/${i}`);
    if (r.status === 'error') return step.error(`failed to mutate elements: ${r.message}`, r.reason);
    if (r.status === 'skip') continue;
    applied++;
    current = r.resource;
    s = { ...s, data: setDottedPath(s.data, 'request.object', current) };
  }
  if (applied === 0) return step.skip(`${applied} elements processed`, 'NO_PATCHES_APPLIED');
  return step.pass(current);
}

/** EvaluateList: a non-list result is a one-element list. */
function evaluateList(expression: string, s: MutateScope): unknown[] {
  const expr = expression.includes('{{') ? String(substituteVariables(expression, s.data, { env: s.env })) : expression;
  const v = searchJmesPath(expr, s.data, s.env);
  return Array.isArray(v) ? v : [v];
}

async function mutateElements(fe: ForEachMutation, elements: unknown[], resource: JsonObject, scope: MutateScope, path: string): Promise<Step> {
  const reverse = fe.order !== undefined ? fe.order === 'Descending' : fe.patchStrategicMerge !== undefined;
  const nesting = scope.nesting ?? 0;
  let patched = resource;
  for (let k = 0; k < elements.length; k++) {
    const index = reverse ? elements.length - 1 - k : k;
    const element = elements[index];
    if (element === null || element === undefined) continue;
    const data: JsonObject = { ...scope.data, element, elementIndex: index, [`element${nesting}`]: element, [`elementIndex${nesting}`]: index };
    if (scope.foreachValues) for (const [name, vals] of Object.entries(scope.foreachValues)) data[name] = vals[index];
    const loaded = await loadBlockContext(fe.context, fe.preconditions, { ...scope, data }, {
      context: `failed to load to mutate.foreach[${index}].context`,
      preconditions: `failed to evaluate mutate.foreach[${index}].preconditions`,
    });
    if ('status' in loaded) {
      if (loaded.status === 'skip') continue;
      return loaded;
    }
    const r = Array.isArray(fe.foreach)
      ? await mutateForEach(fe.foreach, patched, { ...loaded, nesting: nesting + 1 }, path)
      : mutateOnce(fe, patched, loaded, path);
    if (r.status === 'error') return r;
    if (r.status === 'pass') patched = r.resource;
  }
  if (!deepEqual(resource, patched)) return step.pass(patched);
  return step.skip(NO_PATCHES_APPLIED, 'NO_PATCHES_APPLIED');
}
