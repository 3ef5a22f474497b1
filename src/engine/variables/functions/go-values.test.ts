import { describe, expect, it } from 'vitest';
import { formatGoDuration, parseGoDuration } from './go-duration.js';
import { parseLayout } from './go-layout.js';
import { formatFloat32, cleanPath, goReplace } from './go-strings.js';
import { formatRFC3339 } from './go-time.js';
import { formatQuantity, parseQuantityExact } from './quantity.js';

const q = (s: string) => formatQuantity(parseQuantityExact(s)!);

describe('Go/Kubernetes value formatting', () => {
  it('Quantity.String canonical forms', () => {
    expect(q('1536Mi')).toBe('1536Mi');
    expect(q('1024')).toBe('1024');
    expect(q('2048Ki')).toBe('2Mi');
    expect(q('1.5')).toBe('1500m');
    expect(q('2000')).toBe('2k');
    expect(q('1e3')).toBe('1e3');
    expect(q('0.5Ki')).toBe('512');
    expect(q('0.1n')).toBe('1n');
    expect(parseQuantityExact('1Gb')).toBeUndefined();
  });
  it('Duration.String', () => {
    expect(formatGoDuration(parseGoDuration('1h')!)).toBe('1h0m0s');
    expect(formatGoDuration(parseGoDuration('90s')!)).toBe('1m30s');
    expect(formatGoDuration(parseGoDuration('1.5s')!)).toBe('1.5s');
    expect(formatGoDuration(parseGoDuration('300ms')!)).toBe('300ms');
    expect(formatGoDuration(2500n)).toBe('2.5µs');
    expect(formatGoDuration(0n)).toBe('0s');
    expect(formatGoDuration(-parseGoDuration('1m')!)).toBe('-1m0s');
  });
  it('strconv float32 formatting', () => {
    expect(formatFloat32(1000)).toBe('1000');
    expect(formatFloat32(0.1)).toBe('0.1');
    expect(formatFloat32(123456789)).toBe('123456790');
    expect(formatFloat32(1e21)).toBe('1000000000000000000000');
  });
  it('path.Clean and strings.Replace', () => {
    expect(cleanPath('a/../../b')).toBe('../b');
    expect(cleanPath('/../x')).toBe('/x');
    expect(goReplace('ab', '', '-', -1)).toBe('-a-b-');
  });
  it('Go layouts', () => {
    expect(formatRFC3339(parseLayout('2006-01-02T15:04:05.000Z07:00', '2022-05-06T07:08:09.123+02:00'))).toBe('2022-05-06T07:08:09+02:00');
    expect(formatRFC3339(parseLayout('Jan 2, 2006 at 3:04pm (MST)', 'Feb 3, 2013 at 7:54pm (PST)'))).toBe('2013-02-03T19:54:00Z');
    expect(formatRFC3339(parseLayout('2006-01-02', '99-01-01'.padStart(10, '0')))).toBe('0099-01-01T00:00:00Z');
  });
});
