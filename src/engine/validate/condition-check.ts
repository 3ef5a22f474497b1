/**
 * Condition blocks (preconditions, deny conditions) compiled to plain functions for the quick lane: each
 * key and value is a literal or exactly one `{{ }}` variable (compileSubstitution), so substitution is one
 * compiled JMESPath search and evaluation is run()'s comparison (conditions/evaluate.ts) without planning, scanning or
 * message text. Everything else compiles to null and stays with the interpreter.
 * A check answers only `passed`; it throws where the interpreter would report an error (an unresolvable
 * variable, a failed function), and the lane then leaves the rule to the full evaluation. Never used on
 * DELETE, where substitution reads request.oldObject for request.object.
 */
import { planConditions, type PlannedCondition } from '../conditions/index.js';
import type { Conditions, JsonObject } from '../policy-types.js';
import { compileSubstitution, type FunctionEnv } from '../variables/index.js';

/** The variable document and functions a check reads (the rule scope's data and env). */
export type ConditionsCheck = (data: JsonObject, env: FunctionEnv) => boolean;

/** One condition's comparison, in run()'s order: key, value, then the operator. */
function compileCondition(c: PlannedCondition): ConditionsCheck | null {
  // A message with variables is substituted (and may fail) before comparing; an unknown operator is an error.
  if (c.literalMessage === undefined || c.entry === undefined) return null;
  const key = c.key === undefined ? null : compileSubstitution(c.key);
  const value = c.value === undefined ? null : compileSubstitution(c.value);
  if (key === null && c.key !== undefined) return null;
  if (value === null && c.value !== undefined) return null;
  const entry = c.entry;
  const { prepared, alwaysFalse } = c;
  const literal = c.value;
  return (data, env) => {
    const k = key === null ? null : key(data, env);
    const v = value === null ? null : value(data, env);
    if (alwaysFalse) return false;
    // A value without `{{` comes back as the very object, so the operator's prepared form applies (as in run()).
    if (prepared && v === literal) return prepared(k ?? null);
    return entry.evaluate(k ?? null, v ?? null);
  };
}

function compileList(list: PlannedCondition[]): ConditionsCheck[] | null {
  const out: ConditionsCheck[] = [];
  for (const c of list) {
    const check = compileCondition(c);
    if (check === null) return null;
    out.push(check);
  }
  return out;
}

/**
 * evaluateConditions(conditions).passed as a function: `any` first (present and empty never passes), then
 * `all`, each stopping at its deciding condition; the legacy list form is `all`. Null when any condition
 * cannot be compiled or the block's shape is an error (the interpreter reports it).
 */
export function compileConditionsCheck(conditions: Conditions): ConditionsCheck | null {
  if (conditions === null || conditions === undefined) return () => true;
  if (typeof conditions !== 'object') return null;
  let plan;
  try {
    plan = planConditions(conditions, '');
  } catch {
    return null;
  }
  if (plan.kind === 'invalid') return null;
  const all = compileList(plan.kind === 'legacy' ? plan.list : plan.all);
  const anyPlanned = plan.kind === 'any-all' ? plan.any : undefined;
  const any = anyPlanned === undefined ? undefined : compileList(anyPlanned);
  if (all === null || any === null) return null;
  return (data, env) => {
    if (any !== undefined) {
      let passed = false;
      for (let i = 0; i < any.length && !passed; i++) passed = (any[i] as ConditionsCheck)(data, env);
      if (!passed) return false;
    }
    for (let i = 0; i < all.length; i++) if (!(all[i] as ConditionsCheck)(data, env)) return false;
    return true;
  };
}
