/** Finding Kyverno `{{ }}` variables in policy strings (pkg/engine/variables/regex RegexVariables). */
import { joinPointer } from '../../engine/json-pointer.js';

// Same shape as Kyverno's RegexVariables: `{{ ... }}` not preceded by a backslash (escaped `\{{` is
// literal), allowing one level of inner braces (JMESPath literals like `{}`).
const VARIABLE = /(^|[^\\])(\{\{(?:\{[^{}]*\}|[^{}])*\}\})/g;

export interface FoundVariable {
  /** The whole `{{ ... }}`. */
  text: string;
  /** The JMESPath inside, trimmed. */
  expression: string;
}

export function findVariables(s: string): FoundVariable[] {
  const found: FoundVariable[] = [];
  for (const m of s.matchAll(VARIABLE)) {
    const text = m[2] ?? '';
    found.push({ text, expression: text.slice(2, -2).trim() });
  }
  return found;
}

/** Calls `fn` for every string (keys too) in a JSON value, with the pointer of the value holding it. */
export function walkStrings(
  value: unknown,
  pointer: string,
  fn: (s: string, pointer: string, isKey: boolean) => void,
): void {
  if (typeof value === 'string') {
    fn(value, pointer, false);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => walkStrings(item, joinPointer(pointer, i), fn));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const child = joinPointer(pointer, key);
      fn(key, child, true);
      walkStrings(item, child, fn);
    }
  }
}
