/**
 * Backup compliance as gauges (issue #8): the expected interval per backup policy, and apps counted by
 * policy and state (Compliant, NonCompliant, Unmanaged) and by NonCompliant reason code. Per app means per
 * count: app names are resource names, which never become labels (STYLE.md); `guardrail backup status`
 * names the apps. Registered on the server's registry next to guardrail_backup_last_success_timestamp_seconds.
 */
import { Gauge, type Registry } from 'prom-client';
import { METRIC_NAMES } from './metrics.js';

/** What the gauges read from one app's compliance (src/backup/compliance ComplianceResult). */
export interface AppCompliance {
  readonly state: 'Compliant' | 'NonCompliant' | 'Unmanaged';
  readonly policy?: string;
  readonly reasons: ReadonlyArray<{ readonly code: string }>;
  readonly expectedIntervalMs?: number;
}

export interface BackupMetrics {
  /** Replaces every value with this evaluation of all apps (a policy no app names any more disappears). */
  record(apps: readonly AppCompliance[]): void;
}

const STATES = ['Compliant', 'NonCompliant'] as const;

export function createBackupMetrics(registry: Registry): BackupMetrics {
  const gauge = <L extends string>(name: string, help: string, labelNames: readonly L[]): Gauge<L> =>
    (registry.getSingleMetric(name) as Gauge<L> | undefined) ?? new Gauge({ name, help, labelNames, registers: [registry] });
  const interval = gauge(METRIC_NAMES.backupExpectedInterval, 'Allowed age of the newest complete restore point (rpo, or the longest gap of the schedule), by backup policy.', ['policy']);
  const apps = gauge(METRIC_NAMES.backupApps, 'Registered apps by backup policy and compliance state (Compliant, NonCompliant; Unmanaged apps have policy="").', ['policy', 'state']);
  const reasons = gauge(METRIC_NAMES.backupAppReasons, 'NonCompliant apps by backup policy and reason code (an app with two reasons counts under both).', ['policy', 'reason']);
  return {
    record(list) {
      const count = new Map<string, { policy: string; state: string; n: number }>();
      const byReason = new Map<string, { policy: string; reason: string; n: number }>();
      const intervals = new Map<string, number>();
      const bump = <T extends { n: number }>(m: Map<string, T>, key: string, init: Omit<T, 'n'>): void => {
        const e = m.get(key) ?? ({ ...init, n: 0 } as T);
        e.n++;
        m.set(key, e);
      };
      for (const a of list) {
        const policy = a.state === 'Unmanaged' ? '' : (a.policy ?? '');
        // Every state of a named policy is present (0 included), so an alert can compare, not test absence.
        if (policy) for (const state of STATES) if (!count.has(`${policy}\0${state}`)) count.set(`${policy}\0${state}`, { policy, state, n: 0 });
        bump(count, `${policy}\0${a.state}`, { policy, state: a.state });
        for (const r of new Set(a.reasons.map((x) => x.code))) bump(byReason, `${policy}\0${r}`, { policy, reason: r });
        // The interval depends on the policy; a schedule's longest gap can differ by start, so keep the largest.
        if (policy && a.expectedIntervalMs !== undefined) intervals.set(policy, Math.max(intervals.get(policy) ?? 0, a.expectedIntervalMs));
      }
      apps.reset();
      reasons.reset();
      interval.reset();
      for (const c of count.values()) apps.set({ policy: c.policy, state: c.state }, c.n);
      for (const r of byReason.values()) reasons.set({ policy: r.policy, reason: r.reason }, r.n);
      for (const [policy, ms] of intervals) interval.set({ policy }, ms / 1000);
    },
  };
}
