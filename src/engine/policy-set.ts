/**
 * A PolicySet is every policy the engine serves, compiled once: Kyverno ClusterPolicy/Policy, CEL policy
 * kinds, and PolicyExceptions. The webhook, the CLI and background scans all evaluate through
 * evaluatePolicySet, so they cannot disagree.
 */
import { compilePolicy } from './compile.js';
import { buildRequestData } from './context/index.js';
import type { CompiledPolicy } from './compiled.js';
import { envOf, evaluatePolicyFully, evaluatePolicyNow, lanesMayAnswer, preparePolicyEvaluation, prepareRuleEvaluation, type EvaluateOptions } from './evaluate.js';
import { policyPlanFor, runLanes, type PolicyPlan } from './rule-plan.js';
import { isPromise, type MaybePromise } from './maybe-promise.js';
import { subjectFor, type MatchSubject } from './match/index.js';
import { mutatePolicies } from './mutate/index.js';
import { createJsonPatch, type JsonPatchOp } from './patch/index.js';
import type { JsonObject, KyvernoPolicy, PolicyException } from './policy-types.js';
import type { AdmissionInput, EngineDeps } from './request.js';
import type { Issue, RuleResult } from './result.js';

export interface PolicyResponse {
  policy: string;
  /** ClusterPolicy, Policy, ValidatingPolicy, ValidatingAdmissionPolicy, ... */
  kind: string;
  namespace?: string;
  results: RuleResult[];
}

/** A non-Kyverno-classic policy kind plugged into the set (CEL kinds); see src/engine/cel-policies. */
export interface PolicyKindHandler {
  readonly kind: string;
  readonly name: string;
  evaluate(input: AdmissionInput, deps: EngineDeps): RuleResult[] | Promise<RuleResult[]>;
  /** Mutating kinds (MutatingPolicy, MutatingAdmissionPolicy): the results and the mutated object. */
  mutate?(input: AdmissionInput, deps: EngineDeps): HandlerMutation | Promise<HandlerMutation>;
}

export interface HandlerMutation {
  results: RuleResult[];
  /** The mutated object; undefined when nothing changed. */
  patched?: JsonObject | undefined;
}

export interface PolicySet {
  readonly classic: readonly CompiledPolicy[];
  readonly handlers: readonly PolicyKindHandler[];
  readonly exceptions: readonly PolicyException[];
  /** Problems of documents that were rejected whole, with the document's kind and name. */
  readonly rejected: ReadonlyArray<{ kind: string; name: string; issues: Issue[] }>;
  /** Kinds that are recognised as policies but not evaluated yet, by name. */
  readonly unsupported: ReadonlyArray<{ kind: string; name: string }>;
}

export const KYVERNO_CLASSIC_KINDS = new Set(['ClusterPolicy', 'Policy']);

export interface OtherKindsResult {
  handlers: PolicyKindHandler[];
  rejected: Array<{ kind: string; name: string; issues: Issue[] }>;
  /** The documents the compiler took (the rest are reported as unsupported). */
  consumed: Set<Record<string, unknown>>;
}

export interface PolicySetOptions {
  /** Compiles the other policy kinds together (bindings and exceptions refer across documents). */
  compileOthers?: (docs: Record<string, unknown>[]) => OtherKindsResult;
}

export function buildPolicySet(docs: readonly Record<string, unknown>[], opts: PolicySetOptions = {}): PolicySet {
  const classic: CompiledPolicy[] = [];
  const handlers: PolicyKindHandler[] = [];
  const exceptions: PolicyException[] = [];
  const rejected: Array<{ kind: string; name: string; issues: Issue[] }> = [];
  const unsupported: Array<{ kind: string; name: string }> = [];
  const others: Record<string, unknown>[] = [];
  for (const doc of docs) {
    const kind = String(doc.kind ?? '');
    const name = String((doc.metadata as { name?: string } | undefined)?.name ?? '');
    const apiVersion = String(doc.apiVersion ?? '');
    if (KYVERNO_CLASSIC_KINDS.has(kind) && apiVersion.startsWith('kyverno.io/')) {
      const r = compilePolicy(doc as unknown as KyvernoPolicy);
      if (r.ok) classic.push(r.policy);
      else rejected.push({ kind, name, issues: r.issues });
    } else if (kind === 'PolicyException' && apiVersion.startsWith('kyverno.io/')) {
      exceptions.push(doc as unknown as PolicyException);
    } else {
      others.push(doc);
    }
  }
  const compiled = opts.compileOthers?.(others);
  if (compiled) {
    handlers.push(...compiled.handlers);
    rejected.push(...compiled.rejected);
  }
  for (const doc of others) {
    if (compiled?.consumed.has(doc)) continue;
    unsupported.push({ kind: String(doc.kind ?? ''), name: String((doc.metadata as { name?: string } | undefined)?.name ?? '') });
  }
  return { classic, handlers, exceptions, rejected, unsupported };
}

