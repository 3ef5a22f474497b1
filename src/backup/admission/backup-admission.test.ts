import { describe, expect, it } from 'vitest';
import type { BackupPolicy, RestorePoint } from '../api/index.js';
import { backupMutate, backupValidate, registrationOf } from './index.js';

const policy = (name: string): BackupPolicy => ({
  apiVersion: 'backup.guardrail.dev/v1alpha1',
  kind: 'BackupPolicy',
  metadata: { name, namespace: 'guardrail' },
  spec: { frequency: '@hourly', rpo: '1h', retention: { hourly: 24 }, selector: {}, actions: [{ action: 'backup' }] },
});
const workload = (labels: Record<string, string>, kind = 'Deployment') => ({ apiVersion: 'apps/v1', kind, metadata: { name: 'web', namespace: 'shop', labels } });
const prod = { purpose: 'production', dataprotection: 'k10-gold', immutable: 'enabled' };
const now = Date.parse('2026-03-29T12:00:00Z');
const point = (time: string): RestorePoint => ({
  apiVersion: 'backup.guardrail.dev/v1alpha1',
  kind: 'RestorePoint',
  metadata: { name: 'web-1', namespace: 'shop' },
  spec: { app: { kind: 'Deployment', name: 'web', namespace: 'shop' }, policy: { name: 'gold' }, time },
  status: { state: 'Complete' },
});
const view = (restorePoints: RestorePoint[] = []) => ({ policies: [policy('gold'), policy('silver')], restorePoints, now });

describe('backup admission', () => {
  it('mutate adds the binding annotations to a production workload only', () => {
    expect(backupMutate(workload(prod), view()).patch).toEqual([
      { op: 'add', path: '/metadata/annotations', value: { 'backup.guardrail.dev/policy': 'gold', 'backup.guardrail.dev/bound-at': '2026-03-29T12:00:00.000Z' } },
    ]);
    expect(backupMutate(workload({ ...prod, purpose: 'staging' }), view()).patch).toEqual([]);
    expect(backupMutate({ kind: 'ConfigMap', metadata: { labels: prod } }, view()).patch).toEqual([]);
  });

  it('validate denies a missing BackupPolicy with the list of existing ones', () => {
    expect(backupValidate(workload({ ...prod, dataprotection: 'k10-platinum' }), view()).deny).toBe(
      'data protection: backup policy "platinum" does not exist; existing policies: gold, silver',
    );
  });

  it('validate hints at the existing policies for a production workload that names none', () => {
    expect(backupValidate(workload({ purpose: 'production' }), view())).toEqual({ warnings: [], hint: 'backup policies that exist: gold, silver' });
    expect(backupValidate(workload({ purpose: 'production' }), { policies: [], restorePoints: [], now }).hint).toBe('backup policies that exist: none yet');
    expect(backupValidate(workload({ purpose: 'staging' }), view())).toEqual({ warnings: [] });
  });

  it('validate warns when the bound policy is not met, not on a first admission', () => {
    expect(backupValidate(workload(prod), view())).toEqual({ warnings: [] });
    expect(backupValidate(workload(prod), view([point('2026-03-29T08:30:00Z')])).warnings).toEqual(['backup policy gold: last restore point 3h ago, RPO 1h']);
    expect(backupValidate(workload(prod), view([point('2026-03-29T11:30:00Z')])).warnings).toEqual([]);
  });

  it('registers bound production workloads', () => {
    expect(registrationOf(workload(prod, 'StatefulSet'), view())).toEqual({ namespace: 'shop', name: 'web', kind: 'StatefulSet', policy: 'gold' });
    expect(registrationOf(workload({ purpose: 'production' }), view())).toBeUndefined();
  });
});
