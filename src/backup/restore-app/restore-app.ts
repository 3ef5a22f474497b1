/**
 * Restores a RestorePoint into the same or another namespace. Local mode writes a target folder:
 *   <target>/<namespace>/NN-<kind>-<name>.yaml   objects, sanitized, mapped, transformed, in restore order
 *   <target>/volumes/<namespace>/<workload>/<volume>/   volume data (the target's volumes root)
 *   <target>/dumps/                               logical dumps
 * Cluster mode passes a sink that creates the objects through the API and a CSI volume restore whose
 * answer (a VolumeSnapshot as dataSource) is set on the PVC before it is created: volumes go first.
 * When the target app is already protected (registered), a restore point of it is taken first, so that a
 * wrong restore can itself be undone. Existing objects are skipped or updated (existing: skip | update).
 */
import { cp, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ItemOutcome, RestorePoint } from '../api/index.js';
import { createLocalFolderCapture, loadManifests, sanitizeObject, type KubeObject, type VolumeCapture } from '../capture/index.js';
import { appId, type BackupEngine } from '../engine/index.js';
import { createFolderSink, type ObjectSink } from './object-sink.js';
import { readSnapshot } from './read-snapshot.js';
import { byRestoreOrder } from './order.js';
import { transformObject, type Mapping } from './transform.js';

export interface RestoreAppOptions extends Mapping {
  readonly restorePoint: string;
  /** Local mode's target folder (objects, volumes, dumps); cluster mode gives `sink` and `volumes` instead. */
  readonly target?: string;
  readonly existing?: 'skip' | 'update';
  /** Where volume data goes; default `<target>/volumes`. */
  readonly volumes?: VolumeCapture;
  /** Where objects go; default a folder sink on `target`. */
  readonly sink?: ObjectSink;
}

export interface RestoreAppResult {
  readonly restorePoint: RestorePoint;
  readonly namespace: string;
  readonly items: ItemOutcome[];
  /** The restore point taken of the target before it was overwritten. */
  readonly preRestorePoint?: string;
  readonly ok: boolean;
}

export class RestoreError extends Error {
  constructor(
    readonly code: 'RESTORE_POINT_NOT_FOUND' | 'RESTORE_POINT_NOT_COMPLETE' | 'RESTORE_FAILED',
    message: string,
  ) {
    super(message);
  }
}

type DataSource = NonNullable<Awaited<ReturnType<VolumeCapture['restore']>>['dataSource']>;

export async function restoreApp(engine: BackupEngine, o: RestoreAppOptions): Promise<RestoreAppResult> {
  const rp = await engine.store.get(o.restorePoint);
  if (!rp) throw new RestoreError('RESTORE_POINT_NOT_FOUND', `restore point ${o.restorePoint} not found; list them with guardrail backup list`);
  if (rp.status?.state !== 'Complete' || !rp.spec.snapshotId) throw new RestoreError('RESTORE_POINT_NOT_COMPLETE', `restore point ${o.restorePoint} is ${rp.status?.state ?? 'Pending'}: ${rp.status?.message ?? 'no data'}`);
  const namespace = o.namespace ?? rp.spec.app.namespace;
  const target = o.target ?? '';
  if (!o.sink && !target) throw new RestoreError('RESTORE_FAILED', 'a restore needs a target folder or an object sink');
  await mkdir(engine.paths.tmp, { recursive: true });
  const tmp = await mkdtemp(join(engine.paths.tmp, 'restore-'));
  try {
    await readSnapshot(engine, rp, tmp);
    // After reading the data: the pre-restore run applies retention, which may forget the point being restored.
    const preRestorePoint = await protectTarget(engine, namespace, rp.spec.app.name);
    const content = join(tmp, 'content');
    const sink = o.sink ?? createFolderSink(target);
    await sink.prepare?.(namespace);
    // Volumes first: a PVC restored from a snapshot must carry its dataSource when it is created.
    const volumes = o.volumes ?? createLocalFolderCapture(join(target, 'volumes'));
    const volDir = join(content, 'volumes');
    const volumeItems: ItemOutcome[] = [];
    const dataSources = new Map<string, DataSource>();
    for (const v of (await readdir(volDir, { withFileTypes: true }).catch(() => [])).filter((e) => e.isDirectory())) {
      const r = await volumes.restore(join(volDir, v.name), { namespace, workload: rp.spec.app.name, volume: v.name });
      if (r.dataSource) dataSources.set(v.name, r.dataSource);
      volumeItems.push({ kind: r.item?.kind ?? 'Volume', name: r.item?.name ?? v.name, namespace, outcome: r.ok ? 'Succeeded' : 'Failed', message: r.message ?? `${r.bytes} bytes` });
    }
    const items = [...(await restoreObjects(await loadManifests(join(content, 'manifests')), namespace, sink, dataSources, o)), ...volumeItems];
    if (target && (await readdir(join(content, 'dumps')).catch(() => [])).length) await cp(join(content, 'dumps'), join(target, 'dumps'), { recursive: true });
    return { restorePoint: rp, namespace, items, ok: items.every((i) => i.outcome !== 'Failed'), ...(preRestorePoint ? { preRestorePoint } : {}) };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

async function protectTarget(engine: BackupEngine, namespace: string, name: string): Promise<string | undefined> {
  const target = await engine.registry.get(appId({ namespace, name }));
  if (!target) return undefined;
  const r = await engine.runApp(target);
  if (!r.ok) throw new RestoreError('RESTORE_FAILED', `could not take a restore point of ${namespace}/${name} before restoring over it: ${r.restorePoint.status?.message ?? ''}`);
  return r.restorePoint.metadata.name;
}

async function restoreObjects(objects: KubeObject[], namespace: string, sink: ObjectSink, dataSources: ReadonlyMap<string, DataSource>, o: RestoreAppOptions): Promise<ItemOutcome[]> {
  const items: ItemOutcome[] = [];
  for (const [i, raw] of byRestoreOrder(objects.map(sanitizeObject)).entries()) {
    const t = transformObject(raw, { namespace, ...(o.storageClasses ? { storageClasses: o.storageClasses } : {}), ...(o.transforms ? { transforms: o.transforms } : {}) });
    const base = { kind: raw.kind, name: raw.metadata.name, namespace };
    if (!t.ok) {
      items.push({ ...base, outcome: 'Failed', message: t.message });
      continue;
    }
    const ds = t.obj.kind === 'PersistentVolumeClaim' ? dataSources.get(t.obj.metadata.name) : undefined;
    const obj = ds ? { ...t.obj, spec: { ...(t.obj.spec as object), dataSource: ds, dataSourceRef: ds } } : t.obj;
    const r = await sink.put(obj, i, o.existing ?? 'skip').catch((err: unknown) => ({ outcome: 'Failed' as const, message: err instanceof Error ? err.message : String(err) }));
    items.push({ ...base, ...r });
  }
  return items;
}
