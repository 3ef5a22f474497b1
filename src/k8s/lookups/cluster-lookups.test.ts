import { describe, expect, it } from 'vitest';
import { createFakeClient } from '../client/fake-client.js';
import { createClusterLookups, LOOKUP_TIMEOUT_MS } from './cluster-lookups.js';

describe('createClusterLookups', () => {
  const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'roles', namespace: 'default' }, data: { allowed: 'a' } };

  it('reads ConfigMaps, answers undefined for a missing one, and reuses answers for the TTL', async () => {
    let t = 0;
    const client = createFakeClient((_m, path) => (path === '/api/v1/namespaces/default/configmaps/roles' ? cm : undefined));
    const lookups = createClusterLookups({ client, now: () => t });
    expect(await lookups.getConfigMap('default', 'roles')).toEqual(cm);
    expect(await lookups.getConfigMap('default', 'nope')).toBeUndefined();
    await lookups.getConfigMap('default', 'roles');
    expect(client.calls.filter((c) => c.path.endsWith('/roles'))).toHaveLength(1);
    t = 30_000;
    await lookups.getConfigMap('default', 'roles');
    expect(client.calls.filter((c) => c.path.endsWith('/roles'))).toHaveLength(2);
    expect(client.calls[0]?.opts.timeoutMs).toBe(LOOKUP_TIMEOUT_MS);
  });

  it('caches apiCall GETs but never POSTs, and surfaces API errors', async () => {
    const client = createFakeClient((method, path) => {
      if (path === '/api/v1/namespaces') return { items: [] };
      if (method === 'POST') return { status: { allowed: true } };
      return new Error('boom');
    });
    const lookups = createClusterLookups({ client, now: () => 0 });
    await lookups.apiCall('/api/v1/namespaces', 'GET');
    await lookups.apiCall('/api/v1/namespaces', 'GET');
    await lookups.apiCall('/apis/authorization.k8s.io/v1/subjectaccessreviews', 'POST', { spec: {} });
    await lookups.apiCall('/apis/authorization.k8s.io/v1/subjectaccessreviews', 'POST', { spec: {} });
    expect(client.calls.map((c) => c.method)).toEqual(['GET', 'POST', 'POST']);
    await expect(lookups.apiCall('/apis/x/v1/y', 'GET')).rejects.toThrow('boom');
  });

  it('resolves a GlobalContextEntry by the kubernetesResource or apiCall it names', async () => {
    const client = createFakeClient((_m, path) => {
      if (path.endsWith('/globalcontextentries/deployments')) return { spec: { kubernetesResource: { group: 'apps', version: 'v1', resource: 'deployments', namespace: 'web' } } };
      if (path === '/apis/apps/v1/namespaces/web/deployments') return { items: [{ metadata: { name: 'd' } }] };
      if (path.endsWith('/globalcontextentries/ns')) return { spec: { apiCall: { urlPath: '/api/v1/namespaces' } } };
      if (path === '/api/v1/namespaces') return { items: [1, 2] };
      return undefined;
    });
    const lookups = createClusterLookups({ client, now: () => 0 });
    expect(await lookups.globalReference('deployments')).toEqual([{ metadata: { name: 'd' } }]);
    expect(await lookups.globalReference('ns')).toEqual({ items: [1, 2] });
  });
});
