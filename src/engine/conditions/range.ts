/**
 * Range values of the set operators: a value like "1-10" or "100Mi-1Gi" (pkg/engine/operator
 * InRangeRegex) is a closed interval, checked the way pattern.Validate checks ">= lo" and "<= hi".
 */
import { compareQuantities } from './quantity.js';
import { goDuration } from './scalars.js';

const IN_RANGE = /^([-|+]?\d+(?:\.\d+)?[A-Za-z]*)-([-|+]?\d+(?:\.\d+)?[A-Za-z]*)$/;
const NOT_IN_RANGE = /^([-|+]?\d+(?:\.\d+)?[A-Za-z]*)!-([-|+]?\d+(?:\.\d+)?[A-Za-z]*)$/;

/**
 * GetOperatorFromStringPattern(value) == InRange: comparison prefixes and "!" win first, and a
 * NotInRange pattern ("1!-10") is not a range for the set operators.
 */
export function isRangeValue(value: string): boolean {
  if (value.length < 2) return false;
  if (/^(>=|<=|>|<|!)/.test(value)) return false;
  if (NOT_IN_RANGE.test(value)) return false;
  return IN_RANGE.test(value);
}

/** key within [lo, hi]; endpoints come from strings.Split(range, "-")[0] and [1] like Kyverno. */
export function inRange(key: string, range: string): boolean {
  const [lo = '', hi = ''] = range.split('-');
  return compareBound(key, lo.trim(), (c) => c >= 0) && compareBound(key, hi.trim(), (c) => c <= 0);
}

/** AnyNotIn rewrites "lo-hi" to "lo!-hi": key < lo or key > hi (both false for a non-numeric key). */
export function outOfRange(key: string, range: string): boolean {
  const [lo = '', hi = ''] = range.split('-');
  return compareBound(key, lo.trim(), (c) => c < 0) || compareBound(key, hi.trim(), (c) => c > 0);
}

/** pattern.go validateString for >, >=, <, <=: durations, then quantities; plain strings never order. */
function compareBound(key: string, bound: string, accept: (cmp: number) => boolean): boolean {
  const kd = goDuration(key);
  const bd = goDuration(bound);
  if (kd !== undefined && bd !== undefined) return accept(Math.sign(kd - bd));
  const cmp = compareQuantities(key, bound);
  return cmp !== undefined && accept(cmp);
}
