/**
 * Cluster mode captures a whole namespace: every namespaced resource the API lists, minus what must not be
 * restored. The lists follow Velero's non-restorable resources (events, events.events.k8s.io; its own
 * backup/restore kinds: here backup.guardrail.dev and the reports we regenerate) and what controllers
 * recreate by themselves in any namespace (https://kubernetes.io/docs/concepts/security/service-accounts/,
 * https://kubernetes.io/docs/reference/access-authn-authz/service-accounts-admin/):
 * - children of a controller (a controller ownerReference: ReplicaSets, Pods, ControllerRevisions, Jobs of
 *   CronJobs, EndpointSlices of Services), recreated by their owner after the restore;
 * - Endpoints (the endpoints controller writes them for every Service with a selector);
 * - the `kube-root-ca.crt` ConfigMap (root CA publisher), the `default` ServiceAccount and legacy
 *   service-account token Secrets (token controller);
 * - Leases (leader election of the app's own replicas: live state, not configuration);
 * - VolumeSnapshots: the capture creates them and records them as volume items, not as manifests.
 */
import type { KubeObject } from './types.js';

/** group/resource pairs never captured ('' = core). */
export const SKIPPED_RESOURCES: readonly string[] = [
  '/events',
  'events.k8s.io/events',
  '/endpoints',
  'discovery.k8s.io/endpointslices',
  'coordination.k8s.io/leases',
  'snapshot.storage.k8s.io/volumesnapshots',
  'wgpolicyk8s.io/policyreports',
  'authorization.k8s.io/localsubjectaccessreviews',
];

/** Whole API groups never captured: Guardrail's own backup objects (RestorePoints, policies, profiles). */
export const SKIPPED_GROUPS: readonly string[] = ['backup.guardrail.dev'];

export function isCapturedResource(group: string, resource: string): boolean {
  return !SKIPPED_GROUPS.includes(group) && !SKIPPED_RESOURCES.includes(`${group}/${resource}`);
}

export type SkipReason = 'controller-owned' | 'controller-managed' | 'service-account-token';

/** Why an object of a captured resource is still left out, or undefined to capture it. */
export function skipReason(o: KubeObject): SkipReason | undefined {
  const refs = (o.metadata.ownerReferences ?? []) as { controller?: boolean }[];
  if (refs.some((r) => r.controller === true)) return 'controller-owned';
  if (o.apiVersion === 'v1' && o.kind === 'ConfigMap' && o.metadata.name === 'kube-root-ca.crt') return 'controller-managed';
  if (o.apiVersion === 'v1' && o.kind === 'ServiceAccount' && o.metadata.name === 'default') return 'controller-managed';
  if (o.apiVersion === 'v1' && o.kind === 'Secret' && (o as { type?: string }).type === 'kubernetes.io/service-account-token') return 'service-account-token';
  return undefined;
}
