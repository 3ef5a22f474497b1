/**
 * Kyverno CLI values files (cli.kyverno.io/v1alpha1 Values): globalValues, per-policy per-resource values,
 * per-rule values and foreachValues, and namespace labels for namespaceSelector. Precedence follows the
 * Kyverno CLI: global, then the resource's values, then the rule's.
 */
import type { ValuesProvider } from '../engine/index.js';

interface ValuesDoc {
  globalValues?: Record<string, unknown>;
  policies?: Array<{
    name: string;
    rules?: Array<{ name: string; values?: Record<string, unknown>; foreachValues?: Record<string, unknown[]> }>;
    resources?: Array<{ name: string; values?: Record<string, unknown> }>;
  }>;
  namespaceSelector?: Array<{ name: string; labels?: Record<string, string> }>;
  subresources?: Array<{
    parentResource?: { group?: string; version?: string; kind?: string; name?: string };
    subresource?: { group?: string; version?: string; kind?: string; name?: string };
  }>;
}

export interface SubresourceInfo {
  parent: { group: string; version: string; resource: string; kind: string };
  /** e.g. `scale` for `deployments/scale`. */
  subresource: string;
}

export interface TestValues extends ValuesProvider {
  foreachValues(policy: string, rule: string): Record<string, unknown[]> | undefined;
  /** The operation forced by values (`request.operation`), if any, for this policy and resource. */
  operation(policy: string, resourceName: string): string | undefined;
  readonly hasNamespaceSelector: boolean;
  /** The parent resource when `kind` (e.g. Scale) is declared as a subresource in the values file. */
  subresourceFor(group: string, version: string, kind: string): SubresourceInfo | undefined;
}

function resourceMatches(entryName: string, resourceName: string): boolean {
  return entryName === resourceName || entryName.endsWith(`/${resourceName}`);
}

export function createTestValues(doc: unknown): TestValues {
  const v = (doc ?? {}) as ValuesDoc;
  const global = v.globalValues ?? {};
  const nsLabels = new Map((v.namespaceSelector ?? []).map((n) => [n.name, n.labels ?? {}]));
  const forResource = (policy: string, resourceName: string, rule?: string): Record<string, unknown> => {
    const p = (v.policies ?? []).find((x) => x.name === policy);
    const res = p?.resources?.find((r) => resourceMatches(r.name, resourceName))?.values ?? {};
    const ru = rule ? (p?.rules?.find((r) => r.name === rule)?.values ?? {}) : {};
    return { ...global, ...res, ...ru };
  };
  return {
    forResource,
    namespaceLabels: (ns) => nsLabels.get(ns),
    foreachValues: (policy, rule) => (v.policies ?? []).find((x) => x.name === policy)?.rules?.find((r) => r.name === rule)?.foreachValues,
    operation(policy, resourceName) {
      const op = forResource(policy, resourceName)['request.operation'];
      return typeof op === 'string' ? op : undefined;
    },
    hasNamespaceSelector: nsLabels.size > 0,
    subresourceFor(group, version, kind) {
      const hit = (v.subresources ?? []).find(
        (s) => s.subresource?.kind === kind && (s.subresource.group ?? '') === group && (s.subresource.version ?? version) === version,
      );
      if (!hit?.parentResource || !hit.subresource) return undefined;
      const p = hit.parentResource;
      const name = hit.subresource.name ?? '';
      return {
        parent: { group: p.group ?? '', version: p.version ?? '', resource: p.name ?? '', kind: p.kind ?? '' },
        subresource: name.includes('/') ? name.slice(name.indexOf('/') + 1) : name,
      };
    },
  };
}

export const emptyValues: TestValues = createTestValues(undefined);
