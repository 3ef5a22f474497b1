/**
 * Validating/MutatingWebhookConfiguration objects from the loaded policies (pure). Like Kyverno, policies
 * are grouped by failurePolicy into one webhook each (`…-fail`, `…-ignore`) whose rules list only the
 * kinds the policies match; the server itself applies each policy's failurePolicy to its own results.
 * Spec: https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/
 */
import { parseKindSelector, type KindSelector } from '../../engine/match/index.js';
import { BACKUP_GROUP } from '../../backup/api/index.js';
import { BUILTIN_KINDS, guessResource, type KindResource } from './builtin-kinds.js';
import type { FailurePolicy, KindNeed, PolicyNeeds, ResourceRuleNeed } from './policy-needs.js';

export interface WebhookTarget {
  /** In-cluster Service; or `url` (https base URL, e.g. a Guardrail outside the cluster). */
  service?: { namespace: string; name: string; port?: number };
  url?: string;
  /** PEM of the CA that signed the serving certificate. */
  caBundle: string;
}

export interface WebhookBuildOptions {
  target: WebhookTarget;
  /** Guardrail's own namespace, excluded from admission so it can always restart itself. */
  ownNamespace: string;
  /** Name of both configurations (default "guardrail"). */
  name?: string;
  /** 10 s: the API server's default and our convention; the maximum is 30 (admissionregistration v1). */
  timeoutSeconds?: number;
  /** NoneOnDryRun when a backup hook with side effects registers; None otherwise. */
  sideEffects?: 'None' | 'NoneOnDryRun';
  /** Kind -> resources for kinds outside the built-in table (discovery). */
  resolveKind?: (sel: KindSelector) => KindResource[];
  labels?: Record<string, string>;
}

export interface WebhookConfigs {
  validating: Record<string, unknown>;
  mutating: Record<string, unknown>;
}

/** Kyverno's default operations when a rule lists none (validate sees DELETE and CONNECT too). */
export const DEFAULT_OPERATIONS = { validate: ['CREATE', 'UPDATE', 'DELETE', 'CONNECT'], mutate: ['CREATE', 'UPDATE'] } as const;
/** Never sent to us: the control plane's namespaces (kubernetes.io/metadata.name is set by the API server since 1.21). */
export const EXCLUDED_NAMESPACES = ['kube-system', 'kube-node-lease'] as const;
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';
export const WEBHOOK_DOMAIN = 'guardrail.dev';

export function buildWebhookConfigs(needs: readonly PolicyNeeds[], opts: WebhookBuildOptions): WebhookConfigs {
  const name = opts.name ?? 'guardrail';
  const meta = { name, labels: { 'app.kubernetes.io/managed-by': 'guardrail', ...opts.labels } };
  const validating: unknown[] = [];
  const mutating: unknown[] = [];
  for (const fp of ['Fail', 'Ignore'] as const) {
    const group = needs.filter((n) => n.failurePolicy === fp);
    const v = admissionRules(group.flatMap((n) => n.validate), group.flatMap((n) => n.validateRules), 'validate', opts);
    if (v.length) validating.push(webhook(`validate-${fp.toLowerCase()}`, '/validate', v, fp, opts, true));
    const m = admissionRules(group.flatMap((n) => n.mutate), group.flatMap((n) => n.mutateRules), 'mutate', opts);
    if (m.length) mutating.push(webhook(`mutate-${fp.toLowerCase()}`, '/mutate', m, fp, opts, true));
  }
  // Policy edits (and BackupPolicy/LocationProfile edits) are validated by the same checks that load them; Ignore so an unavailable Guardrail
  // never blocks fixing a policy (a bad policy is still rejected at load and shown on /readyz).
  const policyRules = [
    { apiGroups: ['kyverno.io'], apiVersions: ['*'], resources: ['clusterpolicies', 'policies'], operations: ['CREATE', 'UPDATE'] },
    { apiGroups: [BACKUP_GROUP], apiVersions: ['*'], resources: ['backuppolicies', 'locationprofiles'], operations: ['CREATE', 'UPDATE'] },
  ];
  validating.push(webhook('validate-policy', '/validate/policy', policyRules, 'Ignore', opts, false));
  return {
    validating: { apiVersion: 'admissionregistration.k8s.io/v1', kind: 'ValidatingWebhookConfiguration', metadata: meta, webhooks: validating },
    mutating: { apiVersion: 'admissionregistration.k8s.io/v1', kind: 'MutatingWebhookConfiguration', metadata: meta, webhooks: mutating },
  };
}

