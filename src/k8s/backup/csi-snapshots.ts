/**
 * Volumes in cluster mode: a CSI snapshot.storage.k8s.io/v1 VolumeSnapshot per PVC of the app's namespace
 * (https://kubernetes.io/docs/concepts/storage/volume-snapshots/). capture() creates it, waits a bounded time
 * for readyToUse and records what it saw (volumesnapshot.json in the restore point): a snapshot still
 * being cut is recorded as such, never waited on forever. Moving the bytes off the cluster (a mover Job
 * mounting a PVC made from the snapshot) would slot in after the wait, writing into the same folder.
 * restore() answers the PVC's dataSource: the original VolumeSnapshot in the same namespace; in another
 * namespace a pre-provisioned VolumeSnapshotContent (deletionPolicy Retain, the original snapshotHandle)
 * bound to a new VolumeSnapshot there, as Velero's CSI restore does, since a dataSource cannot cross namespaces.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { VolumeCapture } from '../../backup/capture/index.js';
import type { KubeClient } from '../client/kube-client.js';
import { resourcePath } from '../client/paths.js';
import { createSnapshotApi, type SnapshotRecord } from './snapshot-api.js';

export interface CsiSnapshotOptions {
  client: KubeClient;
  /** The policy's volumeSnapshotClassName; else the class annotated as default, else the controller's choice. */
  className?: string;
  /** How long capture waits for readyToUse (default 30 s). */
  readyTimeoutMs?: number;
  now?: () => number;
}

const RECORD = 'volumesnapshot.json';
export const SNAPSHOT_API_GROUP = 'snapshot.storage.k8s.io';

export function createCsiSnapshotCapture(o: CsiSnapshotOptions): VolumeCapture {
  const api = createSnapshotApi(o.client);
  return {
    kind: 'csi-snapshot',
    async discover(namespace) {
      const list = await o.client.request<{ items?: { metadata: { name: string } }[] }>('GET', resourcePath({ group: '', version: 'v1', resource: 'persistentvolumeclaims' }, namespace));
      return (list.items ?? []).map((p) => p.metadata.name).sort();
    },
    async capture(ref, into) {
      const className = o.className ?? (await api.defaultClass());
      let rec: SnapshotRecord;
      try {
        rec = await api.create(ref, className, (o.now ?? Date.now)());
        rec = await api.waitReady(rec, o.readyTimeoutMs ?? 30_000);
      } catch (err) {
        return { volume: ref.volume, ok: false, bytes: 0, message: `VolumeSnapshot of PVC ${ref.volume}: ${err instanceof Error ? err.message : String(err)}` };
      }
      await mkdir(into, { recursive: true });
      await writeFile(join(into, RECORD), `${JSON.stringify(rec, null, 2)}\n`);
      const item = { kind: 'VolumeSnapshot', name: rec.name };
      if (rec.error) return { volume: ref.volume, ok: false, bytes: 0, item, message: `PVC ${ref.volume}: ${rec.error}` };
      const state = rec.readyToUse ? 'readyToUse' : `not readyToUse after ${Math.round((o.readyTimeoutMs ?? 30_000) / 1000)} s (recorded; the snapshot controller completes it)`;
      return { volume: ref.volume, ok: true, bytes: 0, item, message: `PVC ${ref.volume}${rec.className ? `, class ${rec.className}` : ''}: ${state}` };
    },
    async restore(from, target) {
      const rec = JSON.parse(await readFile(join(from, RECORD), 'utf8')) as SnapshotRecord;
      const dataSource = { apiGroup: SNAPSHOT_API_GROUP, kind: 'VolumeSnapshot', name: rec.name };
      const item = { kind: 'VolumeSnapshot', name: rec.name };
      if (target.namespace === rec.namespace) return { volume: target.volume, ok: true, bytes: 0, item, dataSource, message: `PVC ${target.volume} from VolumeSnapshot ${rec.name}` };
      const r = await api.cloneInto(rec, target.namespace).catch((err: unknown) => ({ error: err instanceof Error ? err.message : String(err) }));
      if ('error' in r) return { volume: target.volume, ok: false, bytes: 0, item, message: `PVC ${target.volume} restored without data: ${r.error}` };
      return { volume: target.volume, ok: true, bytes: 0, item, dataSource, message: `PVC ${target.volume} from VolumeSnapshot ${rec.name} (content ${r.content}, handle ${r.handle})` };
    },
  };
}
