/**
 * MutatingAdmissionPolicyBinding (admissionregistration.k8s.io v1alpha1, v1beta1): which policy, which
 * params and which resources (intersected with the policy's matchConstraints).
 */
import type { Issue } from '../result.js';
import type { MatchResourcesSpec, ParamRef } from './reuse.js';
import type { CompiledMutatingBinding, CompiledMutatingPolicy } from './types.js';

type Json = Record<string, unknown>;

export type CompileMutatingBindingResult = { ok: true; binding: CompiledMutatingBinding } | { ok: false; issues: Issue[] };

const VERSIONS = new Set(['admissionregistration.k8s.io/v1alpha1', 'admissionregistration.k8s.io/v1beta1', 'admissionregistration.k8s.io/v1']);

export function isMutatingBindingDocument(doc: unknown): boolean {
  const d = (doc ?? {}) as Json;
  return typeof d.apiVersion === 'string' && VERSIONS.has(d.apiVersion) && d.kind === 'MutatingAdmissionPolicyBinding';
}

const invalid = (message: string, path: string): Issue => ({ code: 'CEL_POLICY_INVALID', message, path, severity: 'error' });

export function compileMutatingBinding(doc: unknown): CompileMutatingBindingResult {
  if (!isMutatingBindingDocument(doc)) {
    return { ok: false, issues: [{ code: 'CEL_POLICY_UNSUPPORTED_KIND', message: 'not a MutatingAdmissionPolicyBinding', path: '/kind', severity: 'error' }] };
  }
  const { metadata, spec } = doc as { metadata?: Json; spec?: Json };
  const issues: Issue[] = [];
  const name = metadata?.name;
  if (typeof name !== 'string' || name === '') issues.push(invalid('metadata.name is required', '/metadata/name'));
  const policyName = spec?.policyName;
  if (typeof policyName !== 'string' || policyName === '') issues.push(invalid('spec.policyName is required', '/spec/policyName'));
  const paramRef = spec?.paramRef as ParamRef | undefined;
  if (paramRef !== undefined) {
    // validation.go validateParamRef: exactly one of name and selector.
    const hasName = typeof paramRef.name === 'string' && paramRef.name !== '';
    if (hasName === (paramRef.selector !== undefined)) issues.push(invalid('paramRef needs exactly one of name and selector', '/spec/paramRef'));
    const action = paramRef.parameterNotFoundAction;
    if (action !== undefined && action !== 'Allow' && action !== 'Deny') {
      issues.push(invalid('parameterNotFoundAction must be Allow or Deny', '/spec/paramRef/parameterNotFoundAction'));
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  const matchResources = spec?.matchResources as MatchResourcesSpec | undefined;
  return {
    ok: true,
    binding: {
      name: name as string,
      policyName: policyName as string,
      ...(paramRef !== undefined && { paramRef }),
      ...(matchResources !== undefined && { matchResources }),
    },
  };
}

/** Groups bindings by policy name; a binding naming a MutatingAdmissionPolicy that is not loaded is an Issue. */
export function linkMutatingBindings(
  policies: readonly CompiledMutatingPolicy[],
  bindings: readonly CompiledMutatingBinding[],
): { byPolicy: Map<string, CompiledMutatingBinding[]>; issues: Issue[] } {
  const names = new Set(policies.filter((p) => p.kind === 'MutatingAdmissionPolicy').map((p) => p.name));
  const byPolicy = new Map<string, CompiledMutatingBinding[]>();
  const issues: Issue[] = [];
  for (const b of bindings) {
    if (!names.has(b.policyName)) {
      const message = `binding '${b.name}' refers to MutatingAdmissionPolicy '${b.policyName}', which is not loaded`;
      issues.push({ code: 'BINDING_POLICY_NOT_FOUND', message, path: '/spec/policyName', severity: 'error' });
      continue;
    }
    byPolicy.set(b.policyName, [...(byPolicy.get(b.policyName) ?? []), b]);
  }
  return { byPolicy, issues };
}
