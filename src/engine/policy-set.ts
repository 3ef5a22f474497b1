/**
 * A PolicySet is every policy the engine serves, compiled once: Kyverno ClusterPolicy/Policy, CEL policy
 * kinds, and PolicyExceptions. The webhook, the CLI and background scans all evaluate through
 * evaluatePolicySet, so they cannot disagree.
 */
import { compilePolicy } from './compile.js';
import type { CompiledPolicy } from './compiled.js';
import { evaluatePolicy, type EvaluateOptions } from './evaluate.js';
import type { KyvernoPolicy, PolicyException } from './policy-types.js';
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

export async function evaluatePolicySet(
  set: PolicySet,
  input: AdmissionInput,
  deps: EngineDeps,
  opts: Omit<EvaluateOptions, 'exceptions'> & { extraExceptions?: readonly PolicyException[] } = {},
): Promise<PolicyResponse[]> {
  const exceptions = opts.extraExceptions ? [...set.exceptions, ...opts.extraExceptions] : set.exceptions;
  const out: PolicyResponse[] = [];
  for (const p of set.classic) {
    const results = await evaluatePolicy(p, input, deps, { ...opts, exceptions });
    out.push({ policy: p.name, kind: p.kind, ...(p.namespace ? { namespace: p.namespace } : {}), results });
  }
  for (const h of set.handlers) {
    out.push({ policy: h.name, kind: h.kind, results: await h.evaluate(input, deps) });
  }
  return out;
}
