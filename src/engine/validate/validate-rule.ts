/**
 * One `validate` rule or foreach level, in Kyverno's order: load context, check preconditions, then deny,
 * pattern/anyPattern or foreach. Mirrors pkg/engine/handlers/validation/validate_resource.go.
 */
import { evaluateConditions } from '../conditions/index.js';
import { loadContextEntries } from '../context/index.js';
import { validatePattern } from '../pattern/index.js';
import type { Conditions, ContextEntry, ForEachValidation } from '../policy-types.js';
import { substituteVariables } from '../variables/index.js';
import { validateAnyPatterns } from './any-pattern.js';
import { validateForEach } from './foreach.js';
import { denyFailMessage, passMessage, patternErrorMessage, patternFailMessage } from './messages.js';
import { outcome, type Outcome } from './outcome.js';
import type { RuleScope } from './scope.js';

/** The parts of a rule or foreach entry that validation reads. */
export interface ValidationBlock {
  context?: ContextEntry[];
  preconditions?: Conditions;
  pattern?: unknown;
  anyPattern?: unknown[];
  deny?: { conditions?: Conditions };
  foreach?: ForEachValidation[];
}

export async function validateBlock(block: ValidationBlock, scope: RuleScope, message: string | undefined): Promise<Outcome> {
  let data = scope.data;
  // Most rules have no context: skip the await (one microtask per rule and foreach element).
  if (block.context && block.context.length > 0) {
    try {
      data = await loadContextEntries(block.context, data, scope.deps, scope.overrides);
    } catch (err) {
      return outcome.error(`failed to load context: ${errorText(err)}`, 'CONTEXT_LOAD_FAILED');
    }
  }
  const s: RuleScope = data === scope.data ? scope : { ...scope, data };
  if (block.preconditions) {
    try {
      const pre = evaluateConditions(block.preconditions, (v) => substituteVariables(v, s.data, { env: s.env }));
      if (!pre.passed) return outcome.skip('preconditions not met', 'PRECONDITIONS_NOT_MET');
    } catch (err) {
      return outcome.error(`failed to evaluate preconditions: ${errorText(err)}`, 'PRECONDITIONS_ERROR');
    }
  }
  if (block.deny) return validateDeny(block.deny.conditions, s, message);
  if (block.pattern !== undefined || block.anyPattern !== undefined) return validatePatterns(block, s, message);
  if (block.foreach) return validateForEach(block.foreach, s, message);
  return outcome.error('invalid validation rule: pattern, anyPattern, deny or foreach expected', 'INVALID_RULE');
}

function validateDeny(conditions: Conditions | undefined, s: RuleScope, message: string | undefined): Outcome {
  let denied: boolean;
  try {
    denied = conditions ? evaluateConditions(conditions, (v) => substituteVariables(v, s.data, { env: s.env })).passed : true;
  } catch (err) {
    return outcome.error(`failed to check deny conditions: ${errorText(err)}`, 'DENY_CONDITIONS_ERROR');
  }
  if (!denied) return outcome.pass(passMessage(s.rule.name));
  return outcome.fail(denyFailMessage(s.rule.name, substituteMessage(message, s)));
}

function validatePatterns(block: ValidationBlock, s: RuleScope, message: string | undefined): Outcome {
  let pattern: unknown;
  let anyPattern: unknown[] | undefined;
  try {
    if (block.pattern !== undefined) pattern = substituteVariables(block.pattern, s.data, { env: s.env });
    else anyPattern = substituteVariables(block.anyPattern, s.data, { env: s.env }) as unknown[];
  } catch (err) {
    return outcome.error(`variable substitution failed: ${errorText(err)}`, 'VARIABLE_SUBSTITUTION_FAILED');
  }
  if (anyPattern !== undefined) return validateAnyPatterns(s, anyPattern, message);
  const result = validatePattern(s.target, pattern);
  switch (result.status) {
    case 'pass':
      return outcome.pass(passMessage(s.rule.name));
    case 'skip':
      return outcome.skip(result.message, 'PATTERN_CONDITION_NOT_MET');
    case 'fail':
      return outcome.fail(patternFailMessage(s.rule.name, substituteMessage(message, s), result.path), result.path);
    case 'error':
      return outcome.error(patternErrorMessage(s.rule.name, substituteMessage(message, s), result.message), 'PATTERN_ERROR');
  }
}

/** Substitutes variables in the rule message; on failure Kyverno keeps the raw message. */
export function substituteMessage(message: string | undefined, s: RuleScope): string | undefined {
  if (!message || !message.includes('{{')) return message;
  try {
    const out = substituteVariables(message, s.data, { env: s.env });
    return typeof out === 'string' ? out : JSON.stringify(out);
  } catch {
    return message;
  }
}

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
