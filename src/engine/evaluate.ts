/**
 * evaluatePolicy: runs one compiled policy's validate rules against one request, in Kyverno's order
 * (match/exclude, exceptions, context, preconditions, validation) and returns one RuleResult per rule
 * that applied. A throw inside a rule is a programmer error: it becomes `status: 'error'` here.
 */
import { evaluateCelRule } from './cel-policies/index.js';
import type { CompiledPolicy, CompiledRule } from './compiled.js';
import { andThen, isPromise, type MaybePromise } from './maybe-promise.js';
import { buildRequestData, setDottedPath } from './context/index.js';
import { findException, findPodSecurityExceptions, type ExceptionQuery } from './exceptions/index.js';
import { compiledRuleMatchFor, ruleApplies } from './match/index.js';
import { evaluatePodSecurityRule, type PodSecurityException } from './pod-security/index.js';
import type { JsonObject, PolicyException } from './policy-types.js';
import type { AdmissionInput, EngineDeps } from './request.js';
import type { RuleResult } from './result.js';
import { matchOptionsOf, policyPlanFor, runLanes } from './rule-plan.js';
import { PRECONDITIONS_NOT_MET, quickLaneOf, UNDECIDED, type QuickLane } from './validate/quick-lane.js';
import { validationResult } from './validate/rule-result.js';
import { prepareValidationBlock, validateBlock, type ValidationBlock } from './validate/validate-rule.js';
import type { Outcome } from './validate/outcome.js';
import type { RuleScope } from './validate/scope.js';

export interface EvaluateOptions {
  exceptions?: readonly PolicyException[];
  /**
   * `buildRequestData(input)`, computed once per request by evaluatePolicySet and shared by every policy
   * (it parses every image reference: 10% of a request's time when rebuilt per policy). Read-only.
   */
  requestData?: JsonObject;
}

/** Read-only defaults shared by every call (frozen: a writer would be a bug, and would throw). */
const NO_OVERRIDES: Record<string, unknown> = Object.freeze({});

/** The time-only view of the deps that rules get (`{ now }`), made once per deps object (per request). */
const envs = new WeakMap<EngineDeps, { now(): Date }>();
export function envOf(deps: EngineDeps): { now(): Date } {
  let env = envs.get(deps);
  if (!env) envs.set(deps, (env = { now: () => deps.now() }));
  return env;
}

export async function evaluatePolicy(
  policy: CompiledPolicy,
  input: AdmissionInput,
  deps: EngineDeps,
  opts: EvaluateOptions = {},
): Promise<RuleResult[]> {
  return evaluatePolicyNow(policy, input, deps, opts);
}

/** One policy's evaluation in progress (a plain record, so that no closure is made per policy per request). */
interface PolicyRun {
  policy: CompiledPolicy;
  input: AdmissionInput;
  deps: EngineDeps;
  opts: EvaluateOptions;
  results: RuleResult[];
  resourceName: string;
  baseData: JsonObject;
  env: { now(): Date };
  matchOpts: { policyNamespace?: string };
}

/**
 * Whether the planned lanes (rule-plan.ts) may answer a request: a plain one (no subresource, no
 * deletion), without values from a values file and without PolicyExceptions in play.
 */
export function lanesMayAnswer(input: AdmissionInput, deps: EngineDeps, exceptions: readonly PolicyException[] | undefined): boolean {
  return !input.subResource && input.operation !== 'DELETE' && deps.values === undefined && !exceptions?.length;
}

/** evaluatePolicy, synchronous when every rule that applies is (no context lookups): see maybe-promise.ts. */
export function evaluatePolicyNow(
  policy: CompiledPolicy,
  input: AdmissionInput,
  deps: EngineDeps,
  opts: EvaluateOptions = {},
): MaybePromise<RuleResult[]> {
  // A plain request: the policy's planned lanes answer when every rule that applies has one (rule-plan.ts).
  if (lanesMayAnswer(input, deps, opts.exceptions)) {
    const data = opts.requestData ?? buildRequestData(input);
    const answered = runLanes(policyPlanFor(policy, input.kind.kind), policy, input, data, envOf(deps));
    if (answered !== undefined) return answered;
    if (opts.requestData === undefined) return evaluatePolicyFully(policy, input, deps, Object.assign({}, opts, { requestData: data }));
  }
  return evaluatePolicyFully(policy, input, deps, opts);
}

