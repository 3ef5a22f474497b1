/** Test helpers: admission inputs from plain objects and policies from YAML-like literals. */
import type { JsonObject } from '../../policy-types.js';
import type { AdmissionInput, Operation } from '../../request.js';
import { compileBinding } from '../binding.js';
import { compileCelPolicy } from '../compile-policy.js';
import type { CompiledBinding, CompiledCelPolicy } from '../types.js';

export function admission(object: JsonObject | null, opts: { operation?: Operation; oldObject?: JsonObject; namespaceLabels?: Record<string, string> } = {}): AdmissionInput {
  const subject = (object ?? opts.oldObject ?? {}) as { apiVersion?: string; kind?: string; metadata?: { namespace?: string; name?: string } };
  const apiVersion = subject.apiVersion ?? 'v1';
  const slash = apiVersion.indexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  const version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
  return {
    operation: opts.operation ?? 'CREATE',
    object,
    oldObject: opts.oldObject ?? null,
    kind: { group, version, kind: subject.kind ?? '' },
    ...(subject.metadata?.namespace !== undefined && { namespace: subject.metadata.namespace }),
    ...(subject.metadata?.name !== undefined && { name: subject.metadata.name }),
    userInfo: { username: 'alice', groups: ['dev'] },
    ...(opts.namespaceLabels && { namespaceLabels: opts.namespaceLabels }),
  };
}

export function pod(name: string, spec: JsonObject = {}, metadata: JsonObject = {}): JsonObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', ...metadata }, spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec } };
}

export function deployment(name: string, replicas: number, metadata: JsonObject = {}): JsonObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default', ...metadata },
    spec: { replicas, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image: 'nginx:latest' }] } } },
  };
}

export const podRules = { resourceRules: [{ apiGroups: [''], apiVersions: ['v1'], operations: ['CREATE', 'UPDATE'], resources: ['pods'] }] };
export const deploymentRules = { resourceRules: [{ apiGroups: ['apps'], apiVersions: ['v1'], operations: ['CREATE', 'UPDATE'], resources: ['deployments'] }] };

export function vpol(name: string, spec: JsonObject): CompiledCelPolicy {
  return mustCompile({ apiVersion: 'policies.kyverno.io/v1', kind: 'ValidatingPolicy', metadata: { name }, spec });
}

export function vap(name: string, spec: JsonObject): CompiledCelPolicy {
  return mustCompile({ apiVersion: 'admissionregistration.k8s.io/v1', kind: 'ValidatingAdmissionPolicy', metadata: { name }, spec });
}

export function mustCompile(doc: unknown): CompiledCelPolicy {
  const r = compileCelPolicy(doc);
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path} ${i.code} ${i.message}`).join('\n'));
  return r.policy;
}

export function binding(name: string, spec: JsonObject): CompiledBinding {
  const r = compileBinding({ apiVersion: 'admissionregistration.k8s.io/v1', kind: 'ValidatingAdmissionPolicyBinding', metadata: { name }, spec });
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path} ${i.code} ${i.message}`).join('\n'));
  return r.binding;
}

export const NOW = new Date('2026-01-01T00:00:00Z');