export interface AdmissionOutcome {
  /** One response per policy: its mutate rule results first, then its validate rule results. */
  responses: PolicyResponse[];
  /** The object after every mutate rule (null when the request has none, e.g. DELETE). */
  patched: JsonObject | null;
  /** RFC 6902 patch from the request's object to `patched`; empty when nothing changed. */
  patches: JsonPatchOp[];
  /** The object after each policy's mutations, in order (what `kyverno test` compares). */
  byPolicy: Array<{ policy: string; resource: JsonObject | null }>;
}

export type AdmitOptions = Omit<EvaluateOptions, 'exceptions'> & {
  extraExceptions?: readonly PolicyException[];
  /** Webhook path: Kyverno's default webhook operations apply to rules that list none. */
  applyWebhookDefaults?: boolean;
};

/** The policies of a set that have mutate rules, found once per (immutable) set. */
const mutatingBySet = new WeakMap<PolicySet, readonly CompiledPolicy[]>();
function mutatingOf(set: PolicySet): readonly CompiledPolicy[] {
  let list = mutatingBySet.get(set);
  if (!list) mutatingBySet.set(set, (list = set.classic.filter((p) => p.rules.some((r) => r.kind === 'mutate'))));
  return list;
}

/** Whether a request must build the `images` variable: some policy or exception of the set may read it. */
const imagesBySet = new WeakMap<PolicySet, boolean>();
function readsImages(set: PolicySet, extra: readonly PolicyException[] | undefined): boolean {
  let reads = imagesBySet.get(set);
  if (reads === undefined) {
    reads = set.classic.some((p) => p.readsImages) || set.exceptions.some((e) => JSON.stringify(e).includes('images'));
    imagesBySet.set(set, reads);
  }
  return reads || (extra?.some((e) => JSON.stringify(e).includes('images')) ?? false);
}

/**
 * Kyverno's order: every mutate rule of every policy runs first (each sees the previous patches), then
 * every validate rule sees the mutated object.
 */
export async function admit(set: PolicySet, input: AdmissionInput, deps: EngineDeps, opts: AdmitOptions = {}): Promise<AdmissionOutcome> {
  const exceptions = opts.extraExceptions ? [...set.exceptions, ...opts.extraExceptions] : set.exceptions;
  const mutating = mutatingOf(set);
  const mutation = mutating.length
    ? await mutatePolicies(mutating.map((p) => p.source), input, deps, {
        exceptions,
        ...(opts.applyWebhookDefaults ? { applyWebhookDefaults: true } : {}),
      })
    : undefined;
  let patched = mutation?.resource ?? input.object;
  const byPolicy = [...(mutation?.byPolicy ?? [])];
  const handlerMutations = new Map<PolicyKindHandler, RuleResult[]>();
  for (const h of set.handlers) {
    if (!h.mutate || !patched) continue;
    const out = await h.mutate({ ...input, object: patched }, deps);
    handlerMutations.set(h, out.results);
    patched = out.patched ?? patched;
    byPolicy.push({ policy: h.name, resource: patched });
  }
  const validateInput = patched !== input.object ? { ...input, object: patched } : input;
  const responses: PolicyResponse[] = [];
  const evaluate = classicEvaluator(set, validateInput, deps, opts, exceptions);
  for (const p of set.classic) {
    let results = evaluate(p);
    if (isPromise(results)) results = await results;
    const mutateResults = mutation ? mutation.results.filter((r) => r.policy === p.name) : undefined;
    responses.push(responseOf(p, mutateResults?.length ? [...mutateResults, ...results] : results));
  }
  for (const h of set.handlers) {
    let results = handlerMutations.get(h) ?? (h.mutate ? [] : h.evaluate(validateInput, deps));
    if (isPromise(results)) results = await results;
    responses.push({ policy: h.name, kind: h.kind, results });
  }
  return {
    responses,
    patched,
    patches: input.object && patched && patched !== input.object ? createJsonPatch(input.object, patched) : [],
    byPolicy,
  };
}

