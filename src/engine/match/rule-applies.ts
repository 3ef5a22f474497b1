/**
 * Does a rule apply to a request? match && !exclude, plus Policy namespace scoping: a namespaced Policy only
 * sees resources of its own namespace (Kyverno MatchesResourceDescription, "policy and resource namespaces
 * mismatch"). Exclude is only consulted once match succeeded, as in Kyverno.
 */
import type { MatchResources, Rule } from '../policy-types.js';
import type { AdmissionInput, Operation } from '../request.js';
import { compiledFor, compileMatch, type CompiledMatch, type MatchOutcome } from './match-resources.js';
import { RecentCache } from '../recent-cache.js';
import { buildMatchSubject, type MatchSubject } from './subject.js';

export interface MatchOptions {
  /** Namespace of a namespaced Policy; unset for ClusterPolicy. */
  policyNamespace?: string;
  /** For checkMatchResources: evaluate the block as an exclude block (`matched` then means excluded). */
  isExclude?: boolean;
  /**
   * Apply the operations Kyverno registers its webhooks for when no match filter lists `operations`
   * (mutate and verifyImages, served by the mutating webhooks: CREATE, UPDATE; others: CREATE, UPDATE, DELETE,
   * CONNECT). The engine itself, like Kyverno's, checks operations only when a filter lists them; the webhook
   * path sets this so that, e.g., a mutate rule never runs on DELETE. https://kyverno.io/docs/writing-policies/match-exclude/#configure-webhooks
   */
  applyWebhookDefaults?: boolean;
}

export interface RuleMatchOutcome {
  applies: boolean;
  reason?: string;
}

const ALL_OPERATIONS: readonly Operation[] = ['CREATE', 'UPDATE', 'DELETE', 'CONNECT'];
const MUTATE_OPERATIONS: readonly Operation[] = ['CREATE', 'UPDATE'];

/** Operations Kyverno's webhook receives for a rule that names none. */
export function webhookDefaultOperations(rule: Rule): readonly Operation[] {
  return rule.mutate || rule.verifyImages ? MUTATE_OPERATIONS : ALL_OPERATIONS;
}

function listsOperations(block: MatchResources | undefined): boolean {
  if (!block) return false;
  const filters = [...(block.any ?? []), ...(block.all ?? []), { resources: block.resources }];
  return filters.some((f) => (f.resources?.operations?.length ?? 0) > 0);
}

/**
 * buildMatchSubject memoised per request: every rule of every policy reads the same request (a
 * RecentCache, not a WeakMap: see recent-cache.ts). Treat inputs as immutable: after a mutation pass a new
 * input or at least a new `object` (the cache checks its identity).
 */
const subjects = new RecentCache<AdmissionInput, { object: unknown; oldObject: unknown; subject: MatchSubject }>(2);

export function subjectFor(input: AdmissionInput): MatchSubject {
  const hit = subjects.get(input);
  if (hit && hit.object === input.object && hit.oldObject === input.oldObject) return hit.subject;
  const subject = buildMatchSubject(input);
  subjects.set(input, { object: input.object, oldObject: input.oldObject, subject });
  return subject;
}

function precheck(s: MatchSubject, policyNamespace: string | undefined): string | undefined {
  if (!s.hasResource) return 'resource is empty';
  if (policyNamespace && policyNamespace !== s.namespace) return 'policy and resource namespaces mismatch';
  return undefined;
}

export type CompiledRuleMatch = ((s: MatchSubject) => RuleMatchOutcome) & {
  /** The outcome's `applies` alone, without building a reason (the quick lane's question; see CompiledMatch.test). */
  readonly test: (s: MatchSubject) => boolean;
};

const APPLIES: RuleMatchOutcome = Object.freeze({ applies: true });

/**
 * The kinds of a match block that selects by plain kind names only (`any` or the legacy block; each filter
 * has `resources.kinds` and nothing else; names without group, version, subresource or wildcards), else
 * undefined. Such a block matches a plain request exactly when its kind is in the set: most rules look
 * like this, and the set lookup replaces running every filter.
 */
