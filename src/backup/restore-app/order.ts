/**
 * Restore order: what others depend on first, as Velero's default priorities do
 * (https://velero.io/docs/main/restore-reference/#restore-order): CRDs, Namespaces, StorageClasses, PVs,
 * PVCs, Secrets, ConfigMaps, ServiceAccounts, LimitRanges, roles and bindings, Services, then workloads.
 * Kinds not listed come after these and before the workloads, alphabetically.
 */
const FIRST = ['CustomResourceDefinition', 'Namespace', 'StorageClass', 'PersistentVolume', 'PersistentVolumeClaim', 'Secret', 'ConfigMap', 'ServiceAccount', 'LimitRange', 'ResourceQuota', 'Role', 'RoleBinding', 'Service'];
const LAST = ['Job', 'CronJob', 'DaemonSet', 'StatefulSet', 'Deployment', 'ReplicaSet', 'Pod'];

export function kindRank(kind: string): [number, string] {
  const f = FIRST.indexOf(kind);
  if (f >= 0) return [f, ''];
  const l = LAST.indexOf(kind);
  if (l >= 0) return [FIRST.length + 1 + l, ''];
  return [FIRST.length, kind];
}

export function byRestoreOrder<T extends { kind: string; metadata: { name: string } }>(objects: readonly T[]): T[] {
  return [...objects].sort((a, b) => {
    const [ra, ka] = kindRank(a.kind);
    const [rb, kb] = kindRank(b.kind);
    return ra - rb || ka.localeCompare(kb) || a.metadata.name.localeCompare(b.metadata.name);
  });
}
