/**
 * Kyverno autogen for ValidatingPolicies that match only pods (pkg/cel/autogen, vpol/autogen): the
 * spec is copied for pod controllers with `object.spec`/`object.metadata` rewritten to the pod
 * template, and matchConstraints replaced by the controllers. The copies keep the policy's name, so
 * their results look like the policy's own.
 */
import { isEmptySelector } from './label-selector.js';
import type { MatchResourcesSpec, ResourceRule } from './types.js';

type Json = Record<string, unknown>;

interface Target {
  group: string;
  version: string;
  resource: string;
  kind: string;
}

/** Kyverno's configsMap: controller -> target and replacement set. */
const CONTROLLERS = {
  daemonsets: { target: { group: 'apps', version: 'v1', resource: 'daemonsets', kind: 'DaemonSet' }, config: 'defaults' },
  deployments: { target: { group: 'apps', version: 'v1', resource: 'deployments', kind: 'Deployment' }, config: 'defaults' },
  replicasets: { target: { group: 'apps', version: 'v1', resource: 'replicasets', kind: 'ReplicaSet' }, config: 'defaults' },
  statefulsets: { target: { group: 'apps', version: 'v1', resource: 'statefulsets', kind: 'StatefulSet' }, config: 'defaults' },
  jobs: { target: { group: 'batch', version: 'v1', resource: 'jobs', kind: 'Job' }, config: 'defaults' },
  cronjobs: { target: { group: 'batch', version: 'v1', resource: 'cronjobs', kind: 'CronJob' }, config: 'cronjobs' },
} as const satisfies Record<string, { target: Target; config: 'defaults' | 'cronjobs' }>;

const REPLACEMENTS = {
  defaults: [
    ['spec', 'spec.template.spec'],
    ['metadata', 'spec.template.metadata'],
  ],
  cronjobs: [
    ['spec', 'spec.jobTemplate.spec.template.spec'],
    ['metadata', 'spec.jobTemplate.spec.template.metadata'],
  ],
} as const satisfies Record<string, ReadonlyArray<readonly [string, string]>>;

export interface AutogenVariant {
  config: 'defaults' | 'cronjobs';
  kinds: string[];
  spec: Json;
}

/** CanAutoGen (autogen/support.go): exactly one rule for core v1 pods, no selectors, names or excludes. */
export function canAutogen(match: MatchResourcesSpec | undefined): boolean {
  if (!match) return false;
  if (!isEmptySelector(match.namespaceSelector) || !isEmptySelector(match.objectSelector)) return false;
  if ((match.excludeResourceRules ?? []).length > 0) return false;
  const rules = match.resourceRules ?? [];
  const rule = rules[0];
  if (rules.length !== 1 || !rule || (rule.resourceNames ?? []).length > 0) return false;
  return same(rule.apiGroups, ['']) && same(rule.apiVersions, ['v1']) && same(rule.resources, ['pods']);
}

function same(list: readonly string[] | undefined, want: readonly string[]): boolean {
  return (list ?? []).length === want.length && want.every((w, i) => list?.[i] === w);
}

export function autogenVariants(spec: Json): AutogenVariant[] {
  const match = spec.matchConstraints as MatchResourcesSpec | undefined;
  if (!canAutogen(match)) return [];
  const autogen = spec.autogen as { podControllers?: { controllers?: unknown } } | undefined;
  const configured = autogen?.podControllers?.controllers;
  const names = Array.isArray(configured) ? configured.filter((c): c is string => typeof c === 'string') : Object.keys(CONTROLLERS);
  const operations = match?.resourceRules?.[0]?.operations;
  const variants: AutogenVariant[] = [];
  for (const config of ['cronjobs', 'defaults'] as const) {
    const targets = names
      .map((n) => (CONTROLLERS as Record<string, { target: Target; config: string } | undefined>)[n])
      .filter((c) => c !== undefined && c.config === config)
      .map((c) => c!.target);
    if (targets.length === 0) continue;
    let text = JSON.stringify({ ...spec, matchConstraints: constraintsFor(targets, operations) });
    for (const [from, to] of REPLACEMENTS[config]) text = replaceField(replaceField(text, `object.${from}`, `object.${to}`), `oldObject.${from}`, `oldObject.${to}`);
    variants.push({ config, kinds: targets.map((t) => t.kind).sort(), spec: JSON.parse(text) as Json });
  }
  return variants;
}

function constraintsFor(targets: Target[], operations: string[] | undefined): MatchResourcesSpec {
  const byGroupVersion = new Map<string, ResourceRule>();
  for (const t of targets) {
    const key = `${t.group}/${t.version}`;
    const rule = byGroupVersion.get(key) ?? { apiGroups: [t.group], apiVersions: [t.version], resources: [], ...(operations && { operations }) };
    rule.resources = [...(rule.resources ?? []), t.resource].sort();
    byGroupVersion.set(key, rule);
  }
  return { resourceRules: [...byGroupVersion.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, r]) => r) };
}

/** Kyverno's replace(): every occurrence except one followed by `.name` / `.namespace` (the workload's own). */
function replaceField(text: string, from: string, to: string): string {
  let out = '';
  let rest = text;
  for (let idx = rest.indexOf(from); idx >= 0; idx = rest.indexOf(from)) {
    const after = rest.slice(idx + from.length);
    out += rest.slice(0, idx) + (/^\.(name|namespace)(?![A-Za-z0-9_])/.test(after) ? from : to);
    rest = after;
  }
  return out + rest;
}
