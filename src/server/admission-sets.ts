/**
 * The two resource webhooks read different slices of one compiled PolicySet, derived once per set:
 * - /mutate: classic policies that have mutate rules, with only those rules (admit() runs them and returns
 *   the patch), plus CEL mutating handlers (MutatingPolicy, MutatingAdmissionPolicy);
 * - /validate: every policy without its mutate rules, and no mutating handlers.
 *
 * Why /validate never mutates: the API server runs mutating admission before validating admission and
 * sends the validating webhook the object as mutated, our /mutate patch included ("In the first phase,
 * mutating admission controllers are run. In the second phase, validating admission controllers are run":
 * https://kubernetes.io/docs/reference/access-authn-authz/admission-controllers/). Mutating again in /validate would apply
 * non-idempotent patches twice (a JSON6902 `add` to a list) and validate an object the API server will
 * never store. The CLI (`guardrail apply`) has no mutating step before it, so it keeps admit()'s
 * mutate-then-validate order on the raw resource.
 */
import type { AdmissionInput, CompiledPolicy, PolicyKindHandler, PolicySet } from '../engine/index.js';
import { ruleApplies } from '../engine/match/index.js';

export interface AdmissionSets {
  mutate: PolicySet;
  validate: PolicySet;
}

const cache = new WeakMap<PolicySet, AdmissionSets>();

export function admissionSetsOf(set: PolicySet): AdmissionSets {
  let sets = cache.get(set);
  if (!sets) cache.set(set, (sets = split(set)));
  return sets;
}

/** The handlers of src/engine/cel-mutate offer `mutate()` besides `evaluate()`. */
function isMutating(h: PolicyKindHandler): boolean {
  return typeof (h as { mutate?: unknown }).mutate === 'function';
}

function withRules(p: CompiledPolicy, keep: (kind: string) => boolean): CompiledPolicy | undefined {
  const rules = p.rules.filter((r) => keep(r.kind));
  if (rules.length === 0) return undefined;
  // A plain object spread keeps actionFor (an own property) and `source` (admit mutates from it).
  return rules.length === p.rules.length ? p : { ...p, rules };
}

function split(set: PolicySet): AdmissionSets {
  const some = <T>(xs: Array<T | undefined>): T[] => xs.filter((x): x is T => x !== undefined);
  return {
    mutate: {
      ...set,
      classic: some(set.classic.map((p) => withRules(p, (k) => k === 'mutate'))),
      handlers: set.handlers.filter(isMutating),
    },
    validate: {
      ...set,
      classic: some(set.classic.map((p) => withRules(p, (k) => k !== 'mutate'))),
      handlers: set.handlers.filter((h) => !isMutating(h)),
    },
  };
}

/**
 * Name and failurePolicy of the policies of a slice that were in play for a request (for the evaluation
 * deadline's answer): classic policies with a rule that matches it, and every handler (CEL kinds match
 * inside their own evaluation, and do not expose their failurePolicy yet: Kyverno's default, Fail).
 * Kyverno gets the same effect by registering Fail and Ignore policies in separate webhooks.
 */
export function failurePoliciesInPlay(set: PolicySet, input: AdmissionInput): Array<{ name: string; failurePolicy: 'Fail' | 'Ignore' }> {
  const applies = (p: CompiledPolicy) =>
    p.rules.some((r) => ruleApplies(r.rule, input, { applyWebhookDefaults: true, ...(p.namespace !== undefined ? { policyNamespace: p.namespace } : {}) }).applies);
  return [
    ...set.classic.filter(applies).map((p) => ({ name: p.name, failurePolicy: p.failurePolicy })),
    ...set.handlers.map((h) => ({ name: h.name, failurePolicy: 'Fail' as const })),
  ];
}
