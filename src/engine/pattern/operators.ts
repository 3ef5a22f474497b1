/**
 * String patterns with operators (pkg/engine/pattern/pattern.go, pkg/engine/operator/operator.go):
 * alternatives split on `|`, each a conjunction split on `&` (spaces trimmed), each condition an operator
 * `>=` `<=` `>` `<` `!`, a range `a-b` / `a!-b`, or equality (with `*`/`?` wildcards).
 * Parsed once per distinct pattern string and cached: admission requests reuse the same few patterns.
 * https://kyverno.io/docs/policy-types/cluster-policy/validate/#operators
 */
import { parseDuration, parseQuantity } from '../values/index.js';

export type Operator = '' | '>=' | '<=' | '>' | '<' | '!';

/** One comparison with its operand pre-parsed as a duration and as a quantity where it is one. */
export interface Comparison {
  op: Operator;
  operand: string;
  duration: number | undefined;
  quantity: number | undefined;
}

export type Condition =
  | { kind: 'compare'; cmp: Comparison }
  /** `a-b` means `>= a & <= b`; `a!-b` means `< a | > b`. */
  | { kind: 'range'; negated: boolean; low: Comparison; high: Comparison };

/** Alternatives (OR) of conjunctions (AND). */
export type CompiledStringPattern = Condition[][];

const ENDPOINT = String.raw`([-|+]?\d+(?:\.\d+)?[A-Za-z]*)`;
export const IN_RANGE = new RegExp(`^${ENDPOINT}-${ENDPOINT}$`);
export const NOT_IN_RANGE = new RegExp(`^${ENDPOINT}!-${ENDPOINT}$`);
const PREFIX_OPS: Operator[] = ['>=', '<=', '>', '<', '!'];

/** Go's strings.Trim(s, " "): spaces only, not other whitespace. */
function trimSpaces(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && s.charCodeAt(a) === 32) a++;
  while (b > a && s.charCodeAt(b - 1) === 32) b--;
  return s.slice(a, b);
}

/** k8s resource.ParseQuantity does not trim: a quantity with spaces is not a quantity. */
export function strictQuantity(text: string): number | undefined {
  return text === '' || text.trim() !== text ? undefined : parseQuantity(text);
}

export function comparison(op: Operator, operand: string): Comparison {
  const trimmed = operand.trim(); // strings.TrimSpace
  return { op, operand: trimmed, duration: trimmed === '' ? undefined : parseDuration(trimmed), quantity: strictQuantity(trimmed) };
}

/** operator.GetOperatorFromStringPattern plus the operand split of validateStringPattern. */
export function compileCondition(condition: string): Condition {
  if (condition.length >= 2) {
    const op = PREFIX_OPS.find((p) => condition.startsWith(p));
    if (op !== undefined) return { kind: 'compare', cmp: comparison(op, condition.slice(op.length)) };
    const not = NOT_IN_RANGE.exec(condition);
    if (not) return { kind: 'range', negated: true, low: comparison('<', not[1] ?? ''), high: comparison('>', not[2] ?? '') };
    const inr = IN_RANGE.exec(condition);
    if (inr) return { kind: 'range', negated: false, low: comparison('>=', inr[1] ?? ''), high: comparison('<=', inr[2] ?? '') };
  }
  return { kind: 'compare', cmp: comparison('', condition) };
}

const cache = new Map<string, CompiledStringPattern>();
const CACHE_LIMIT = 10_000;

export function compileStringPattern(pattern: string): CompiledStringPattern {
  let compiled = cache.get(pattern);
  if (compiled === undefined) {
    compiled = pattern.split('|').map((alt) => trimSpaces(alt).split('&').map((c) => compileCondition(trimSpaces(c))));
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(pattern, compiled);
  }
  return compiled;
}
