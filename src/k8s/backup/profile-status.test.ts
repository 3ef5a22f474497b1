import { describe, expect, it } from 'vitest';
import { createBackupEngine } from '../../backup/engine/index.js';
import { makeFixture, TEST_ENV } from '../../backup/engine/test-fixtures.js';
import { createFakeClient } from '../client/fake-client.js';
import { probeProfiles } from './profile-status.js';

describe('LocationProfile status', () => {
  it('writes the measured immutability through the status subresource (a folder is tamper-evident, never enforced)', async () => {
    const f = await makeFixture();
    const engine = createBackupEngine({ configDir: f.configDir, stateDir: f.stateDir, volumesRoot: f.volumesRoot, env: TEST_ENV });
    const client = createFakeClient((method, _path, opts) => (method === 'GET' ? { metadata: { name: 'vault', namespace: 'guardrail', resourceVersion: '3' }, spec: {} } : opts.body));
    const T = Date.parse('2026-03-29T10:00:00Z');
    expect((await probeProfiles(client, engine, () => T)).map((p) => `${p.profile}=${p.immutability}`)).toEqual(['vault=tamper-evident']);
    const put = client.calls.find((c) => c.method === 'PUT');
    expect(put?.path).toBe('/apis/backup.guardrail.dev/v1alpha1/namespaces/guardrail/locationprofiles/vault/status');
    expect(put?.opts.body).toMatchObject({ metadata: { resourceVersion: '3' }, status: { immutability: 'tamper-evident', lastProbeTime: '2026-03-29T10:00:00.000Z' } });
  });
});
