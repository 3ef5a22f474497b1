/**
 * Changes made to objects on their way back (K10 restore transforms, trimmed): namespace mapping,
 * storage-class mapping, and JSON patches from a file:
 *   transforms:
 *     - kind: Deployment          # optional filters
 *       name: web
 *       patch: [{op: replace, path: /spec/replicas, value: 1}]
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { applyJsonPatch } from '../../engine/patch/index.js';
import type { JsonPatchOp } from '../../engine/patch/index.js';
import type { KubeObject } from '../capture/index.js';

const CLUSTER_SCOPED = new Set(['Namespace', 'PersistentVolume', 'StorageClass', 'CustomResourceDefinition', 'ClusterRole', 'ClusterRoleBinding']);

export interface Transform {
  readonly kind?: string;
  readonly name?: string;
  readonly patch: readonly JsonPatchOp[];
}

export interface Mapping {
  readonly namespace?: string;
  readonly storageClasses?: Readonly<Record<string, string>>;
  readonly transforms?: readonly Transform[];
}

export async function loadTransforms(file: string): Promise<Transform[]> {
  const doc = parse(await readFile(file, 'utf8')) as { transforms?: Transform[] } | Transform[] | null;
  const list = Array.isArray(doc) ? doc : (doc?.transforms ?? []);
  for (const [i, t] of list.entries()) if (!Array.isArray(t.patch)) throw new Error(`${file}: transforms[${i}].patch must be a list of JSON patch operations`);
  return list;
}

/** The mapped object, or an error naming the transform that did not apply. */
export function transformObject(obj: KubeObject, m: Mapping): { ok: true; obj: KubeObject } | { ok: false; message: string } {
  let out = structuredClone(obj);
  if (m.namespace) {
    if (out.kind === 'Namespace') out.metadata.name = m.namespace;
    else if (!CLUSTER_SCOPED.has(out.kind)) out.metadata = { ...out.metadata, namespace: m.namespace };
  }
  const spec = out.spec as { storageClassName?: string } | undefined;
  if (out.kind === 'PersistentVolumeClaim' && spec?.storageClassName && m.storageClasses?.[spec.storageClassName]) spec.storageClassName = m.storageClasses[spec.storageClassName];
  for (const [i, t] of (m.transforms ?? []).entries()) {
    if ((t.kind && t.kind !== out.kind) || (t.name && t.name !== out.metadata.name)) continue;
    const r = applyJsonPatch(out, t.patch);
    if (!r.ok) return { ok: false, message: `transform ${i}: ${r.message}` };
    out = r.doc as KubeObject;
  }
  return { ok: true, obj: out };
}
