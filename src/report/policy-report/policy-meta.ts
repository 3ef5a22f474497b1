/** Severity and category of a policy from its annotations (Kyverno's policies.kyverno.io/*), by name. */
import type { PolicySet } from '../../engine/index.js';
import type { PolicyMeta } from './build-report.js';

export function policyMetaOf(set: PolicySet): (policy: string, namespace: string | undefined) => PolicyMeta {
  const byKey = new Map<string, PolicyMeta>();
  for (const p of set.classic) {
    byKey.set(`${p.namespace ?? ''}/${p.name}`, { ...(p.severity ? { severity: p.severity } : {}), ...(p.category ? { category: p.category } : {}) });
  }
  return (policy, namespace) => byKey.get(`${namespace ?? ''}/${policy}`) ?? {};
}
