/**
 * A conditions block decided once per object: its shape errors, the JSON Pointers of every key, value
 * and message, and each operator's handler (Kyverno's case-insensitive lookup and the exact-spelling
 * rule of the numeric and duration operators). Evaluation then only substitutes and compares. Plans are
 * kept per conditions object (policies are not changed after loading) and base pointer.
 */
import type { Condition } from '../policy-types.js';
import { isOperatorName, lookupOperator } from './registry.js';
import { ConditionError, type OperatorEntry } from './types.js';

export interface PlannedCondition {
  key: unknown;
  value: unknown;
  message: unknown;
  keyPointer: string;
  valuePointer: string;
  messagePointer: string;
  /** The message as it is when it needs no substitution ('' for none), else undefined. */
  literalMessage: string | undefined;
  /** The handler, or undefined for an unknown operator (an error when the condition is reached). */
  entry: OperatorEntry | undefined;
  /** A numeric or duration operator spelled in another case: false without comparing. */
  alwaysFalse: boolean;
  /** The operator with this condition's literal value fixed (used when substitution returns it as is). */
  prepared: ((key: unknown) => boolean) | undefined;
  operatorText: string;
}

export type ConditionsPlan =
  | { kind: 'legacy'; list: PlannedCondition[] }
  | { kind: 'any-all'; any: PlannedCondition[] | undefined; all: PlannedCondition[] }
  | { kind: 'invalid'; error: () => ConditionError };

function planCondition(raw: unknown, at: string, exactOperators: boolean): PlannedCondition {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ConditionError('INVALID_CONDITIONS', 'a condition must be an object with key, operator and value', at);
  }
  const c = raw as Condition;
  // The legacy list form is checked while decoding (ApiextensionsJsonToKyvernoConditions): exact names.
  if (exactOperators && !isOperatorName(c.operator)) {
    throw new ConditionError('UNKNOWN_OPERATOR', `invalid condition operator: ${String(c.operator)}`, `${at}/operator`);
  }
  const operator = typeof c.operator === 'string' ? c.operator : '';
  const entry = lookupOperator(operator);
  const message = c.message as unknown;
  let literalMessage: string | undefined;
  if (typeof message !== 'string' || message === '') literalMessage = '';
  else if (!message.includes('{{')) literalMessage = message;
  return {
    key: c.key, value: c.value, message,
    keyPointer: `${at}/key`, valuePointer: `${at}/value`, messagePointer: `${at}/message`,
    literalMessage, entry, alwaysFalse: entry?.exactCaseOnly === true && operator !== entry.name, operatorText: operator,
    // Used only when substitution hands back this very object, so values with variables are harmless here.
    prepared: c.value !== undefined && c.value !== null ? entry?.prepare?.(c.value) : undefined,
  };
}

function planList(list: unknown, pointer: string, exactOperators: boolean): PlannedCondition[] {
  if (!Array.isArray(list)) throw new ConditionError('INVALID_CONDITIONS', 'conditions must be a list', pointer);
  return list.map((raw, i) => planCondition(raw, `${pointer}/${i}`, exactOperators));
}

function build(conditions: object, basePointer: string): ConditionsPlan {
  if (Array.isArray(conditions)) return { kind: 'legacy', list: planList(conditions, basePointer, true) };
  for (const field of Object.keys(conditions)) {
    if (field !== 'any' && field !== 'all') {
      throw new ConditionError('INVALID_CONDITIONS', `unknown field '${field}' found under conditions`, `${basePointer}/${field}`);
    }
  }
  const c = conditions as { any?: unknown; all?: unknown };
  const any = c.any == null ? undefined : planList(c.any, `${basePointer}/any`, false);
  return { kind: 'any-all', any, all: planList(c.all ?? [], `${basePointer}/all`, false) };
}

const plans = new WeakMap<object, Map<string, ConditionsPlan>>();

/** The plan of a conditions object (not null); shape errors are thrown anew on every use, as before. */
export function planConditions(conditions: object, basePointer: string): ConditionsPlan {
  let byPointer = plans.get(conditions);
  let plan = byPointer?.get(basePointer);
  if (!plan) {
    try {
      plan = build(conditions, basePointer);
    } catch (e) {
      if (!(e instanceof ConditionError)) throw e;
      const { code, message, path } = e;
      plan = { kind: 'invalid', error: () => new ConditionError(code, message, path) };
    }
    if (!byPointer) plans.set(conditions, (byPointer = new Map()));
    byPointer.set(basePointer, plan);
  }
  if (plan.kind === 'invalid') throw plan.error();
  return plan;
}
