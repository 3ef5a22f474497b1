/**
 * A ParamLookup over objects already in memory (CLI `paramResources`, test resources): by apiVersion and
 * kind, then name, namespace and label selector as the API server would select them for a paramRef.
 */
// Kubernetes label-selector semantics (no Kyverno wildcards): paramRef is an admissionregistration field.
import { matchesLabelSelector } from './label-selector.js';
import type { ParamLookup } from './types.js';

interface ObjectLike {
  apiVersion?: unknown;
  kind?: unknown;
  metadata?: { name?: unknown; namespace?: unknown; labels?: Record<string, string> };
}

export function createParamLookup(objects: readonly unknown[]): ParamLookup {
  const list = objects as readonly ObjectLike[];
  return (q) =>
    list.filter((o) => {
      if (o.apiVersion !== q.apiVersion || o.kind !== q.kind) return false;
      const meta = o.metadata ?? {};
      if (q.name !== undefined && q.name !== '' && meta.name !== q.name) return false;
      if (q.namespace && (meta.namespace ?? 'default') !== q.namespace) return false;
      return matchesLabelSelector(q.selector, meta.labels);
    });
}
