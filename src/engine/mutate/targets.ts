/**
 * Mutate existing resources (`mutate.targets`, https://kyverno.io/docs/writing-policies/mutate/#mutate-existing-resources),
 * evaluated offline against resources the caller supplies (the CLI's `targetResources`, or a cluster
 * lookup done by the host). The rule's context and preconditions are evaluated once with the trigger
 * (`request.object`); each target spec's apiVersion/kind/name/namespace may hold variables and wildcards;
 * an empty namespace selects every namespace. Each selected resource is exposed as `target` (and `{{@}}`),
 * gets the spec's own context and preconditions, then the rule's patch or foreach.
 */
import { setDottedPath } from '../context/index.js';
import { createJsonPatch, isJsonMap } from '../patch/index.js';
import type { ContextEntry, Conditions, JsonObject, Rule } from '../policy-types.js';
import { wildcardMatch } from '../values/index.js';
import { substituteVariables } from '../variables/index.js';
import { mutateForEach, type ForEachMutation } from './foreach.js';
import { errorText, mutatedMessage } from './messages.js';
import { loadBlockContext, mutateOnce, type PatchBlock } from './mutate-rule.js';
import type { MutateOutcome, Step } from './outcome.js';
import type { MutateScope } from './scope.js';

export interface TargetSpec {
  apiVersion?: string;
  kind?: string;
  name?: string;
  namespace?: string;
  context?: ContextEntry[];
  preconditions?: Conditions;
}

/** One result per selected target; a rule-level skip or error gives one result without a target. */
export interface TargetResult {
  target?: JsonObject;
  outcome: MutateOutcome;
}

export async function mutateExisting(rule: Rule, trigger: JsonObject, candidates: readonly JsonObject[], scope: MutateScope): Promise<TargetResult[]> {
  const mutate = (rule.mutate ?? {}) as PatchBlock & { foreach?: ForEachMutation[]; targets?: TargetSpec[] };
  const loaded = await loadBlockContext(rule.context, rule.preconditions, scope);
  if ('status' in loaded) return [{ outcome: toOutcome(loaded, trigger) }];
  const results: TargetResult[] = [];
  for (const spec of mutate.targets ?? []) {
    let selected: JsonObject[];
    try {
      selected = selectTargets(spec, candidates, loaded);
    } catch (err) {
      results.push({ outcome: { status: 'error', message: `failed to resolve target: ${errorText(err)}`, resource: trigger, patches: [], reason: 'TARGET_ERROR' } });
      continue;
    }
    for (const target of selected) {
      const s: MutateScope = { ...loaded, data: setDottedPath(loaded.data, 'target', target) };
      const t = await loadBlockContext(spec.context, spec.preconditions, s);
      const step: Step = 'status' in t
        ? t
        : Array.isArray(mutate.foreach)
          ? await mutateForEach(mutate.foreach, target, t, '/mutate')
          : mutateOnce(mutate, target, t, '/mutate');
      results.push({ target, outcome: toOutcome(step, target) });
    }
  }
  return results;
}

function toOutcome(s: Step, resource: JsonObject): MutateOutcome {
  if (s.status !== 'pass') return { status: s.status, message: s.message, resource, patches: [], reason: s.reason };
  return { status: 'pass', message: mutatedMessage(s.resource), resource: s.resource, patches: createJsonPatch(resource, s.resource) };
}

function selectTargets(spec: TargetSpec, candidates: readonly JsonObject[], scope: MutateScope): JsonObject[] {
  const want = substituteVariables({ apiVersion: spec.apiVersion, kind: spec.kind, name: spec.name, namespace: spec.namespace }, scope.data, { env: scope.env }) as TargetSpec;
  return candidates.filter((c) => {
    const meta = isJsonMap(c.metadata) ? c.metadata : {};
    if (want.apiVersion && c.apiVersion !== want.apiVersion) return false;
    if (want.kind && c.kind !== want.kind) return false;
    if (want.name && !wildcardMatch(String(want.name), String(meta.name ?? ''))) return false;
    if (want.namespace && !wildcardMatch(String(want.namespace), String(meta.namespace ?? ''))) return false;
    return true;
  });
}
