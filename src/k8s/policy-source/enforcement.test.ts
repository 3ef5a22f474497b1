import type { KubernetesObject } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { evaluatePolicySet, inputFromResource } from '../../engine/index.js';
import { defaultPolicySetOptions } from '../../policies-engine.js';
import { createFakeClient } from '../client/fake-client.js';
import type { WatchedCollection } from '../informers/watched-collection.js';
import { createClusterPolicySource } from './cluster-policy-source.js';

// A VAP denying Pods without a team label, its binding (Deny), and a Kyverno ClusterPolicy with the same rule.
const vap = {
  metadata: { name: 'vap-team', resourceVersion: '1' },
  spec: {
    matchConstraints: { resourceRules: [{ apiGroups: [''], apiVersions: ['v1'], operations: ['CREATE', 'UPDATE'], resources: ['pods'] }] },
    validations: [{ expression: "has(object.metadata.labels) && 'team' in object.metadata.labels", message: 'team label required' }],
  },
};
const binding = { metadata: { name: 'vap-team-binding', resourceVersion: '1' }, spec: { policyName: 'vap-team', validationActions: ['Deny'] } };
const clusterPolicy = {
  metadata: { name: 'kyverno-team', resourceVersion: '1' },
  spec: { validationFailureAction: 'Enforce', rules: [{ name: 'team', match: { any: [{ resources: { kinds: ['Pod'] } }] }, validate: { pattern: { metadata: { labels: { team: '?*' } } } } }] },
};

const discovery: Record<string, unknown> = {
  '/apis/kyverno.io/v1': { resources: [{ name: 'clusterpolicies', kind: 'ClusterPolicy', namespaced: false }] },
  '/apis/admissionregistration.k8s.io/v1': {
    resources: [
      { name: 'validatingadmissionpolicies', kind: 'ValidatingAdmissionPolicy', namespaced: false },
      { name: 'validatingadmissionpolicybindings', kind: 'ValidatingAdmissionPolicyBinding', namespaced: false },
    ],
  },
};
const items: Record<string, unknown[]> = {
  '/apis/kyverno.io/v1/clusterpolicies': [clusterPolicy],
  '/apis/admissionregistration.k8s.io/v1/validatingadmissionpolicies': [vap],
  '/apis/admissionregistration.k8s.io/v1/validatingadmissionpolicybindings': [binding],
};

describe('cluster policy source: ValidatingAdmissionPolicy enforcement', () => {
  it('leaves VAPs out of the admission set (the API server enforces them) and keeps them in the scan set', async () => {
    const client = createFakeClient((_m, path) => discovery[path]);
    const createCollection = (path: string): WatchedCollection<KubernetesObject> => ({
      start: async () => undefined,
      stop: async () => undefined,
      list: () => (items[path] ?? []) as KubernetesObject[],
      get: () => undefined,
    });
    const src = createClusterPolicySource({ client, createCollection, policySetOptions: defaultPolicySetOptions(), debounceMs: 1 });
    await src.start();
    expect(src.watchedKinds()).toEqual(['ClusterPolicy', 'ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding']);

    const pod = inputFromResource({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { containers: [] } });
    const deps = { now: () => new Date(0) };
    const admission = await evaluatePolicySet(src.current().set, pod, deps);
    expect(admission.map((r) => r.kind)).toEqual(['ClusterPolicy']);
    expect(src.current().policyCount).toBe(1);

    const scan = await evaluatePolicySet(src.scanSet(), pod, deps);
    expect(scan.map((r) => `${r.kind}/${r.policy}`)).toEqual(['ClusterPolicy/kyverno-team', 'ValidatingAdmissionPolicy/vap-team']);
    expect(scan.find((r) => r.kind === 'ValidatingAdmissionPolicy')?.results.map((r) => r.status)).toEqual(['fail']);
    await src.stop();
  });
});
