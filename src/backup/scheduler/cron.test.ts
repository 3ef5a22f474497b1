import { describe, expect, it } from 'vitest';
import { dayMatches, parseCron } from './cron.js';

const spec = (expr: string) => {
  const r = parseCron(expr);
  if (!r.ok) throw new Error(r.message);
  return r.spec;
};

describe('parseCron (crontab(5))', () => {
  it('parses lists, ranges, steps and names', () => {
    const s = spec('*/15 9-17/4 1,15 jan-mar MON-fri');
    expect(s.minutes).toEqual([0, 15, 30, 45]);
    expect(s.hours).toEqual([9, 13, 17]);
    expect(s.days).toEqual([1, 15]);
    expect(s.months).toEqual([1, 2, 3]);
    expect(s.weekdays).toEqual([1, 2, 3, 4, 5]);
  });

  it('reads 7 as Sunday and a bare value with a step as value-to-max', () => {
    expect(spec('0 0 * * 7').weekdays).toEqual([0]);
    expect(spec('50/5 * * * *').minutes).toEqual([50, 55]);
    expect(spec('0 * * * *').anyHour).toBe(true);
  });

  it.each([
    ['0 0 * *', /5 fields/],
    ['60 * * * *', /outside 0-59 for minute/],
    ['* 24 * * *', /hour/],
    ['* * 0 * *', /day-of-month/],
    ['* * * 13 *', /month/],
    ['* * * * 8', /day-of-week/],
    ['5-1 * * * *', /backwards/],
    ['*/0 * * * *', /at least 1/],
    ['a * * * *', /minute/],
  ])('rejects %s', (expr, message) => {
    const r = parseCron(expr);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });

  it('matches either day field when both are restricted, as Vixie cron', () => {
    const s = spec('0 0 13 * 5'); // the 13th, and every Friday
    expect(dayMatches(s, 3, 13, 2)).toBe(true);
    expect(dayMatches(s, 3, 6, 5)).toBe(true);
    expect(dayMatches(s, 3, 7, 6)).toBe(false);
    expect(dayMatches(spec('0 0 * * 5'), 3, 13, 2)).toBe(false);
    expect(dayMatches(spec('0 0 */2 * 5'), 3, 6, 5)).toBe(true); // `*/2` counts as star: only weekday
    expect(dayMatches(spec('0 0 */2 * 5'), 3, 7, 6)).toBe(false);
  });
});
