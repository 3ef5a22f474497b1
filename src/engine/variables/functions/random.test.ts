import { describe, expect, it } from 'vitest';
import { searchJmesPath } from '../jmespath/compile.js';
import { jpError } from './test-helpers.js';

describe('random', () => {
  it('generates strings matching the pattern', () => {
    for (const pattern of ['[0-9a-z]{5}', '[a-z]{3}-\\d{2}', '(foo|bar)x?']) {
      const out = searchJmesPath(`random('${pattern}')`, {}, { now: () => new Date(0) }) as string;
      expect(out).toMatch(new RegExp(`^(?:${pattern})$`));
    }
  });
  it('takes randomness from the env', () => {
    const env = { now: () => new Date(0), random: () => 0 };
    expect(searchJmesPath("random('[a-c]{3}')", {}, env)).toBe('aaa');
  });
  it('rejects an empty pattern', () => {
    expect(jpError("random('')")).toBe('no pattern provided');
  });
});
