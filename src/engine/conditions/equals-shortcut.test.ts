/**
 * Equals on strings skips the duration and quantity parsers when neither side can read as one; checked
 * against the full sequence (durations, then quantities, then wildcards) on random pairs.
 */
import { describe, expect, it } from 'vitest';
import { wildcardMatch } from '../values/index.js';
import { equals } from './equals.js';
import { compareExact, numberAsQuantity, parseExactQuantity } from './quantity.js';
import { durationPair } from './scalars.js';

function fullStringEquals(key: string, value: unknown): boolean {
  const durations = durationPair(key, value);
  if (durations) return durations[0] === durations[1];
  const keyQuantity = parseExactQuantity(key);
  if (keyQuantity !== undefined) {
    if (typeof value === 'string') {
      const valueQuantity = parseExactQuantity(value);
      return valueQuantity !== undefined && compareExact(keyQuantity, valueQuantity) === 0;
    }
    if (typeof value === 'number') {
      const valueQuantity = numberAsQuantity(value);
      return valueQuantity !== undefined && compareExact(keyQuantity, valueQuantity) === 0;
    }
  }
  return typeof value === 'string' && wildcardMatch(value, key);
}

const STRINGS = ['CREATE', 'DELETE', '', '0', '1', '1s', '1000ms', '-1h', '+5m', '.5', '1Gi', '1024Mi', '1e3', '1000', 'abc*', '*', 'a?c',
  'abc', ' 1s', '1s ', 'h', 's1', '-', '+', '.', '-x', '0.0', 'µs', '3µs', 'x1s', '1.5', 'true'];
const VALUES: unknown[] = [...STRINGS, 0, 1, 1000, 1.5, -1, true, null, ['a'], { a: 1 }];

describe('Equals on strings: the shortcut for words', () => {
  it('agrees with the full reading on every pair', () => {
    const diffs: string[] = [];
    for (const key of STRINGS) for (const value of VALUES) {
      if (equals(key, value) !== fullStringEquals(key, value)) diffs.push(`${JSON.stringify(key)} ${JSON.stringify(value)}`);
    }
    expect(diffs).toEqual([]);
  });
});