/** evaluatePolicyNow without the planned lanes: every rule through the general loop (which still tries each rule's lane). */
export function evaluatePolicyFully(policy: CompiledPolicy, input: AdmissionInput, deps: EngineDeps, opts: EvaluateOptions): MaybePromise<RuleResult[]> {
  const resource = input.object ?? input.oldObject;
  const run: PolicyRun = {
    policy,
    input,
    deps,
    opts,
    results: [],
    resourceName: String((resource?.metadata as JsonObject | undefined)?.name ?? input.name ?? ''),
    baseData: opts.requestData ?? buildRequestData(input),
    env: envOf(deps),
    // Built once per policy, not per rule: the webhook evaluates every rule of every policy per request.
    matchOpts: matchOptionsOf(policy),
  };
  return runRules(run, 0);
}

function runRules(run: PolicyRun, start: number): MaybePromise<RuleResult[]> {
  const { policy, input, deps, opts, results } = run;
  const rules = policy.rules;
  // Subresource requests match by their parent kind, so only plain requests can skip a rule by its kinds.
  const kind = input.subResource ? undefined : input.kind.kind;
  for (let i = start; i < rules.length; i++) {
    const rule = rules[i] as CompiledRule;
    if (rule.kind !== 'validate') continue;
    if (kind !== undefined && rule.kinds !== undefined && !rule.kinds.has(kind)) continue;
    if (!ruleApplies(rule.rule, input, run.matchOpts).applies) continue;
    const overrides = deps.values?.forResource(policy.name, run.resourceName, rule.autogenOf ?? rule.name) ?? NO_OVERRIDES;
    let data = run.baseData;
    if (overrides !== NO_OVERRIDES) for (const [k, v] of Object.entries(overrides)) data = setDottedPath(data, k, v);
    const exQuery = opts.exceptions?.length ? exceptionQuery(run, rule, data) : undefined;
    const exception = exQuery ? findException(opts.exceptions ?? [], exQuery) : undefined;
    if (exception !== undefined) {
      const skipped = validationResult(policy.name, rule, 'skip', `rule is skipped due to policy exception ${exception}`);
      results.push(Object.assign(skipped, { reason: 'EXCEPTION', exception }));
      continue;
    }
    // Most rules pass most requests: a rule whose checks compile answers here with its shared result.
    if (overrides === NO_OVERRIDES && input.operation !== 'DELETE') {
      const lane = quickLaneOf(policy.name, rule);
      const index = lane === null || (lane.readsElements && deps.values?.foreachValues) ? UNDECIDED : lane.check(input.object ?? input.oldObject, data, run.env);
      if (index !== UNDECIDED) {
        results.push((lane as QuickLane).result(index));
        // applyRules: One stops at the first rule that passed (a skip goes on).
        if (policy.applyRules === 'One' && index !== PRECONDITIONS_NOT_MET) break;
        continue;
      }
    }
    const inputs: RuleInputs = { data, overrides, env: run.env };
    if (exQuery && rule.rule.validate?.podSecurity) inputs.psExceptions = findPodSecurityExceptions(opts.exceptions ?? [], exQuery);
    const out = evaluateRule(policy, rule, input, deps, inputs);
    // The rest of the policy continues once this rule's lookups are done.
    if (isPromise(out)) return out.then((o) => (recordOutcome(run, rule, o) ? results : runRules(run, i + 1)));
    if (recordOutcome(run, rule, out)) break;
  }
  return results;
}

function exceptionQuery(run: PolicyRun, rule: CompiledRule, data: JsonObject): ExceptionQuery {
  const q: ExceptionQuery = { policyName: run.policy.name, ruleName: rule.name, input: run.input, data, env: run.env, podSecurityRule: !!rule.rule.validate?.podSecurity };
  if (run.policy.namespace !== undefined) q.policyNamespace = run.policy.namespace;
  return q;
}

/** Records one rule's outcome; true when applyRules: One stops the policy here. */
function recordOutcome(run: PolicyRun, rule: CompiledRule, out: RuleOutcome): boolean {
  if (!out) return false;
  const { policy, input } = run;
  const result = validationResult(policy.name, rule, out.status, out.message);
  if (out.exception !== undefined) result.exception = out.exception;
  if (out.path !== undefined) result.path = out.path;
  if (out.reason !== undefined) result.reason = out.reason;
  if (out.status === 'fail') {
    result.action = policy.actionFor(rule, input.namespace, input.namespaceLabels);
    if (!policy.scored) result.status = 'warn';
  }
  run.results.push(result);
  return policy.applyRules === 'One' && (out.status === 'pass' || out.status === 'fail');
}

/** Builds now the policy's rule plans (rule-plan.ts) for every kind it names. For preparePolicySet. */
export function preparePolicyEvaluation(policy: CompiledPolicy): void {
  for (const kind of policy.kinds ?? []) policyPlanFor(policy, kind);
}

