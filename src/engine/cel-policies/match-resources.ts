/**
 * admissionregistration/v1 MatchResources matching, as the API server and Kyverno's CEL matcher do it
 * (k8s.io/apiserver/pkg/admission/plugin/webhook/predicates/rules, kyverno pkg/cel/matching):
 * namespaceSelector, objectSelector, excludeResourceRules, then resourceRules (empty = all).
 *
 * matchPolicy: `Equivalent` needs the API server's conversion between versions; the engine sees the
 * request as delivered (already converted in a cluster), so both policies match exactly, like
 * Kyverno's matcher.
 */
import type { RequestAttributes } from './attributes.js';
import type { MatchResourcesSpec, ResourceRule } from './types.js';
import { isEmptySelector, labelsOf, matchesLabelSelector } from './label-selector.js';

export interface MatchOptions {
  /** Labels of the request's namespace; absent -> `kubernetes.io/metadata.name` only, as Kyverno's CLI. */
  namespaceLabels?: Record<string, string>;
  oldObject?: unknown;
}

export function matchesResources(spec: MatchResourcesSpec, attrs: RequestAttributes, opts: MatchOptions = {}): boolean {
  if (!matchesNamespaceSelector(spec, attrs, opts)) return false;
  if (!matchesObjectSelector(spec, attrs, opts)) return false;
  if (matchesAnyRule(spec.excludeResourceRules ?? [], attrs)) return false;
  const rules = spec.resourceRules ?? [];
  return rules.length === 0 || matchesAnyRule(rules, attrs);
}

function matchesNamespaceSelector(spec: MatchResourcesSpec, attrs: RequestAttributes, opts: MatchOptions): boolean {
  if (isEmptySelector(spec.namespaceSelector)) return true;
  const isNamespace = attrs.resource === 'namespaces' && attrs.group === '' && attrs.subResource === '';
  // Cluster-scoped requests other than namespaces are never exempted (predicates/namespace/matcher.go).
  if (attrs.namespace === '' && !isNamespace) return true;
  let labels: Record<string, string> | undefined;
  if (isNamespace && (attrs.operation === 'CREATE' || attrs.operation === 'UPDATE')) labels = labelsOf(attrs.subject);
  else if (isNamespace) labels = opts.namespaceLabels ?? labelsOf(attrs.subject);
  else labels = opts.namespaceLabels ?? { 'kubernetes.io/metadata.name': attrs.namespace };
  return matchesLabelSelector(spec.namespaceSelector, labels);
}

/** The object selector matches when either the new or the old object's labels match (object/matcher.go). */
function matchesObjectSelector(spec: MatchResourcesSpec, attrs: RequestAttributes, opts: MatchOptions): boolean {
  if (isEmptySelector(spec.objectSelector)) return true;
  if (attrs.subject && matchesLabelSelector(spec.objectSelector, labelsOf(attrs.subject))) return true;
  return opts.oldObject != null && matchesLabelSelector(spec.objectSelector, labelsOf(opts.oldObject));
}

export function matchesAnyRule(rules: readonly ResourceRule[], attrs: RequestAttributes): boolean {
  return rules.some((rule) => matchesRule(rule, attrs) && matchesNames(rule, attrs));
}

function matchesRule(rule: ResourceRule, attrs: RequestAttributes): boolean {
  return (
    listMatches(rule.operations, attrs.operation) &&
    listMatches(rule.apiGroups, attrs.group) &&
    listMatches(rule.apiVersions, attrs.version) &&
    resourceMatches(rule.resources ?? [], attrs) &&
    scopeMatches(rule.scope, attrs)
  );
}

function listMatches(list: readonly string[] | undefined, value: string): boolean {
  return (list ?? []).some((item) => item === '*' || item === value);
}

/** `pods` matches no subresource, `pods/*` every pods subresource, `*` every resource, `*\/*` all. */
function resourceMatches(resources: readonly string[], attrs: RequestAttributes): boolean {
  return resources.some((entry) => {
    const slash = entry.indexOf('/');
    const res = slash < 0 ? entry : entry.slice(0, slash);
    const sub = slash < 0 ? '' : entry.slice(slash + 1);
    return (res === '*' || res === attrs.resource) && (sub === '*' || sub === attrs.subResource);
  });
}

function scopeMatches(scope: ResourceRule['scope'], attrs: RequestAttributes): boolean {
  if (scope === undefined || scope === '*') return true;
  const isNamespace = attrs.resource === 'namespaces' && attrs.group === '';
  // A namespaced kind read from a file may lack metadata.namespace: the kind table decides then.
  const clusterScoped = isNamespace || (attrs.namespace === '' && attrs.namespaced !== true);
  return scope === 'Cluster' ? clusterScoped : !clusterScoped;
}

/** resourceNames; a request without a name matches by generateName prefix (kyverno cel/matching). */
function matchesNames(rule: ResourceRule, attrs: RequestAttributes): boolean {
  const names = rule.resourceNames ?? [];
  if (names.length === 0) return true;
  if (attrs.name !== '') return names.includes(attrs.name);
  const generateName = (attrs.subject?.metadata as { generateName?: string } | undefined)?.generateName ?? '';
  return generateName !== '' && names.some((n) => generateName.startsWith(n));
}
