/**
 * The quick lane: a validate rule whose every step compiles to plain functions (block-check.ts): a
 * `pattern` or `anyPattern` without variables, `deny` conditions, or a foreach of those, each with or
 * without preconditions whose keys and values are literals or single variables: 20 of the 22 rules the
 * webhook bench plans for a Deployment (the other two load context and apply to labelled workloads).
 * When the compiled checks say the rule passes (or its preconditions are not met), the request gets the
 * rule's result built once per rule and index, frozen, and shared by every such request: no scope,
 * outcome or result object. Anything else (fail, error, a check that cannot tell) goes the full way,
 * where the interpreter decides and words the outcome.
 */
import type { CompiledRule } from '../compiled.js';
import type { JsonObject } from '../policy-types.js';
import type { RuleResult } from '../result.js';
import type { FunctionEnv } from '../variables/index.js';
import { compileBlockCheck, PRECONDITIONS_NOT_MET, UNDECIDED, type BlockCheck } from './block-check.js';
import { anyPatternPassMessage, passMessage } from './messages.js';
import { validationResult } from './rule-result.js';
import type { ValidationBlock } from './validate-rule.js';

export { PRECONDITIONS_NOT_MET, UNDECIDED };

export interface QuickLane {
  /**
   * The index of what passed (anyPattern index; 0 otherwise), PRECONDITIONS_NOT_MET, or UNDECIDED when
   * the full evaluation must decide. Never throws.
   */
  check(target: unknown, data: JsonObject, env: FunctionEnv): number;
  /** check() without its try: it may throw where the interpreter would report an error (for callers that catch once for many rules). */
  run: BlockCheck;
  /** The shared, frozen result for an index check returned (not UNDECIDED). */
  result(index: number): RuleResult;
  /** The rule iterates foreach elements: per-element values from a values file need the full way. */
  readsElements: boolean;
}

const lanes = new WeakMap<CompiledRule, QuickLane | null>();

/** The rule's quick lane, or null when it has none; built once per compiled rule, on first use. */
export function quickLaneOf(policyName: string, rule: CompiledRule): QuickLane | null {
  let lane = lanes.get(rule);
  if (lane === undefined) {
    lane = enabled ? buildLane(policyName, rule) : null;
    lanes.set(rule, lane);
  }
  return lane;
}

let enabled = true;
/** Tests only: evaluate every rule the full way, to compare the lane's answers with it. */
export function setQuickLaneEnabled(on: boolean): void {
  enabled = on;
}

function buildLane(policyName: string, rule: CompiledRule): QuickLane | null {
  const r = rule.rule;
  const v = r.validate;
  if (rule.kind !== 'validate' || rule.cel || !v) return null;
  if (v.podSecurity || v.manifests || v.assert || v.cel) return null;
  // The rule's block as evaluate.ts builds it: its validate with the rule's context and preconditions.
  const block: ValidationBlock = { ...v, context: r.context, preconditions: r.preconditions };
  const compiled = compileBlockCheck(block, 0);
  if (compiled === null) return null;
  const isAny = !v.deny && v.pattern === undefined && v.anyPattern !== undefined;
  const isForEach = v.pattern === undefined && v.anyPattern === undefined && !v.deny && v.foreach !== undefined;
  const results: RuleResult[] = [];
  let skipped: RuleResult | undefined;
  return {
    readsElements: isForEach,
    run: compiled,
    check(target, data, env) {
      try {
        return compiled(target, data, env);
      } catch {
        return UNDECIDED;
      }
    },
    result(index) {
      if (index === PRECONDITIONS_NOT_MET) {
        skipped ??= Object.freeze(Object.assign(validationResult(policyName, rule, 'skip', 'preconditions not met'), { reason: 'PRECONDITIONS_NOT_MET' }));
        return skipped;
      }
      let result = results[index];
      if (result === undefined) {
        const message = isForEach ? 'rule passed' : isAny ? anyPatternPassMessage(r.name, index) : passMessage(r.name);
        results[index] = result = Object.freeze(validationResult(policyName, rule, 'pass', message));
      }
      return result;
    },
  };
}
