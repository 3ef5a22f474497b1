import { describe, expect, it } from 'vitest';
import { buildPolicySet } from '../../engine/index.js';
import { createFakeClient } from '../client/fake-client.js';
import { createWebhookManager } from './webhook-manager.js';

describe('createWebhookManager', () => {
  it('server-side applies both configurations and re-applies with a new caBundle', async () => {
    const client = createFakeClient((method, path) => (path === '/apis' ? { groups: [] } : path === '/api/v1' ? { resources: [] } : method === 'PATCH' ? {} : undefined));
    let ca = 'CA-1';
    const set = buildPolicySet([
      { apiVersion: 'kyverno.io/v1', kind: 'ClusterPolicy', metadata: { name: 'p' }, spec: { rules: [{ name: 'r', match: { any: [{ resources: { kinds: ['Widget'] } }] }, validate: { pattern: { x: 'y' } } }] } },
    ]);
    const manager = createWebhookManager({ client, target: { url: 'https://127.0.0.1:9443' }, ownNamespace: 'gr', policies: () => ({ set }), caBundle: () => ca });
    await manager.sync();
    const patches = () => client.calls.filter((c) => c.method === 'PATCH');
    expect(patches().map((c) => c.path)).toEqual([
      '/apis/admissionregistration.k8s.io/v1/validatingwebhookconfigurations/guardrail?fieldManager=guardrail&force=true',
      '/apis/admissionregistration.k8s.io/v1/mutatingwebhookconfigurations/guardrail?fieldManager=guardrail&force=true',
    ]);
    expect(patches()[0]?.opts.contentType).toBe('application/apply-patch+yaml');
    ca = 'CA-2';
    await manager.sync();
    const last = patches()[2]?.opts.body as { webhooks: Array<{ clientConfig: { caBundle: string }; rules: Array<{ resources: string[] }> }> };
    expect(Buffer.from(last.webhooks[0]?.clientConfig.caBundle ?? '', 'base64').toString()).toBe('CA-2');
    // Undiscovered kind: Kubernetes' plural guess.
    expect(last.webhooks[0]?.rules[0]?.resources).toEqual(['widgets']);
  });
});
