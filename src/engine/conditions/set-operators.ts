/**
 * AnyIn, AllIn, AnyNotIn, AllNotIn (pkg/engine/variables/operator/anyin.go, allin.go, anynotin.go,
 * allnotin.go). Keys and list values are compared as fmt.Sprint strings, so 1 matches "1" and true
 * matches "true". Wildcards are honoured on BOTH sides when a list is involved.
 */
import { hasWildcard, wildcardMatch } from '../values/index.js';
import { goSprint } from './go-format.js';
import { inRange, isRangeValue, outOfRange } from './range.js';

export type SetMode = 'AnyIn' | 'AllIn' | 'AnyNotIn' | 'AllNotIn';

const INVALID = 'invalid' as const;

export function setOperator(mode: SetMode, key: unknown, value: unknown): boolean {
  if (typeof key === 'string') return scalarKey(mode, key, value);
  if (typeof key === 'number' || typeof key === 'boolean') return scalarKey(mode, goSprint(key), value);
  if (Array.isArray(key)) return listKey(mode, key, value);
  return false; // nil key, map key: "Unsupported type"
}

const negated = (mode: SetMode): boolean => mode === 'AnyNotIn' || mode === 'AllNotIn';

function scalarKey(mode: SetMode, key: string, value: unknown): boolean {
  const found = keyInValue(key, value);
  if (found === INVALID) return false; // a value of the wrong type is false for the Not* operators too
  return negated(mode) ? !found : found;
}

/** Some item of `values` (fmt.Sprint of each) matches `key`, wildcards both ways. */
function isIn(key: string, values: readonly unknown[]): boolean {
  for (let i = 0; i < values.length; i++) if (matches(key, goSprint(values[i]))) return true;
  return false;
}

/** anyKeyExistsInArray: list (wildcards both ways), string pattern, range, JSON list string, or itself. */
function keyInValue(key: string, value: unknown): boolean | typeof INVALID {
  if (Array.isArray(value)) return isIn(key, value);
  if (typeof value !== 'string') return INVALID;
  if (wildcardMatch(value, key)) return true;
  if (isRangeValue(value)) return inRange(key, value);
  const list = jsonListOrSelf(value);
  if (list === INVALID) return INVALID;
  return list.includes(key); // exact: no wildcards inside a JSON list string
}

/** Keys are compared as fmt.Sprint strings; the loops allocate nothing for list values. */
function listKey(mode: SetMode, keys: readonly unknown[], value: unknown): boolean {
  let values: readonly unknown[];
  if (Array.isArray(value)) values = value;
  else if (typeof value === 'number' || typeof value === 'boolean') values = [goSprint(value)];
  else if (typeof value === 'string') {
    if (keys.length === 1 && goSprint(keys[0]) === value) return !negated(mode);
    if (isRangeValue(value)) return rangeSet(mode, keys.map(goSprint), value);
    const list = jsonListOrSelf(value);
    if (list === INVALID) return false;
    values = list;
  } else return false;
  switch (mode) {
    case 'AnyIn':
      for (let i = 0; i < keys.length; i++) if (isIn(goSprint(keys[i]), values)) return true;
      return false;
    case 'AllIn':
      for (let i = 0; i < keys.length; i++) if (!isIn(goSprint(keys[i]), values)) return false;
      return true;
    case 'AnyNotIn':
      for (let i = 0; i < keys.length; i++) if (!isIn(goSprint(keys[i]), values)) return true;
      return false;
    case 'AllNotIn':
      for (let i = 0; i < keys.length; i++) if (isIn(goSprint(keys[i]), values)) return false;
      return true;
  }
}

function rangeSet(mode: SetMode, keys: string[], range: string): boolean {
  switch (mode) {
    case 'AnyIn': return keys.some((k) => inRange(k, range));
    case 'AllIn': return keys.every((k) => inRange(k, range));
    case 'AnyNotIn': return keys.some((k) => outOfRange(k, range));
    case 'AllNotIn': return !keys.some((k) => inRange(k, range));
  }
}

const matches = (a: string, b: string): boolean => wildcardMatch(a, b) || wildcardMatch(b, a);

/**
 * A string value may carry a JSON list of strings (ConfigMap data holds lists that way): valid JSON must
 * unmarshal into []string (null -> empty, null items -> ""), anything else is a type error; a string
 * that is not JSON at all is a one-element list.
 */
export function jsonListOrSelf(value: string): string[] | typeof INVALID {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return [value];
  }
  if (parsed === null) return [];
  if (!Array.isArray(parsed)) return INVALID;
  if (!parsed.every((x) => typeof x === 'string' || x === null)) return INVALID;
  return parsed.map((x) => (x === null ? '' : (x as string)));
}

/**
 * setOperator(mode, key, value) for a literal list `value`, decided once: its items as fmt.Sprint
 * strings, split into plain ones (a Set: matching a plain key both ways is equality) and wildcard ones
 * (a plain key can only match them as patterns). Keys with wildcards take the general path.
 */
export function prepareSetOperator(mode: SetMode, value: unknown): ((key: unknown) => boolean) | undefined {
  if (!Array.isArray(value)) return undefined;
  const strings = value.map(goSprint);
  const plain = new Set(strings.filter((v) => !hasWildcard(v)));
  const patterns = strings.filter(hasWildcard);
  const isInValues = (k: string): boolean => {
    if (hasWildcard(k)) return isIn(k, strings);
    if (plain.has(k)) return true;
    for (let i = 0; i < patterns.length; i++) if (wildcardMatch(patterns[i] as string, k)) return true;
    return false;
  };
  const not = negated(mode);
  return (key) => {
    if (typeof key === 'string') return isInValues(key) !== not;
    if (typeof key === 'number' || typeof key === 'boolean') return isInValues(goSprint(key)) !== not;
    if (!Array.isArray(key)) return false;
    switch (mode) {
      case 'AnyIn':
        for (let i = 0; i < key.length; i++) if (isInValues(goSprint(key[i]))) return true;
        return false;
      case 'AllIn':
        for (let i = 0; i < key.length; i++) if (!isInValues(goSprint(key[i]))) return false;
        return true;
      case 'AnyNotIn':
        for (let i = 0; i < key.length; i++) if (!isInValues(goSprint(key[i]))) return true;
        return false;
      case 'AllNotIn':
        for (let i = 0; i < key.length; i++) if (isInValues(goSprint(key[i]))) return false;
        return true;
    }
  };
}
