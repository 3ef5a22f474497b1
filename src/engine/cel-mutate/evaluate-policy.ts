/**
 * evaluateMutatingPolicy: one request against one compiled MutatingPolicy or MutatingAdmissionPolicy.
 * No results means "does not apply" (matchConstraints, or no binding matched).
 *
 * A MutatingAdmissionPolicy with bindings is applied once per matching binding and, within a binding,
 * once per param object, each on the object the previous one produced (the API server's dispatcher);
 * without any binding it is applied unbound, as Kyverno's CLI does, with `ctx.params` when it has a
 * paramKind. A MutatingPolicy applies its own body, or the autogen copy for a pod controller.
 */
import { createJsonPatch } from '../patch/index.js';
import type { JsonObject } from '../policy-types.js';
import type { AdmissionInput } from '../request.js';
import { evaluateMutatingBody, type MutationOutcome } from './evaluate-body.js';
import { mutationResult, type MutatingRuleResult, type MutationResultBase } from './results.js';
import {
  buildActivation,
  createCostBudget,
  kyvernoLibraries,
  matchesResources,
  matchOptions,
  namespaceObjectFrom,
  requestAttributes,
  resolveParams,
  type CelPolicyContext,
  type RequestAttributes,
} from './reuse.js';
import type { CompiledMutatingBinding, CompiledMutatingBody, CompiledMutatingPolicy, MutateOutcome } from './types.js';

export interface MutatingPolicyContext extends Omit<CelPolicyContext, 'bindings' | 'exceptions'> {
  /** MutatingAdmissionPolicyBindings (any policy's; filtered by policyName). */
  bindings?: readonly CompiledMutatingBinding[];
}

const NONE: MutateOutcome = { results: [], patched: undefined, patches: [] };

export function evaluateMutatingPolicy(policy: CompiledMutatingPolicy, input: AdmissionInput, given: MutatingPolicyContext): MutateOutcome {
  // DELETE carries no object to mutate.
  if (input.object === null) return NONE;
  const attrs = requestAttributes(input);
  const ctx = withHostData(policy, given, attrs.namespace);
  const opts = matchOptions(input, { now: ctx.now, namespaceObject: ctx.namespaceObject });
  const body = policy.matchConstraints && matchesResources(policy.matchConstraints, attrs, opts)
    ? policy
    : policy.kind === 'MutatingPolicy' ? policy.autogen.find((a) => matchesResources(a.matchConstraints, attrs, opts)) : undefined;
  if (body === undefined) return NONE;
  const run = createRunner(policy, body, input, attrs, ctx);
  if (policy.kind === 'MutatingPolicy') return finish(input.object, [run(input.object, {})]);
  const bindings = (ctx.bindings ?? []).filter((b) => b.policyName === policy.name);
  if (bindings.length === 0) {
    const params = policy.paramKind === undefined ? null : (ctx.params ?? null);
    return finish(input.object, [run(input.object, { params })]);
  }
  const steps: Step[] = [];
  let current = input.object;
  for (const binding of bindings) {
    // An unset binding matchResources selects everything the policy matches.
    if (binding.matchResources && !matchesResources(binding.matchResources, attrs, opts)) continue;
    const base = { binding: binding.name };
    const params = resolveParams(policy.paramKind, binding.paramRef, attrs.namespace, ctx, 'Deny');
    if (params.kind === 'allow') {
      steps.push({ object: current, result: { ...resultFor(policy, base), status: 'skip', message: params.message, reason: 'PARAMS_NOT_FOUND' } });
      continue;
    }
    if (params.kind === 'error') {
      steps.push(run(current, { ...base, outcome: { kind: 'error', code: 'MUTATION_FAILED', message: params.message } }));
      continue;
    }
    for (const param of params.params) {
      const step = run(current, { ...base, params: param });
      steps.push(step);
      current = step.object;
    }
  }
  return finish(input.object, steps);
}

/** MutatingPolicy sees Kyverno's libraries and the host's Namespace object; a MAP only Kubernetes'. */
function withHostData(policy: CompiledMutatingPolicy, ctx: MutatingPolicyContext, namespace: string): MutatingPolicyContext {
  if (policy.kind !== 'MutatingPolicy') return ctx;
  const { bindings: _bindings, ...shared } = ctx;
  const namespaceObject = namespaceObjectFrom(shared, namespace);
  return { ...ctx, ...(namespaceObject !== undefined && { namespaceObject }), libraries: kyvernoLibraries(shared) };
}

interface Step {
  object: JsonObject;
  result: MutatingRuleResult;
}

interface RunOptions {
  params?: unknown;
  binding?: string;
  /** A failure decided before evaluation (params). */
  outcome?: MutationOutcome;
}

function createRunner(policy: CompiledMutatingPolicy, body: CompiledMutatingBody, input: AdmissionInput, attrs: RequestAttributes, ctx: MutatingPolicyContext) {
  const budget = ctx.budget ?? createCostBudget();
  return (object: JsonObject, opts: RunOptions): Step => {
    const activation = buildActivation({ ...input, object }, attrs, { ...ctx, params: opts.params ?? null });
    const outcome = opts.outcome ?? evaluateMutatingBody(body, object, activation, budget);
    const next = outcome.kind === 'applied' ? outcome.object : object;
    const changed = createJsonPatch(object, next).length > 0;
    return { object: next, result: mutationResult(baseFor(policy, opts.binding), outcome, changed) };
  };
}

function baseFor(policy: CompiledMutatingPolicy, binding: string | undefined): MutationResultBase {
  return { policy: policy.name, kind: policy.kind, failurePolicy: policy.failurePolicy, ...(binding !== undefined && { binding }) };
}

function resultFor(policy: CompiledMutatingPolicy, base: { binding: string }) {
  return { policy: policy.name, rule: policy.name, ruleType: 'mutation' as const, failurePolicy: policy.failurePolicy, binding: base.binding };
}

function finish(original: JsonObject, steps: Step[]): MutateOutcome {
  const last = steps[steps.length - 1];
  const patched = last?.object;
  const patches = patched === undefined ? [] : createJsonPatch(original, patched);
  return { results: steps.map((s) => s.result), patched: patches.length > 0 ? patched : undefined, patches };
}
