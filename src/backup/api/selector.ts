/**
 * Kubernetes label selectors (https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors):
 * matchLabels and matchExpressions are ANDed; an empty selector matches everything.
 */
import type { LabelSelector, WorkloadSelector } from './types.js';

type Labels = Readonly<Record<string, string>> | undefined;

export function matchesLabelSelector(selector: LabelSelector | undefined, labels: Labels): boolean {
  const l = labels ?? {};
  for (const [k, v] of Object.entries(selector?.matchLabels ?? {})) if (l[k] !== v) return false;
  for (const e of selector?.matchExpressions ?? []) {
    const has = Object.hasOwn(l, e.key);
    const inValues = has && (e.values ?? []).includes(l[e.key] ?? '');
    const ok = { In: inValues, NotIn: !inValues, Exists: has, DoesNotExist: !has }[e.operator];
    if (!ok) return false;
  }
  return true;
}

export interface NamespaceInfo {
  readonly name: string;
  readonly labels?: Readonly<Record<string, string>>;
}

/** Does a policy's selector cover a workload in a namespace (names and namespaceSelector both apply)? */
export function selectsWorkload(selector: WorkloadSelector, labels: Labels, ns: NamespaceInfo): boolean {
  if (selector.namespaces && !selector.namespaces.includes(ns.name)) return false;
  if (selector.namespaceSelector && !matchesLabelSelector(selector.namespaceSelector, ns.labels)) return false;
  return matchesLabelSelector(selector, labels);
}

/** Namespaces (of those given) in which the selector can pick workloads. */
export function selectedNamespaces(selector: WorkloadSelector, namespaces: readonly NamespaceInfo[]): NamespaceInfo[] {
  return namespaces.filter(
    (ns) => (!selector.namespaces || selector.namespaces.includes(ns.name)) && (!selector.namespaceSelector || matchesLabelSelector(selector.namespaceSelector, ns.labels)),
  );
}
