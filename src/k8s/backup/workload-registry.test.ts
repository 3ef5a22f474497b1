import { describe, expect, it } from 'vitest';
import { KubeApiError } from '../client/kube-client.js';
import { createFakeClient } from '../client/fake-client.js';
import { createSecretTrustStore, trustSecretName } from './secret-trust-store.js';
import { createWorkloadRegistry } from './workload-registry.js';

describe('workload registry (bound workloads are the registrations)', () => {
  it('lists production Deployments/StatefulSets carrying the binding annotation, with kind and apiVersion set', async () => {
    const dep = (name: string, annotations?: Record<string, string>) => ({ metadata: { name, namespace: 'shop', labels: { purpose: 'production' }, ...(annotations ? { annotations } : {}) } });
    const client = createFakeClient((_m, path) => {
      if (path.startsWith('/apis/apps/v1/deployments?labelSelector=purpose%3Dproduction')) return { items: [dep('web', { 'backup.guardrail.dev/policy': 'gold', 'backup.guardrail.dev/bound-at': '2026-03-29T10:00:00Z' }), dep('unbound')] };
      if (path.startsWith('/apis/apps/v1/statefulsets?')) return { items: [dep('db', { 'backup.guardrail.dev/policy': 'silver' })] };
      return undefined;
    });
    const apps = await createWorkloadRegistry(client).list();
    expect(apps.map((a) => `${a.kind} ${a.namespace}/${a.name} ${a.policy}`)).toEqual(['StatefulSet shop/db silver', 'Deployment shop/web gold']);
    expect(apps[1]).toMatchObject({ admittedAt: '2026-03-29T10:00:00Z', manifest: { apiVersion: 'apps/v1', kind: 'Deployment' } });
  });
});

describe('Secret trust store', () => {
  it('creates the journal key once (the first writer wins) and keeps the anchor beside it', async () => {
    let secret: { metadata: { name: string; resourceVersion: string }; data: Record<string, string> } | undefined;
    const client = createFakeClient((method, _path, opts) => {
      const body = opts.body as typeof secret;
      if (method === 'GET') return secret;
      if (method === 'POST') return secret ? new KubeApiError(409, 'AlreadyExists', 'exists') : (secret = body && { ...body, metadata: { ...body.metadata, resourceVersion: '1' } });
      if (method === 'PUT') return (secret = body);
      return undefined;
    });
    const trust = createSecretTrustStore(client, 'guardrail', 'AB12-cd');
    expect(trust.location).toBe(`secret guardrail/${trustSecretName('AB12-cd')}`);
    expect(trustSecretName('AB12-cd')).toBe('guardrail-trust-ab12cd');
    expect(await trust.journalKey()).toBeUndefined();
    const key = await trust.createJournalKey();
    expect(key.length).toBe(32);
    expect((await trust.journalKey())?.equals(key)).toBe(true);
    await trust.writeAnchor({ repoId: 'AB12-cd', seq: 3, mac: 'm', time: 't' });
    expect(await trust.readAnchor()).toEqual({ repoId: 'AB12-cd', seq: 3, mac: 'm', time: 't' });
    expect((await trust.journalKey())?.equals(key)).toBe(true); // the anchor write kept the key
    // A second replica racing to create a key gets the winner's.
    expect((await createSecretTrustStore(client, 'guardrail', 'AB12-cd').createJournalKey()).equals(key)).toBe(true);
  });
});
