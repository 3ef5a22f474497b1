import { describe, expect, it, vi } from 'vitest';
import type { BackupEngine } from '../engine/index.js';
import { createBackupAdmission } from './extension.js';

describe('createBackupAdmission', () => {
  it('answers objects that are not production workloads without reading the backup config', async () => {
    const config = vi.fn(async () => ({ policies: [], profiles: [] }));
    const list = vi.fn(async () => []);
    const ext = createBackupAdmission({ config, store: { list } } as unknown as BackupEngine, () => 0);
    expect(await ext.mutate({ kind: 'ConfigMap', metadata: { labels: { purpose: 'production' } } })).toEqual({ patch: [], warnings: [] });
    expect(await ext.validate({ kind: 'Deployment', metadata: { labels: { purpose: 'staging' } } })).toEqual({ warnings: [] });
    expect(config).not.toHaveBeenCalled();
    expect(list).not.toHaveBeenCalled();
    expect((await ext.validate({ kind: 'Deployment', metadata: { labels: { purpose: 'production' } } })).hint).toBe('backup policies that exist: none yet');
    expect(config).toHaveBeenCalledTimes(1);
  });

  it('answers an unprotected workload at once, without a promise (the webhook then stays synchronous)', async () => {
    const ext = createBackupAdmission({ config: vi.fn(), store: { list: vi.fn() } } as unknown as BackupEngine, () => 0);
    const staging = { kind: 'Deployment', metadata: { labels: { purpose: 'staging' } } };
    expect(ext.validate(staging)).toEqual({ warnings: [] });
    expect(ext.mutate(staging)).toEqual({ patch: [], warnings: [] });
    expect(ext.admitted(staging)).toBe(false);
    const production = ext.validate({ kind: 'Deployment', metadata: { labels: { purpose: 'production' } } });
    expect(production).toBeInstanceOf(Promise);
    await Promise.resolve(production).catch(() => undefined); // the stub engine has no config
  });
});
