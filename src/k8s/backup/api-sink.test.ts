import { describe, expect, it } from 'vitest';
import { KubeApiError } from '../client/kube-client.js';
import { createFakeClient } from '../client/fake-client.js';
import { createApiSink } from './api-sink.js';

const discovery = (path: string): unknown => {
  if (path === '/apis') return { groups: [{ name: 'apps', preferredVersion: { version: 'v1' } }] };
  if (path === '/api/v1') return { resources: [{ name: 'configmaps', kind: 'ConfigMap', namespaced: true, verbs: ['create', 'list'] }, { name: 'pods/log', kind: 'Pod', namespaced: true, verbs: ['get'] }] };
  if (path === '/apis/apps/v1') return { resources: [{ name: 'deployments', kind: 'Deployment', namespaced: true, verbs: ['create', 'list'] }] };
  return undefined;
};
const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'clone' }, data: { a: 'b' } };

describe('API sink (cluster restore)', () => {
  it('creates the namespace, then each object at its resource path', async () => {
    const client = createFakeClient((method, path, opts) => (method === 'GET' ? discovery(path) : opts.body));
    const sink = createApiSink(client);
    await sink.prepare?.('clone');
    expect(await sink.put(cm, 0, 'skip')).toEqual({ outcome: 'Succeeded' });
    expect(await sink.put({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'clone' } }, 1, 'skip')).toEqual({ outcome: 'Succeeded' });
    expect(client.calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual(['/api/v1/namespaces', '/api/v1/namespaces/clone/configmaps', '/apis/apps/v1/namespaces/clone/deployments']);
    expect(await sink.put({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w', namespace: 'clone' } }, 2, 'skip')).toMatchObject({ outcome: 'Failed', message: 'example.com/v1 Widget is not served by this cluster' });
  });

  it('an existing object is skipped, or taken over by server-side apply with existing: update', async () => {
    const client = createFakeClient((method, path, opts) => (method === 'GET' ? discovery(path) : method === 'POST' ? new KubeApiError(409, 'AlreadyExists', 'exists') : opts.body));
    const sink = createApiSink(client);
    expect(await sink.put(cm, 0, 'skip')).toEqual({ outcome: 'Skipped', message: 'exists (existing: skip)' });
    expect(client.calls.some((c) => c.method === 'PATCH')).toBe(false);
    expect(await sink.put(cm, 0, 'update')).toEqual({ outcome: 'Succeeded', message: 'updated (existing: update)' });
    const patch = client.calls.find((c) => c.method === 'PATCH');
    expect(patch?.path).toBe('/api/v1/namespaces/clone/configmaps/c?fieldManager=guardrail&force=true');
    expect(patch?.opts.contentType).toBe('application/apply-patch+yaml');
  });
});
