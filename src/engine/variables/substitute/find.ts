/**
 * Lists the `{{ }}` variables of a document with the JSON Pointer of the string (or object key) holding
 * them, for the policy validator: variables are forbidden in match/exclude, userInfo variables need
 * background: false, and every expression must parse. Nested variables are listed inner first, then
 * the outer one with each inner variable replaced by `placeholderValue` (as Kyverno's
 * replaceSubstituteVariables does), so that the outer expression can be parsed on its own.
 */
import { escapePointerToken } from '../../json-pointer.js';
import { findVariableMatches, variableExpression } from './patterns.js';

export interface FoundVariable {
  /** The expression inside the braces, trimmed. */
  expr: string;
  /** JSON Pointer of the string value, or of the member whose key holds the variable. */
  pointer: string;
}

function fromString(s: string, pointer: string, out: FoundVariable[]): void {
  if (!s.includes('{{')) return;
  let rest = s;
  // Inner variables first; replace them to reach the enclosing ones.
  for (let guard = 0; guard < 32; guard++) {
    const matches = findVariableMatches(rest);
    if (matches.length === 0) return;
    for (const m of matches) {
      out.push({ expr: variableExpression(m.text), pointer });
      rest = rest.replace(m.prefix + m.text, () => m.prefix + 'placeholderValue');
    }
  }
}

function walk(value: unknown, pointer: string, out: FoundVariable[]): void {
  if (typeof value === 'string') fromString(value, pointer, out);
  else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${pointer}/${i}`, out));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const child = `${pointer}/${escapePointerToken(k)}`;
      fromString(k, child, out);
      walk(v, child, out);
    }
  }
}

export function findVariables(value: unknown, basePointer = ''): FoundVariable[] {
  const out: FoundVariable[] = [];
  walk(value, basePointer, out);
  return out;
}
