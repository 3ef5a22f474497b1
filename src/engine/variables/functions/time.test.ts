import { describe, expect, it } from 'vitest';
import { jp, jpError } from './test-helpers.js';

// Examples from the Kyverno docs (time_* filters) and time_test.go; "now" is the fixed test clock
// 2024-03-05T10:20:30Z.
describe('time functions', () => {
  it('time_now and time_now_utc format the injected clock in RFC 3339', () => {
    expect(jp('time_now()')).toBe('2024-03-05T10:20:30Z');
    expect(jp('time_now_utc()')).toBe('2024-03-05T10:20:30Z');
  });
  it('time_since with an empty end uses now; with a layout parses both', () => {
    expect(jp("time_since('', '2024-03-05T09:00:00Z', '')")).toBe('1h20m30s');
    expect(jp("time_since('', '2021-01-02T15:04:05-07:00', '2021-01-10T03:04:05-07:00')")).toBe('180h0m0s');
    expect(jp("time_since('Mon Jan _2 15:04:05 MST 2006', 'Thu Dec  1 00:00:00 UTC 2022', 'Thu Dec  1 00:00:10 UTC 2022')")).toBe('10s');
  });
  it('time_add keeps the offset of its input', () => {
    expect(jp("time_add('2021-01-02T15:04:05-07:00', '3h')")).toBe('2021-01-02T18:04:05-07:00');
    expect(jp("time_add('2021-01-02T15:04:05Z', '-25h')")).toBe('2021-01-01T14:04:05Z');
  });
  it('time_parse converts Go layouts and epoch seconds to RFC 3339', () => {
    expect(jp("time_parse('Mon Jan 02 2006 15:04:05 -0700', 'Sat Jan 07 2023 09:30:00 +0100')")).toBe('2023-01-07T09:30:00+01:00');
    expect(jp("time_parse('1702691171', '1702691171')")).toBe('2023-12-16T01:46:11Z');
    expect(jp("time_parse('02 Jan 06 15:04 MST', '07 Jan 23 09:30 UTC')")).toBe('2023-01-07T09:30:00Z');
  });
  it('time_parse rejects values that do not fit the layout', () => {
    expect(jpError("time_parse('2006-01-02', 'not a date')")).toMatch(/parsing time "not a date" as "2006-01-02"/);
    expect(jpError("time_parse('2006-01-02', '2023-02-30')")).toMatch(/day out of range/);
  });
  it('time_utc converts to UTC', () => {
    expect(jp("time_utc('2021-01-02T18:04:05+03:00')")).toBe('2021-01-02T15:04:05Z');
  });
  it('time_to_cron uses minute hour day month weekday', () => {
    expect(jp("time_to_cron('2023-02-02T15:00:00Z')")).toBe('0 15 2 2 4');
  });
  it('time_diff, time_before, time_after, time_between', () => {
    expect(jp("time_diff('2021-01-01T00:00:00Z', '2021-01-01T00:00:01.5Z')")).toBe('1.5s');
    expect(jp("time_before('2023-01-12T00:00:00Z', '2023-01-12T00:00:01Z')")).toBe(true);
    expect(jp("time_after('2023-01-12T00:00:00Z', '2023-01-12T00:00:01Z')")).toBe(false);
    expect(jp("time_between('2023-01-12T12:00:00Z', '2023-01-12T00:00:00Z', '2023-01-13T00:00:00Z')")).toBe(true);
    expect(jp("time_between('2023-01-12T00:00:00Z', '2023-01-12T00:00:00Z', '2023-01-13T00:00:00Z')")).toBe(false);
  });
  it('time_truncate rounds down to a multiple of the duration', () => {
    expect(jp("time_truncate('2023-01-12T17:37:00Z', '1h')")).toBe('2023-01-12T17:00:00Z');
    expect(jp("time_truncate('2023-01-12T17:37:00+02:00', '24h')")).toBe('2023-01-12T02:00:00+02:00');
  });
  it('rejects malformed times and durations', () => {
    expect(jpError("time_add('yesterday', '1h')")).toMatch(/parsing time "yesterday"/);
    expect(jpError("time_add('2021-01-02T15:04:05Z', '1d')")).toBe('time: invalid duration "1d"');
  });
});
