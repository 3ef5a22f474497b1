/** RestorePoints as YAML files in the state folder (local mode); one file per point, written atomically. */
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import type { RestorePoint } from '../api/index.js';
import { atomicWrite } from './atomic-write.js';

export interface RestorePointStore {
  list(): Promise<RestorePoint[]>;
  get(name: string): Promise<RestorePoint | undefined>;
  put(rp: RestorePoint): Promise<void>;
  remove(name: string): Promise<void>;
}

const fileOf = (dir: string, name: string): string => join(dir, `${name}.yaml`);

export function createRestorePointStore(dir: string): RestorePointStore {
  const get = async (name: string): Promise<RestorePoint | undefined> => {
    if (!/^[a-z0-9][a-z0-9.-]*$/.test(name)) return undefined;
    const text = await readFile(fileOf(dir, name), 'utf8').catch(() => undefined);
    return text ? (parse(text) as RestorePoint) : undefined;
  };
  return {
    async list() {
      const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.yaml')).sort();
      const out: RestorePoint[] = [];
      for (const f of files) {
        const rp = await get(f.slice(0, -'.yaml'.length));
        if (rp) out.push(rp);
      }
      return out.sort((a, b) => Date.parse(a.spec.time) - Date.parse(b.spec.time));
    },
    get,
    put: (rp) => atomicWrite(fileOf(dir, rp.metadata.name), stringify(rp)),
    remove: (name) => rm(fileOf(dir, name), { force: true }),
  };
}
