/**
 * One comparison of a resource value against an operator and operand (pattern.go validateString): as
 * durations if both sides parse as Go durations, else as quantities if both parse as Kubernetes
 * quantities, else as strings (only equality and `!`, with wildcards).
 */
import { formatFloatExp, goKind } from '../anchors/index.js';
import { parseDuration, wildcardMatch } from '../values/index.js';
import { strictQuantity, type Comparison, type Operator } from './operators.js';

/** pattern.go convertNumberToString: nil is "0", float64 is %f, other types do not convert. */
function numberText(value: unknown): string | undefined {
  switch (goKind(value)) {
    case 'nil':
      return '0';
    case 'string':
      return value as string;
    case 'int':
      return String(value);
    case 'float':
      return (value as number).toFixed(6);
    default:
      return undefined;
  }
}

/** time.ParseDuration does not trim either. */
function strictDuration(text: string): number | undefined {
  return text.trim() !== text ? undefined : parseDuration(text);
}

function ordered(op: Operator, a: number, b: number): boolean {
  switch (op) {
    case '':
      return a === b;
    case '!':
      return a !== b;
    case '>':
      return a > b;
    case '<':
      return a < b;
    case '>=':
      return a >= b;
    case '<=':
      return a <= b;
  }
}

/** compareString: the value's string form (float64 as %E, like strconv 'E') against a wildcard. */
function stringText(value: unknown): string | undefined {
  switch (goKind(value)) {
    case 'string':
      return value as string;
    case 'int':
      return String(value);
    case 'float':
      return formatFloatExp(value as number, 'E');
    case 'bool':
      return String(value);
    default:
      return undefined;
  }
}

export function compare(value: unknown, cmp: Comparison): boolean {
  if (cmp.duration !== undefined || cmp.quantity !== undefined) {
    const text = numberText(value);
    if (text !== undefined) {
      if (cmp.duration !== undefined) {
        const d = strictDuration(text);
        if (d !== undefined) return ordered(cmp.op, d, cmp.duration);
      }
      if (cmp.quantity !== undefined) {
        const q = strictQuantity(text);
        if (q !== undefined) return ordered(cmp.op, q, cmp.quantity);
      }
    }
  }
  if (cmp.op !== '' && cmp.op !== '!') return false; // ordering operators do not apply to strings
  const text = stringText(value);
  if (text === undefined) return false;
  const matched = wildcardMatch(cmp.operand, text);
  return cmp.op === '!' ? !matched : matched;
}
