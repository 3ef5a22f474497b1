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
  subresources?: unknown[];
}

export interface TestValues extends ValuesProvider {
  foreachValues(policy: string, rule: string): Record<string, unknown[]> | undefined;
  /** The operation forced by values (`request.operation`), if any, for this policy and resource. */
  operation(policy: string, resourceName: string): string | undefined;
  readonly hasNamespaceSelector: boolean;
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
  };
}

export const emptyValues: TestValues = createTestValues(undefined);
