/**
 * The deprecated In / NotIn (pkg/engine/variables/operator/in.go, notin.go), kept bit-for-bit because
 * old policies rely on them. Differences from the Any/All operators, all Kyverno's:
 * - with a scalar key and a list value the KEY is the wildcard pattern (`wildcard.Match(key, item)`);
 * - a plain string value only matches as a wildcard pattern or as a JSON list of strings;
 * - with a list key, membership is exact (no wildcards) and every item must be a string;
 * - a boolean key is unsupported (false for both operators).
 */
import { wildcardMatch } from '../values/index.js';
import { goSprint } from './go-format.js';
import { ConditionError } from './types.js';

const INVALID = 'invalid' as const;

export function legacyIn(key: unknown, value: unknown): boolean {
  return evaluate(key, value, false);
}

export function legacyNotIn(key: unknown, value: unknown): boolean {
  return evaluate(key, value, true);
}

function evaluate(key: unknown, value: unknown, not: boolean): boolean {
  if (typeof key === 'string' || typeof key === 'number') {
    const found = keyExists(typeof key === 'string' ? key : goSprint(key), value);
    if (found === INVALID) return false;
    return not ? !found : found;
  }
  if (Array.isArray(key)) {
    // Kyverno does `v.(string)` on every item: anything else panics there; here it is an error.
    if (!key.every((k): k is string => typeof k === 'string')) {
      throw new ConditionError('INVALID_KEY', `operator ${not ? 'NotIn' : 'In'} needs a list of strings as key`);
    }
    return setExists(key, value, not);
  }
  return false;
}

function keyExists(key: string, value: unknown): boolean | typeof INVALID {
  if (Array.isArray(value)) return value.some((v) => wildcardMatch(key, goSprint(v)));
  if (typeof value !== 'string') return INVALID;
  if (wildcardMatch(value, key)) return true;
  const list = strictStringList(value);
  return list === INVALID ? INVALID : list.includes(key);
}

function setExists(keys: string[], value: unknown, not: boolean): boolean {
  let values: string[];
  if (Array.isArray(value)) {
    if (!value.every((v): v is string => typeof v === 'string')) return false;
    values = value;
  } else if (typeof value === 'string') {
    // in.go returns "exists" here for both operators, so NotIn(["a"], "a") is true.
    if (keys.length === 1 && keys[0] === value) return true;
    const list = strictStringList(value);
    if (list === INVALID) return false;
    values = list;
  } else return false;
  const set = new Set(values);
  return not ? keys.some((k) => !set.has(k)) : keys.every((k) => set.has(k));
}

/** json.Unmarshal into []string without the json.Valid guard: a non-JSON string is a type error. */
function strictStringList(value: string): string[] | typeof INVALID {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return INVALID;
  }
  if (parsed === null) return [];
  if (!Array.isArray(parsed) || !parsed.every((x) => typeof x === 'string' || x === null)) return INVALID;
  return parsed.map((x) => (x === null ? '' : (x as string)));
}
