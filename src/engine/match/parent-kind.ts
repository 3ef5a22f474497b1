/**
 * For a subresource request the API server sends the subresource's kind (`autoscaling/v1 Scale` for
 * deployments/scale, `PodExecOptions` for pods/exec) while Kyverno matches selectors like `Deployment/scale`
 * against the parent resource's kind, found by discovery. Without discovery in the pure engine, the parent kind
 * of built-in resources comes from this table (plural resource name -> kind,
 * https://kubernetes.io/docs/reference/kubernetes-api/); for others the request kind is kept, so callers that
 * know better should put the parent kind in AdmissionInput.kind.
 */
import type { AdmissionInput, GroupVersionKind } from '../request.js';

const KINDS: Record<string, string> = {
  pods: 'Pod',
  services: 'Service',
  nodes: 'Node',
  namespaces: 'Namespace',
  serviceaccounts: 'ServiceAccount',
  persistentvolumeclaims: 'PersistentVolumeClaim',
  persistentvolumes: 'PersistentVolume',
  replicationcontrollers: 'ReplicationController',
  deployments: 'Deployment',
  replicasets: 'ReplicaSet',
  statefulsets: 'StatefulSet',
  daemonsets: 'DaemonSet',
  jobs: 'Job',
  cronjobs: 'CronJob',
  horizontalpodautoscalers: 'HorizontalPodAutoscaler',
  certificatesigningrequests: 'CertificateSigningRequest',
  resourcequotas: 'ResourceQuota',
  poddisruptionbudgets: 'PodDisruptionBudget',
  customresourcedefinitions: 'CustomResourceDefinition',
  apiservices: 'APIService',
};

export function matchGvk(input: AdmissionInput): GroupVersionKind {
  const r = input.resource;
  if (!input.subResource || !r) return input.kind;
  const kind = KINDS[r.resource];
  return kind ? { group: r.group, version: r.version, kind } : input.kind;
}
