/**
 * Evaluating condition blocks: rule preconditions, validate.deny.conditions, foreach preconditions and
 * PolicyException conditions (pkg/engine/variables/evaluate.go, engine/internal CheckDenyPreconditions).
 */
import type { Conditions } from '../policy-types.js';
import { planConditions, type PlannedCondition } from './plan.js';
import { lookupOperator } from './registry.js';
import { ConditionError } from './types.js';

export type Substitute = (value: unknown, pointer: string) => unknown;

export interface ConditionsResult {
  passed: boolean;
  /**
   * On failure: the messages of the failing conditions ("; "-joined). On success: the messages of the
   * conditions that passed, which Kyverno appends to a deny rule's message.
   */
  message?: string;
}

/** One condition whose key and value are already substituted. Unknown operators throw. */
export function evaluateCondition(cond: { key: unknown; operator: string; value?: unknown }): boolean {
  const entry = lookupOperator(String(cond.operator ?? ''));
  if (!entry) {
    throw new ConditionError('UNKNOWN_OPERATOR', `failed to create handler for condition operator "${String(cond.operator)}"`);
  }
  if (entry.exactCaseOnly && cond.operator !== entry.name) return false;
  // A missing key or value is Go's nil.
  return entry.evaluate(cond.key ?? null, cond.value ?? null);
}

/**
 * Kyverno substitutes each condition's key and value just before evaluating it (variables.Evaluate in
 * pkg/engine/variables/evaluate.go), so a condition after the deciding one is never substituted and its
 * unresolvable variables cannot fail the block. `any` (when present, even empty: `any: []` never passes)
 * is evaluated first, then `all`; each stops at its deciding condition. The block's shape, pointers and
 * operator handlers are planned once per conditions object (plan.ts).
 */
export function evaluateConditions(conditions: Conditions, substitute: Substitute, basePointer = ''): ConditionsResult {
  if (conditions === null || conditions === undefined) return { passed: true };
  if (typeof conditions !== 'object') {
    throw new ConditionError('INVALID_CONDITIONS', 'conditions must be a list or an object with any/all', basePointer);
  }
  const plan = planConditions(conditions, basePointer);
  if (plan.kind === 'legacy') return evaluateLegacy(plan.list, substitute);
  if (plan.kind === 'any-all') return evaluateAnyAll(plan.any, plan.all, substitute);
  throw plan.error();
}

/** The message of the condition `run` evaluated last (set by run, read right after it). */
let message = '';

/** Substitutes key, value and message in that order, then compares (evaluateCondition's checks). */
function run(c: PlannedCondition, substitute: Substitute): boolean {
  const key = c.key === undefined ? null : substitute(c.key, c.keyPointer);
  const value = c.value === undefined ? null : substitute(c.value, c.valuePointer);
  if (c.literalMessage !== undefined) message = c.literalMessage;
  else {
    const resolved = substitute(c.message, c.messagePointer);
    message = typeof resolved === 'string' ? resolved : JSON.stringify(resolved);
  }
  if (!c.entry) {
    throw new ConditionError('UNKNOWN_OPERATOR', `failed to create handler for condition operator "${c.operatorText}"`);
  }
  if (c.alwaysFalse) return false;
  // The substitution gave the literal value back (it always does without {{ }}): the prepared form.
  if (c.prepared && value === c.value) return c.prepared(key ?? null);
  // A missing key or value is Go's nil.
  return c.entry.evaluate(key ?? null, value ?? null);
}

const append = (text: string, m: string, sep: string): string => (m === '' ? text : text === '' ? m : text + sep + m);

function result(passed: boolean, text: string): ConditionsResult {
  return text === '' ? { passed } : { passed, message: text };
}

function evaluateAnyAll(any: PlannedCondition[] | undefined, all: PlannedCondition[], substitute: Substitute): ConditionsResult {
  let passedText = '';
  let failedText = '';
  let anyPassed = true;
  if (any) {
    anyPassed = false;
    for (const c of any) {
      if (run(c, substitute)) {
        anyPassed = true;
        passedText = append(passedText, message, '; ');
        break;
      }
      failedText = append(failedText, message, '; ');
    }
  }
  let allPassed = true;
  for (const c of all) {
    if (!run(c, substitute)) {
      allPassed = false;
      failedText = append(failedText, message, '; ');
      break;
    }
    passedText = append(passedText, message, '; ');
  }
  const passed = anyPassed && allPassed;
  return result(passed, passed ? passedText : failedText);
}

/** evaluateOldConditions: a plain list means all; the first failure stops with its message. */
function evaluateLegacy(all: PlannedCondition[], substitute: Substitute): ConditionsResult {
  let passedText = '';
  for (const c of all) {
    if (!run(c, substitute)) return result(false, message);
    passedText = append(passedText, message, ';');
  }
  return result(true, passedText);
}
