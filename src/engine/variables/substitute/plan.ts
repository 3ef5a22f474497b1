/**
 * Compile once per string: the `{{ }}` variables a policy string holds (the regex scan of the first
 * substitution pass) and the compiled JMESPath of each, kept in a bounded cache so the admission path
 * neither re-scans nor re-parses. Later passes (nested variables, values that brought `{{` along) scan the
 * string they have, as before. Whether an object or array holds `{{` or `$(` anywhere is remembered per
 * object (policy documents are not changed after loading; a WeakMap lets them go with the policy).
 */
import { compileJmesPath, type CompileResult } from '../jmespath/compile.js';
import { findVariableMatches, variableExpression, type VariableMatch } from './patterns.js';

export interface PlannedMatch extends VariableMatch {
  /** The expression inside the braces. */
  expression: string;
  /** compileJmesPath(expression), looked up on first use. */
  compiled?: CompileResult;
}

const CACHE_LIMIT = 10_000;
const plans = new Map<string, PlannedMatch[]>();

/** The variables of the first pass over `s` (findVariableMatches), cached. */
export function planString(s: string): PlannedMatch[] {
  const hit = plans.get(s);
  if (hit) return hit;
  const plan = findVariableMatches(s).map((m) => ({ ...m, expression: variableExpression(m.text) }));
  if (plans.size >= CACHE_LIMIT) {
    const oldest = plans.keys().next().value;
    if (oldest !== undefined) plans.delete(oldest);
  }
  plans.set(s, plan);
  return plan;
}

/** The compiled expression of a planned match (cached on the match). */
export function compiledOf(m: PlannedMatch): CompileResult {
  return (m.compiled ??= compileJmesPath(m.expression));
}

const seen = new Map<string, WeakMap<object, boolean>>();

function scan(value: unknown, token: string, memo: WeakMap<object, boolean>): boolean {
  if (typeof value === 'string') return value.includes(token);
  if (value === null || typeof value !== 'object') return false;
  const known = memo.get(value);
  if (known !== undefined) return known;
  let found = false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length && !found; i++) found = scan(value[i], token, memo);
  } else {
    const obj = value as Record<string, unknown>;
    for (const key in obj) {
      if (!Object.hasOwn(obj, key)) continue;
      if (key.includes(token) || scan(obj[key], token, memo)) {
        found = true;
        break;
      }
    }
  }
  memo.set(value, found);
  return found;
}

/** True when `token` occurs in any string or key of `value`; remembered per object. */
export function containsSyntax(value: unknown, token: string): boolean {
  if (typeof value === 'string') return value.includes(token);
  if (value === null || typeof value !== 'object') return false;
  let memo = seen.get(token);
  if (!memo) seen.set(token, (memo = new WeakMap()));
  return scan(value, token, memo);
}
