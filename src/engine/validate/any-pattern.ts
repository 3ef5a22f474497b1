/**
 * anyPattern as a rule outcome: the matching is src/engine/pattern's validateAnyPattern; this adds the
 * rule-level wording Kyverno uses (the passing index, the rule's message framing the failures).
 */
import { FAST_PASS, FAST_UNKNOWN, validateAnyPattern, type PatternCheck } from '../pattern/index.js';
import { anyPatternFailMessage, anyPatternPassMessage } from './messages.js';
import { outcome, type Outcome } from './outcome.js';
import type { RuleScope } from './scope.js';
import { substituteMessage } from './validate-rule.js';

export function validateAnyPatterns(s: RuleScope, patterns: unknown[], message: string | undefined): Outcome {
  if (!Array.isArray(patterns)) return outcome.error('failed to deserialize anyPattern, expected type array', 'INVALID_RULE');
  const name = s.rule.name;
  const r = validateAnyPattern(s.target, patterns, { ruleName: name });
  if (r.status === 'pass') return r.index === undefined ? outcome.pass(message ?? '') : outcome.pass(anyPatternPassMessage(name, r.index));
  if (r.status === 'skip') return outcome.skip(r.message, 'PATTERN_CONDITION_NOT_MET');
  return outcome.fail(anyPatternFailMessage(substituteMessage(message, s), r.entries), r.path);
}

/**
 * The index validateAnyPattern reports as passing, when the compiled checks of the (variable-free)
 * patterns can tell: the first pattern that passes wins, so every earlier one must be known not to pass.
 * -1 when they cannot tell or nothing passes (the interpreter then words the failure).
 */
export function fastAnyPatternIndex(checks: readonly PatternCheck[], target: unknown): number {
  for (let i = 0; i < checks.length; i++) {
    const status = (checks[i] as PatternCheck)(target);
    if (status === FAST_PASS) return i;
    if (status === FAST_UNKNOWN) return -1;
  }
  return -1;
}