/**
 * admit() for a set without mutate rules or other policy kinds (the /validate webhook's slice, which is
 * most requests): synchronous while every rule is (no context lookups), so the webhook skips its
 * deadline timer and promise (a timer cannot interrupt synchronous work anyway). Any other set, or a
 * rule that waits on a lookup, takes admit()'s path or ends in a promise; the outcome is the same.
 */
export function admitNow(set: PolicySet, input: AdmissionInput, deps: EngineDeps, opts: AdmitOptions = {}): MaybePromise<AdmissionOutcome> {
  if (mutatingOf(set).length > 0 || set.handlers.length > 0) return admit(set, input, deps, opts);
  const exceptions = opts.extraExceptions ? [...set.exceptions, ...opts.extraExceptions] : set.exceptions;
  const perPolicy = lanesMayAnswer(input, deps, exceptions) ? evaluateByPlan(set, input, deps, opts, exceptions) : set.classic.map(classicEvaluator(set, input, deps, opts, exceptions));
  const waiting = perPolicy.some(isPromise);
  const outcome = (results: readonly RuleResult[][]): AdmissionOutcome => ({
    responses: responsesOf(set, results),
    patched: input.object,
    patches: [],
    byPolicy: [],
  });
  return waiting ? Promise.all(perPolicy).then(outcome) : outcome(perPolicy as RuleResult[][]);
}

/** A policy that cannot apply to the request's kind (frozen: shared by every such response). */
const NO_RESULTS = Object.freeze([]) as readonly RuleResult[] as RuleResult[];

/** Per set (admitNow's): the last outcome whose every policy answered with shared results. */
const lastShared = new WeakMap<PolicySet, { results: readonly RuleResult[][]; responses: PolicyResponse[] }>();

/**
 * The responses of admitNow. When every policy's results are shared (frozen: quick-lane answers, or no
 * rule for the kind), the responses are frozen too, and a request with the same results as the last such
 * one gets the very same array: consumers (decide, the metric tally) recognise a repeated outcome by its
 * identity and do their per-result work once per outcome. Any other outcome is built fresh, as before.
 */
function responsesOf(set: PolicySet, results: readonly RuleResult[][]): PolicyResponse[] {
  const last = lastShared.get(set);
  if (last !== undefined && last.results.length === results.length) {
    let same = true;
    for (let i = 0; i < results.length && same; i++) same = results[i] === last.results[i];
    if (same) return last.responses;
  }
  const shared = results.every((r) => Object.isFrozen(r));
  if (!shared) return set.classic.map((p, i) => responseOf(p, results[i] ?? NO_RESULTS));
  const responses = Object.freeze(set.classic.map((p, i) => Object.freeze(responseWith(p, results[i] ?? NO_RESULTS)))) as PolicyResponse[];
  lastShared.set(set, { results: [...results], responses });
  return responses;
}

/** Per set and request kind: each classic policy's plan (rule-plan.ts), null where the policy cannot apply to the kind. */
const kindPlans = new WeakMap<PolicySet, Map<string, ReadonlyArray<PolicyPlan | null>>>();

function kindPlansOf(set: PolicySet, kind: string): ReadonlyArray<PolicyPlan | null> {
  let byKind = kindPlans.get(set);
  if (byKind === undefined) kindPlans.set(set, (byKind = new Map()));
  let plans = byKind.get(kind);
  if (plans === undefined) {
    plans = set.classic.map((p) => (p.kinds !== undefined && !p.kinds.has(kind) ? null : policyPlanFor(p, kind)));
    byKind.set(kind, plans);
  }
  return plans;
}

/**
 * admitNow's evaluation of a request the planned lanes may answer (lanesMayAnswer): the set's plans for
 * the kind, found with one lookup; each policy answered by its lanes, or the full way when one cannot
 * tell. The same results as classicEvaluator's (quick-lane-agrees.test.ts, prepare.test.ts).
 */
