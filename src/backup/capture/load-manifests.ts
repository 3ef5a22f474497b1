/** Local mode: the app's other objects (ConfigMaps, Secrets, PVCs, Services) as YAML files in a folder. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { KubeObject } from './types.js';

const isObject = (v: unknown): v is KubeObject =>
  !!v && typeof v === 'object' && typeof (v as KubeObject).kind === 'string' && typeof (v as KubeObject).metadata?.name === 'string';

/** Every object in the folder's .yaml/.yml/.json files (recursive); `List` kinds are flattened. A missing folder is empty. */
export async function loadManifests(dir: string): Promise<KubeObject[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  const files = entries.filter((e) => e.isFile() && /\.(ya?ml|json)$/.test(e.name)).map((e) => join(e.parentPath, e.name)).sort();
  const out: KubeObject[] = [];
  for (const f of files) {
    for (const doc of parseAllDocuments(await readFile(f, 'utf8'))) {
      const v: unknown = doc.toJS();
      const items = (v as { kind?: string; items?: unknown[] })?.kind?.endsWith('List') ? ((v as { items?: unknown[] }).items ?? []) : [v];
      out.push(...items.filter(isObject));
    }
  }
  return out;
}
