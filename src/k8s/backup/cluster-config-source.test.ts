import { describe, expect, it } from 'vitest';
import type { Issue } from '../../engine/result.js';
import { createFakeClient } from '../client/fake-client.js';
import { createClusterConfigSource } from './cluster-config-source.js';
import type { ObjectCollection } from './cluster-objects.js';

const fixed = <T>(items: T[]): ObjectCollection<T> => ({ list: async () => items, start: async () => undefined, stop: async () => undefined });
const meta = (name: string) => ({ name, namespace: 'guardrail', uid: 'u', resourceVersion: '1', managedFields: [{}] });
const profile = { apiVersion: 'backup.guardrail.dev/v1alpha1', kind: 'LocationProfile', metadata: meta('vault'), spec: { location: { s3: { endpoint: 'http://s3.local', bucket: 'backups', region: 'eu-west-1', credentialsSecret: { name: 'creds' } } }, protectionPeriod: '48h' } };
const policy = (name: string, retention: Record<string, number>, frequency = '@hourly') => ({
  apiVersion: 'backup.guardrail.dev/v1alpha1',
  kind: 'BackupPolicy',
  metadata: meta(name),
  spec: { frequency, retention, selector: {}, actions: [{ action: 'backup' }, { action: 'export', exportParameters: { profile: { name: 'vault' } } }] },
});

describe('cluster backup config source', () => {
  it('checks the CRs as local mode checks its folder: an invalid policy is left out and reported, the others drive backups', async () => {
    const b64 = (s: string) => Buffer.from(s).toString('base64');
    const client = createFakeClient((method, path) => (path === '/api/v1/namespaces/guardrail/secrets/creds' ? { metadata: { name: 'creds' }, data: { aws_access_key_id: b64('AK'), aws_secret_access_key: b64('SK') } } : undefined));
    const reported: Issue[] = [];
    const source = createClusterConfigSource({
      client,
      namespace: 'guardrail',
      policies: fixed([policy('gold', { hourly: 24 }), policy('bad', { hourly: 24 }, '@daily')]) as never,
      profiles: fixed([profile]) as never,
      onIssues: (i) => reported.push(...i),
    });
    const c = await source.load();
    expect(c.errors).toEqual([]);
    expect(c.policies.map((p) => p.metadata.name)).toEqual(['gold']);
    expect(c.policies[0]?.metadata).toEqual({ name: 'gold', namespace: 'guardrail' }); // server fields trimmed
    expect(reported.map((i) => i.code)).toEqual(['RETENTION_FINER_THAN_FREQUENCY']);
    expect(reported[0]?.message).toMatch(/^guardrail\/bad: /);
    // Credentials from the Secret the profile names (K10's key names), the region from the profile.
    expect(await source.storageEnv?.(c.profiles[0]!)).toEqual({ AWS_ACCESS_KEY_ID: 'AK', AWS_SECRET_ACCESS_KEY: 'SK', AWS_REGION: 'eu-west-1' });
  });

  it('a profile whose credentials Secret is missing fails with its name', async () => {
    const source = createClusterConfigSource({ client: createFakeClient(() => undefined), namespace: 'guardrail', policies: fixed([]) as never, profiles: fixed([profile]) as never });
    await expect(source.storageEnv?.(profile as never)).rejects.toThrow('LocationProfile vault: credentials Secret guardrail/creds not found');
  });
});
