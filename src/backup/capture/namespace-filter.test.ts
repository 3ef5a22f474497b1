import { describe, expect, it } from 'vitest';
import { isCapturedResource, skipReason, type KubeObject } from './index.js';

const o = (apiVersion: string, kind: string, name: string, extra: Record<string, unknown> = {}): KubeObject => ({ apiVersion, kind, metadata: { name, namespace: 'shop' }, ...extra });

describe('namespace capture filter', () => {
  it('leaves out events, endpoints, leases, our own backup kinds and reports; keeps the rest', () => {
    expect(isCapturedResource('', 'events')).toBe(false);
    expect(isCapturedResource('events.k8s.io', 'events')).toBe(false);
    expect(isCapturedResource('discovery.k8s.io', 'endpointslices')).toBe(false);
    expect(isCapturedResource('backup.guardrail.dev', 'restorepoints')).toBe(false);
    expect(isCapturedResource('snapshot.storage.k8s.io', 'volumesnapshots')).toBe(false);
    for (const [g, r] of [['', 'configmaps'], ['apps', 'deployments'], ['', 'persistentvolumeclaims'], ['networking.k8s.io', 'ingresses'], ['kyverno.io', 'policies']]) expect(isCapturedResource(g ?? '', r ?? '')).toBe(true);
  });

  it('skips controller-owned children and what controllers create in every namespace', () => {
    const owned = o('apps/v1', 'ReplicaSet', 'web-7d9', { metadata: { name: 'web-7d9', ownerReferences: [{ kind: 'Deployment', name: 'web', controller: true }] } });
    expect(skipReason(owned)).toBe('controller-owned');
    // A non-controller owner (e.g. garbage-collection only) does not make an object a controller's child.
    expect(skipReason(o('v1', 'ConfigMap', 'x', { metadata: { name: 'x', ownerReferences: [{ kind: 'Foo', name: 'f' }] } }))).toBeUndefined();
    expect(skipReason(o('v1', 'ConfigMap', 'kube-root-ca.crt'))).toBe('controller-managed');
    expect(skipReason(o('v1', 'ServiceAccount', 'default'))).toBe('controller-managed');
    expect(skipReason(o('v1', 'Secret', 'default-token-abc', { type: 'kubernetes.io/service-account-token' }))).toBe('service-account-token');
    expect(skipReason(o('v1', 'Secret', 'db', { type: 'Opaque' }))).toBeUndefined();
    expect(skipReason(o('v1', 'ServiceAccount', 'web'))).toBeUndefined();
  });
});
