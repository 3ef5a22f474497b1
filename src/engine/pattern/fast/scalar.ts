/**
 * checkValue (check-value.ts, pattern.go Validate) specialised once per pattern value: the string pattern
 * is split into its conditions at compile time, and patterns that are plain alternatives of literal
 * words ("RuntimeDefault | Localhost", "false") become a lookup of the value's string form.
 */
import { formatFloatExp, goKind } from '../../anchors/index.js';
import { checkValue } from '../check-value.js';
import { compare } from '../compare.js';
import { compileStringPattern, type Comparison, type Condition } from '../operators.js';

export type ScalarCheck = (value: unknown) => boolean;

/** compare.ts stringText: the text a literal (no operator, not a duration or quantity) is matched against. */
function literalText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  switch (goKind(value)) {
    case 'int':
    case 'bool':
      return String(value);
    case 'float':
      return formatFloatExp(value as number, 'E');
    default:
      return undefined;
  }
}

/** compare() of a comparison that is a plain word: no operator, no wildcard, not a duration or quantity. */
function isLiteral(c: Comparison): boolean {
  return c.op === '' && c.duration === undefined && c.quantity === undefined && !c.operand.includes('*') && !c.operand.includes('?');
}

function literalWords(alternatives: Condition[][]): Set<string> | undefined {
  const words = new Set<string>();
  for (const conj of alternatives) {
    const c = conj[0];
    if (conj.length !== 1 || c === undefined || c.kind !== 'compare' || !isLiteral(c.cmp)) return undefined;
    words.add(c.cmp.operand);
  }
  return words;
}

function holds(value: unknown, c: Condition): boolean {
  if (c.kind === 'compare') return compare(value, c.cmp);
  if (c.negated) return compare(value, c.low) || compare(value, c.high);
  return compare(value, c.low) && compare(value, c.high);
}

/**
 * The strings a string value must equal for a pattern made only of literal words (the pattern itself
 * included, as checkValue compares it first); undefined for patterns with operators or wildcards.
 */
export function literalStrings(pattern: unknown): string[] | undefined {
  if (typeof pattern !== 'string') return undefined;
  const words = literalWords(compileStringPattern(pattern));
  return words === undefined ? undefined : [pattern, ...words];
}

function compileString(pattern: string): ScalarCheck {
  const alternatives = compileStringPattern(pattern);
  const words = literalWords(alternatives);
  if (words !== undefined) {
    return (v) => {
      if (v === pattern) return true;
      const text = literalText(v);
      return text !== undefined && words.has(text);
    };
  }
  return (v) => {
    if (v === pattern) return true;
    for (let a = 0; a < alternatives.length; a++) {
      const conj = alternatives[a] as Condition[];
      let all = true;
      for (let i = 0; i < conj.length && all; i++) all = holds(v, conj[i] as Condition);
      if (all) return true;
    }
    return false;
  };
}

/** A checker equal to `(v) => checkValue(v, pattern)` for every v. */
export function compileScalar(pattern: unknown): ScalarCheck {
  switch (typeof pattern) {
    case 'boolean':
      return (v) => v === pattern;
    case 'string':
      return compileString(pattern);
    default:
      return (v) => checkValue(v, pattern);
  }
}
