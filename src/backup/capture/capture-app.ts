/**
 * Captures one app into a staging folder laid out as the restore point's content:
 *   manifests/NN-<kind>-<name>.yaml   the workload as last admitted and its related objects, sanitized
 *   volumes/<volume>/...              the data of each volume (VolumeCapture)
 *   dumps/                            files written by logical-dump hooks (filled by the hooks)
 * Each item gets an outcome; a volume that cannot be read fails the capture (a restore point without
 * its data would look complete and not be).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { ItemOutcome } from '../api/index.js';
import { relatedObjects } from './related.js';
import { sanitizeObject } from './sanitize.js';
import type { KubeObject } from './types.js';
import type { VolumeCapture } from './volumes.js';

export interface CaptureInput {
  readonly workload: KubeObject;
  /** Candidates for related objects (local mode: the manifests folder). */
  readonly candidates: readonly KubeObject[];
  /** The app's objects, already chosen (cluster mode: its namespace); replaces workload + related candidates. */
  readonly objects?: readonly KubeObject[];
  readonly volumes: VolumeCapture;
  readonly stagingDir: string;
}

export interface CaptureResult {
  readonly items: ItemOutcome[];
  readonly objects: KubeObject[];
  readonly bytes: number;
}

const fileName = (i: number, o: KubeObject): string => `${String(i).padStart(2, '0')}-${o.kind.toLowerCase()}-${o.metadata.name}.yaml`;

/** Volume names declared by the workload: pod volumes and, for a StatefulSet, its volumeClaimTemplates. */
export function declaredVolumes(w: KubeObject): string[] {
  const spec = (w.spec ?? {}) as { template?: { spec?: { volumes?: { name: string; persistentVolumeClaim?: unknown }[] } }; volumeClaimTemplates?: { metadata?: { name?: string } }[] };
  const pvcVolumes = (spec.template?.spec?.volumes ?? []).filter((v) => v.persistentVolumeClaim).map((v) => v.name);
  const claims = (spec.volumeClaimTemplates ?? []).flatMap((t) => (t.metadata?.name ? [t.metadata.name] : []));
  return [...pvcVolumes, ...claims];
}

export async function captureApp(input: CaptureInput): Promise<CaptureResult> {
  const { workload, stagingDir } = input;
  const ns = workload.metadata.namespace ?? 'default';
  const manifestsDir = join(stagingDir, 'manifests');
  await mkdir(manifestsDir, { recursive: true });
  await mkdir(join(stagingDir, 'dumps'), { recursive: true });
  const objects = (input.objects ?? [workload, ...relatedObjects(workload, input.candidates)]).map(sanitizeObject);
  const items: ItemOutcome[] = [];
  for (const [i, o] of objects.entries()) {
    await writeFile(join(manifestsDir, fileName(i, o)), stringify(o), { mode: 0o600 });
    items.push({ kind: o.kind, name: o.metadata.name, namespace: ns, outcome: 'Succeeded' });
  }
  let bytes = 0;
  for (const volume of await input.volumes.discover(ns, workload.metadata.name, declaredVolumes(workload))) {
    const r = await input.volumes.capture({ namespace: ns, workload: workload.metadata.name, volume }, join(stagingDir, 'volumes', volume));
    const ok = r.ok ? (r.message ?? `${r.bytes} bytes (${input.volumes.kind})`) : (r.message ?? 'failed');
    items.push({ kind: r.item?.kind ?? 'Volume', name: r.item?.name ?? volume, namespace: ns, outcome: r.ok ? 'Succeeded' : 'Failed', message: ok });
    if (!r.ok) throw new Error(`volume ${volume}: ${r.message ?? 'capture failed'}`);
    bytes += r.bytes;
  }
  return { items, objects, bytes };
}
