/**
 * Kind -> resource mapping for built-in Kubernetes types. matchConstraints name plural resources
 * (`deployments`), while inputs from files carry only `kind`; the API server's RESTMapper does this
 * mapping in a cluster. Source: `kubectl api-resources` of Kubernetes 1.33.
 */

export interface KindInfo {
  resource: string;
  group: string;
  /** undefined for kinds outside the table. */
  namespaced?: boolean;
}

type Entry = readonly [resource: string, group: string, namespaced: boolean];

const KINDS = {
  Binding: ['bindings', '', true],
  ComponentStatus: ['componentstatuses', '', false],
  ConfigMap: ['configmaps', '', true],
  Endpoints: ['endpoints', '', true],
  Event: ['events', '', true],
  LimitRange: ['limitranges', '', true],
  Namespace: ['namespaces', '', false],
  Node: ['nodes', '', false],
  PersistentVolumeClaim: ['persistentvolumeclaims', '', true],
  PersistentVolume: ['persistentvolumes', '', false],
  Pod: ['pods', '', true],
  PodTemplate: ['podtemplates', '', true],
  ReplicationController: ['replicationcontrollers', '', true],
  ResourceQuota: ['resourcequotas', '', true],
  Secret: ['secrets', '', true],
  ServiceAccount: ['serviceaccounts', '', true],
  Service: ['services', '', true],
  MutatingWebhookConfiguration: ['mutatingwebhookconfigurations', 'admissionregistration.k8s.io', false],
  ValidatingWebhookConfiguration: ['validatingwebhookconfigurations', 'admissionregistration.k8s.io', false],
  ValidatingAdmissionPolicy: ['validatingadmissionpolicies', 'admissionregistration.k8s.io', false],
  ValidatingAdmissionPolicyBinding: ['validatingadmissionpolicybindings', 'admissionregistration.k8s.io', false],
  MutatingAdmissionPolicy: ['mutatingadmissionpolicies', 'admissionregistration.k8s.io', false],
  MutatingAdmissionPolicyBinding: ['mutatingadmissionpolicybindings', 'admissionregistration.k8s.io', false],
  CustomResourceDefinition: ['customresourcedefinitions', 'apiextensions.k8s.io', false],
  APIService: ['apiservices', 'apiregistration.k8s.io', false],
  ControllerRevision: ['controllerrevisions', 'apps', true],
  DaemonSet: ['daemonsets', 'apps', true],
  Deployment: ['deployments', 'apps', true],
  ReplicaSet: ['replicasets', 'apps', true],
  StatefulSet: ['statefulsets', 'apps', true],
  TokenReview: ['tokenreviews', 'authentication.k8s.io', false],
  SelfSubjectReview: ['selfsubjectreviews', 'authentication.k8s.io', false],
  LocalSubjectAccessReview: ['localsubjectaccessreviews', 'authorization.k8s.io', true],
  SelfSubjectAccessReview: ['selfsubjectaccessreviews', 'authorization.k8s.io', false],
  SelfSubjectRulesReview: ['selfsubjectrulesreviews', 'authorization.k8s.io', false],
  SubjectAccessReview: ['subjectaccessreviews', 'authorization.k8s.io', false],
  HorizontalPodAutoscaler: ['horizontalpodautoscalers', 'autoscaling', true],
  CronJob: ['cronjobs', 'batch', true],
  Job: ['jobs', 'batch', true],
  CertificateSigningRequest: ['certificatesigningrequests', 'certificates.k8s.io', false],
  Lease: ['leases', 'coordination.k8s.io', true],
  EndpointSlice: ['endpointslices', 'discovery.k8s.io', true],
  FlowSchema: ['flowschemas', 'flowcontrol.apiserver.k8s.io', false],
  PriorityLevelConfiguration: ['prioritylevelconfigurations', 'flowcontrol.apiserver.k8s.io', false],
  IngressClass: ['ingressclasses', 'networking.k8s.io', false],
  Ingress: ['ingresses', 'networking.k8s.io', true],
  NetworkPolicy: ['networkpolicies', 'networking.k8s.io', true],
  IPAddress: ['ipaddresses', 'networking.k8s.io', false],
  ServiceCIDR: ['servicecidrs', 'networking.k8s.io', false],
  RuntimeClass: ['runtimeclasses', 'node.k8s.io', false],
  PodDisruptionBudget: ['poddisruptionbudgets', 'policy', true],
  PodSecurityPolicy: ['podsecuritypolicies', 'policy', false],
  ClusterRoleBinding: ['clusterrolebindings', 'rbac.authorization.k8s.io', false],
  ClusterRole: ['clusterroles', 'rbac.authorization.k8s.io', false],
  RoleBinding: ['rolebindings', 'rbac.authorization.k8s.io', true],
  Role: ['roles', 'rbac.authorization.k8s.io', true],
  PriorityClass: ['priorityclasses', 'scheduling.k8s.io', false],
  CSIDriver: ['csidrivers', 'storage.k8s.io', false],
  CSINode: ['csinodes', 'storage.k8s.io', false],
  CSIStorageCapacity: ['csistoragecapacities', 'storage.k8s.io', true],
  StorageClass: ['storageclasses', 'storage.k8s.io', false],
  VolumeAttachment: ['volumeattachments', 'storage.k8s.io', false],
  VolumeAttributesClass: ['volumeattributesclasses', 'storage.k8s.io', false],
  Gateway: ['gateways', 'gateway.networking.k8s.io', true],
  GatewayClass: ['gatewayclasses', 'gateway.networking.k8s.io', false],
  HTTPRoute: ['httproutes', 'gateway.networking.k8s.io', true],
  GRPCRoute: ['grpcroutes', 'gateway.networking.k8s.io', true],
  ReferenceGrant: ['referencegrants', 'gateway.networking.k8s.io', true],
} as const satisfies Record<string, Entry>;

/** The built-in mapping for a kind, or a guessed plural with the given group and an unknown scope. */
export function kindToResource(kind: string, group?: string): KindInfo {
  const entry = (KINDS as Record<string, Entry | undefined>)[kind];
  if (entry && (group === undefined || group === entry[1])) {
    return { resource: entry[0], group: entry[1], namespaced: entry[2] };
  }
  return { resource: guessResource(kind), group: group ?? '' };
}

/**
 * Lowercase English plural. apimachinery's meta.UnsafeGuessKindToResource turns every trailing `y`
 * into `ies` ("gatewaies"), but CRD authors declare real plurals, so vowel+y keeps its `y` here.
 */
export function guessResource(kind: string): string {
  const lower = kind.toLowerCase();
  if (lower.endsWith('endpoints')) return lower;
  if (/(s|x|z|ch|sh)$/.test(lower)) return lower + 'es';
  if (/[^aeiou]y$/.test(lower)) return lower.slice(0, -1) + 'ies';
  return lower + 's';
}

/** The built-in kind for a plural resource (autogen targets, param scope), if any. */
export function resourceToKind(resource: string, group: string): string | undefined {
  for (const [kind, entry] of Object.entries(KINDS) as Array<[string, Entry]>) {
    if (entry[0] === resource && entry[1] === group) return kind;
  }
  return undefined;
}