function evaluateByPlan(set: PolicySet, input: AdmissionInput, deps: EngineDeps, opts: AdmitOptions, exceptions: readonly PolicyException[]): MaybePromise<RuleResult[]>[] {
  const plans = kindPlansOf(set, input.kind.kind);
  const env = envOf(deps);
  let data: JsonObject | undefined;
  let subject: MatchSubject | undefined;
  let evalOpts: EvaluateOptions | undefined;
  const out: MaybePromise<RuleResult[]>[] = new Array(plans.length);
  for (let i = 0; i < plans.length; i++) {
    const plan = plans[i];
    if (plan === null || plan === undefined) {
      out[i] = NO_RESULTS;
      continue;
    }
    const p = set.classic[i] as CompiledPolicy;
    data ??= buildRequestData(input, { images: readsImages(set, opts.extraExceptions) });
    // One subject for every policy of the request (subjectFor would look it up per policy).
    subject ??= subjectFor(input);
    const answered = runLanes(plan, p, input, data, env, subject);
    if (answered !== undefined) {
      out[i] = answered;
      continue;
    }
    evalOpts ??= Object.assign({}, opts, { exceptions, requestData: data });
    out[i] = evaluatePolicyFully(p, input, deps, evalOpts);
  }
  return out;
}

/**
 * One request's evaluation of classic policies, shared by admit() and admitNow(). The variable document
 * (request, images...) is the same for every policy: built once, on first use (a request that no policy
 * can match, e.g. a Lease against Pod policies, never needs it), with one options object for every policy.
 */
function classicEvaluator(
  set: PolicySet,
  input: AdmissionInput,
  deps: EngineDeps,
  opts: AdmitOptions,
  exceptions: readonly PolicyException[],
): (p: CompiledPolicy) => MaybePromise<RuleResult[]> {
  let evalOpts: EvaluateOptions | undefined;
  return (p) => {
    // Subresource requests match by their parent kind, so only plain requests can skip by kind.
    if (p.kinds !== undefined && !input.subResource && !p.kinds.has(input.kind.kind)) return NO_RESULTS;
    // Object.assign: a spread with new keys is slow on Node 20 (see context/request-data.ts).
    evalOpts ??= Object.assign({}, opts, { exceptions, requestData: buildRequestData(input, { images: readsImages(set, opts.extraExceptions) }) });
    return evaluatePolicyNow(p, input, deps, evalOpts);
  };
}

function responseOf(p: CompiledPolicy, results: RuleResult[]): PolicyResponse {
  // A fresh empty list per response when it is not a shared (frozen) one.
  return responseWith(p, results === NO_RESULTS ? [] : results);
}

function responseWith(p: CompiledPolicy, results: RuleResult[]): PolicyResponse {
  return p.namespace ? { policy: p.name, kind: p.kind, namespace: p.namespace, results } : { policy: p.name, kind: p.kind, results };
}

/**
 * Builds ahead what admissions build on first use: every validate rule's compiled match, quick lane and
 * plans (prepareRuleEvaluation), and the set's own lookups. A server prepares a set before swapping it
 * in, so the first admission after a (re)load does not compile on the hot path (measured: the first
 * admission after a reload took 4-7 ms with the 22 bench policies and 42-77 ms with 300; 1.7 and 13.5 ms
 * once prepared). Never throws: a rule that cannot be prepared is left to evaluation, which reports its
 * problem as it always did.
 */
export function preparePolicySet(set: PolicySet): void {
  mutatingOf(set);
  readsImages(set, undefined);
  for (const p of set.classic) {
    for (const r of p.rules) {
      try {
        prepareRuleEvaluation(p, r);
      } catch {
        // evaluation reports it
      }
    }
    try {
      preparePolicyEvaluation(p);
    } catch {
      // evaluation reports it
    }
  }
}

/** The verdicts only (mutations applied first, as in admission). */
export async function evaluatePolicySet(set: PolicySet, input: AdmissionInput, deps: EngineDeps, opts: AdmitOptions = {}): Promise<PolicyResponse[]> {
  return (await admit(set, input, deps, opts)).responses;
}
