/**
 * RestorePoints as backup.guardrail.dev/v1alpha1 objects in the app's namespace, so that `kubectl get
 * restorepoints` lists them (the CRD's printer columns show app, policy, time, state, retain-until). The
 * CRD has a status subresource, so the status is written with a second call to /status
 * (https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#status-subresource).
 * A name may be given as `namespace/name`; a bare name is looked up in every namespace. Removing a point
 * (retention) also deletes the VolumeSnapshots it recorded: the snapshots are the point's volume data, and
 * left behind they would pile up one per PVC per run (their class's deletionPolicy decides the storage side).
 */
import type { RestorePoint } from '../../backup/api/index.js';
import type { RestorePointStore } from '../../backup/engine/index.js';
import { isConflict, isNotFound, type KubeClient } from '../client/kube-client.js';
import { resourcePath } from '../client/paths.js';
import { BACKUP_RESOURCES, type ObjectCollection } from './cluster-objects.js';

const R = BACKUP_RESOURCES.RestorePoint;
const VS = { group: 'snapshot.storage.k8s.io', version: 'v1', resource: 'volumesnapshots' };
const ignoreNotFound = (err: unknown): void => {
  if (!isNotFound(err)) throw err;
};
type Stored = RestorePoint & { metadata: RestorePoint['metadata'] & { resourceVersion?: string } };

const byTime = (a: RestorePoint, b: RestorePoint): number => Date.parse(a.spec.time) - Date.parse(b.spec.time);

export function createClusterRestorePointStore(client: KubeClient, points: ObjectCollection<RestorePoint>): RestorePointStore {
  const find = async (ref: string): Promise<RestorePoint | undefined> => {
    const [ns, name] = ref.includes('/') ? (ref.split('/', 2) as [string, string]) : [undefined, ref];
    return (await points.list()).find((p) => p.metadata.name === name && (!ns || p.metadata.namespace === ns));
  };
  const write = async (rp: RestorePoint): Promise<Stored> => {
    const ns = rp.metadata.namespace ?? 'default';
    const { status: _status, ...body } = rp;
    try {
      return await client.request<Stored>('POST', resourcePath(R, ns), { body });
    } catch (err) {
      if (!isConflict(err)) throw err;
    }
    const current = await client.request<Stored>('GET', resourcePath(R, ns, rp.metadata.name));
    return client.request<Stored>('PUT', resourcePath(R, ns, rp.metadata.name), { body: { ...body, metadata: { ...body.metadata, resourceVersion: current.metadata.resourceVersion } } });
  };
  return {
    list: async () => (await points.list()).sort(byTime),
    get: find,
    async put(rp) {
      const stored = await write(rp);
      if (rp.status) await client.request('PUT', `${resourcePath(R, rp.metadata.namespace ?? 'default', rp.metadata.name)}/status`, { body: { ...stored, status: rp.status } });
    },
    async remove(ref) {
      const rp = await find(ref);
      if (!rp) return;
      const ns = rp.metadata.namespace ?? 'default';
      for (const i of rp.status?.items ?? []) if (i.kind === 'VolumeSnapshot') await client.request('DELETE', resourcePath(VS, i.namespace ?? ns, i.name)).catch(ignoreNotFound);
      await client.request('DELETE', resourcePath(R, ns, rp.metadata.name)).catch(ignoreNotFound);
    },
  };
}
