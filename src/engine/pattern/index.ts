/**
 * Kyverno `validate.pattern` / `anyPattern` matching (pkg/engine/validate, pkg/engine/pattern) and the
 * pattern checks of the policy validator. Variables are substituted by the caller beforehand.
 */
export type { PatternOutcome } from './types.js';
export { validatePattern, matchPattern, type MatchResult } from './match-pattern.js';
export { validateAnyPattern, type AnyPatternOptions, type AnyPatternOutcome } from './any-pattern.js';
export { checkValue } from './check-value.js';
export { validatePatternSyntax, PATTERN_ISSUE_CODES, type PatternIssue, type PatternIssueCode } from './syntax.js';
export { compilePatternCheck, fastPatternStatus } from './fast/pattern-check.js';
export { FAST_PASS, FAST_SKIP, FAST_FAIL, FAST_UNKNOWN, type FastStatus, type PatternCheck } from './fast/status.js';
export { kyvernoPath } from '../anchors/index.js';
