import { describe, expect, it } from 'vitest';
import type { RestorePoint } from '../../backup/api/index.js';
import { KubeApiError } from '../client/kube-client.js';
import { createFakeClient } from '../client/fake-client.js';
import { createObjectCollection } from './cluster-objects.js';
import { restorePointStoreSuite } from '../../backup/engine/restore-point-store-suite.js';
import { createClusterRestorePointStore } from './restore-point-store.js';
import { fakeRestorePointsApi } from './fake-restorepoints-api.js';

const rp = (name: string, ns: string, time: string): RestorePoint => ({
  apiVersion: 'backup.guardrail.dev/v1alpha1',
  kind: 'RestorePoint',
  metadata: { name, namespace: ns },
  spec: { app: { kind: 'Deployment', name: 'web', namespace: ns }, policy: { name: 'gold' }, time },
  status: { state: 'Complete', items: [{ kind: 'Deployment', name: 'web', outcome: 'Succeeded' }] },
});

describe('cluster RestorePoint store', () => {
  it('creates the object, then writes its status through the status subresource; 409 updates', async () => {
    let exists = false;
    const client = createFakeClient((method, path, opts) => {
      if (method === 'POST') return exists ? new KubeApiError(409, 'AlreadyExists', 'exists') : { ...(opts.body as object), metadata: { name: 'web-1', namespace: 'shop', resourceVersion: '5' } };
      if (method === 'GET') return { metadata: { name: 'web-1', namespace: 'shop', resourceVersion: '9' } };
      if (method === 'PUT') return { ...(opts.body as object) };
      return undefined;
    });
    const store = createClusterRestorePointStore(client, createObjectCollection<RestorePoint>(client, 'RestorePoint', false));
    await store.put(rp('web-1', 'shop', '2026-03-29T10:00:00Z'));
    const [post, status] = client.calls;
    expect(post?.path).toBe('/apis/backup.guardrail.dev/v1alpha1/namespaces/shop/restorepoints');
    expect((post?.opts.body as RestorePoint).status).toBeUndefined();
    expect(status).toMatchObject({ method: 'PUT', path: '/apis/backup.guardrail.dev/v1alpha1/namespaces/shop/restorepoints/web-1/status' });
    expect((status?.opts.body as RestorePoint & { metadata: { resourceVersion: string } }).metadata.resourceVersion).toBe('5');
    exists = true;
    client.calls.length = 0;
    await store.put(rp('web-1', 'shop', '2026-03-29T10:00:00Z'));
    expect(client.calls.map((c) => `${c.method} ${c.path.split('/').slice(-2).join('/')}`)).toEqual(['POST shop/restorepoints', 'GET restorepoints/web-1', 'PUT restorepoints/web-1', 'PUT web-1/status']);
    expect((client.calls[2]?.opts.body as { metadata: { resourceVersion: string } }).metadata.resourceVersion).toBe('9');
  });

  it('lists oldest first across namespaces and finds by name or namespace/name', async () => {
    const items = [rp('b', 'shop', '2026-03-29T11:00:00Z'), rp('a', 'other', '2026-03-29T10:00:00Z'), rp('a', 'shop', '2026-03-29T12:00:00Z')];
    const client = createFakeClient((method, path) => (method === 'GET' && path.endsWith('/restorepoints') ? { items } : undefined));
    const store = createClusterRestorePointStore(client, createObjectCollection<RestorePoint>(client, 'RestorePoint', false));
    expect((await store.list()).map((p) => `${p.metadata.namespace}/${p.metadata.name}`)).toEqual(['other/a', 'shop/b', 'shop/a']);
    expect((await store.get('shop/a'))?.spec.time).toBe('2026-03-29T12:00:00Z');
    expect((await store.get('b'))?.metadata.namespace).toBe('shop');
    expect(await store.get('nope')).toBeUndefined();
  });

  it('removing a point deletes the VolumeSnapshots it recorded, then the point', async () => {
    const point = { ...rp('web-1', 'shop', '2026-03-29T10:00:00Z'), status: { state: 'Complete' as const, items: [{ kind: 'Deployment', name: 'web', outcome: 'Succeeded' as const }, { kind: 'VolumeSnapshot', name: 'web-data-s1', namespace: 'shop', outcome: 'Succeeded' as const }] } };
    const client = createFakeClient((method, path) => (method === 'GET' ? { items: [point] } : method === 'DELETE' && path.includes('volumesnapshots') ? undefined : {}));
    await createClusterRestorePointStore(client, createObjectCollection<RestorePoint>(client, 'RestorePoint', false)).remove('web-1');
    expect(client.calls.filter((c) => c.method === 'DELETE').map((c) => c.path)).toEqual([
      '/apis/snapshot.storage.k8s.io/v1/namespaces/shop/volumesnapshots/web-data-s1', // already gone (404): fine
      '/apis/backup.guardrail.dev/v1alpha1/namespaces/shop/restorepoints/web-1',
    ]);
  });
});

restorePointStoreSuite('RestorePoint CRs (cluster mode, in-memory API)', () => {
  const client = createFakeClient(fakeRestorePointsApi());
  return createClusterRestorePointStore(client, createObjectCollection<RestorePoint>(client, 'RestorePoint', false));
});
