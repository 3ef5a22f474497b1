/**
 * GreaterThan, GreaterThanOrEquals, LessThan, LessThanOrEquals (pkg/engine/variables/operator/numeric.go).
 * A key is read, in order, as: a duration pair (either side a Go duration, the other may be seconds),
 * two resource quantities ("1Gi" > "500Mi"), a float (then the value as float or duration), and finally
 * a semantic version compared with a semantic version value ("1.10.0" > "1.9.0").
 */
import { goParseFloat } from './go-format.js';
import { compareQuantities } from './quantity.js';
import { compareSemver, durationPair, parseSemver } from './scalars.js';

export type Comparison = 'GreaterThan' | 'GreaterThanOrEquals' | 'LessThan' | 'LessThanOrEquals';

export function accepts(op: Comparison, cmp: number): boolean {
  switch (op) {
    case 'GreaterThan': return cmp > 0;
    case 'GreaterThanOrEquals': return cmp >= 0;
    case 'LessThan': return cmp < 0;
    case 'LessThanOrEquals': return cmp <= 0;
  }
}

/** NaN compares false for every operator, like Go's float comparisons. */
const compare = (a: number, b: number): number => (a > b ? 1 : a < b ? -1 : a === b ? 0 : NaN);

export function numericCompare(op: Comparison, key: unknown, value: unknown): boolean {
  if (typeof key === 'number') return floatKey(op, key, value);
  if (typeof key === 'string') return stringKey(op, key, value);
  return false; // booleans, nil, lists and maps are unsupported
}

function floatKey(op: Comparison, key: number, value: unknown): boolean {
  if (typeof value === 'number') return accepts(op, compare(key, value));
  if (typeof value !== 'string') return false;
  const durations = durationPair(key, value);
  if (durations) return accepts(op, compare(durations[0], durations[1]));
  const parsed = goParseFloat(value);
  return parsed !== undefined && accepts(op, compare(key, parsed));
}

function stringKey(op: Comparison, key: string, value: unknown): boolean {
  const durations = durationPair(key, value);
  if (durations) return accepts(op, compare(durations[0], durations[1]));
  if (typeof value === 'string') {
    // Quantities before floats: plain numbers are quantities too, and "1" < "1Gi" must work.
    const cmp = compareQuantities(key, value);
    if (cmp !== undefined) return accepts(op, cmp);
  }
  const parsedKey = goParseFloat(key);
  if (parsedKey !== undefined) return floatKey(op, parsedKey, value);
  const version = parseSemver(key);
  if (version && typeof value === 'string') {
    const other = parseSemver(value);
    return other !== undefined && accepts(op, compareSemver(version, other));
  }
  return false;
}
