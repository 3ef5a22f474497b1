/**
 * Restores a RestorePoint (local mode) into a target folder, in the same or another namespace:
 *   <target>/<namespace>/NN-<kind>-<name>.yaml   objects, sanitized, mapped, transformed, in restore order
 *   <target>/volumes/<namespace>/<workload>/<volume>/   volume data (the target's volumes root)
 *   <target>/dumps/                               logical dumps
 * When the target app is already protected (registered), a restore point of it is taken first, so that a
 * wrong restore can itself be undone. Existing objects are skipped or updated (existing: skip | update).
 */
import { cp, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { ItemOutcome, RestorePoint } from '../api/index.js';
import { createLocalFolderCapture, loadManifests, sanitizeObject, type KubeObject, type VolumeCapture } from '../capture/index.js';
import { appId, type BackupEngine } from '../engine/index.js';
import { readSnapshot } from './read-snapshot.js';
import { byRestoreOrder } from './order.js';
import { transformObject, type Mapping } from './transform.js';

export interface RestoreAppOptions extends Mapping {
  readonly restorePoint: string;
  readonly target: string;
  readonly existing?: 'skip' | 'update';
  /** Where volume data goes; default `<target>/volumes`. */
  readonly volumes?: VolumeCapture;
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

const exists = (p: string): Promise<boolean> => stat(p).then(() => true, () => false);

export async function restoreApp(engine: BackupEngine, o: RestoreAppOptions): Promise<RestoreAppResult> {
  const rp = await engine.store.get(o.restorePoint);
  if (!rp) throw new RestoreError('RESTORE_POINT_NOT_FOUND', `restore point ${o.restorePoint} not found; list them with guardrail backup list`);
  if (rp.status?.state !== 'Complete' || !rp.spec.snapshotId) throw new RestoreError('RESTORE_POINT_NOT_COMPLETE', `restore point ${o.restorePoint} is ${rp.status?.state ?? 'Pending'}: ${rp.status?.message ?? 'no data'}`);
  const namespace = o.namespace ?? rp.spec.app.namespace;
  await mkdir(engine.paths.tmp, { recursive: true });
  const tmp = await mkdtemp(join(engine.paths.tmp, 'restore-'));
  try {
    await readSnapshot(engine, rp, tmp);
    // After reading the data: the pre-restore run applies retention, which may forget the point being restored.
    const preRestorePoint = await protectTarget(engine, namespace, rp.spec.app.name);
    const content = join(tmp, 'content');
    const items = await restoreObjects(await loadManifests(join(content, 'manifests')), namespace, o);
    const volumes = o.volumes ?? createLocalFolderCapture(join(o.target, 'volumes'));
    const volDir = join(content, 'volumes');
    for (const v of (await readdir(volDir, { withFileTypes: true }).catch(() => [])).filter((e) => e.isDirectory())) {
      const r = await volumes.restore(join(volDir, v.name), { namespace, workload: rp.spec.app.name, volume: v.name });
      items.push({ kind: 'Volume', name: v.name, namespace, outcome: r.ok ? 'Succeeded' : 'Failed', message: `${r.bytes} bytes` });
    }
    if ((await readdir(join(content, 'dumps')).catch(() => [])).length) await cp(join(content, 'dumps'), join(o.target, 'dumps'), { recursive: true });
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

async function restoreObjects(objects: KubeObject[], namespace: string, o: RestoreAppOptions): Promise<ItemOutcome[]> {
  const dir = join(o.target, namespace);
  await mkdir(dir, { recursive: true });
  const items: ItemOutcome[] = [];
  for (const [i, raw] of byRestoreOrder(objects.map(sanitizeObject)).entries()) {
    const t = transformObject(raw, { namespace, ...(o.storageClasses ? { storageClasses: o.storageClasses } : {}), ...(o.transforms ? { transforms: o.transforms } : {}) });
    const base = { kind: raw.kind, name: raw.metadata.name, namespace };
    if (!t.ok) {
      items.push({ ...base, outcome: 'Failed', message: t.message });
      continue;
    }
    const file = join(dir, `${String(i).padStart(2, '0')}-${t.obj.kind.toLowerCase()}-${t.obj.metadata.name}.yaml`);
    if ((await exists(file)) && (o.existing ?? 'skip') === 'skip') {
      items.push({ ...base, outcome: 'Skipped', message: 'exists (existing: skip)' });
      continue;
    }
    await writeFile(file, stringify(t.obj));
    items.push({ ...base, outcome: 'Succeeded' });
  }
  return items;
}
