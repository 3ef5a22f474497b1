import { describe, expect, it } from 'vitest';
import type { BackupPolicy, RestorePoint } from '../backup/api/index.js';

type PointState = NonNullable<RestorePoint['status']>['state'];
import { evaluateCompliance } from '../backup/compliance/index.js';
import { createBackupMetrics } from './backup-metrics.js';
import { createMetrics } from './metrics.js';

const now = Date.parse('2026-03-29T12:00:00Z');
const policy = (name: string, rpo?: string): BackupPolicy => ({
  apiVersion: 'backup.guardrail.dev/v1alpha1',
  kind: 'BackupPolicy',
  metadata: { name, namespace: 'guardrail' },
  spec: { frequency: '@hourly', ...(rpo ? { rpo } : {}), retention: { hourly: 24 }, selector: {}, actions: [{ action: 'backup' }] },
});
const app = (name: string, dataprotection?: string) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace: 'shop', labels: (dataprotection ? { dataprotection } : {}) as Record<string, string> },
});
const point = (appName: string, time: string, state: PointState = 'Complete'): RestorePoint => ({
  apiVersion: 'backup.guardrail.dev/v1alpha1',
  kind: 'RestorePoint',
  metadata: { name: `${appName}-${time}`, namespace: 'shop' },
  spec: { app: { kind: 'Deployment', name: appName, namespace: 'shop' }, policy: { name: 'gold' }, time },
  status: { state },
});

/** Lines of the Prometheus text exposition (what GET /metrics serves) for one metric name. */
async function lines(registry: ReturnType<typeof createMetrics>['registry'], name: string): Promise<string[]> {
  return (await registry.metrics()).split('\n').filter((l) => l.startsWith(`${name}{`)).sort();
}

describe('backup compliance metrics', () => {
  const policies = [policy('gold', '2h'), policy('silver')];
  const restorePoints = [point('web', '2026-03-29T11:30:00Z'), point('db', '2026-03-29T06:00:00Z'), point('cache', '2026-03-29T11:45:00Z', 'Failed')];
  const results = [app('web', 'k10-gold'), app('db', 'k10-gold'), app('cache', 'k10-gold'), app('batch', 'k10-silver'), app('legacy'), app('old', 'k10-bronze')].map((w) =>
    evaluateCompliance({ workload: w, policies, restorePoints, now }),
  );

  it('counts apps by policy and state, never naming an app', async () => {
    const m = createMetrics();
    createBackupMetrics(m.registry).record(results);
    expect(await lines(m.registry, 'guardrail_backup_apps')).toEqual([
      'guardrail_backup_apps{policy="",state="Unmanaged"} 1',
      'guardrail_backup_apps{policy="bronze",state="Compliant"} 0',
      'guardrail_backup_apps{policy="bronze",state="NonCompliant"} 1',
      'guardrail_backup_apps{policy="gold",state="Compliant"} 1',
      'guardrail_backup_apps{policy="gold",state="NonCompliant"} 2',
      'guardrail_backup_apps{policy="silver",state="Compliant"} 0',
      'guardrail_backup_apps{policy="silver",state="NonCompliant"} 1',
    ]);
    expect(await m.registry.metrics()).not.toMatch(/="(web|db|cache|batch|legacy|old|shop)"/);
  });

  it('counts NonCompliant apps by reason code and exposes the expected interval (rpo, else the schedule gap)', async () => {
    const m = createMetrics();
    createBackupMetrics(m.registry).record(results);
    expect(await lines(m.registry, 'guardrail_backup_noncompliant_apps')).toEqual([
      'guardrail_backup_noncompliant_apps{policy="bronze",reason="POLICY_NOT_FOUND"} 1',
      'guardrail_backup_noncompliant_apps{policy="gold",reason="LAST_RUN_FAILED"} 1',
      'guardrail_backup_noncompliant_apps{policy="gold",reason="NO_RESTORE_POINT"} 1',
      'guardrail_backup_noncompliant_apps{policy="gold",reason="RPO_EXCEEDED"} 1',
      'guardrail_backup_noncompliant_apps{policy="silver",reason="NO_RESTORE_POINT"} 1',
    ]);
    expect(await lines(m.registry, 'guardrail_backup_expected_interval_seconds')).toEqual([
      'guardrail_backup_expected_interval_seconds{policy="gold"} 7200',
      'guardrail_backup_expected_interval_seconds{policy="silver"} 3600',
    ]);
  });

  it('replaces the previous evaluation: a policy no app names any more disappears', async () => {
    const m = createMetrics();
    const metrics = createBackupMetrics(m.registry);
    metrics.record(results);
    metrics.record(results.filter((r) => r.policy === 'gold' && r.state === 'Compliant'));
    expect(await lines(m.registry, 'guardrail_backup_apps')).toEqual(['guardrail_backup_apps{policy="gold",state="Compliant"} 1', 'guardrail_backup_apps{policy="gold",state="NonCompliant"} 0']);
    expect(await lines(m.registry, 'guardrail_backup_noncompliant_apps')).toEqual([]);
    // A second factory call on the same registry reuses the gauges instead of throwing on a duplicate name.
    expect(() => createBackupMetrics(m.registry)).not.toThrow();
  });
});
