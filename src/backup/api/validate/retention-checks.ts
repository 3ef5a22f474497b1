import type { Issue } from '../../../engine/result.js';
import type { Retention } from '../types.js';

const H = 3_600_000;
/**
 * The longest a bucket can be in real time (a DST day is 25 h). A bucket shorter than the gap between
 * runs holds at most the same points the next coarser bucket holds, so counting it is a mistake.
 */
const BUCKET_MAX_MS = { hourly: H, daily: 25 * H, weekly: 169 * H, monthly: 745 * H } as const satisfies Partial<Record<keyof Retention, number>>;

const human = (ms: number): string => (ms % (24 * H) === 0 ? `${ms / (24 * H)}d` : ms % H === 0 ? `${ms / H}h` : `${Math.round(ms / 60_000)}m`);

export function retentionIssues(retention: Retention | undefined, intervalMs: number | undefined, path: string, frequency: string): Issue[] {
  if (!retention || intervalMs === undefined) return [];
  const out: Issue[] = [];
  for (const [rule, bucket] of Object.entries(BUCKET_MAX_MS) as [keyof typeof BUCKET_MAX_MS, number][]) {
    if ((retention[rule] ?? 0) > 0 && intervalMs > bucket) {
      out.push({
        code: 'RETENTION_FINER_THAN_FREQUENCY',
        path: `${path}/${rule}`,
        message: `${rule} retention on a schedule (${frequency}) that runs only every ${human(intervalMs)}; remove ${rule} or run more often`,
        severity: 'error',
      });
    }
  }
  return out;
}

export function minRetentionIssues(retention: Retention, min: number | undefined, path: string): Issue[] {
  if (min === undefined || (retention.daily ?? 0) >= min) return [];
  return [{ code: 'RETENTION_BELOW_MIN', path: `${path}/daily`, message: `daily retention ${retention.daily ?? 0} is below the minimum of ${min}`, severity: 'error' }];
}

export { human as formatInterval };
