import { describe, expect, it } from 'vitest';
import { buildPolicySet } from '../../engine/index.js';
import { admissionRules, buildWebhookConfigs } from './build-webhook-configs.js';
import { needsOfPolicySet } from './policy-needs.js';

const policy = (name: string, failurePolicy: string, rules: unknown[], annotations: Record<string, string> = {}) => ({
  apiVersion: 'kyverno.io/v1',
  kind: 'ClusterPolicy',
  metadata: { name, annotations },
  spec: { failurePolicy, rules },
});
const validate = (kinds: string[], operations?: string[]) => ({
  name: 'r',
  match: { any: [{ resources: { kinds, ...(operations ? { operations } : {}) } }] },
  validate: { message: 'm', pattern: { metadata: { labels: { team: '?*' } } } },
});
const noAutogen = { 'pod-policies.kyverno.io/autogen-controllers': 'none' };
const target = { service: { namespace: 'guardrail', name: 'guardrail' }, caBundle: '-----BEGIN CERTIFICATE-----\nX\n-----END CERTIFICATE-----\n' };

type Hook = { name: string; rules: unknown[]; failurePolicy: string; namespaceSelector?: unknown; clientConfig: Record<string, unknown>; timeoutSeconds: number; sideEffects: string; admissionReviewVersions: string[] };
const hooks = (cfg: Record<string, unknown>): Hook[] => cfg.webhooks as Hook[];

describe('buildWebhookConfigs', () => {
  it('registers only the matched kinds, grouped by failurePolicy', () => {
    const set = buildPolicySet([
      policy('a', 'Fail', [validate(['Pod'])], noAutogen),
      policy('b', 'Ignore', [validate(['apps/v1/Deployment', 'ConfigMap'], ['CREATE'])]),
    ]);
    const cfg = buildWebhookConfigs(needsOfPolicySet(set), { target, ownNamespace: 'guardrail' });
    const v = hooks(cfg.validating);
    expect(v.map((h) => [h.name, h.failurePolicy])).toEqual([
      ['validate-fail.guardrail.dev', 'Fail'],
      ['validate-ignore.guardrail.dev', 'Ignore'],
      ['validate-policy.guardrail.dev', 'Ignore'],
    ]);
    expect(v[0]?.rules).toEqual([{ apiGroups: [''], apiVersions: ['*'], resources: ['pods'], operations: ['CONNECT', 'CREATE', 'DELETE', 'UPDATE'] }]);
    expect(v[1]?.rules).toEqual([
      { apiGroups: [''], apiVersions: ['*'], resources: ['configmaps'], operations: ['CREATE'] },
      { apiGroups: ['apps'], apiVersions: ['v1'], resources: ['deployments'], operations: ['CREATE'] },
    ]);
    expect(hooks(cfg.mutating)).toEqual([]);
  });

  it('excludes kube-system, kube-node-lease and our namespace; v1 reviews, 10 s, no side effects, caBundle base64', () => {
    const set = buildPolicySet([policy('a', 'Fail', [validate(['Pod'])], noAutogen)]);
    const h = hooks(buildWebhookConfigs(needsOfPolicySet(set), { target, ownNamespace: 'gr' }).validating)[0];
    expect(h?.namespaceSelector).toEqual({ matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: ['kube-system', 'kube-node-lease', 'gr'] }] });
    expect(h).toMatchObject({ timeoutSeconds: 10, sideEffects: 'None', admissionReviewVersions: ['v1'] });
    expect(h?.clientConfig).toEqual({ service: { namespace: 'guardrail', name: 'guardrail', path: '/validate', port: 443 }, caBundle: Buffer.from(target.caBundle).toString('base64') });
  });

  it('uses a url target and NoneOnDryRun when asked', () => {
    const set = buildPolicySet([policy('a', 'Fail', [validate(['Pod'])], noAutogen)]);
    const cfg = buildWebhookConfigs(needsOfPolicySet(set), { target: { url: 'https://10.0.0.1:9443/', caBundle: 'x' }, ownNamespace: 'gr', sideEffects: 'NoneOnDryRun' });
    const v = hooks(cfg.validating);
    expect(v[0]?.clientConfig.url).toBe('https://10.0.0.1:9443/validate');
    expect(v[1]?.clientConfig.url).toBe('https://10.0.0.1:9443/validate/policy');
    expect(v[0]?.sideEffects).toBe('NoneOnDryRun');
  });

  it('registers autogen controllers of a Pod policy', () => {
    const set = buildPolicySet([policy('a', 'Fail', [validate(['Pod'])])]);
    const rules = hooks(buildWebhookConfigs(needsOfPolicySet(set), { target, ownNamespace: 'gr' }).validating)[0]?.rules as Array<{ resources: string[] }>;
    const resources = rules.flatMap((r) => r.resources);
    expect(resources).toEqual(expect.arrayContaining(['pods', 'deployments', 'cronjobs']));
  });

  it('sends policy and backup-config edits to /validate/policy', () => {
    const hook = hooks(buildWebhookConfigs(needsOfPolicySet(buildPolicySet([])), { target, ownNamespace: 'gr' }).validating).find((h) => h.name === 'validate-policy.guardrail.dev');
    const rules = hook?.rules as Array<{ apiGroups: string[]; resources: string[] }>;
    expect(rules.map((r) => [r.apiGroups, r.resources])).toEqual([
      [['kyverno.io'], ['clusterpolicies', 'policies']],
      [['backup.guardrail.dev'], ['backuppolicies', 'locationprofiles']],
    ]);
  });

  it('leaves out policies with spec.admission false', () => {
    const bgOnly = { ...policy('bg', 'Fail', [validate(['Pod'])], noAutogen), spec: { admission: false, failurePolicy: 'Fail', rules: [validate(['Pod'])] } };
    const set = buildPolicySet([bgOnly]);
    expect(hooks(buildWebhookConfigs(needsOfPolicySet(set), { target, ownNamespace: 'gr' }).validating).map((h) => h.name)).toEqual(['validate-policy.guardrail.dev']);
  });

  it('puts mutate rules on the mutating webhook with CREATE/UPDATE by default', () => {
    const mutate = { name: 'm', match: { any: [{ resources: { kinds: ['Service'] } }] }, mutate: { patchStrategicMerge: { metadata: { labels: { x: 'y' } } } } };
    const set = buildPolicySet([policy('m', 'Ignore', [mutate])]);
    const m = hooks(buildWebhookConfigs(needsOfPolicySet(set), { target, ownNamespace: 'gr' }).mutating);
    expect(m.map((h) => h.name)).toEqual(['mutate-ignore.guardrail.dev']);
    expect(m[0]?.rules).toEqual([{ apiGroups: [''], apiVersions: ['*'], resources: ['services'], operations: ['CREATE', 'UPDATE'] }]);
  });
});

