/**
 * Objects a workload depends on, in its namespace: ConfigMaps and Secrets named by volumes, env and
 * envFrom (containers and initContainers), imagePullSecrets, the ServiceAccount, PVCs named by volumes,
 * and Services whose selector matches the pod template's labels (Service semantics: every selector
 * key/value present on the pod). https://kubernetes.io/docs/concepts/services-networking/service/
 */
import type { KubeObject } from './types.js';

type Json = Record<string, unknown>;
const arr = (v: unknown): Json[] => (Array.isArray(v) ? (v as Json[]) : []);
const obj = (v: unknown): Json => (v && typeof v === 'object' ? (v as Json) : {});

export interface References {
  configMaps: Set<string>;
  secrets: Set<string>;
  pvcs: Set<string>;
  serviceAccounts: Set<string>;
  podLabels: Record<string, string>;
}

export function referencesOf(workload: KubeObject): References {
  const template = obj(obj(workload.spec).template);
  const pod = obj(template.spec);
  const refs: References = { configMaps: new Set(), secrets: new Set(), pvcs: new Set(), serviceAccounts: new Set(), podLabels: (obj(template.metadata).labels ?? {}) as Record<string, string> };
  const add = (set: Set<string>, name: unknown): void => {
    if (typeof name === 'string' && name) set.add(name);
  };
  for (const v of arr(pod.volumes)) {
    add(refs.configMaps, obj(v.configMap).name);
    add(refs.secrets, obj(v.secret).secretName);
    add(refs.pvcs, obj(v.persistentVolumeClaim).claimName);
    for (const s of arr(obj(v.projected).sources)) {
      add(refs.configMaps, obj(s.configMap).name);
      add(refs.secrets, obj(s.secret).name);
    }
  }
  for (const c of [...arr(pod.containers), ...arr(pod.initContainers)]) {
    for (const e of arr(c.envFrom)) {
      add(refs.configMaps, obj(e.configMapRef).name);
      add(refs.secrets, obj(e.secretRef).name);
    }
    for (const e of arr(c.env)) {
      const from = obj(e.valueFrom);
      add(refs.configMaps, obj(from.configMapKeyRef).name);
      add(refs.secrets, obj(from.secretKeyRef).name);
    }
  }
  for (const s of arr(pod.imagePullSecrets)) add(refs.secrets, s.name);
  add(refs.serviceAccounts, pod.serviceAccountName);
  return refs;
}

const selects = (selector: Record<string, string>, labels: Record<string, string>): boolean =>
  Object.keys(selector).length > 0 && Object.entries(selector).every(([k, v]) => labels[k] === v);

/** The candidates (e.g. every manifest of the config folder) that the workload references. */
export function relatedObjects(workload: KubeObject, candidates: readonly KubeObject[]): KubeObject[] {
  const ns = workload.metadata.namespace ?? 'default';
  const refs = referencesOf(workload);
  const byKind: Record<string, Set<string>> = { ConfigMap: refs.configMaps, Secret: refs.secrets, PersistentVolumeClaim: refs.pvcs, ServiceAccount: refs.serviceAccounts };
  return candidates.filter((c) => {
    if ((c.metadata.namespace ?? 'default') !== ns) return false;
    if (c.kind === 'Service') return selects(obj(obj(c.spec).selector) as Record<string, string>, refs.podLabels);
    return byKind[c.kind]?.has(c.metadata.name) ?? false;
  });
}
