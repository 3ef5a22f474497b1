import { describe, expect, it } from 'vitest';
import type { JsonObject, Rule } from '../policy-types.js';
import type { AdmissionInput, GroupVersionKind } from '../request.js';
import { ruleApplies, compileRuleMatch, buildMatchSubject, webhookDefaultOperations } from './index.js';

const GVK: Record<string, GroupVersionKind> = {
  Pod: { group: '', version: 'v1', kind: 'Pod' },
  Namespace: { group: '', version: 'v1', kind: 'Namespace' },
  ConfigMap: { group: '', version: 'v1', kind: 'ConfigMap' },
  Deployment: { group: 'apps', version: 'v1', kind: 'Deployment' },
};

/** A small hand-made admission request for a `kind` object with the given metadata. */
function req(kind: string, metadata: JsonObject, extra: Partial<AdmissionInput> = {}): AdmissionInput {
  const gvk = GVK[kind] ?? { group: '', version: 'v1', kind };
  const object = { apiVersion: gvk.group ? `${gvk.group}/${gvk.version}` : gvk.version, kind, metadata };
  return { operation: 'CREATE', object, oldObject: null, kind: gvk, userInfo: {}, ...extra };
}

const pod = (ns = 'shop', extra = {}) => req('Pod', { name: 'web-1', namespace: ns, labels: { app: 'web' } }, extra);
const rule: Rule = {
  name: 'r',
  match: { any: [{ resources: { kinds: ['Pod'] } }] },
  exclude: { any: [{ resources: { namespaces: ['kube-*'] } }] },
  validate: { pattern: {} },
};

describe('ruleApplies', () => {
  it('is match && !exclude, with a reason on skips', () => {
    expect(ruleApplies(rule, pod())).toEqual({ applies: true });
    const excluded = ruleApplies(rule, pod('kube-system'));
    expect(excluded.applies).toBe(false);
    expect(excluded.reason).toMatch(/excluded/);
    const unmatched = ruleApplies(rule, req('ConfigMap', { name: 'c', namespace: 'shop' }));
    expect(unmatched.applies).toBe(false);
    expect(unmatched.reason).toMatch(/kind does not match/);
  });
  it('a rule without match never applies', () => {
    expect(ruleApplies({ name: 'x' }, pod()).applies).toBe(false);
  });
  it('honours Policy namespace scoping', () => {
    expect(ruleApplies(rule, pod('shop'), { policyNamespace: 'shop' }).applies).toBe(true);
    expect(ruleApplies(rule, pod('prod'), { policyNamespace: 'shop' }).applies).toBe(false);
  });
  it('applies webhook default operations only when asked', () => {
    const mutate: Rule = { name: 'm', match: { any: [{ resources: { kinds: ['Pod'] } }] }, mutate: { patchStrategicMerge: {} } };
    const del = pod('shop', { operation: 'DELETE' });
    expect(ruleApplies(mutate, del).applies).toBe(true);
    expect(ruleApplies(mutate, del, { applyWebhookDefaults: true }).applies).toBe(false);
    expect(ruleApplies(rule, del, { applyWebhookDefaults: true }).applies).toBe(true);
    const explicit: Rule = { ...mutate, match: { any: [{ resources: { kinds: ['Pod'], operations: ['DELETE'] } }] } };
    expect(ruleApplies(explicit, del, { applyWebhookDefaults: true }).applies).toBe(true);
  });
  it('sees a new object after a mutation (no stale cache)', () => {
    const r: Rule = { name: 's', match: { any: [{ resources: { selector: { matchLabels: { patched: 'yes' } } } }] } };
    const input = pod();
    expect(ruleApplies(r, input).applies).toBe(false);
    const meta = (input.object as { metadata: object }).metadata;
    input.object = { ...input.object, metadata: { ...meta, labels: { patched: 'yes' } } };
    expect(ruleApplies(r, input).applies).toBe(true);
  });
  it('compileRuleMatch gives the same answers', () => {
    const fn = compileRuleMatch(rule);
    expect(fn(buildMatchSubject(pod()))).toEqual({ applies: true });
    expect(fn(buildMatchSubject(pod('kube-public'))).applies).toBe(false);
  });
});

describe('webhookDefaultOperations', () => {
  it('CREATE/UPDATE for mutate and verifyImages, all four otherwise', () => {
    expect(webhookDefaultOperations({ name: 'm', mutate: {} })).toEqual(['CREATE', 'UPDATE']);
    expect(webhookDefaultOperations({ name: 'i', verifyImages: [] })).toEqual(['CREATE', 'UPDATE']);
    expect(webhookDefaultOperations({ name: 'v', validate: {} })).toEqual(['CREATE', 'UPDATE', 'DELETE', 'CONNECT']);
  });
});
