/**
 * Per policy and request kind, what evaluatePolicy would look up rule by rule on every request: the
 * validate rules that can apply to that kind (a Deployment skips the Pod and CronJob forms of autogen
 * rules), each with its compiled match and quick lane. Built on first use per kind (and for every kind
 * a policy names, by preparePolicySet) and kept with the compiled policy, which never changes.
 * When every planned rule that applies has a quick lane, runLanes answers a plain request (no exceptions,
 * values or deletion) without the general loop: no per-policy run record, no lookups per rule. Its answer is a
 * frozen array, the same one for every request with the same shared results.
 */
import type { CompiledPolicy, CompiledRule } from './compiled.js';
import { compiledRuleMatchFor, subjectFor, type CompiledRuleMatch, type MatchOptions, type MatchSubject } from './match/index.js';
import type { JsonObject } from './policy-types.js';
import type { AdmissionInput } from './request.js';
import type { RuleResult } from './result.js';
import type { FunctionEnv } from './variables/index.js';
import { PRECONDITIONS_NOT_MET, quickLaneOf, UNDECIDED, type QuickLane } from './validate/quick-lane.js';

export interface PlannedRule {
  rule: CompiledRule;
  match: CompiledRuleMatch;
  lane: QuickLane | null;
}

export interface PolicyPlan {
  rules: readonly PlannedRule[];
  /** The frozen results runLanes answered last; an equal answer is this same array (see policy-set.ts). */
  shared?: readonly RuleResult[];
}

const plans = new WeakMap<CompiledPolicy, Map<string, PolicyPlan>>();

/** Frozen: shared by every ClusterPolicy's matches. */
const NO_MATCH_OPTIONS: MatchOptions = Object.freeze({});

/** The match options evaluation uses for a policy's rules (a Policy only matches in its namespace). */
export function matchOptionsOf(policy: CompiledPolicy): MatchOptions {
  return policy.namespace !== undefined ? { policyNamespace: policy.namespace } : NO_MATCH_OPTIONS;
}

/** The plan of `policy` for plain (non-subresource) requests of `kind`. */
export function policyPlanFor(policy: CompiledPolicy, kind: string): PolicyPlan {
  let byKind = plans.get(policy);
  if (byKind === undefined) plans.set(policy, (byKind = new Map()));
  let plan = byKind.get(kind);
  if (plan === undefined) {
    const rules: PlannedRule[] = [];
    const matchOpts = matchOptionsOf(policy);
    for (const rule of policy.rules) {
      if (rule.kind !== 'validate' || (rule.kinds !== undefined && !rule.kinds.has(kind))) continue;
      rules.push({ rule, match: compiledRuleMatchFor(rule.rule, matchOpts), lane: quickLaneOf(policy.name, rule) });
    }
    plan = { rules };
    byKind.set(kind, plan);
  }
  return plan;
}

/**
 * The results of a policy when every planned rule that applies has a lane, in evaluatePolicy's order and
 * with its applyRules handling; undefined as soon as one applies without a lane or a lane cannot tell
 * (the caller then evaluates the policy the full way: lanes have no side effects, so starting over is
 * safe).
 */
export function runLanes(
  plan: PolicyPlan,
  policy: CompiledPolicy,
  input: AdmissionInput,
  data: JsonObject,
  env: FunctionEnv,
  subject: MatchSubject = subjectFor(input),
): RuleResult[] | undefined {
  try {
    return runLanesUnguarded(plan, policy, input, data, env, subject);
  } catch {
    // A check threw where the interpreter reports an error: the full way words it.
    return undefined;
  }
}

function runLanesUnguarded(plan: PolicyPlan, policy: CompiledPolicy, input: AdmissionInput, data: JsonObject, env: FunctionEnv, subject: MatchSubject): RuleResult[] | undefined {
  const target = input.object ?? input.oldObject;
  // Compared with the plan's shared answer as it goes: an array is made only for a different answer.
  const shared = plan.shared;
  let fresh: RuleResult[] | undefined;
  let n = 0;
  for (const planned of plan.rules) {
    if (!planned.match.test(subject)) continue;
    const lane = planned.lane;
    // A rule without a lane that applies: the full way evaluates the policy.
    if (lane === null) return undefined;
    const index = lane.run(target, data, env);
    if (index === UNDECIDED) return undefined;
    const result = lane.result(index);
    if (fresh === undefined && (shared === undefined || shared[n] !== result)) fresh = shared === undefined ? [] : shared.slice(0, n);
    if (fresh !== undefined) fresh.push(result);
    n++;
    if (policy.applyRules === 'One' && index !== PRECONDITIONS_NOT_MET) break;
  }
  if (fresh === undefined) {
    if (shared !== undefined && n === shared.length) return shared as RuleResult[];
    fresh = shared === undefined ? [] : shared.slice(0, n);
  }
  // The new answer is the one shared from now on (requests of one kind mostly repeat their answer).
  plan.shared = Object.freeze(fresh);
  return fresh;
}
