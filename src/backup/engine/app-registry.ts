/**
 * Apps under protection, persisted as JSON in the state folder: namespace/name, the BackupPolicy, and the
 * manifest as last admitted (what local mode captures). The webhook's onAdmitted registers; the CLI reads.
 * Writes are atomic; every read goes to the file, so a `guardrail backup` CLI sees what `serve` wrote.
 */
import { readFile } from 'node:fs/promises';
import type { KubeObject } from '../capture/index.js';
import { atomicWrite } from './atomic-write.js';

export interface RegisteredApp {
  readonly namespace: string;
  readonly name: string;
  readonly kind: string;
  readonly policy: string;
  readonly admittedAt: string;
  readonly manifest: KubeObject;
}

export const appId = (a: { namespace: string; name: string }): string => `${a.namespace}/${a.name}`;

export interface AppRegistry {
  list(): Promise<RegisteredApp[]>;
  get(id: string): Promise<RegisteredApp | undefined>;
  register(app: RegisteredApp): Promise<void>;
  remove(id: string): Promise<boolean>;
}

export function createAppRegistry(file: string): AppRegistry {
  let queue: Promise<unknown> = Promise.resolve();
  const read = async (): Promise<Record<string, RegisteredApp>> => {
    const text = await readFile(file, 'utf8').catch(() => undefined);
    return text ? (JSON.parse(text) as { apps: Record<string, RegisteredApp> }).apps : {};
  };
  // Updates are serialised in this process (read-modify-write); the file rename keeps readers safe.
  const update = (fn: (apps: Record<string, RegisteredApp>) => boolean): Promise<boolean> => {
    const next = queue.then(async () => {
      const apps = await read();
      const changed = fn(apps);
      if (changed) await atomicWrite(file, `${JSON.stringify({ apps }, null, 2)}\n`);
      return changed;
    });
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    list: async () => Object.values(await read()).sort((a, b) => appId(a).localeCompare(appId(b))),
    get: async (id) => (await read())[id],
    register: async (app) => {
      await update((apps) => {
        apps[appId(app)] = app;
        return true;
      });
    },
    remove: (id) =>
      update((apps) => {
        if (!(id in apps)) return false;
        delete apps[id];
        return true;
      }),
  };
}
