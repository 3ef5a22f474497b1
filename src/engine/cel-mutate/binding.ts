/**
 * MutatingAdmissionPolicyBinding (admissionregistration.k8s.io v1alpha1, v1beta1): which policy, which
 * params and which resources (intersected with the policy's matchConstraints).
 */
import type { Issue } from '../result.js';
import { groupBindings, readBindingHeader } from '../cel-policies/binding.js';
import type { CompiledMutatingBinding, CompiledMutatingPolicy } from './types.js';

type Json = Record<string, unknown>;

export type CompileMutatingBindingResult = { ok: true; binding: CompiledMutatingBinding } | { ok: false; issues: Issue[] };

const VERSIONS = new Set(['admissionregistration.k8s.io/v1alpha1', 'admissionregistration.k8s.io/v1beta1', 'admissionregistration.k8s.io/v1']);

export function isMutatingBindingDocument(doc: unknown): boolean {
  const d = (doc ?? {}) as Json;
  return typeof d.apiVersion === 'string' && VERSIONS.has(d.apiVersion) && d.kind === 'MutatingAdmissionPolicyBinding';
}

export function compileMutatingBinding(doc: unknown): CompileMutatingBindingResult {
  if (!isMutatingBindingDocument(doc)) {
    return { ok: false, issues: [{ code: 'CEL_POLICY_UNSUPPORTED_KIND', message: 'not a MutatingAdmissionPolicyBinding', path: '/kind', severity: 'error' }] };
  }
  const { metadata, spec } = doc as { metadata?: Json; spec?: Json };
  const issues: Issue[] = [];
  const binding = readBindingHeader(metadata, spec, issues);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, binding };
}

/** Groups bindings by policy name; a binding naming a MutatingAdmissionPolicy that is not loaded is an Issue. */
export function linkMutatingBindings(
  policies: readonly CompiledMutatingPolicy[],
  bindings: readonly CompiledMutatingBinding[],
): { byPolicy: Map<string, CompiledMutatingBinding[]>; issues: Issue[] } {
  const names = new Set(policies.filter((p) => p.kind === 'MutatingAdmissionPolicy').map((p) => p.name));
  return groupBindings('MutatingAdmissionPolicy', names, bindings);
}
