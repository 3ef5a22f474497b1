import { describe, expect, it } from 'vitest';
import { isoWeek } from './calendar.js';
import { planRetention } from './gfs.js';
import type { RestorePoint } from './gfs.js';

const H = 3600_000;
const start = Date.parse('2023-01-01T00:00:00Z');
/** 400 days of hourly restore points: 2023-01-01T00Z .. 2024-02-04T23Z (day 399; 2023 has 365 days). */
const hourly: RestorePoint[] = Array.from({ length: 400 * 24 }, (_, i) => ({ id: new Date(start + i * H).toISOString(), time: start + i * H, signed: true }));
const now = start + 400 * 24 * H;
const policy = { last: 1, hourly: 3, daily: 3, weekly: 2, monthly: 15, yearly: 3 };
const kept = (tz: string): string[] => planRetention(hourly, { ...policy, timeZone: tz }, now).keep.map((k) => k.id.slice(0, 13)).sort();

describe('GFS retention over 400 days of hourly points (hand-computed fixtures)', () => {
  it('UTC: newest of each bucket; the last point is Sunday 2024-02-04, the end of ISO week 5', () => {
    expect(kept('UTC')).toEqual(
      [
        '2024-02-04T23', '2024-02-04T22', '2024-02-04T21', // last + hourly 3; Feb 4 also daily, W05, Feb, 2024
        '2024-02-03T23', '2024-02-02T23', // daily 2 and 3
        '2024-01-28T23', // weekly: W04 ends Sunday Jan 28
        '2024-01-31T23', '2023-12-31T23', '2023-11-30T23', '2023-10-31T23', '2023-09-30T23', '2023-08-31T23',
        '2023-07-31T23', '2023-06-30T23', '2023-05-31T23', '2023-04-30T23', '2023-03-31T23', '2023-02-28T23',
        '2023-01-31T23', // monthly: only 14 months exist in UTC; yearly 2023 = Dec 31 23Z
      ].sort(),
    );
  });

  it('America/New_York: local midnights, DST (EDT -4 from Mar 12 to Nov 5), and a 15th month (Dec 2022)', () => {
    expect(kept('America/New_York')).toEqual(
      [
        '2024-02-04T23', '2024-02-04T22', '2024-02-04T21', // 18:00, 17:00, 16:00 EST on Feb 4
        '2024-02-04T04', '2024-02-03T04', // daily: 23:00 EST on Feb 3 and Feb 2
        '2024-01-29T04', // weekly W04: Sunday Jan 28 23:00 EST
        '2024-02-01T04', '2024-01-01T04', '2023-12-01T04', // Jan 31, Dec 31, Nov 30 at 23:00 EST
        '2023-11-01T03', '2023-10-01T03', '2023-09-01T03', '2023-08-01T03', '2023-07-01T03', '2023-06-01T03',
        '2023-05-01T03', '2023-04-01T03', // Oct..Mar month ends at 23:00 EDT
        '2023-03-01T04', '2023-02-01T04', // Feb, Jan month ends at 23:00 EST
        '2023-01-01T04', // Dec 31 2022 23:00 EST: monthly 15 and yearly 2022
      ].sort(),
    );
  });

  it('forgets exactly the rest', () => {
    const plan = planRetention(hourly, { ...policy, timeZone: 'UTC' }, now);
    expect(plan.keep.length + plan.forget.length).toBe(hourly.length);
    expect(plan.keep.find((k) => k.id.startsWith('2024-01-28T23'))?.reasons).toEqual(['weekly 2024-W04']);
    expect(plan.keep.find((k) => k.id.startsWith('2023-12-31T23'))?.reasons).toEqual(['monthly 2023-12', 'yearly 2023']);
  });
});

describe('safety floors', () => {
  const pts = (n: number, extra: Partial<RestorePoint> = {}): RestorePoint[] =>
    Array.from({ length: n }, (_, i) => ({ id: `p${i}`, time: start + i * H, signed: true, ...extra }));

  it('minKeep keeps the last good point through a run of failures', () => {
    const points = [...pts(3), ...pts(5).map((p, i) => ({ ...p, id: `f${i}`, time: start + (10 + i) * H, good: false }))];
    const plan = planRetention(points, { last: 3, minKeep: 1 }, now);
    expect(plan.keep.map((k) => k.id)).toEqual(['f4', 'f3', 'f2', 'p2']);
    expect(planRetention(points, { last: 3 }, now).keep.map((k) => k.id)).not.toContain('p2');
  });

  it('immutability protection beats retention', () => {
    const points = pts(4).map((p, i) => ({ ...p, protectedUntil: i === 0 ? now + H : now - H }));
    const plan = planRetention(points, { last: 1 }, now);
    expect(plan.keep.map((k) => k.id).sort()).toEqual(['p0', 'p3']);
    expect(plan.forget.sort()).toEqual(['p1', 'p2']);
  });

  it('forged (unsigned) points cannot push real ones out and are never forgotten', () => {
    const forged = Array.from({ length: 10 }, (_, i) => ({ id: `x${i}`, time: now - i * 1000, signed: false }));
    const plan = planRetention([...pts(3), ...forged], { last: 2, daily: 1 }, now);
    expect(plan.keep.map((k) => k.id)).toEqual(['p2', 'p1']);
    expect(plan.forget).toEqual(['p0']);
    expect(plan.ignored).toHaveLength(10);
  });
});

describe('ISO weeks', () => {
  it('handles year boundaries (ISO 8601)', () => {
    expect(isoWeek(2021, 1, 3)).toEqual({ year: 2020, week: 53 });
    expect(isoWeek(2021, 1, 4)).toEqual({ year: 2021, week: 1 });
    expect(isoWeek(2024, 12, 30)).toEqual({ year: 2025, week: 1 });
    expect(isoWeek(2026, 12, 31)).toEqual({ year: 2026, week: 53 });
  });
});
