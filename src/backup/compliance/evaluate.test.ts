import { describe, expect, it } from 'vitest';
import { policyDoc, profileDoc } from '../api/test-fixtures.js';
import type { RestorePoint, RestorePointState } from '../api/index.js';
import { evaluateCompliance } from './evaluate.js';
import type { ComplianceInput } from './evaluate.js';
import { COMPLIANCE_REASONS } from './reasons.js';

const H = 3_600_000;
const now = Date.parse('2026-05-04T12:00:00Z');
const workload = (labels: Record<string, string>) => ({ kind: 'Deployment', metadata: { name: 'web', namespace: 'shop', labels } });
const gold = policyDoc({}, 'gold'); // @hourly, daily 7, exports to "vault"
const point = (name: string, hoursAgo: number, state: RestorePointState = 'Complete', app = 'web'): RestorePoint => ({
  apiVersion: 'backup.guardrail.dev/v1alpha1',
  kind: 'RestorePoint',
  metadata: { name, namespace: 'shop' },
  spec: { app: { kind: 'Deployment', name: app, namespace: 'shop' }, policy: { name: 'gold' }, time: new Date(now - hoursAgo * H).toISOString() },
  status: { state },
});
const base: ComplianceInput = { workload: workload({ dataprotection: 'k10-gold' }), policies: [gold], restorePoints: [point('rp-1', 0.5)], now };
const evaluate = (over: Partial<ComplianceInput>) => evaluateCompliance({ ...base, ...over });
const codes = (over: Partial<ComplianceInput>): string[] => evaluate(over).reasons.map((r) => r.code);

describe('compliance states', () => {
  it('Unmanaged: the workload names no policy', () => {
    expect(evaluate({ workload: workload({ purpose: 'production' }) })).toEqual({ app: { namespace: 'shop', name: 'web' }, state: 'Unmanaged', reasons: [] });
  });

  it('Compliant: a fresh complete restore point, nothing else wrong', () => {
    const r = evaluate({ profiles: [profileDoc()], minDailyRetention: 7 });
    expect(r).toMatchObject({ state: 'Compliant', policy: 'gold', reasons: [], expectedIntervalMs: H, lastRestorePoint: { name: 'rp-1' } });
    expect(r.warning).toBeUndefined();
  });

  it('the bound annotation names the policy when the label is gone', () => {
    const w = { kind: 'Deployment', metadata: { name: 'web', namespace: 'shop', annotations: { 'backup.guardrail.dev/policy': 'gold' } } };
    expect(evaluate({ workload: w }).state).toBe('Compliant');
  });
});