function webhook(id: string, path: string, rules: ResourceRuleNeed[], failurePolicy: FailurePolicy, opts: WebhookBuildOptions, excludeNs: boolean): Record<string, unknown> {
  const t = opts.target;
  const caBundle = Buffer.from(t.caBundle, 'utf8').toString('base64');
  const clientConfig = t.url
    ? { url: `${t.url.replace(/\/+$/, '')}${path}`, caBundle }
    : { service: { namespace: t.service?.namespace ?? opts.ownNamespace, name: t.service?.name ?? 'guardrail', path, port: t.service?.port ?? 443 }, caBundle };
  const excluded = [...new Set([...EXCLUDED_NAMESPACES, opts.ownNamespace])];
  return {
    name: `${id}.${WEBHOOK_DOMAIN}`,
    clientConfig,
    rules,
    failurePolicy,
    // Equivalent: a request for another version of a matched resource is converted and sent too.
    matchPolicy: 'Equivalent',
    ...(excludeNs ? { namespaceSelector: { matchExpressions: [{ key: NAMESPACE_NAME_LABEL, operator: 'NotIn', values: excluded }] } } : {}),
    sideEffects: opts.sideEffects ?? 'None',
    timeoutSeconds: opts.timeoutSeconds ?? 10,
    admissionReviewVersions: ['v1'],
  };
}

/** Merges kind needs and ready-made rules into admission rules, one per (group, version, operations). */
export function admissionRules(kinds: readonly KindNeed[], ready: readonly ResourceRuleNeed[], type: 'validate' | 'mutate', opts: Pick<WebhookBuildOptions, 'resolveKind'> = {}): ResourceRuleNeed[] {
  const merged = new Map<string, { group: string; version: string; ops: string[]; resources: Set<string> }>();
  const add = (group: string, version: string, ops: readonly string[], resource: string): void => {
    const sorted = [...new Set(ops)].sort();
    const key = `${group}|${version}|${sorted.join(',')}`;
    const entry = merged.get(key) ?? { group, version, ops: sorted, resources: new Set<string>() };
    entry.resources.add(resource);
    merged.set(key, entry);
  };
  for (const need of kinds) {
    const ops = need.operations ?? DEFAULT_OPERATIONS[type];
    for (const sel of need.kinds.map(parseKindSelector)) {
      for (const r of resourcesOf(sel, opts.resolveKind)) add(r.group, r.version, ops, r.resource);
    }
  }
  for (const r of ready) for (const g of r.apiGroups) for (const v of r.apiVersions) for (const res of r.resources) add(g, v, r.operations, res);
  return [...merged.values()]
    .map((e) => ({ apiGroups: [e.group], apiVersions: [e.version], resources: collapse([...e.resources]), operations: e.ops }))
    .sort((a, b) => ruleKey(a).localeCompare(ruleKey(b)));
}

function resourcesOf(sel: KindSelector, resolve: WebhookBuildOptions['resolveKind']): Array<{ group: string; version: string; resource: string }> {
  if (sel.kind === '') return [];
  const sub = sel.subresource === '' ? '' : `/${sel.subresource}`;
  // `*` matches every kind: `*` resources (plus `*/*` when subresources are matched too).
  if (sel.kind === '*') return [{ group: sel.group, version: sel.version, resource: sel.subresource === '' ? '*' : `*${sub}` }];
  const found = BUILTIN_KINDS.filter((k) => k.kind === sel.kind && (sel.group === '*' || k.group === sel.group));
  const resolved = found.length ? found : (resolve?.(sel) ?? []);
  if (resolved.length === 0) return [{ group: sel.group, version: sel.version, resource: guessResource(sel.kind) + sub }];
  return resolved.map((k) => ({ group: k.group, version: sel.version, resource: k.resource + sub }));
}

function collapse(resources: string[]): string[] {
  if (resources.includes('*/*')) return ['*/*'];
  if (resources.includes('*')) return ['*', ...resources.filter((r) => r.includes('/'))].sort();
  return resources.sort();
}

function ruleKey(r: ResourceRuleNeed): string {
  return `${r.apiGroups.join()}|${r.apiVersions.join()}|${r.operations.join()}|${r.resources.join()}`;
}
