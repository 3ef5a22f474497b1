/**
 * Wires the CEL policy kinds (Kyverno ValidatingPolicy, Kubernetes ValidatingAdmissionPolicy with its
 * bindings, CEL PolicyExceptions) into PolicySet building, so the CLI, the webhook and background scans
 * build policy sets the same way. Bindings and exceptions refer to policies by name, so the kinds are
 * compiled together and linked once.
 */
import {
  compileBinding,
  compileCelException,
  compileCelPolicy,
  evaluateCelPolicy,
  isBindingDocument,
  isCelExceptionDocument,
  isCelPolicyDocument,
  linkBindings,
  type CompiledBinding,
  type CompiledCelException,
  type CelHostLibraries,
  type CompiledCelPolicy,
  type ParamLookup,
} from './engine/cel-policies/index.js';
import { compileMutatingKinds } from './engine/cel-mutate/index.js';
import type { EngineDeps, Issue, OtherKindsResult, PolicyKindHandler, PolicySetOptions } from './engine/index.js';

export interface EngineOptions {
  /** Param objects for paramKind/paramRef (CLI paramResources or cluster objects). */
  paramLookup?: ParamLookup;
  /** Lookups behind Kyverno's CEL libraries for every evaluation (a long-lived cluster cache). */
  celHost?: CelHostLibraries;
}

/**
 * EngineDeps plus the synchronous lookups of Kyverno's CEL libraries for one evaluation (the CLI's
 * per-test offline data). It wins over EngineOptions.celHost. Without either, library calls fail with
 * "<library> library needs a cluster connection".
 */
export type CelEngineDeps = EngineDeps & { celHost?: CelHostLibraries };

const nameOf = (doc: Record<string, unknown>) => String((doc.metadata as { name?: string } | undefined)?.name ?? '');

function celHandler(policy: CompiledCelPolicy, bindings: CompiledBinding[], exceptions: CompiledCelException[], opts: EngineOptions): PolicyKindHandler {
  return {
    kind: policy.kind,
    name: policy.name,
    evaluate: (input, deps: CelEngineDeps) => {
      const host = deps.celHost ?? opts.celHost;
      const paramLookup = deps.paramLookup ?? opts.paramLookup;
      return evaluateCelPolicy(policy, input, {
        now: deps.now(),
        bindings,
        exceptions,
        ...(paramLookup ? { paramLookup } : {}),
        ...(host ? { host } : {}),
      });
    },
  };
}

export function compileCelKinds(docs: Record<string, unknown>[], opts: EngineOptions = {}): OtherKindsResult {
  const consumed = new Set<Record<string, unknown>>();
  const rejected: OtherKindsResult['rejected'] = [];
  const policies: CompiledCelPolicy[] = [];
  const bindings: CompiledBinding[] = [];
  const exceptions: CompiledCelException[] = [];
  const reject = (doc: Record<string, unknown>, issues: Issue[]) => rejected.push({ kind: String(doc.kind ?? ''), name: nameOf(doc), issues });
  for (const doc of docs) {
    if (isCelPolicyDocument(doc)) {
      consumed.add(doc);
      const r = compileCelPolicy(doc);
      if (r.ok) policies.push(r.policy);
      else reject(doc, r.issues);
    } else if (isBindingDocument(doc)) {
      consumed.add(doc);
      const r = compileBinding(doc);
      if (r.ok) bindings.push(r.binding);
      else reject(doc, r.issues);
    } else if (isCelExceptionDocument(doc)) {
      consumed.add(doc);
      const r = compileCelException(doc);
      if (r.ok) exceptions.push(r.exception);
      else reject(doc, r.issues);
    }
  }
  const linked = linkBindings(policies, bindings);
  for (const i of linked.issues) rejected.push({ kind: 'ValidatingAdmissionPolicyBinding', name: '', issues: [i] });
  const handlers = policies.map((p) => celHandler(p, linked.byPolicy.get(p.name) ?? [], exceptions, opts));
  // MutatingPolicy, MutatingAdmissionPolicy and their bindings; handlers also offer mutate().
  const mutating = compileMutatingKinds(docs.filter((d) => !consumed.has(d)), opts);
  for (const d of mutating.consumed) consumed.add(d);
  return { handlers: [...handlers, ...mutating.handlers], rejected: [...rejected, ...mutating.rejected], consumed };
}

export function defaultPolicySetOptions(opts: EngineOptions = {}): PolicySetOptions {
  return { compileOthers: (docs) => compileCelKinds(docs, opts) };
}
