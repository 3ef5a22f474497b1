import type { BackupPolicy, BackupPolicySpec } from '../api/types.js';
import { buildSchedule } from './schedule.js';
import type { Schedule } from './schedule.js';

export const iso = (t: number | undefined): string | undefined => (t === undefined ? undefined : new Date(t).toISOString().slice(0, 16));
export const at = (s: string): number => Date.parse(s);

export function schedule(spec: Partial<BackupPolicySpec> & { frequency: string }): Schedule {
  const { schedule: s, issues } = buildSchedule(spec);
  if (!s) throw new Error(issues.map((i) => i.message).join('; '));
  return s;
}

export function policy(name: string, spec: Partial<BackupPolicySpec> = {}): BackupPolicy {
  return {
    apiVersion: 'backup.guardrail.dev/v1alpha1',
    kind: 'BackupPolicy',
    metadata: { name, namespace: 'guardrail' },
    spec: { frequency: '@hourly', retention: { hourly: 24, daily: 7 }, selector: {}, actions: [{ action: 'backup' }], ...spec },
  };
}

export function fakeClock(start: string) {
  let now = at(start);
  return {
    now: (): number => now,
    set: (s: string): void => {
      now = at(s);
    },
    advance: (ms: number): void => {
      now += ms;
    },
  };
}
