import { describe, expect, it } from 'vitest';
import { jp } from './test-helpers.js';

describe('semver_compare', () => {
  it('checks a version against a range', () => {
    expect(jp("semver_compare('4.1.3', '>=4.1.x')")).toBe(true);
    expect(jp("semver_compare('4.1.3', '!4.x.x')")).toBe(false);
    expect(jp("semver_compare('1.2.3', '>1.0.0 <2.0.0')")).toBe(true);
    expect(jp("semver_compare('2.5.0', '<2.0.0 || >=2.5.0')")).toBe(true);
    expect(jp("semver_compare('1.0.0-alpha', '<1.0.0')")).toBe(true);
    expect(jp("semver_compare('1.2.3', '1.2.3')")).toBe(true);
  });
  it('an unparsable version counts as 0.0.0', () => {
    expect(jp("semver_compare('latest', '<0.0.1')")).toBe(true);
  });
});
