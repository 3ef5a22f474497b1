/**
 * What a background scan lists for validating CEL policies (ValidatingPolicy, ValidatingAdmissionPolicy):
 * their spec.matchConstraints.resourceRules, already in admission-rule form (apiGroups x resources),
 * resolved against discovery. Wildcard and subresource entries are not listed (every object in the
 * cluster, or not objects at all), as `*` kinds are not for classic policies.
 */
import type { PolicyKindHandler } from '../../engine/index.js';
import type { ApiResource } from '../client/discovery.js';

export interface ListTarget {
  group: string;
  version: string;
  resource: string;
  kind: string;
}

interface ResourceRule {
  apiGroups?: string[];
  resources?: string[];
}

export function celListTargets(handlers: readonly PolicyKindHandler[], documents: readonly Record<string, unknown>[], discovered: readonly ApiResource[]): ListTarget[] {
  const byName = new Map(documents.map((d) => [`${String(d.kind)}/${String((d.metadata as { name?: string } | undefined)?.name ?? '')}`, d]));
  const out: ListTarget[] = [];
  for (const h of handlers) {
    const spec = byName.get(`${h.kind}/${h.name}`)?.spec as { matchConstraints?: { resourceRules?: ResourceRule[] } } | undefined;
    for (const rule of spec?.matchConstraints?.resourceRules ?? []) {
      for (const resource of rule.resources ?? []) {
        if (resource.includes('*') || resource.includes('/')) continue;
        const groups = rule.apiGroups ?? [];
        for (const r of discovered) {
          if (r.name === resource && (groups.includes('*') || groups.includes(r.group))) out.push({ group: r.group, version: r.version, resource: r.name, kind: r.kind });
        }
      }
    }
  }
  return out;
}

/** Validating CEL handlers that run in the background (ValidatingPolicy spec.evaluation.background.enabled, default true). */
export function backgroundHandlers(handlers: readonly PolicyKindHandler[], documents: readonly Record<string, unknown>[]): PolicyKindHandler[] {
  const off = new Set(
    documents
      .filter((d) => (d.spec as { evaluation?: { background?: { enabled?: boolean } } } | undefined)?.evaluation?.background?.enabled === false)
      .map((d) => `${String(d.kind)}/${String((d.metadata as { name?: string } | undefined)?.name ?? '')}`),
  );
  return handlers.filter((h) => !h.mutate && !off.has(`${h.kind}/${h.name}`));
}
