import { preparePolicySet, type PolicyResponse, type PolicySet } from '../../engine/index.js';
import { policyCount } from './load-file.js';
import type { PolicySnapshot } from './types.js';

/**
 * A snapshot with its failurePolicy lookup precomputed and its policies prepared for admission. Classic policies carry spec.failurePolicy; the
 * other kinds' handlers do not expose theirs yet, so they get Kyverno's default, Fail.
 */
export function createSnapshot(set: PolicySet, generation: number): PolicySnapshot {
  // Compiled here, before the set is swapped in (off the hot path), not by the first admission after it.
  preparePolicySet(set);
  const byKey = new Map<string, 'Fail' | 'Ignore'>();
  for (const p of set.classic) byKey.set(keyOf(p.kind, p.namespace, p.name), p.failurePolicy);
  return {
    set,
    generation,
    policyCount: policyCount(set),
    failurePolicyOf: (r: PolicyResponse) => byKey.get(keyOf(r.kind, r.namespace, r.policy)) ?? 'Fail',
  };
}

function keyOf(kind: string, namespace: string | undefined, name: string): string {
  return `${kind}/${namespace ?? ''}/${name}`;
}
