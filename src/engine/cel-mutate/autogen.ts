/**
 * Kyverno autogen for MutatingPolicies that match only pods (pkg/cel/policies/mpol/autogen): one copy
 * per replacement set (`defaults` for Deployment, DaemonSet, Job, ReplicaSet, StatefulSet; `cronjobs`)
 * with matchConstraints on the controllers. As in Kyverno, only matchConditions and ApplyConfiguration
 * expressions are rewritten: `object.spec`/`Object.spec` and the pod labels/annotations move to the
 * pod template, and an expression starting with `Object{` is wrapped into the template's path.
 * Variables and JSONPatch expressions are kept as written.
 */
import { canAutogen, type MatchResourcesSpec, type ResourceRule } from './reuse.js';

type Json = Record<string, unknown>;

const TARGETS = {
  daemonsets: { group: 'apps', resource: 'daemonsets', kind: 'DaemonSet', config: 'defaults' },
  deployments: { group: 'apps', resource: 'deployments', kind: 'Deployment', config: 'defaults' },
  replicasets: { group: 'apps', resource: 'replicasets', kind: 'ReplicaSet', config: 'defaults' },
  statefulsets: { group: 'apps', resource: 'statefulsets', kind: 'StatefulSet', config: 'defaults' },
  jobs: { group: 'batch', resource: 'jobs', kind: 'Job', config: 'defaults' },
  cronjobs: { group: 'batch', resource: 'cronjobs', kind: 'CronJob', config: 'cronjobs' },
} as const satisfies Record<string, { group: string; resource: string; kind: string; config: 'defaults' | 'cronjobs' }>;

const TEMPLATE = {
  defaults: { spec: 'spec.template.spec', metadata: 'spec.template.metadata', wrap: ['spec', 'template'] },
  cronjobs: { spec: 'spec.jobTemplate.spec.template.spec', metadata: 'spec.jobTemplate.spec.template.metadata', wrap: ['spec', 'jobTemplate', 'spec', 'template'] },
} as const satisfies Record<string, { spec: string; metadata: string; wrap: readonly string[] }>;

export interface MutatingAutogenVariant {
  config: 'defaults' | 'cronjobs';
  kinds: string[];
  spec: Json;
}

export function mutatingAutogenVariants(spec: Json): MutatingAutogenVariant[] {
  const match = spec.matchConstraints as MatchResourcesSpec | undefined;
  if (!canAutogen(match)) return [];
  const configured = (spec.autogen as { podControllers?: { controllers?: unknown } } | undefined)?.podControllers?.controllers;
  const names = Array.isArray(configured) ? configured.filter((c): c is string => typeof c === 'string') : Object.keys(TARGETS);
  const operations = match?.resourceRules?.[0]?.operations;
  const variants: MutatingAutogenVariant[] = [];
  for (const config of ['cronjobs', 'defaults'] as const) {
    const targets = names.map((n) => (TARGETS as Record<string, (typeof TARGETS)[keyof typeof TARGETS] | undefined>)[n]).filter((t) => t?.config === config);
    if (targets.length === 0) continue;
    const copy = structuredClone(spec);
    copy.matchConstraints = constraintsFor(targets.map((t) => t!), operations);
    rewriteExpressions(copy.matchConditions, (e) => toTemplate(e, config));
    for (const m of Array.isArray(copy.mutations) ? (copy.mutations as Json[]) : []) rewriteExpressions([m.applyConfiguration], (e) => toTemplate(e, config));
    variants.push({ config, kinds: targets.map((t) => t!.kind).sort(), spec: copy });
  }
  return variants;
}

function rewriteExpressions(list: unknown, rewrite: (e: string) => string): void {
  for (const item of Array.isArray(list) ? list : []) {
    const holder = item as { expression?: unknown } | undefined;
    if (holder && typeof holder.expression === 'string') holder.expression = rewrite(holder.expression);
  }
}

function constraintsFor(targets: Array<{ group: string; resource: string }>, operations: string[] | undefined): MatchResourcesSpec {
  const byGroup = new Map<string, ResourceRule>();
  for (const t of targets) {
    const rule = byGroup.get(t.group) ?? { apiGroups: [t.group], apiVersions: ['v1'], resources: [], ...(operations && { operations }) };
    rule.resources = [...(rule.resources ?? []), t.resource].sort();
    byGroup.set(t.group, rule);
  }
  return { resourceRules: [...byGroup.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, r]) => r) };
}

/** Kyverno's convertPodToTemplateExpression. */
export function toTemplate(expression: string, config: 'defaults' | 'cronjobs'): string {
  const t = TEMPLATE[config];
  let e = expression.replaceAll('object.spec', `object.${t.spec}`).replaceAll('Object.spec', `Object.${t.spec}`);
  for (const field of ['labels', 'annotations']) {
    e = e.replaceAll(`object.metadata.${field}`, `object.${t.metadata}.${field}`).replaceAll(`Object.metadata.${field}`, `Object.${t.metadata}.${field}`);
  }
  const trimmed = e.trim();
  if (!trimmed.startsWith('Object{')) return e;
  const inner = trimmed.slice('Object{'.length);
  const end = closingBrace(inner);
  if (end <= 0) return e;
  let prefix = 'Object{';
  let path = 'Object';
  for (const field of t.wrap) {
    path = `${path}.${field}`;
    prefix += `${field}: ${path}{`;
  }
  return prefix + inner.slice(0, end) + '}'.repeat(t.wrap.length + 1) + inner.slice(end + 1);
}

function closingBrace(text: string): number {
  let depth = 1;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}
