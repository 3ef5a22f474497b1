import { describe, expect, it } from 'vitest';
import { createFakeClient } from '../client/fake-client.js';
import { KubeApiError } from '../client/kube-client.js';
import { createLeaderElector } from './leader-election.js';

/** One Lease in memory with resourceVersion checks, as the API server does them. */
function leaseServer() {
  let lease: { metadata: { resourceVersion: string }; spec: Record<string, unknown> } | undefined;
  let rv = 0;
  return createFakeClient((method, _path, opts) => {
    const body = opts.body as { metadata: { resourceVersion?: string }; spec: Record<string, unknown> } | undefined;
    if (method === 'GET') return lease ? structuredClone(lease) : undefined;
    if (method === 'POST') {
      if (lease) return new KubeApiError(409, 'AlreadyExists', 'exists');
      lease = { metadata: { resourceVersion: String(++rv) }, spec: body?.spec ?? {} };
      return lease;
    }
    if (body?.metadata.resourceVersion !== lease?.metadata.resourceVersion) return new KubeApiError(409, 'Conflict', 'conflict');
    lease = { metadata: { resourceVersion: String(++rv) }, spec: body?.spec ?? {} };
    return lease;
  });
}

describe('createLeaderElector', () => {
  it('one replica leads; the other takes over only after the lease expires', async () => {
    const client = leaseServer();
    let t = Date.parse('2025-01-01T00:00:00Z');
    const now = () => new Date(t);
    const a = createLeaderElector({ client, namespace: 'gr', name: 'guardrail', identity: 'a', now });
    const b = createLeaderElector({ client, namespace: 'gr', name: 'guardrail', identity: 'b', now });
    expect(await a.tryAcquire()).toBe(true);
    expect(await b.tryAcquire()).toBe(false);
    t += 10_000;
    expect(await a.tryAcquire()).toBe(true); // renewed
    t += 14_000;
    expect(await b.tryAcquire()).toBe(false);
    t += 2_000; // 16 s since a's last renewal
    expect(await b.tryAcquire()).toBe(true);
    expect(await a.tryAcquire()).toBe(false);
  });
});
