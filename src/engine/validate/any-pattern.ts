/**
 * anyPattern as a rule outcome: the matching is src/engine/pattern's validateAnyPattern; this adds the
 * rule-level wording Kyverno uses (the passing index, the rule's message framing the failures).
 */
import { validateAnyPattern } from '../pattern/index.js';
import { anyPatternFailMessage } from './messages.js';
import { outcome, type Outcome } from './outcome.js';
import type { RuleScope } from './scope.js';
import { substituteMessage } from './validate-rule.js';

export function validateAnyPatterns(s: RuleScope, patterns: unknown[], message: string | undefined): Outcome {
  if (!Array.isArray(patterns)) return outcome.error('failed to deserialize anyPattern, expected type array', 'INVALID_RULE');
  const name = s.rule.name;
  const r = validateAnyPattern(s.target, patterns, { ruleName: name });
  if (r.status === 'pass') return r.index === undefined ? outcome.pass(message ?? '') : outcome.pass(`validation rule '${name}' anyPattern[${r.index}] passed.`);
  if (r.status === 'skip') return outcome.skip(r.message, 'PATTERN_CONDITION_NOT_MET');
  return outcome.fail(anyPatternFailMessage(substituteMessage(message, s), r.entries), r.path);
}
