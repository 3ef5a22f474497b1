/**
 * Built-in kinds and their REST resources (https://kubernetes.io/docs/reference/kubernetes-api/), so the
 * webhook builder stays pure. Kinds not listed (CRDs) are resolved through discovery by the applier; the
 * last fallback is Kubernetes' own lower-case plural rule (k8s.io/apimachinery meta.UnsafeGuessKindToResource).
 */
export interface KindResource {
  group: string;
  version: string;
  kind: string;
  resource: string;
  namespaced: boolean;
}

const T: Array<[string, string, string, string, boolean]> = [
  ['', 'v1', 'Pod', 'pods', true],
  ['', 'v1', 'Service', 'services', true],
  ['', 'v1', 'ConfigMap', 'configmaps', true],
  ['', 'v1', 'Secret', 'secrets', true],
  ['', 'v1', 'ServiceAccount', 'serviceaccounts', true],
  ['', 'v1', 'PersistentVolumeClaim', 'persistentvolumeclaims', true],
  ['', 'v1', 'PersistentVolume', 'persistentvolumes', false],
  ['', 'v1', 'Namespace', 'namespaces', false],
  ['', 'v1', 'Node', 'nodes', false],
  ['', 'v1', 'ReplicationController', 'replicationcontrollers', true],
  ['', 'v1', 'ResourceQuota', 'resourcequotas', true],
  ['', 'v1', 'LimitRange', 'limitranges', true],
  ['', 'v1', 'Endpoints', 'endpoints', true],
  ['apps', 'v1', 'Deployment', 'deployments', true],
  ['apps', 'v1', 'StatefulSet', 'statefulsets', true],
  ['apps', 'v1', 'DaemonSet', 'daemonsets', true],
  ['apps', 'v1', 'ReplicaSet', 'replicasets', true],
  ['batch', 'v1', 'Job', 'jobs', true],
  ['batch', 'v1', 'CronJob', 'cronjobs', true],
  ['networking.k8s.io', 'v1', 'Ingress', 'ingresses', true],
  ['networking.k8s.io', 'v1', 'NetworkPolicy', 'networkpolicies', true],
  ['networking.k8s.io', 'v1', 'IngressClass', 'ingressclasses', false],
  ['policy', 'v1', 'PodDisruptionBudget', 'poddisruptionbudgets', true],
  ['autoscaling', 'v2', 'HorizontalPodAutoscaler', 'horizontalpodautoscalers', true],
  ['rbac.authorization.k8s.io', 'v1', 'Role', 'roles', true],
  ['rbac.authorization.k8s.io', 'v1', 'RoleBinding', 'rolebindings', true],
  ['rbac.authorization.k8s.io', 'v1', 'ClusterRole', 'clusterroles', false],
  ['rbac.authorization.k8s.io', 'v1', 'ClusterRoleBinding', 'clusterrolebindings', false],
  ['storage.k8s.io', 'v1', 'StorageClass', 'storageclasses', false],
  ['scheduling.k8s.io', 'v1', 'PriorityClass', 'priorityclasses', false],
  ['apiextensions.k8s.io', 'v1', 'CustomResourceDefinition', 'customresourcedefinitions', false],
  ['admissionregistration.k8s.io', 'v1', 'ValidatingWebhookConfiguration', 'validatingwebhookconfigurations', false],
  ['admissionregistration.k8s.io', 'v1', 'MutatingWebhookConfiguration', 'mutatingwebhookconfigurations', false],
  ['kyverno.io', 'v1', 'ClusterPolicy', 'clusterpolicies', false],
  ['kyverno.io', 'v1', 'Policy', 'policies', true],
];

export const BUILTIN_KINDS: readonly KindResource[] = T.map(([group, version, kind, resource, namespaced]) => ({ group, version, kind, resource, namespaced }));

/** Kubernetes' guess for an unknown kind (UnsafeGuessKindToResource): lower-case, then s / es / ies. */
export function guessResource(kind: string): string {
  const k = kind.toLowerCase();
  if (k.endsWith('s') || k.endsWith('x') || k.endsWith('z') || k.endsWith('ch') || k.endsWith('sh')) return `${k}es`;
  if (k.endsWith('y') && !/[aeiou]y$/.test(k)) return `${k.slice(0, -1)}ies`;
  return `${k}s`;
}
