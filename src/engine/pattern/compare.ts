/**
 * One comparison of a resource value against an operator and operand (pattern.go validateString): as
 * durations if both sides parse as Go durations, else as quantities if both parse as Kubernetes
 * quantities, else as strings (only equality and `!`, with wildcards).
 */
import { formatFloatExp, goKind } from '../anchors/index.js';
import { parseDuration, wildcardMatch } from '../values/index.js';
import { strictQuantity, type Comparison, type Operator } from './operators.js';

/**
 * The value as a duration / quantity, as pattern.go reads it through convertNumberToString (nil is "0", an
 * int64 its digits, a float64 "%f", other types do not convert), then time.ParseDuration /
 * resource.ParseQuantity. Numbers are handled without building their text: digits alone are never a
 * duration except "0", and a "%f" text always is.
 */
function durationOf(value: unknown): number | undefined {
  switch (goKind(value)) {
    case 'nil':
      return 0;
    case 'int':
      return value === 0 ? 0 : undefined;
    case 'string':
      return cached(durations, value as string, strictDuration);
    default:
      return undefined;
  }
}

function quantityOf(value: unknown): number | undefined {
  switch (goKind(value)) {
    case 'nil':
      return 0;
    case 'int':
      return value as number;
    case 'float':
      return Number((value as number).toFixed(6));
    case 'string':
      return cached(quantities, value as string, strictQuantity);
    default:
      return undefined;
  }
}

/** Resource strings repeat across requests ("512Mi", "30s"); parse each once. Bounded: input is untrusted. */
const durations = new Map<string, number | undefined>();
const quantities = new Map<string, number | undefined>();
const CACHE_LIMIT = 10_000;

function cached(cache: Map<string, number | undefined>, text: string, parse: (t: string) => number | undefined): number | undefined {
  if (cache.has(text)) return cache.get(text);
  const parsed = parse(text);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, parsed);
  return parsed;
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
  if (cmp.duration !== undefined) {
    const d = durationOf(value);
    if (d !== undefined) return ordered(cmp.op, d, cmp.duration);
  }
  if (cmp.quantity !== undefined) {
    const q = quantityOf(value);
    if (q !== undefined) return ordered(cmp.op, q, cmp.quantity);
  }
  if (cmp.op !== '' && cmp.op !== '!') return false; // ordering operators do not apply to strings
  const text = stringText(value);
  if (text === undefined) return false;
  const matched = wildcardMatch(cmp.operand, text);
  return cmp.op === '!' ? !matched : matched;
}
