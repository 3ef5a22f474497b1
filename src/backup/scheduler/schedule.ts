/**
 * A policy's schedule as one cron spec: K10's named frequencies with subFrequency
 * (https://docs.kasten.io/latest/api/policies/#policy-scheduling) or a five-field cron expression.
 * Defaults when subFrequency leaves a field out: minute 0, hour 0, Sunday, the 1st, January.
 */
import type { Issue } from '../../engine/result.js';
import { isValidTimeZone } from '../retention/index.js';
import type { BackupPolicySpec, SubFrequency, TimeOfDay } from '../api/types.js';
import { parseCron, range } from './cron.js';
import type { CronSpec } from './cron.js';

export interface Schedule {
  readonly spec: CronSpec;
  readonly timeZone: string;
  readonly window?: { readonly start: TimeOfDay; readonly end: TimeOfDay };
}

type SubField = keyof SubFrequency;
const NAMED = {
  '@hourly': ['minutes'],
  '@daily': ['minutes', 'hours'],
  '@weekly': ['minutes', 'hours', 'weekdays'],
  '@monthly': ['minutes', 'hours', 'days'],
  '@yearly': ['minutes', 'hours', 'days', 'months'],
} as const satisfies Record<string, readonly SubField[]>;

export const isNamedFrequency = (f: string): f is keyof typeof NAMED => Object.hasOwn(NAMED, f);

const list = (given: readonly number[] | undefined, fallback: number[]): number[] =>
  given && given.length ? [...new Set(given)].sort((a, b) => a - b) : fallback;

function namedSpec(freq: keyof typeof NAMED, sub: SubFrequency): CronSpec {
  const hourly = freq === '@hourly';
  const weekly = freq === '@weekly';
  const monthlyOrYearly = freq === '@monthly' || freq === '@yearly';
  return {
    minutes: list(sub.minutes, [0]),
    hours: hourly ? range(0, 23) : list(sub.hours, [0]),
    days: monthlyOrYearly ? list(sub.days, [1]) : range(1, 31),
    months: freq === '@yearly' ? list(sub.months, [1]) : range(1, 12),
    weekdays: weekly ? list(sub.weekdays, [0]) : range(0, 6),
    anyDay: !monthlyOrYearly,
    anyWeekday: !weekly,
    anyHour: hourly,
  };
}

const err = (code: string, path: string, message: string): Issue => ({ code, path, message, severity: 'error' });

/** The schedule of a BackupPolicy spec, or the issues that prevent one (paths are JSON Pointers). */
export function buildSchedule(spec: Pick<BackupPolicySpec, 'frequency' | 'subFrequency' | 'timezone' | 'backupWindow'>): { schedule?: Schedule; issues: Issue[] } {
  const issues: Issue[] = [];
  const timeZone = spec.timezone ?? 'UTC';
  if (!isValidTimeZone(timeZone)) issues.push(err('UNKNOWN_TIMEZONE', '/spec/timezone', `unknown time zone "${timeZone}"; use an IANA name such as Europe/Berlin`));
  const sub = spec.subFrequency ?? {};
  let cron: CronSpec | undefined;
  if (isNamedFrequency(spec.frequency)) {
    const allowed: readonly SubField[] = NAMED[spec.frequency];
    for (const key of Object.keys(sub) as SubField[]) {
      if (!allowed.includes(key)) issues.push(err('SUBFREQUENCY_NOT_ALLOWED', `/spec/subFrequency/${key}`, `subFrequency.${key} has no meaning for ${spec.frequency}; allowed: ${allowed.join(', ')}`));
    }
    cron = namedSpec(spec.frequency, sub);
  } else if (spec.frequency.startsWith('@')) {
    issues.push(err('BAD_FREQUENCY', '/spec/frequency', `unknown frequency "${spec.frequency}"; use ${Object.keys(NAMED).join(', ')} or a cron expression`));
  } else {
    const parsed = parseCron(spec.frequency);
    if (parsed.ok) cron = parsed.spec;
    else issues.push(err('BAD_CRON', '/spec/frequency', `bad cron "${spec.frequency}": ${parsed.message}`));
    if (spec.subFrequency) issues.push(err('SUBFREQUENCY_NOT_ALLOWED', '/spec/subFrequency', 'subFrequency only refines a named frequency (@hourly..@yearly), not a cron expression'));
  }
  if (issues.length || !cron) return { issues };
  return { schedule: { spec: cron, timeZone, ...(spec.backupWindow ? { window: spec.backupWindow } : {}) }, issues };
}
