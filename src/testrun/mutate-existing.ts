/**
 * Mutate-existing rules (`mutate.targets`) evaluated offline: every test resource that a rule with
 * targets matches is a trigger; the rule patches the test's `targetResources`. Returns the patched
 * targets by `namespace/name`, which the test rows then compare with patchedResources.
 */
import type { AdmissionInput, EngineDeps, JsonObject, PolicySet } from '../engine/index.js';
import { buildRequestData } from '../engine/context/index.js';
import { ruleApplies } from '../engine/match/index.js';
import { isMutateExisting, mutateExisting } from '../engine/mutate/index.js';

export const targetKey = (d: JsonObject) => {
  const m = (d.metadata ?? {}) as JsonObject;
  return `${String(m.namespace ?? '')}/${String(m.name ?? '')}`;
};

export async function runMutateExisting(
  set: PolicySet,
  triggers: ReadonlyArray<{ resource: JsonObject; input: AdmissionInput }>,
  targets: readonly JsonObject[],
  deps: EngineDeps,
): Promise<Map<string, { policy: string; resource: JsonObject }>> {
  const patched = new Map<string, { policy: string; resource: JsonObject }>();
  if (targets.length === 0) return patched;
  const env = { now: () => deps.now() };
  for (const policy of set.classic) {
    for (const rule of policy.rules) {
      if (rule.kind !== 'mutate' || !isMutateExisting(rule.rule)) continue;
      for (const t of triggers) {
        if (!ruleApplies(rule.rule, t.input).applies) continue;
        const scope = { data: buildRequestData(t.input), deps, env, overrides: {} };
        for (const r of await mutateExisting(rule.rule, t.resource, targets, scope)) {
          if (r.target && r.outcome.status === 'pass') patched.set(targetKey(r.target), { policy: policy.name, resource: r.outcome.resource });
        }
      }
    }
  }
  return patched;
}
