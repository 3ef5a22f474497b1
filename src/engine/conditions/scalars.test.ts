import { describe, expect, it } from 'vitest';
import { compareSemver, durationPair, goDuration, parseSemver, secondsToNs } from './scalars.js';

describe('durations', () => {
  it('parses like time.ParseDuration', () => {
    expect(goDuration('1h30m')).toBe(5400e9);
    expect(goDuration('1.5h')).toBe(5400e9);
    expect(goDuration('0')).toBe(0);
    expect(goDuration(' 1h')).toBeUndefined();
    expect(goDuration('10')).toBeUndefined();
    expect(goDuration('1d')).toBeUndefined();
  });
  it('pairs a duration string with another duration or a number of seconds', () => {
    expect(durationPair('2m', 60)).toEqual([120e9, 60e9]);
    expect(durationPair(120, '2m')).toEqual([120e9, 120e9]);
    expect(durationPair('0s', '1h')).toEqual([0, 3600e9]);
    expect(durationPair('0', '0')).toBeUndefined(); // bare "0" is not taken as a duration
    expect(durationPair(100, 200)).toBeUndefined();
    expect(durationPair('1h', true)).toBeUndefined();
    expect(durationPair('1h', 'soon')).toBeUndefined();
    expect(secondsToNs(1.9)).toBe(1e9);
  });
});

describe('semantic versions (blang/semver)', () => {
  it('parses strictly', () => {
    expect(parseSemver('1.2.3-rc.1+build.5')).toEqual({ major: 1, minor: 2, patch: 3, pre: ['rc', '1'] });
    expect(parseSemver('v1.2.3')).toBeUndefined();
    expect(parseSemver('1.2')).toBeUndefined();
    expect(parseSemver('01.2.3')).toBeUndefined();
    expect(parseSemver('1.2.3-01')).toBeUndefined();
  });
  it('orders by precedence', () => {
    const cmp = (a: string, b: string) => compareSemver(parseSemver(a)!, parseSemver(b)!);
    expect(cmp('1.2.3', '1.2.10')).toBe(-1);
    expect(cmp('2.0.0', '1.99.99')).toBe(1);
    expect(cmp('1.0.0-alpha', '1.0.0')).toBe(-1);
    expect(cmp('1.0.0-alpha', '1.0.0-alpha.1')).toBe(-1);
    expect(cmp('1.0.0-2', '1.0.0-10')).toBe(-1);
    expect(cmp('1.0.0-rc.1', '1.0.0-beta.11')).toBe(1);
    expect(cmp('1.0.0+a', '1.0.0+b')).toBe(0);
  });
});
