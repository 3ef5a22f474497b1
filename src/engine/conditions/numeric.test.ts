import { describe, expect, it } from 'vitest';
import { durationCompare } from './duration-operators.js';
import { numericCompare } from './numeric.js';

const gt = (k: unknown, v: unknown) => numericCompare('GreaterThan', k, v);
const gte = (k: unknown, v: unknown) => numericCompare('GreaterThanOrEquals', k, v);
const lt = (k: unknown, v: unknown) => numericCompare('LessThan', k, v);
const lte = (k: unknown, v: unknown) => numericCompare('LessThanOrEquals', k, v);

describe('numeric operators', () => {
  it('numbers and numeric strings on either side', () => {
    expect(gt(5, 3)).toBe(true);
    expect(gt(10, 10)).toBe(false);
    expect(gte(10, 10)).toBe(true);
    expect(lt(-10, -5)).toBe(true);
    expect(lte(150, 100)).toBe(false);
    expect(gt(30, '25')).toBe(true);
    expect(gt(10, '5.5')).toBe(true);
    expect(gt('10.5', 10)).toBe(true);
    expect(gt('25.5', '20.0')).toBe(true);
    expect(gt('{{x}}', 1)).toBe(false);
  });
  it('Kubernetes quantities with different scales', () => {
    expect(gt('1Gi', '500Mi')).toBe(true);
    expect(lt('256Mi', '1Gi')).toBe(true);
    expect(gt('200m', '100m')).toBe(true); // read as durations (minutes) first; same order as millicores
    expect(lt('100m', '1')).toBe(true); // "1" is no duration, so both are quantities: 0.1 < 1
    expect(gt('100m', 60)).toBe(true); // but against a number "100m" is 100 minutes vs 60 seconds
    expect(lt('100m', '0.2')).toBe(true); // millicores: 0.1 < 0.2
    expect(gte('500m', '500m')).toBe(true);
    expect(lte('2Gi', '2Gi')).toBe(true);
    expect(lt('1', '1Gi')).toBe(true);
    expect(gt('1Gi', '1')).toBe(true);
  });
  it('a quantity needs a string on both sides', () => {
    expect(gt('1Gi', 1)).toBe(false);
    expect(lt(1, '1Gi')).toBe(false);
  });
  it('Go durations, also against seconds', () => {
    expect(gt('1h', '30m')).toBe(true);
    expect(lt('90s', '2m')).toBe(true);
    expect(gte('1h30m', '90m')).toBe(true);
    expect(gt('2m', 60)).toBe(true);
    expect(lt(120, '1h')).toBe(true);
    expect(gt(3600.9, '1h')).toBe(false); // seconds are truncated to whole seconds
  });
  it('semantic versions', () => {
    expect(gt('1.2.0', '1.1.0')).toBe(true);
    expect(gt('1.10.0', '1.9.0')).toBe(true);
    expect(lt('1.0.0-alpha', '1.0.0')).toBe(true);
    expect(lt('1.0.0-alpha.1', '1.0.0-alpha.beta')).toBe(true);
    expect(gte('1.5.0', '1.5.0+build')).toBe(true);
    expect(gt('1.2.0', '1.1')).toBe(false); // "1.1" is no semver
    expect(gt('v1.2.0', 'v1.1.0')).toBe(false); // blang/semver rejects the "v" prefix
  });
  it('two-part versions are quantities, compared as decimals', () => {
    expect(gt('1.10', '1.9')).toBe(false);
  });
  it('unsupported types are false', () => {
    expect(gt(true, false)).toBe(false);
    expect(gt(null, '100')).toBe(false);
    expect(gt(['a'], '1')).toBe(false);
    expect(gt({ a: 1 }, '1')).toBe(false);
    expect(gt(10, true)).toBe(false);
    expect(gt(10, null)).toBe(false);
    expect(gt('', 1)).toBe(false);
    expect(lt('abc', 'def')).toBe(false);
  });
});

describe('Duration* operators (deprecated)', () => {
  it('compare durations and seconds', () => {
    expect(durationCompare('GreaterThan', '1h', '30m')).toBe(true);
    expect(durationCompare('LessThanOrEquals', '60s', '1m')).toBe(true);
    expect(durationCompare('GreaterThanOrEquals', 3600, '1h')).toBe(true);
    expect(durationCompare('LessThan', '59s', 60)).toBe(true);
    expect(durationCompare('GreaterThan', '0', '-1s')).toBe(true);
  });
  it('do not fall back to quantities or numbers in strings', () => {
    expect(durationCompare('GreaterThan', '1Gi', '1Mi')).toBe(false);
    expect(durationCompare('GreaterThan', '10', '5')).toBe(false);
    expect(durationCompare('GreaterThan', true, '5s')).toBe(false);
    expect(durationCompare('GreaterThan', '1h', null)).toBe(false);
  });
});
