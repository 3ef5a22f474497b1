/** The snapshot.storage.k8s.io/v1 calls of the CSI volume capture: create, wait, default class, clone into a namespace. */
import type { VolumeRef } from '../../backup/capture/index.js';
import { restorePointName } from '../../backup/engine/index.js';
import { isConflict, isNotFound, type KubeClient } from '../client/kube-client.js';
import { resourcePath } from '../client/paths.js';

const VS = { group: 'snapshot.storage.k8s.io', version: 'v1', resource: 'volumesnapshots' };
const VSC = { group: 'snapshot.storage.k8s.io', version: 'v1', resource: 'volumesnapshotcontents' };
const VSCLASS = { group: 'snapshot.storage.k8s.io', version: 'v1', resource: 'volumesnapshotclasses' };
/** external-snapshotter's default-class annotation. */
export const DEFAULT_CLASS_ANNOTATION = 'snapshot.storage.kubernetes.io/is-default-class';

/** What the restore point records of one snapshot. */
export interface SnapshotRecord {
  name: string;
  namespace: string;
  pvc: string;
  className?: string;
  readyToUse: boolean;
  boundVolumeSnapshotContentName?: string;
  restoreSize?: string;
  error?: string;
}

interface VolumeSnapshot {
  metadata: { name: string; namespace?: string };
  spec?: { volumeSnapshotClassName?: string };
  status?: { readyToUse?: boolean; boundVolumeSnapshotContentName?: string; restoreSize?: string; error?: { message?: string } };
}

interface VolumeSnapshotContent {
  spec?: { driver?: string; volumeSnapshotClassName?: string; source?: { snapshotHandle?: string } };
  status?: { snapshotHandle?: string };
}

const recordOf = (vs: VolumeSnapshot, pvc: string): SnapshotRecord => ({
  name: vs.metadata.name,
  namespace: vs.metadata.namespace ?? '',
  pvc,
  ...(vs.spec?.volumeSnapshotClassName ? { className: vs.spec.volumeSnapshotClassName } : {}),
  readyToUse: vs.status?.readyToUse === true,
  ...(vs.status?.boundVolumeSnapshotContentName ? { boundVolumeSnapshotContentName: vs.status.boundVolumeSnapshotContentName } : {}),
  ...(vs.status?.restoreSize ? { restoreSize: vs.status.restoreSize } : {}),
  ...(vs.status?.error?.message ? { error: vs.status.error.message } : {}),
});

export function createSnapshotApi(client: KubeClient) {
  const get = (ns: string, name: string) => client.request<VolumeSnapshot>('GET', resourcePath(VS, ns, name));
  return {
    async defaultClass(): Promise<string | undefined> {
      const list = await client.request<{ items?: { metadata: { name: string; annotations?: Record<string, string> } }[] }>('GET', resourcePath(VSCLASS)).catch(() => ({ items: [] }));
      return list.items?.find((c) => c.metadata.annotations?.[DEFAULT_CLASS_ANNOTATION] === 'true')?.metadata.name;
    },
    async create(ref: VolumeRef, className: string | undefined, time: number): Promise<SnapshotRecord> {
      const name = restorePointName({ name: ref.volume }, time);
      const body = {
        apiVersion: 'snapshot.storage.k8s.io/v1',
        kind: 'VolumeSnapshot',
        metadata: { name, namespace: ref.namespace, labels: { 'app.kubernetes.io/managed-by': 'guardrail', 'backup.guardrail.dev/app': ref.workload } },
        spec: { source: { persistentVolumeClaimName: ref.volume }, ...(className ? { volumeSnapshotClassName: className } : {}) },
      };
      try {
        return recordOf(await client.request<VolumeSnapshot>('POST', resourcePath(VS, ref.namespace), { body }), ref.volume);
      } catch (err) {
        if (isNotFound(err)) throw new Error('the snapshot.storage.k8s.io/v1 VolumeSnapshot API is not installed (external-snapshotter CRDs)', { cause: err });
        throw err;
      }
    },
    async waitReady(rec: SnapshotRecord, timeoutMs: number): Promise<SnapshotRecord> {
      const deadline = Date.now() + timeoutMs;
      let cur = rec;
      while (!cur.readyToUse && !cur.error && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, Math.min(1000, Math.max(0, deadline - Date.now()))));
        cur = recordOf(await get(rec.namespace, rec.name), rec.pvc);
      }
      return cur;
    },
    /** A VolumeSnapshot of the same name in `namespace`, bound to a pre-provisioned content with the original handle. */
    async cloneInto(rec: SnapshotRecord, namespace: string): Promise<{ content: string; handle: string }> {
      const live = recordOf(await get(rec.namespace, rec.name), rec.pvc);
      const bound = live.boundVolumeSnapshotContentName ?? rec.boundVolumeSnapshotContentName;
      if (!bound) throw new Error(`VolumeSnapshot ${rec.namespace}/${rec.name} has no content yet (readyToUse ${live.readyToUse})`);
      const src = await client.request<VolumeSnapshotContent>('GET', resourcePath(VSC, undefined, bound));
      const handle = src.status?.snapshotHandle ?? src.spec?.source?.snapshotHandle;
      if (!handle || !src.spec?.driver) throw new Error(`VolumeSnapshotContent ${bound} has no snapshotHandle yet`);
      const content = `${namespace}-${rec.name}`.slice(0, 253);
      const className = src.spec.volumeSnapshotClassName ?? rec.className;
      const vsc = {
        apiVersion: 'snapshot.storage.k8s.io/v1',
        kind: 'VolumeSnapshotContent',
        metadata: { name: content, labels: { 'app.kubernetes.io/managed-by': 'guardrail' } },
        spec: { deletionPolicy: 'Retain', driver: src.spec.driver, source: { snapshotHandle: handle }, volumeSnapshotRef: { namespace, name: rec.name }, ...(className ? { volumeSnapshotClassName: className } : {}) },
      };
      const vs = {
        apiVersion: 'snapshot.storage.k8s.io/v1',
        kind: 'VolumeSnapshot',
        metadata: { name: rec.name, namespace, labels: { 'app.kubernetes.io/managed-by': 'guardrail' } },
        spec: { source: { volumeSnapshotContentName: content }, ...(className ? { volumeSnapshotClassName: className } : {}) },
      };
      for (const [r, body, ns] of [[VSC, vsc, undefined], [VS, vs, namespace]] as const) {
        await client.request('POST', resourcePath(r, ns), { body }).catch((err: unknown) => {
          if (!isConflict(err)) throw err;
        });
      }
      return { content, handle };
    },
  };
}
