/**
 * Equals / NotEquals (pkg/engine/variables/operator/equal.go, notequal.go). The handler is chosen by the
 * type of the KEY; only the VALUE may hold wildcards (`wildcard.Match(value, key)`).
 */
import { wildcardMatch } from '../values/index.js';
import { goDeepEqual, goParseFloat, isJsonObject } from './go-format.js';
import { compareExact, numberAsQuantity, parseExactQuantity } from './quantity.js';
import { durationPair } from './scalars.js';

export function equals(key: unknown, value: unknown): boolean {
  if (typeof key === 'boolean') return typeof value === 'boolean' && key === value;
  if (typeof key === 'number') return floatEquals(key, value);
  if (typeof key === 'string') return stringEquals(key, value);
  // Lists and maps compare with reflect.DeepEqual: order matters, no wildcards, no type coercion.
  if (Array.isArray(key)) return Array.isArray(value) && goDeepEqual(key, value);
  if (isJsonObject(key)) return isJsonObject(value) && goDeepEqual(key, value);
  return false; // nil key: "Unsupported type"
}

/**
 * NotEquals is the negation of Equals for every supported key type; a nil key is unsupported in both
 * handlers and yields false, so `NotEquals(null, "x")` is false (Kyverno notequal.go default case).
 */
export function notEquals(key: unknown, value: unknown): boolean {
  if (key === null || key === undefined) return false;
  return !equals(key, value);
}

function floatEquals(key: number, value: unknown): boolean {
  if (typeof value === 'number') return key === value;
  if (typeof value === 'string') {
    const parsed = goParseFloat(value);
    return parsed !== undefined && parsed === key;
  }
  return false;
}

/**
 * Whether `s` may read as a Go duration or a quantity: both grammars start with an optional sign and
 * then a digit or a dot (time.ParseDuration, resource.ParseQuantity). Plain words skip both parsers.
 */
function mayBeNumeric(s: string): boolean {
  let c = s.charCodeAt(0);
  if (c === 43 || c === 45) c = s.charCodeAt(1); // + -
  return (c >= 48 && c <= 57) || c === 46; // 0-9 .
}

function stringEquals(key: string, value: unknown): boolean {
  if (!mayBeNumeric(key) && (typeof value !== 'string' || !mayBeNumeric(value))) {
    // Neither side is a duration string (a number value alone is not one) and the key no quantity.
    return typeof value === 'string' && wildcardMatch(value, key);
  }
  // Durations first: the only reading that may compare a string with a number (seconds).
  const durations = durationPair(key, value);
  if (durations) return durations[0] === durations[1];
  const keyQuantity = parseExactQuantity(key);
  if (keyQuantity !== undefined) {
    if (typeof value === 'string') {
      // A quantity key never falls back to wildcards: "100" vs "1*" is simply false.
      const valueQuantity = parseExactQuantity(value);
      return valueQuantity !== undefined && compareExact(keyQuantity, valueQuantity) === 0;
    }
    // kyverno#16358: a quantity string equals the same number ("5" == 5).
    if (typeof value === 'number') {
      const valueQuantity = numberAsQuantity(value);
      return valueQuantity !== undefined && compareExact(keyQuantity, valueQuantity) === 0;
    }
  }
  return typeof value === 'string' && wildcardMatch(value, key);
}
