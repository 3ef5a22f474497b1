/** anyPattern: pass when one pattern passes; skip when all skip; else fail listing each failure. */
import { validatePattern } from '../pattern/index.js';
import { anyPatternFailMessage, kyvernoPath } from './messages.js';
import { outcome, type Outcome } from './outcome.js';
import type { RuleScope } from './scope.js';
import { substituteMessage } from './validate-rule.js';

export function validateAnyPatterns(s: RuleScope, patterns: unknown[], message: string | undefined): Outcome {
  if (!Array.isArray(patterns)) return outcome.error('failed to deserialize anyPattern, expected type array', 'INVALID_RULE');
  const failed: string[] = [];
  const skipped: string[] = [];
  let firstPath: string | undefined;
  const name = s.rule.name;
  for (let i = 0; i < patterns.length; i++) {
    const r = validatePattern(s.target, patterns[i]);
    if (r.status === 'pass') return outcome.pass(`validation rule '${name}' anyPattern[${i}] passed.`);
    if (r.status === 'skip') skipped.push(`rule ${name}[${i}] skipped: ${r.message}`);
    else if (r.status === 'fail') {
      firstPath ??= r.path;
      failed.push(`rule ${name}[${i}] failed at path ${kyvernoPath(r.path)}`);
    } else failed.push(`rule ${name}[${i}] failed: ${r.message}`);
  }
  if (failed.length === 0 && skipped.length > 0) return outcome.skip(skipped.join(' '), 'PATTERN_CONDITION_NOT_MET');
  if (failed.length === 0) return outcome.pass(message ?? '');
  return outcome.fail(anyPatternFailMessage(substituteMessage(message, s), failed), firstPath);
}
