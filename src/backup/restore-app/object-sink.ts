/**
 * Where restored objects go, behind one interface: a folder (local mode: one YAML file per object under
 * `<target>/<namespace>/`) or the API server (cluster mode, src/k8s/backup). The existing-resource policy
 * is the sink's to apply, because only it knows whether the object exists.
 */
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { ItemOutcome } from '../api/index.js';
import type { KubeObject } from '../capture/index.js';

export type ExistingPolicy = 'skip' | 'update';

export type SinkOutcome = Pick<ItemOutcome, 'outcome' | 'message'>;

export interface ObjectSink {
  /** Makes sure the target namespace exists (cluster: creates it; folder: nothing to do). */
  prepare?(namespace: string): Promise<void>;
  /** Writes one object; `index` is its place in restore order. */
  put(obj: KubeObject, index: number, existing: ExistingPolicy): Promise<SinkOutcome>;
}

const exists = (p: string): Promise<boolean> => stat(p).then(() => true, () => false);

export function createFolderSink(target: string): ObjectSink {
  return {
    async put(obj, index, existing) {
      const dir = join(target, obj.metadata.namespace ?? '_cluster');
      await mkdir(dir, { recursive: true });
      const file = join(dir, `${String(index).padStart(2, '0')}-${obj.kind.toLowerCase()}-${obj.metadata.name}.yaml`);
      if ((await exists(file)) && existing === 'skip') return { outcome: 'Skipped', message: 'exists (existing: skip)' };
      await writeFile(file, stringify(obj));
      return { outcome: 'Succeeded' };
    },
  };
}
