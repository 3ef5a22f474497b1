/**
 * checkValue mirrors pkg/engine/pattern/pattern.go Validate: a resource value against one pattern value,
 * dispatched on the pattern's type (bool, number, nil, map, string; arrays never match a value).
 * https://kyverno.io/docs/policy-types/cluster-policy/validate/#patterns
 */
import { goKind, isJsonMap } from '../anchors/index.js';
import { compare } from './compare.js';
import { compileStringPattern, type Condition } from './operators.js';
import { parseGoFloat } from './parse-float.js';

export function checkValue(resourceValue: unknown, patternValue: unknown): boolean {
  switch (typeof patternValue) {
    case 'boolean':
      return typeof resourceValue === 'boolean' && resourceValue === patternValue;
    case 'number':
      return checkNumber(resourceValue, patternValue);
    case 'string':
      return checkString(resourceValue, patternValue);
    case 'object':
      if (patternValue === null) return checkNil(resourceValue);
      // A map pattern only asks for a map (content is validated by the pattern walker); arrays never match.
      return isJsonMap(patternValue) && isJsonMap(resourceValue);
    default:
      return false;
  }
}

/** Pattern numbers are float64 (encoding/json): equal numbers, or a string that ParseFloat reads as it. */
function checkNumber(value: unknown, pattern: number): boolean {
  if (typeof value === 'number') return value === pattern;
  if (typeof value === 'string') return parseGoFloat(value) === pattern;
  return false;
}

/** A nil pattern matches the zero value of a scalar or a missing/null value, never a map or list. */
function checkNil(value: unknown): boolean {
  switch (goKind(value)) {
    case 'nil':
      return true;
    case 'int':
    case 'float':
      return value === 0;
    case 'string':
      return value === '';
    case 'bool':
      return value === false;
    default:
      return false;
  }
}

function checkString(value: unknown, pattern: string): boolean {
  if (value === pattern) return true;
  for (const conjunction of compileStringPattern(pattern)) {
    if (conjunction.every((c) => checkCondition(value, c))) return true;
  }
  return false;
}

function checkCondition(value: unknown, c: Condition): boolean {
  if (c.kind === 'compare') return compare(value, c.cmp);
  if (c.negated) return compare(value, c.low) || compare(value, c.high);
  return compare(value, c.low) && compare(value, c.high);
}
