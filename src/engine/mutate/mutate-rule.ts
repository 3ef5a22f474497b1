/**
 * One Kyverno mutate rule, in Kyverno's order (pkg/engine/mutation.go, handlers/mutation): load the rule
 * context, check preconditions, then patchStrategicMerge, patchesJson6902 or foreach. The caller puts the
 * current resource at `request.object` in scope.data (mutatePolicies does), so a rule sees earlier patches.
 * Outcomes: pass "mutated Kind/name [in namespace ns]", skip "preconditions not met" / "no patches applied",
 * error with Kyverno's prefixes ("failed to load context", "variable substitution failed", "failed to
 * patch resource"). The input resource is never modified.
 */
import { evaluateConditions } from '../conditions/index.js';
import { loadContextEntries } from '../context/index.js';
import { createJsonPatch } from '../patch/index.js';
import type { Conditions, ContextEntry, JsonObject, Rule } from '../policy-types.js';
import { substituteAll, substituteVariables } from '../variables/index.js';
import { applyJson6902, applyStrategicMergePatch } from './apply-patches.js';
import { mutateForEach, type ForEachMutation } from './foreach.js';
import { EMPTY_MUTATE_RULE, errorText, mutatedMessage, PRECONDITIONS_NOT_MET } from './messages.js';
import { step, type MutateOutcome, type Step } from './outcome.js';
import type { MutateScope } from './scope.js';

/** The patch part of a rule's `mutate` block or of a foreach entry. */
export interface PatchBlock {
  patchStrategicMerge?: unknown;
  patchesJson6902?: unknown;
}

export async function mutateResource(rule: Rule, resource: JsonObject, scope: MutateScope): Promise<MutateOutcome> {
  let s: Step;
  try {
    s = await mutateSteps(rule, resource, scope);
  } catch (err) {
    s = step.error(`rule ${rule.name} failed: ${errorText(err)}`, 'INVALID_RULE');
  }
  if (s.status !== 'pass') return { status: s.status, message: s.message, resource, patches: [], reason: s.reason };
  return { status: 'pass', message: mutatedMessage(s.resource), resource: s.resource, patches: createJsonPatch(resource, s.resource) };
}

async function mutateSteps(rule: Rule, resource: JsonObject, scope: MutateScope): Promise<Step> {
  const loaded = await loadBlockContext(rule.context, rule.preconditions, scope);
  if ('status' in loaded) return loaded;
  const mutate = (rule.mutate ?? {}) as PatchBlock & { foreach?: ForEachMutation[] };
  if (Array.isArray(mutate.foreach)) return mutateForEach(mutate.foreach, resource, loaded, '/mutate');
  return mutateOnce(mutate, resource, loaded, '/mutate');
}

/** Loads context entries and checks preconditions; returns the new scope, or a skip/error step. */
export async function loadBlockContext(
  context: readonly ContextEntry[] | undefined,
  preconditions: Conditions | undefined,
  scope: MutateScope,
  labels = { context: 'failed to load context', preconditions: 'failed to evaluate preconditions' },
): Promise<MutateScope | Step> {
  let data = scope.data;
  try {
    data = await loadContextEntries(context, data, scope.deps, scope.overrides);
  } catch (err) {
    return step.error(`${labels.context}: ${errorText(err)}`, 'CONTEXT_LOAD_FAILED');
  }
  const s: MutateScope = data === scope.data ? scope : { ...scope, data };
  if (!preconditions) return s;
  try {
    const pre = evaluateConditions(preconditions, (v) => substituteVariables(v, s.data, { env: s.env, onMissing: 'null' }));
    if (!pre.passed) return step.skip(PRECONDITIONS_NOT_MET, 'PRECONDITIONS_NOT_MET');
  } catch (err) {
    return step.error(`${labels.preconditions}: ${errorText(err)}`, 'PRECONDITIONS_ERROR');
  }
  return s;
}

/**
 * The document substitution sees (`$( )` references resolve within it), one per block: substitution
 * remembers per object whether it holds `{{`/`$(`, so a fresh wrapper per request was rescanned, and its
 * entries (in WeakMaps, keyed by a young object) were kept alive into the old generation.
 */
const documents = new WeakMap<PatchBlock, PatchBlock>();
function documentOf(block: PatchBlock): PatchBlock {
  let doc = documents.get(block);
  if (!doc) documents.set(block, (doc = { patchStrategicMerge: block.patchStrategicMerge, patchesJson6902: block.patchesJson6902 }));
  return doc;
}

/** Substitutes variables in the patch (path gives `{{@}}` its position) and applies it. */
export function mutateOnce(block: PatchBlock, resource: JsonObject, scope: MutateScope, path: string): Step {
  const psm = block.patchStrategicMerge;
  const json = block.patchesJson6902;
  const hasJson = json !== undefined && json !== null && json !== '';
  if ((psm === undefined || psm === null) && !hasJson) return step.error(EMPTY_MUTATE_RULE, 'INVALID_RULE');
  let sub: PatchBlock;
  try {
    sub = substituteAll(documentOf(block), scope.data, { env: scope.env, path }) as PatchBlock;
  } catch (err) {
    return step.error(`variable substitution failed: ${errorText(err)}`, 'VARIABLE_SUBSTITUTION_FAILED');
  }
  if (psm !== undefined && psm !== null) return applyStrategicMergePatch(resource, sub.patchStrategicMerge);
  return applyJson6902(resource, sub.patchesJson6902);
}
