/**
 * The quick lane for the commonest validate rule: a `pattern` or `anyPattern` without context,
 * preconditions, deny or variables (15 of the 22 rules the webhook bench applies to a Deployment). Its
 * compiled checks (pattern/fast) answer "passes, with pattern i" without a rule scope, an outcome or a
 * result object: the pass result is built once per rule and index, frozen, and shared by every request
 * that passes. Anything else (fail, skip, a check that cannot tell) goes the full way, where the
 * interpreter words the outcome; validate-rule.ts's fastPatternPass gives the same answer on that way.
 */
import type { CompiledRule } from '../compiled.js';
import type { RuleResult } from '../result.js';
import { anyPatternPassMessage, passMessage } from './messages.js';
import { validationResult } from './rule-result.js';
import { passingPatternOf, type ValidationBlock } from './validate-rule.js';

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
  // The full way's compiled checks (validate-rule.ts), on the rule's validate block itself: no context
  // or preconditions to add here.
  const check = passingPatternOf(v as ValidationBlock);
  if (check === null) return null;
  const isAny = v.pattern === undefined;
  const results: RuleResult[] = [];
  return {
    check,
    pass(index) {
      let result = results[index];
      if (result === undefined) {
        const message = isAny ? anyPatternPassMessage(r.name, index) : passMessage(r.name);
        results[index] = result = Object.freeze(validationResult(policyName, rule, 'pass', message));
      }
      return result;
    },
  };
}