/**
 * Builds now what evaluating this rule builds on first use: its compiled match (for the options
 * evaluatePolicy uses), its quick lane and its validate block's plans. For preparePolicySet.
 */
export function prepareRuleEvaluation(policy: CompiledPolicy, rule: CompiledRule): void {
  if (rule.kind !== 'validate') return;
  compiledRuleMatchFor(rule.rule, matchOptionsOf(policy));
  const v = rule.rule.validate;
  if (rule.cel || !v || v.podSecurity) return;
  quickLaneOf(policy.name, rule);
  // The full way too: the lane leaves every failure to it.
  prepareValidationBlock(blockOf(rule));
}

/** The validate block of a rule, built once per compiled rule rather than spread on every request. */
const blocks = new WeakMap<CompiledRule, ValidationBlock>();
function blockOf(rule: CompiledRule): ValidationBlock {
  let block = blocks.get(rule);
  if (!block) {
    block = { ...rule.rule.validate, context: rule.rule.context, preconditions: rule.rule.preconditions };
    blocks.set(rule, block);
  }
  return block;
}

interface RuleInputs {
  data: JsonObject;
  overrides: Record<string, unknown>;
  env: { now(): Date };
  psExceptions?: PodSecurityException[];
}

type RuleOutcome = (Outcome & { exception?: string }) | undefined;

/** A throw inside a rule is a programmer error: it becomes the rule's error result, never the request's. */
function evaluateRule(policy: CompiledPolicy, rule: CompiledRule, input: AdmissionInput, deps: EngineDeps, r: RuleInputs): MaybePromise<RuleOutcome> {
  try {
    const out = evaluateRuleUnguarded(policy, rule, input, deps, r);
    return isPromise(out) ? out.catch((err: unknown) => internalError(rule, err)) : out;
  } catch (err) {
    return internalError(rule, err);
  }
}

function internalError(rule: CompiledRule, err: unknown): RuleOutcome {
  return { status: 'error', message: `rule ${rule.name} failed: ${err instanceof Error ? err.message : String(err)}`, reason: 'INTERNAL' };
}

const NO_PS_EXCEPTIONS: readonly PodSecurityException[] = Object.freeze([]);

function evaluateRuleUnguarded(policy: CompiledPolicy, rule: CompiledRule, input: AdmissionInput, deps: EngineDeps, r: RuleInputs): MaybePromise<RuleOutcome> {
  if (rule.cel) {
    const r = evaluateCelRule(rule.cel, input, {
      policy: policy.name,
      now: deps.now(),
      ...(deps.paramLookup ? { paramLookup: deps.paramLookup } : {}),
    });
    return { status: r.status, message: r.message, ...(r.reason ? { reason: r.reason } : {}) };
  }
  const v = rule.rule.validate ?? {};
  if (v.podSecurity) {
    const enforce = policy.actionFor(rule, input.namespace, input.namespaceLabels) === 'Enforce';
    return evaluatePodSecurityRule(rule.rule, input, { data: r.data, deps, env: r.env, overrides: r.overrides, exceptions: r.psExceptions ?? NO_PS_EXCEPTIONS, enforce });
  }
  if (v.manifests || v.assert) {
    return { status: 'error', message: 'this validate rule type is not supported yet', reason: 'UNSUPPORTED' };
  }
  const isPatternRule = v.pattern !== undefined || v.anyPattern !== undefined;
  if (isPatternRule && input.operation === 'DELETE') return undefined; // Kyverno skips patterns on deleted resources
  const scope: RuleScope = {
    rule: rule.rule,
    data: r.data,
    target: input.object ?? input.oldObject,
    deps,
    env: r.env,
    nesting: 0,
    overrides: r.overrides,
  };
  const feValues = deps.values?.foreachValues?.(policy.name, rule.autogenOf ?? rule.name);
  if (feValues) scope.foreachValues = feValues;
  const block = blockOf(rule);
  const oldObject = input.oldObject;
  const res = validateBlock(block, scope, v.message);
  // Only a pattern rule on UPDATE may look at the old object: every other request returns the outcome as
  // it is, without a continuation (a closure per rule per request).
  if (!isPatternRule || input.operation !== 'UPDATE' || !oldObject || v.allowExistingViolations === false) return res;
  return andThen(res, (out) => {
    if (out.status !== 'fail') return out;
    const old = validateBlock(block, { ...scope, target: oldObject, data: setDottedPath(r.data, 'request.object', oldObject) }, v.message);
    return andThen(old, (o): RuleOutcome => (o.status === 'fail' ? { status: 'skip', message: 'skipping modified resource as validation results have not changed', reason: 'EXISTING_VIOLATION' } : out));
  });
}