describe('admissionRules', () => {
  it('maps * to every resource, subresources and unknown kinds through the resolver or the plural guess', () => {
    expect(admissionRules([{ kinds: ['*'], operations: ['CREATE'] }], [], 'validate')).toEqual([{ apiGroups: ['*'], apiVersions: ['*'], resources: ['*'], operations: ['CREATE'] }]);
    expect(admissionRules([{ kinds: ['Pod/exec'], operations: ['CONNECT'] }], [], 'validate')[0]?.resources).toEqual(['pods/exec']);
    const resolved = admissionRules([{ kinds: ['Widget'], operations: ['CREATE'] }], [], 'validate', {
      resolveKind: () => [{ group: 'example.com', version: 'v1', kind: 'Widget', resource: 'widgets', namespaced: true }],
    });
    expect(resolved).toEqual([{ apiGroups: ['example.com'], apiVersions: ['*'], resources: ['widgets'], operations: ['CREATE'] }]);
    expect(admissionRules([{ kinds: ['example.com/v1/Policy'], operations: ['CREATE'] }], [], 'validate')[0]?.resources).toEqual(['policies']);
  });

  it('takes CEL matchConstraints rules as they are', () => {
    const ready = [{ apiGroups: ['apps'], apiVersions: ['v1'], resources: ['deployments'], operations: ['CREATE', 'UPDATE'] }];
    expect(admissionRules([], ready, 'validate')).toEqual(ready);
  });
});
