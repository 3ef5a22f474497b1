/**
 * validatePatternSyntax: problems in a validate pattern that Kyverno would silently treat as literal keys
 * or as values that can never match, for the policy validator. Kyverno's own check
 * (pkg/validation/policy ValidatePattern) rejects unsupported anchors and existence anchors without a
 * non-empty list; we also report look-alike anchors and malformed operators.
 * https://kyverno.io/docs/policy-types/cluster-policy/validate/#anchors
 */
import { isJsonMap, parseAnchor } from '../anchors/index.js';
import { joinPointer } from '../json-pointer.js';
import { operatorProblem } from './operator-syntax.js';

export interface PatternIssue {
  code: PatternIssueCode;
  message: string;
  /** JSON Pointer into the policy document. */
  path: string;
}

export const PATTERN_ISSUE_CODES = [
  'UNKNOWN_ANCHOR',
  'MALFORMED_ANCHOR',
  'UNSUPPORTED_ANCHOR',
  'INVALID_EXISTENCE_ANCHOR',
  'INVALID_OPERATOR',
  'UNKNOWN_TYPE',
] as const;
export type PatternIssueCode = (typeof PATTERN_ISSUE_CODES)[number];

const ANCHOR_START = /^[+<=X^]?\(/;
const ONE_CHAR_ANCHOR = /^.\(.+\)$/;

function keyProblem(key: string, value: unknown): [PatternIssueCode, string] | undefined {
  const parsed = parseAnchor(key);
  if (parsed.type === 'addIfNotPresent') {
    return ['UNSUPPORTED_ANCHOR', `${key}: +() is a mutate anchor (add if not present); validate patterns do not support it`];
  }
  if (parsed.type === 'existence') {
    if (!Array.isArray(value) || value.length === 0) {
      return ['INVALID_EXISTENCE_ANCHOR', `${key}: an existence anchor needs a non-empty list`];
    }
    if (!value.every(isJsonMap)) return ['INVALID_EXISTENCE_ANCHOR', `${key}: existence anchor list items must be maps`];
    return undefined;
  }
  if (parsed.type !== undefined) return undefined;
  const s = key.trim();
  if (ANCHOR_START.test(s)) {
    const why = s.endsWith(')') ? 'has an empty key' : 'has unbalanced parentheses';
    return ['MALFORMED_ANCHOR', `${key}: looks like an anchor but ${why}; Kyverno would match it as a literal key`];
  }
  if (ONE_CHAR_ANCHOR.test(s)) {
    return ['UNKNOWN_ANCHOR', `${key}: unknown anchor "${s[0]}()"; anchors are (), =(), X(), ^(), <()`];
  }
  return undefined;
}

export function validatePatternSyntax(pattern: unknown, basePointer: string): PatternIssue[] {
  const issues: PatternIssue[] = [];
  walk(pattern, basePointer, issues);
  return issues;
}

function walk(value: unknown, path: string, issues: PatternIssue[]): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => walk(v, joinPointer(path, i), issues));
  } else if (isJsonMap(value)) {
    for (const [key, v] of Object.entries(value)) {
      const child = joinPointer(path, key);
      const problem = keyProblem(key, v);
      if (problem) issues.push({ code: problem[0], message: problem[1], path: child });
      walk(v, child, issues);
    }
  } else if (typeof value === 'string') {
    const problem = operatorProblem(value);
    if (problem) issues.push({ code: 'INVALID_OPERATOR', message: problem, path });
  } else if (value !== null && typeof value !== 'number' && typeof value !== 'boolean') {
    issues.push({ code: 'UNKNOWN_TYPE', message: `pattern contains unknown type ${typeof value}`, path });
  }
}
