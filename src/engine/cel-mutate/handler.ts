/**
 * The policy-set adapter: a PolicyKindHandler whose `evaluate` returns the rule results and whose
 * optional `mutate` also returns the mutated object and its JSON patch, so the admission webhook and
 * `kyverno test` patchedResources can use the same evaluation. compileMutatingKinds compiles the
 * mutation kinds of a document set together (bindings refer to policies by name).
 */
import type { OtherKindsResult, PolicyKindHandler } from '../policy-set.js';
import type { AdmissionInput, EngineDeps } from '../request.js';
import type { Issue } from '../result.js';
import { compileMutatingBinding, isMutatingBindingDocument, linkMutatingBindings } from './binding.js';
import { compileMutatingPolicy, isMutatingPolicyDocument } from './compile-policy.js';
import { evaluateMutatingPolicy } from './evaluate-policy.js';
import type { ParamLookup } from '../cel-policies/index.js';
import type { CelHostLibraries } from './reuse.js';
import type { CompiledMutatingBinding, CompiledMutatingPolicy, MutateOutcome } from './types.js';

export interface MutatingPolicyHandler extends PolicyKindHandler {
  readonly reinvocationPolicy: 'Never' | 'IfNeeded';
  mutate(input: AdmissionInput, deps: EngineDeps): MutateOutcome;
}

export interface MutatingHandlerOptions {
  /** Finds param objects for a binding's paramRef (CLI paramResources or cluster objects). */
  paramLookup?: ParamLookup;
  /** Params for an unbound MutatingAdmissionPolicy with a paramKind. */
  params?: unknown;
  /** Lookups behind Kyverno's CEL libraries (resource, http, globalContext, image) for MutatingPolicy. */
  celHost?: CelHostLibraries;
}

export function createMutatingPolicyHandler(
  policy: CompiledMutatingPolicy,
  bindings: readonly CompiledMutatingBinding[],
  opts: MutatingHandlerOptions = {},
): MutatingPolicyHandler {
  const mutate = (input: AdmissionInput, deps: EngineDeps & { celHost?: CelHostLibraries }): MutateOutcome => {
    // Per-evaluation lookups (the CLI's offline data) win over the long-lived ones.
    const host = deps.celHost ?? opts.celHost;
    return evaluateMutatingPolicy(policy, input, {
      now: deps.now(),
      bindings,
      ...((deps.paramLookup ?? opts.paramLookup) && { paramLookup: deps.paramLookup ?? opts.paramLookup }),
      ...(opts.params !== undefined && { params: opts.params }),
      ...(host && { host }),
    });
  };
  return {
    kind: policy.kind,
    name: policy.name,
    reinvocationPolicy: policy.reinvocationPolicy,
    mutate,
    evaluate: (input, deps) => mutate(input, deps).results,
  };
}

/** True for handlers that can also return the mutated object. */
export function isMutatingHandler(handler: PolicyKindHandler): handler is MutatingPolicyHandler {
  return typeof (handler as Partial<MutatingPolicyHandler>).mutate === 'function';
}

export function compileMutatingKinds(docs: readonly Record<string, unknown>[], opts: MutatingHandlerOptions = {}): OtherKindsResult {
  const consumed = new Set<Record<string, unknown>>();
  const rejected: OtherKindsResult['rejected'] = [];
  const policies: CompiledMutatingPolicy[] = [];
  const bindings: CompiledMutatingBinding[] = [];
  const reject = (doc: Record<string, unknown>, issues: Issue[]) =>
    rejected.push({ kind: String(doc.kind ?? ''), name: String((doc.metadata as { name?: string } | undefined)?.name ?? ''), issues });
  for (const doc of docs) {
    if (isMutatingPolicyDocument(doc)) {
      consumed.add(doc);
      const r = compileMutatingPolicy(doc);
      if (r.ok) policies.push(r.policy);
      else reject(doc, r.issues);
    } else if (isMutatingBindingDocument(doc)) {
      consumed.add(doc);
      const r = compileMutatingBinding(doc);
      if (r.ok) bindings.push(r.binding);
      else reject(doc, r.issues);
    }
  }
  const linked = linkMutatingBindings(policies, bindings);
  for (const issue of linked.issues) rejected.push({ kind: 'MutatingAdmissionPolicyBinding', name: '', issues: [issue] });
  const handlers = policies.map((p) => createMutatingPolicyHandler(p, linked.byPolicy.get(p.name) ?? [], opts));
  return { handlers, rejected, consumed };
}