function plainKindsOf(block: MatchResources | undefined): ReadonlySet<string> | undefined {
  if (!block || block.all?.length) return undefined;
  const legacy = block.roles?.length || block.clusterRoles?.length || block.subjects?.length;
  const filters = block.any?.length ? block.any : legacy ? [] : block.resources ? [{ resources: block.resources }] : [];
  if (filters.length === 0) return undefined;
  const kinds = new Set<string>();
  for (const f of filters) {
    const extra = Object.keys(f).filter((k) => k !== 'resources');
    const r = f.resources ?? {};
    if (extra.some((k) => f[k as keyof typeof f] !== undefined)) return undefined;
    if (Object.keys(r).some((k) => k !== 'kinds' && r[k as keyof typeof r] !== undefined)) return undefined;
    if (!r.kinds?.length) return undefined;
    for (const k of r.kinds) {
      if (!/^[A-Za-z0-9]+$/.test(k)) return undefined;
      kinds.add(k);
    }
  }
  return kinds;
}

export function compileRuleMatch(rule: Rule, opts: MatchOptions = {}, memo = false): CompiledRuleMatch {
  const build = (b: MatchResources, ex: boolean): CompiledMatch => (memo ? compiledFor(b, ex) : compileMatch(b, ex));
  const match = build(rule.match ?? {}, false);
  const exclude = rule.exclude ? build(rule.exclude, true) : undefined;
  const ops = opts.applyWebhookDefaults && !listsOperations(rule.match) ? webhookDefaultOperations(rule) : undefined;
  const plainKinds = plainKindsOf(rule.match);
  const outcome = (s: MatchSubject): RuleMatchOutcome => {
    const pre = precheck(s, opts.policyNamespace);
    if (pre) return { applies: false, reason: pre };
    if (ops && !ops.includes(s.operation)) return { applies: false, reason: `operation ${s.operation} is not handled by this rule` };
    // A plain kind in the set is a match without running the filters (a miss still runs them, for the reason).
    if (plainKinds && !exclude && s.subresource === '' && plainKinds.has(s.gvk.kind)) return APPLIES;
    const m = match(s);
    if (!m.matched) return { applies: false, reason: m.reason ?? 'rule not matched' };
    const ex = exclude?.(s);
    if (ex?.matched) return { applies: false, reason: ex.reason ?? 'resource excluded' };
    return APPLIES;
  };
  // outcome(s).applies, step for step.
  const test = (s: MatchSubject): boolean => {
    if (precheck(s, opts.policyNamespace) !== undefined) return false;
    if (ops && !ops.includes(s.operation)) return false;
    if (plainKinds && !exclude && s.subresource === '' && plainKinds.has(s.gvk.kind)) return true;
    return match.test(s) && !(exclude?.test(s) ?? false);
  };
  return Object.assign(outcome, { test });
}

const compiledRules = new WeakMap<Rule, Map<string, CompiledRuleMatch>>();

/** Rules of ClusterPolicies on the engine's own path (no namespace, no webhook defaults): no key to build. */
const plainRules = new WeakMap<Rule, CompiledRuleMatch>();

export function ruleApplies(rule: Rule, input: AdmissionInput, opts: MatchOptions = {}): RuleMatchOutcome {
  return compiledRuleMatchFor(rule, opts)(subjectFor(input));
}

/** The rule's match compiled for these options, built on first use and kept per rule (see preparePolicySet). */
export function compiledRuleMatchFor(rule: Rule, opts: MatchOptions = {}): CompiledRuleMatch {
  if (opts.policyNamespace === undefined && !opts.applyWebhookDefaults) {
    let plain = plainRules.get(rule);
    if (!plain) plainRules.set(rule, (plain = compileRuleMatch(rule, {}, true)));
    return plain;
  }
  const key = `${opts.policyNamespace ?? ''}|${opts.applyWebhookDefaults ? 1 : 0}`;
  let byOpts = compiledRules.get(rule);
  if (!byOpts) compiledRules.set(rule, (byOpts = new Map()));
  let fn = byOpts.get(key);
  if (!fn) byOpts.set(key, (fn = compileRuleMatch(rule, opts, true)));
  return fn;
}

export function checkMatchResources(block: MatchResources, input: AdmissionInput, opts: MatchOptions = {}): MatchOutcome {
  const s = subjectFor(input);
  if (!opts.isExclude) {
    const pre = precheck(s, opts.policyNamespace);
    if (pre) return { matched: false, reason: pre };
  }
  return compiledFor(block, opts.isExclude ?? false)(s);
}
