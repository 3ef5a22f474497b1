/**
 * The policy kinds the cluster source watches, each only when the API server serves it (discovery):
 * Kyverno's CRDs may be absent, the CEL kinds depend on the Kyverno and Kubernetes versions
 * (ValidatingAdmissionPolicy is GA, admissionregistration.k8s.io/v1, since Kubernetes 1.30).
 * Versions are tried in order; the first served one is watched.
 */
export interface WatchedKind {
  group: string;
  versions: readonly string[];
  resource: string;
  kind: string;
}

export const POLICY_KINDS: readonly WatchedKind[] = [
  { group: 'kyverno.io', versions: ['v1'], resource: 'clusterpolicies', kind: 'ClusterPolicy' },
  { group: 'kyverno.io', versions: ['v1'], resource: 'policies', kind: 'Policy' },
  { group: 'kyverno.io', versions: ['v2', 'v2beta1', 'v2alpha1'], resource: 'policyexceptions', kind: 'PolicyException' },
  { group: 'policies.kyverno.io', versions: ['v1', 'v1beta1', 'v1alpha1'], resource: 'validatingpolicies', kind: 'ValidatingPolicy' },
  { group: 'policies.kyverno.io', versions: ['v1', 'v1beta1', 'v1alpha1'], resource: 'mutatingpolicies', kind: 'MutatingPolicy' },
  { group: 'admissionregistration.k8s.io', versions: ['v1', 'v1beta1'], resource: 'validatingadmissionpolicies', kind: 'ValidatingAdmissionPolicy' },
  {
    group: 'admissionregistration.k8s.io',
    versions: ['v1', 'v1beta1'],
    resource: 'validatingadmissionpolicybindings',
    kind: 'ValidatingAdmissionPolicyBinding',
  },
];
