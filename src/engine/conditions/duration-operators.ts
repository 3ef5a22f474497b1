/**
 * The deprecated Duration* operators (pkg/engine/variables/operator/duration.go): both sides must be Go
 * durations or numbers of seconds (truncated to whole seconds). Unlike the numeric operators, "0" is a
 * valid duration here and nothing falls back to quantities or floats.
 */
import { accepts, type Comparison } from './numeric.js';
import { goDuration, secondsToNs } from './scalars.js';

function toNs(v: unknown): number | undefined {
  if (typeof v === 'number') return secondsToNs(v);
  if (typeof v === 'string') return goDuration(v);
  return undefined;
}

export function durationCompare(op: Comparison, key: unknown, value: unknown): boolean {
  if (typeof key !== 'number' && typeof key !== 'string') return false;
  const k = toNs(key);
  const v = toNs(value);
  if (k === undefined || v === undefined) return false;
  return accepts(op, Math.sign(k - v));
}
