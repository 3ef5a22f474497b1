/**
 * The quick lane for the commonest validate rule: a `pattern` or `anyPattern` without context,
 * preconditions, deny or variables (15 of the 22 rules the webhook bench applies to a Deployment). Its
 * compiled checks (pattern/fast) answer "passes, with pattern i" without a rule scope, an outcome or a
 * result object: the pass result is built once per rule and index, frozen, and shared by every request
 * that passes. Anything else (fail, skip, a check that cannot tell) goes the full way, where the
 * interpreter words the outcome; validate-rule.ts's fastPatternPass gives the same answer on that way.
 */
import type { CompiledRule } from '../compiled.js';
import { compilePatternCheck, FAST_PASS, type PatternCheck } from '../pattern/index.js';
import type { RuleResult } from '../result.js';
import { containsVariableSyntax } from '../variables/index.js';
import { fastAnyPatternIndex } from './any-pattern.js';
import { anyPatternPassMessage, passMessage } from './messages.js';

export interface QuickLane {
  /** The index of the pattern that passes (0 for `pattern`), or -1 when the full evaluation must decide. */
  check(target: unknown): number;
  /** The shared, frozen pass result for that index. */
  pass(index: number): RuleResult;
}

const lanes = new WeakMap<CompiledRule, QuickLane | null>();

/** The rule's quick lane, or null when it has none; built once per compiled rule, on first use. */
export function quickLaneOf(policyName: string, rule: CompiledRule): QuickLane | null {
  let lane = lanes.get(rule);
  if (lane === undefined) {
    lane = buildLane(policyName, rule);
    lanes.set(rule, lane);
  }
  return lane;
}

function buildLane(policyName: string, rule: CompiledRule): QuickLane | null {
  const r = rule.rule;
  const v = r.validate;
  if (rule.kind !== 'validate' || rule.cel || !v || r.preconditions || (r.context?.length ?? 0) > 0) return null;
  if (v.deny || v.foreach || v.podSecurity || v.manifests || v.assert || v.cel) return null;
  let check: (target: unknown) => number;
  let messageOf: (index: number) => string;
  if (v.pattern !== undefined) {
    if (containsVariableSyntax(v.pattern)) return null;
    const single: PatternCheck = compilePatternCheck(v.pattern);
    check = (target) => (single(target) === FAST_PASS ? 0 : -1);
    messageOf = () => passMessage(r.name);
  } else if (Array.isArray(v.anyPattern) && !containsVariableSyntax(v.anyPattern)) {
    const checks = v.anyPattern.map(compilePatternCheck);
    check = (target) => fastAnyPatternIndex(checks, target);
    messageOf = (index) => anyPatternPassMessage(r.name, index);
  } else {
    return null;
  }
  const results: RuleResult[] = [];
  return {
    check,
    pass(index) {
      let result = results[index];
      if (result === undefined) {
        // The key order of evaluate.ts's resultOf, so a shared result prints like a fresh one.
        const built = { policy: policyName, rule: rule.name, ruleType: 'validation' } as RuleResult;
        if (rule.fix) built.fix = rule.fix;
        built.status = 'pass';
        built.message = messageOf(index);
        results[index] = result = Object.freeze(built);
      }
      return result;
    },
  };
}
