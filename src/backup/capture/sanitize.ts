/**
 * What a restore must not carry over: fields the API server owns (status, uid, resourceVersion,
 * managedFields, creationTimestamp, generation, selfLink, ownerReferences pointing at uids that will not
 * exist) and the last-applied annotation. Guardrail's own binding annotations are kept: they say which
 * BackupPolicy protected the app. https://kubernetes.io/docs/reference/using-api/api-concepts/
 */
import type { KubeObject } from './types.js';

const SERVER_FIELDS = ['uid', 'resourceVersion', 'managedFields', 'creationTimestamp', 'generation', 'selfLink', 'ownerReferences', 'deletionTimestamp', 'deletionGracePeriodSeconds'] as const;
const DROPPED_ANNOTATIONS = ['kubectl.kubernetes.io/last-applied-configuration', 'deployment.kubernetes.io/revision'];

export function sanitizeObject(obj: KubeObject): KubeObject {
  const copy = structuredClone(obj) as KubeObject & { status?: unknown };
  delete copy.status;
  const meta = (copy.metadata ?? {}) as Record<string, unknown>;
  for (const f of SERVER_FIELDS) delete meta[f];
  const annotations = meta.annotations as Record<string, string> | undefined;
  if (annotations) {
    for (const a of DROPPED_ANNOTATIONS) delete annotations[a];
    if (Object.keys(annotations).length === 0) delete meta.annotations;
  }
  // A Service's clusterIP is allocated by the API server; a restored one must get a new one.
  if (copy.kind === 'Service') {
    const spec = (copy as { spec?: Record<string, unknown> }).spec;
    if (spec && spec.clusterIP !== 'None') {
      delete spec.clusterIP;
      delete spec.clusterIPs;
    }
    if (spec) dropAllocatedNodePorts(spec, obj.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration']);
  }
  // The scheduler's choice, not the user's: a restored Pod is scheduled anew (Velero's pod restore action does the same).
  if (copy.kind === 'Pod') delete (copy as { spec?: Record<string, unknown> }).spec?.nodeName;
  // A bound PVC names its PV; restored, it must bind anew (the volume data comes from the restore point).
  if (copy.kind === 'PersistentVolumeClaim') {
    const spec = (copy as { spec?: Record<string, unknown> }).spec;
    if (spec) delete spec.volumeName;
    if (meta.annotations) {
      const a = meta.annotations as Record<string, string>;
      for (const k of Object.keys(a)) if (k.startsWith('pv.kubernetes.io/') || k.startsWith('volume.beta.kubernetes.io/') || k.startsWith('volume.kubernetes.io/')) delete a[k];
    }
  }
  return { ...copy, metadata: meta as KubeObject['metadata'] };
}

/**
 * NodePorts the API server allocated would collide in a clone; ports the user chose are kept. As Velero's
 * service restore action: a nodePort counts as chosen when the last-applied configuration names it.
 */
function dropAllocatedNodePorts(spec: Record<string, unknown>, lastApplied: string | undefined): void {
  let chosen = new Set<number>();
  try {
    const applied = lastApplied ? (JSON.parse(lastApplied) as { spec?: { ports?: { nodePort?: number }[]; healthCheckNodePort?: number } }) : undefined;
    chosen = new Set((applied?.spec?.ports ?? []).flatMap((p) => (p.nodePort ? [p.nodePort] : [])));
    if (!applied?.spec?.healthCheckNodePort) delete spec.healthCheckNodePort;
  } catch {
    delete spec.healthCheckNodePort;
  }
  for (const p of (spec.ports ?? []) as { nodePort?: number }[]) if (p.nodePort !== undefined && !chosen.has(p.nodePort)) delete p.nodePort;
}
