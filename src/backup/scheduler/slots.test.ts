import { describe, expect, it } from 'vitest';
import { buildSchedule } from './schedule.js';
import { expectedInterval, nextSlot, slotsBetween } from './slots.js';
import { at, iso, schedule } from './test-helpers.js';

const list = (s: ReturnType<typeof schedule>, from: string, to: string): (string | undefined)[] => slotsBetween(s, at(from), at(to)).map(iso);
const H = 3600_000;

describe('named frequencies and subFrequency (K10 defaults: minute 0, hour 0, Sunday, the 1st, January)', () => {
  it('@hourly at minutes 0 and 30', () => {
    expect(list(schedule({ frequency: '@hourly', subFrequency: { minutes: [30, 0] } }), '2026-01-01T00:00Z', '2026-01-01T02:00Z'))
      .toEqual(['2026-01-01T00:30', '2026-01-01T01:00', '2026-01-01T01:30', '2026-01-01T02:00']);
  });

  it('@daily at 02:30 and 14:30', () => {
    expect(list(schedule({ frequency: '@daily', subFrequency: { hours: [2, 14], minutes: [30] } }), '2026-01-01T00:00Z', '2026-01-02T12:00Z'))
      .toEqual(['2026-01-01T02:30', '2026-01-01T14:30', '2026-01-02T02:30']);
  });

  it('@weekly on Monday and Friday at 03:00; default Sunday 00:00', () => {
    expect(list(schedule({ frequency: '@weekly', subFrequency: { weekdays: [1, 5], hours: [3] } }), '2026-01-01T00:00Z', '2026-01-10T00:00Z'))
      .toEqual(['2026-01-02T03:00', '2026-01-05T03:00', '2026-01-09T03:00']); // 2026-01-01 is a Thursday
    expect(list(schedule({ frequency: '@weekly' }), '2026-01-01T00:00Z', '2026-01-12T00:00Z')).toEqual(['2026-01-04T00:00', '2026-01-11T00:00']);
  });

  it('@monthly on the 1st and 15th; @yearly in January and July', () => {
    expect(list(schedule({ frequency: '@monthly', subFrequency: { days: [1, 15] } }), '2026-01-01T00:00Z', '2026-02-01T00:00Z'))
      .toEqual(['2026-01-15T00:00', '2026-02-01T00:00']);
    expect(list(schedule({ frequency: '@yearly', subFrequency: { months: [1, 7] } }), '2026-01-01T00:00Z', '2027-01-01T00:00Z'))
      .toEqual(['2026-07-01T00:00', '2027-01-01T00:00']);
  });

  it('a day that never comes ends the search instead of looping', () => {
    expect(nextSlot(schedule({ frequency: '0 0 30 2 *' }), at('2026-01-01T00:00Z'))).toBeUndefined();
    expect(iso(nextSlot(schedule({ frequency: '0 0 29 2 *' }), at('2026-01-01T00:00Z')))).toBe('2028-02-29T00:00');
  });

  it('refuses subFrequency fields the frequency does not use', () => {
    const { issues } = buildSchedule({ frequency: '@hourly', subFrequency: { hours: [1] } });
    expect(issues.map((i) => [i.code, i.path])).toEqual([['SUBFREQUENCY_NOT_ALLOWED', '/spec/subFrequency/hours']]);
  });
});

describe('daylight saving time', () => {
  // Europe/Berlin: 2026-03-29 02:00 CET -> 03:00 CEST (01:00Z); 2026-10-25 03:00 CEST -> 02:00 CET (01:00Z).
  const berlinHourly = schedule({ frequency: '@hourly', timezone: 'Europe/Berlin' });
  const berlinDaily = schedule({ frequency: '@daily', subFrequency: { hours: [2], minutes: [30] }, timezone: 'Europe/Berlin' });

  it('Berlin spring forward: hourly runs once per real hour; the skipped 02:30 runs at 03:30 CEST', () => {
    expect(list(berlinHourly, '2026-03-28T22:30Z', '2026-03-29T03:00Z'))
      .toEqual(['2026-03-28T23:00', '2026-03-29T00:00', '2026-03-29T01:00', '2026-03-29T02:00', '2026-03-29T03:00']);
    expect(list(berlinDaily, '2026-03-28T00:00Z', '2026-03-31T00:00Z'))
      .toEqual(['2026-03-28T01:30', '2026-03-29T01:30', '2026-03-30T00:30']);
  });

  it('Berlin fall back: hourly runs in both 02:00 hours; daily 02:30 runs once (the first)', () => {
    expect(list(berlinHourly, '2026-10-24T22:30Z', '2026-10-25T02:00Z'))
      .toEqual(['2026-10-24T23:00', '2026-10-25T00:00', '2026-10-25T01:00', '2026-10-25T02:00']);
    expect(list(berlinDaily, '2026-10-24T00:00Z', '2026-10-27T00:00Z'))
      .toEqual(['2026-10-24T00:30', '2026-10-25T00:30', '2026-10-26T01:30']);
  });

  it('America/New_York: 2026-03-08 and 2026-11-01', () => {
    const nyDaily = schedule({ frequency: '30 2 * * *', timezone: 'America/New_York' });
    expect(list(nyDaily, '2026-03-07T00:00Z', '2026-03-10T00:00Z')).toEqual(['2026-03-07T07:30', '2026-03-08T07:30', '2026-03-09T06:30']);
    const nyOneThirty = schedule({ frequency: '30 1 * * *', timezone: 'America/New_York' });
    expect(list(nyOneThirty, '2026-10-31T12:00Z', '2026-11-02T12:00Z')).toEqual(['2026-11-01T05:30', '2026-11-02T06:30']);
    const nyHourly = schedule({ frequency: '0 * * * *', timezone: 'America/New_York' });
    expect(list(nyHourly, '2026-11-01T04:30Z', '2026-11-01T07:00Z')).toEqual(['2026-11-01T05:00', '2026-11-01T06:00', '2026-11-01T07:00']);
  });

  it('the expected interval of a daily policy is 25 h across a fall-back night', () => {
    expect(expectedInterval(berlinDaily, at('2026-10-20T00:00Z'), 10)).toBe(25 * H);
    expect(expectedInterval(berlinHourly, at('2026-03-28T00:00Z'), 100)).toBe(H);
  });
});

describe('backup window', () => {
  it('defers slots outside the window to its next opening, once', () => {
    const s = schedule({ frequency: '@hourly', backupWindow: { start: { hour: 22 }, end: { hour: 2 } } });
    expect(list(s, '2026-01-01T18:30Z', '2026-01-02T23:30Z'))
      .toEqual(['2026-01-01T22:00', '2026-01-01T23:00', '2026-01-02T00:00', '2026-01-02T01:00', '2026-01-02T22:00', '2026-01-02T23:00']);
  });
});
