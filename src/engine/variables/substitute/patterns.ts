/**
 * Kyverno's variable and reference syntax (pkg/engine/variables/regex/vars.go):
 * - a variable is `{{ ... }}` not preceded by a backslash; its inside may hold one level of `{...}`
 *   (so `{{ a.{{ b }} }}` is found inner variable first, and the outer one on the next pass);
 * - `\{{ ... }}` is an escape, printed without the backslash;
 * - a reference is `$( ... )` up to the last `)` before a space, not preceded by a backslash.
 */
export const VARIABLE_RE = /(^|[^\\])(\{\{(?:\{[^{}]*\}|[^{}])*\}\})/g;
export const ESCAPED_VARIABLE_RE = /\\\{\{(?:\{[^{}]*\}|[^{}])*\}\}/g;
export const REFERENCE_RE = /^\$\(.[^ ]*\)|[^\\]\$\(.[^ ]*\)/g;
export const ESCAPED_REFERENCE_RE = /\\\$\(.[^ ]*\)/g;

/** replaceBracesAndTrimSpaces: the expression inside a `{{ }}` (every `{{`/`}}` removed, trimmed). */
export function variableExpression(match: string): string {
  return match.replaceAll('{{', '').replaceAll('}}', '').trim();
}

export interface VariableMatch {
  /** The character before the variable ('' at the start of the string). */
  prefix: string;
  /** The `{{ ... }}` text. */
  text: string;
}

export function findVariableMatches(s: string): VariableMatch[] {
  const out: VariableMatch[] = [];
  for (const m of s.matchAll(VARIABLE_RE)) out.push({ prefix: m[1] ?? '', text: m[2] ?? '' });
  return out;
}
