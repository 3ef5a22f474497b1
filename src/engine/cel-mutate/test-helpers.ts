/** Test helpers (not exported from index.ts). */
import type { AdmissionInput } from '../request.js';
import { compileMutatingPolicy } from './compile-policy.js';
import type { CompiledMutatingPolicy } from './types.js';

export function podInput(object: Record<string, unknown>, namespace = 'default'): AdmissionInput {
  const kind = String(object.kind ?? 'Pod');
  const group = String(object.apiVersion ?? 'v1').includes('/') ? String(object.apiVersion).split('/')[0] ?? '' : '';
  return { operation: 'CREATE', object, oldObject: null, kind: { group, version: 'v1', kind }, namespace, userInfo: {} };
}

export function mustCompile(doc: unknown): CompiledMutatingPolicy {
  const r = compileMutatingPolicy(doc);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.policy;
}

export const PODS = { resourceRules: [{ apiGroups: [''], apiVersions: ['v1'], operations: ['CREATE'], resources: ['pods'] }] };

export function mpol(spec: Record<string, unknown>, name = 'mpol'): Record<string, unknown> {
  return { apiVersion: 'policies.kyverno.io/v1', kind: 'MutatingPolicy', metadata: { name }, spec: { matchConstraints: PODS, ...spec } };
}

export function map(spec: Record<string, unknown>, name = 'map'): Record<string, unknown> {
  return { apiVersion: 'admissionregistration.k8s.io/v1beta1', kind: 'MutatingAdmissionPolicy', metadata: { name }, spec: { matchConstraints: PODS, ...spec } };
}

export const applyConfig = (expression: string) => ({ patchType: 'ApplyConfiguration', applyConfiguration: { expression } });
export const jsonPatch = (expression: string) => ({ patchType: 'JSONPatch', jsonPatch: { expression } });
