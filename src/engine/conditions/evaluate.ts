/**
 * Evaluating condition blocks: rule preconditions, validate.deny.conditions, foreach preconditions and
 * PolicyException conditions (pkg/engine/variables/evaluate.go, engine/internal CheckDenyPreconditions).
 */
import type { Condition, Conditions } from '../policy-types.js';
import { lookupOperator, isOperatorName } from './registry.js';
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

interface Resolved { key: unknown; operator: string; value: unknown; message: string }

/**
 * Kyverno substitutes each condition's key and value just before evaluating it (variables.Evaluate in
 * pkg/engine/variables/evaluate.go), so a condition after the deciding one is never substituted and its
 * unresolvable variables cannot fail the block. `any` (when present, even empty: `any: []` never passes)
 * is evaluated first, then `all`; each stops at its deciding condition.
 */
export function evaluateConditions(conditions: Conditions, substitute: Substitute, basePointer = ''): ConditionsResult {
  if (conditions === null || conditions === undefined) return { passed: true };
  if (Array.isArray(conditions)) {
    const all = resolveList(conditions, substitute, basePointer, true);
    return evaluateLegacy(all);
  }
  if (typeof conditions !== 'object') {
    throw new ConditionError('INVALID_CONDITIONS', 'conditions must be a list or an object with any/all', basePointer);
  }
  for (const field of Object.keys(conditions)) {
    if (field !== 'any' && field !== 'all') {
      throw new ConditionError('INVALID_CONDITIONS', `unknown field '${field}' found under conditions`, `${basePointer}/${field}`);
    }
  }
  const any = conditions.any == null ? undefined : resolveList(conditions.any, substitute, `${basePointer}/any`, false);
  const all = resolveList(conditions.all ?? [], substitute, `${basePointer}/all`, false);
  return evaluateAnyAll(any, all);
}

type Lazy = () => Resolved;

function resolveList(list: unknown, substitute: Substitute, pointer: string, exactOperators: boolean): Lazy[] {
  if (!Array.isArray(list)) throw new ConditionError('INVALID_CONDITIONS', 'conditions must be a list', pointer);
  return list.map((raw, i) => {
    const at = `${pointer}/${i}`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      throw new ConditionError('INVALID_CONDITIONS', 'a condition must be an object with key, operator and value', at);
    }
    const c = raw as Condition;
    // The legacy list form is checked while decoding (ApiextensionsJsonToKyvernoConditions): exact names.
    if (exactOperators && !isOperatorName(c.operator)) {
      throw new ConditionError('UNKNOWN_OPERATOR', `invalid condition operator: ${String(c.operator)}`, `${at}/operator`);
    }
    return () => ({
      key: c.key === undefined ? null : substitute(c.key, `${at}/key`),
      operator: typeof c.operator === 'string' ? c.operator : '',
      value: c.value === undefined ? null : substitute(c.value, `${at}/value`),
      message: resolveMessage(c.message, substitute, `${at}/message`),
    });
  });
}

function resolveMessage(message: unknown, substitute: Substitute, pointer: string): string {
  if (typeof message !== 'string' || message === '') return '';
  if (!message.includes('{{')) return message;
  const resolved = substitute(message, pointer);
  return typeof resolved === 'string' ? resolved : JSON.stringify(resolved);
}

const join = (messages: string[], sep: string): string | undefined => {
  const text = messages.filter((m) => m !== '').join(sep);
  return text === '' ? undefined : text;
};

function result(passed: boolean, message: string | undefined): ConditionsResult {
  return message === undefined ? { passed } : { passed, message };
}

function evaluateAnyAll(any: Lazy[] | undefined, all: Lazy[]): ConditionsResult {
  const passedMessages: string[] = [];
  const failedMessages: string[] = [];
  let anyPassed = true;
  if (any) {
    anyPassed = false;
    for (const lazy of any) {
      const c = lazy();
      if (evaluateCondition(c)) {
        anyPassed = true;
        passedMessages.push(c.message);
        break;
      }
      failedMessages.push(c.message);
    }
  }
  let allPassed = true;
  for (const lazy of all) {
    const c = lazy();
    if (!evaluateCondition(c)) {
      allPassed = false;
      failedMessages.push(c.message);
      break;
    }
    passedMessages.push(c.message);
  }
  const passed = anyPassed && allPassed;
  return result(passed, join(passed ? passedMessages : failedMessages, '; '));
}

/** evaluateOldConditions: a plain list means all; the first failure stops with its message. */
function evaluateLegacy(all: Lazy[]): ConditionsResult {
  const passedMessages: string[] = [];
  for (const lazy of all) {
    const c = lazy();
    if (!evaluateCondition(c)) return result(false, c.message === '' ? undefined : c.message);
    passedMessages.push(c.message);
  }
  return result(true, join(passedMessages, ';'));
}