describe('NonCompliant reasons', () => {
  it('NO_RESTORE_POINT, ignoring other apps and unfinished runs', () => {
    expect(codes({ restorePoints: [point('other', 0.1, 'Complete', 'db'), point('rp-run', 0.1, 'Running')] })).toEqual(['NO_RESTORE_POINT']);
    expect(evaluate({ restorePoints: [] }).warning).toBe('backup policy gold: no restore point yet');
  });

  it('RPO_EXCEEDED from the schedule, with the tolerance, and from spec.rpo', () => {
    const r = evaluate({ restorePoints: [point('rp-1', 3)] });
    expect(r.reasons.map((x) => x.code)).toEqual(['RPO_EXCEEDED']);
    expect(r.warning).toBe('backup policy gold: last restore point 3h ago, RPO 1h');
    expect(codes({ restorePoints: [point('rp-1', 1.1)] })).toEqual([]); // 66 min < 1 h + 10 min stagger
    expect(codes({ restorePoints: [point('rp-1', 1.1)], toleranceMs: 0 })).toEqual(['RPO_EXCEEDED']);
    const daily = policyDoc({ frequency: '@daily', retention: { daily: 7 }, rpo: '4h' }, 'gold');
    expect(codes({ policies: [daily], restorePoints: [point('rp-1', 5)] })).toEqual(['RPO_EXCEEDED']);
    expect(evaluate({ policies: [policyDoc({ frequency: '@daily', retention: { daily: 7 } }, 'gold')], restorePoints: [point('rp-1', 20)] }).expectedIntervalMs).toBe(24 * H);
  });

  it('LAST_RUN_FAILED for a failed or partial newest run, even with an older good point', () => {
    expect(codes({ restorePoints: [point('rp-1', 0.8), point('rp-2', 0.2, 'Failed')] })).toEqual(['LAST_RUN_FAILED']);
    expect(evaluate({ restorePoints: [point('rp-1', 0.8), point('rp-2', 0.2, 'Partial')] }).warning).toBe('backup policy gold: last run partial');
    expect(codes({ restorePoints: [point('rp-2', 0.8, 'Failed'), point('rp-1', 0.2)] })).toEqual([]);
  });

  it('POLICY_PAUSED', () => {
    expect(codes({ policies: [policyDoc({ paused: true }, 'gold')] })).toEqual(['POLICY_PAUSED']);
  });

  it('IMMUTABILITY_NOT_ENFORCED for immutable apps only', () => {
    const immutable = workload({ dataprotection: 'k10-gold', immutable: 'enabled' });
    expect(codes({ workload: immutable, profiles: [profileDoc({}, 'tamper-evident')] })).toEqual(['IMMUTABILITY_NOT_ENFORCED']);
    expect(codes({ profiles: [profileDoc({}, 'tamper-evident')] })).toEqual([]);
    expect(codes({ workload: immutable, profiles: [profileDoc()] })).toEqual([]);
  });

  it('RETENTION_BELOW_MIN', () => {
    expect(codes({ policies: [policyDoc({ retention: { hourly: 24, daily: 3 } }, 'gold')], minDailyRetention: 7 })).toEqual(['RETENTION_BELOW_MIN']);
  });

  it('POLICY_NOT_FOUND', () => {
    expect(evaluate({ policies: [] })).toMatchObject({ state: 'NonCompliant', reasons: [{ code: 'POLICY_NOT_FOUND' }], warning: 'backup policy gold: does not exist' });
  });

  it('several reasons share one warning of at most 120 characters', () => {
    const p = policyDoc({ paused: true, retention: { hourly: 1, daily: 1 } }, 'a-policy-with-a-rather-long-name-for-testing');
    const w = workload({ dataprotection: 'k10-a-policy-with-a-rather-long-name-for-testing', immutable: 'enabled' });
    const r = evaluate({ workload: w, policies: [p], restorePoints: [point('rp-1', 50), point('rp-2', 1, 'Failed')], profiles: [], minDailyRetention: 7 });
    expect(r.reasons.map((x) => x.code)).toEqual(['POLICY_PAUSED', 'RPO_EXCEEDED', 'LAST_RUN_FAILED', 'RETENTION_BELOW_MIN']);
    expect(r.warning?.length).toBeLessThanOrEqual(120);
    expect(r.warning).toMatch(/^backup policy a-policy-with-a-rather-long-name-for-testing: paused, last restore point 2d ago, RPO 1h, .*\.\.\.$/);
  });

  it('every listed reason is produced by some case above', () => {
    const produced = new Set<string>([
      ...codes({ restorePoints: [] }), ...codes({ restorePoints: [point('x', 5)] }), ...codes({ restorePoints: [point('x', 0.1, 'Failed')] }),
      ...codes({ policies: [policyDoc({ paused: true }, 'gold')] }), ...codes({ policies: [] }),
      ...codes({ workload: workload({ dataprotection: 'k10-gold', immutable: 'enabled' }), profiles: [profileDoc({}, 'none')] }),
      ...codes({ policies: [policyDoc({ retention: { hourly: 1 } }, 'gold')], minDailyRetention: 1 }),
    ]);
    expect([...produced].sort()).toEqual(Object.keys(COMPLIANCE_REASONS).sort());
  });
});
