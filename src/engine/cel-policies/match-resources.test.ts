import { describe, expect, it } from 'vitest';
import { guessResource, kindToResource, matchesResources, requestAttributes } from './index.js';
import type { MatchResourcesSpec } from './index.js';
import { admission, deployment, pod } from './testing/fixtures.js';

const attrsOf = (obj: Record<string, unknown>, operation: 'CREATE' | 'UPDATE' = 'CREATE') => requestAttributes(admission(obj, { operation }));
const rule = (over: Record<string, unknown> = {}): MatchResourcesSpec => ({
  resourceRules: [{ apiGroups: [''], apiVersions: ['v1'], operations: ['CREATE'], resources: ['pods'], ...over }],
});

describe('kind to resource', () => {
  it('uses the built-in table and the apimachinery guess otherwise', () => {
    expect(kindToResource('Ingress')).toEqual({ resource: 'ingresses', group: 'networking.k8s.io', namespaced: true });
    expect(kindToResource('StorageClass')).toMatchObject({ resource: 'storageclasses', namespaced: false });
    expect(kindToResource('Widget', 'example.com')).toEqual({ resource: 'widgets', group: 'example.com' });
    expect([guessResource('Policy'), guessResource('Gateway'), guessResource('Status')]).toEqual(['policies', 'gateways', 'statuses']);
  });
});

describe('matchesResources', () => {
  it('matches group, version, resource and operation, with wildcards', () => {
    expect(matchesResources(rule(), attrsOf(pod('a')))).toBe(true);
    expect(matchesResources(rule(), attrsOf(pod('a'), 'UPDATE'))).toBe(false);
    expect(matchesResources(rule({ operations: ['*'], resources: ['*'] }), attrsOf(pod('a'), 'UPDATE'))).toBe(true);
    expect(matchesResources(rule(), attrsOf(deployment('d', 1)))).toBe(false);
  });

  it('keeps subresources apart: pods does not match pods/status, pods/* does', () => {
    const status = { ...requestAttributes(admission(pod('a'))), subResource: 'status' };
    expect(matchesResources(rule(), status)).toBe(false);
    expect(matchesResources(rule({ resources: ['pods/*'] }), status)).toBe(true);
    expect(matchesResources(rule({ resources: ['*'] }), status)).toBe(false);
  });

  it('checks scope with the kind table when metadata.namespace is absent', () => {
    const noNs = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' } };
    expect(matchesResources(rule({ scope: 'Namespaced' }), attrsOf(noNs))).toBe(true);
    const sc = { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 's' } };
    const scRule = { resourceRules: [{ apiGroups: ['*'], apiVersions: ['*'], operations: ['*'], resources: ['*'], scope: 'Cluster' as const }] };
    expect(matchesResources(scRule, attrsOf(sc))).toBe(true);
    expect(matchesResources(scRule, attrsOf(pod('a')))).toBe(false);
  });

  it('applies namespaceSelector to namespaced requests only and objectSelector to new or old labels', () => {
    const spec = { ...rule(), namespaceSelector: { matchExpressions: [{ key: 'env', operator: 'In' as const, values: ['prod'] }] } };
    expect(matchesResources(spec, attrsOf(pod('a')), { namespaceLabels: { env: 'prod' } })).toBe(true);
    expect(matchesResources(spec, attrsOf(pod('a')), { namespaceLabels: { env: 'dev' } })).toBe(false);
    const byName = { ...rule(), namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'default' } } };
    expect(matchesResources(byName, attrsOf(pod('a')))).toBe(true);
    const obj = { ...rule({ operations: ['UPDATE'] }), objectSelector: { matchLabels: { tier: 'web' } } };
    const input = admission(pod('a'), { operation: 'UPDATE', oldObject: pod('a', {}, { labels: { tier: 'web' } }) });
    expect(matchesResources(obj, requestAttributes(input), { oldObject: input.oldObject })).toBe(true);
    expect(matchesResources(obj, requestAttributes(input))).toBe(false);
  });

  it('matches resourceNames, and generateName prefixes for unnamed requests', () => {
    const named = rule({ resourceNames: ['web'] });
    expect(matchesResources(named, attrsOf(pod('web')))).toBe(true);
    expect(matchesResources(named, attrsOf(pod('db')))).toBe(false);
    const generated = { apiVersion: 'v1', kind: 'Pod', metadata: { generateName: 'web-', namespace: 'default' } };
    expect(matchesResources(named, attrsOf(generated))).toBe(true);
  });

  it('matches everything when resourceRules is empty (binding matchResources)', () => {
    expect(matchesResources({}, attrsOf(deployment('d', 1)))).toBe(true);
  });
});
