/**
 * The backup.guardrail.dev objects as the cluster holds them, through one small interface: informer caches
 * in `guardrail serve` (admission reads them per request), plain LISTs in one-shot CLI commands.
 */
import type { KubernetesObject } from '@kubernetes/client-node';
import type { KubeClient } from '../client/kube-client.js';
import { createWatchedCollection } from '../informers/watched-collection.js';

export const BACKUP_RESOURCES = {
  BackupPolicy: { group: 'backup.guardrail.dev', version: 'v1alpha1', resource: 'backuppolicies' },
  LocationProfile: { group: 'backup.guardrail.dev', version: 'v1alpha1', resource: 'locationprofiles' },
  RestorePoint: { group: 'backup.guardrail.dev', version: 'v1alpha1', resource: 'restorepoints' },
} as const satisfies Record<string, { group: string; version: string; resource: string }>;

export type BackupResourceKind = keyof typeof BACKUP_RESOURCES;

export interface ObjectCollection<T> {
  list(): Promise<T[]>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

const allNamespaces = (kind: BackupResourceKind): string => {
  const r = BACKUP_RESOURCES[kind];
  return `/apis/${r.group}/${r.version}/${r.resource}`;
};

/** `watch`: an informer (serve); otherwise every list() asks the API server (CLI). */
export function createObjectCollection<T>(client: KubeClient, kind: BackupResourceKind, watch: boolean, onError?: (err: unknown) => void, onChange?: () => void): ObjectCollection<T> {
  const path = allNamespaces(kind);
  const withKind = (items: T[]): T[] => items.map((o) => ({ apiVersion: 'backup.guardrail.dev/v1alpha1', kind, ...(o as object) }) as T);
  if (!watch) {
    return {
      list: async () => withKind((await client.request<{ items?: T[] }>('GET', path)).items ?? []),
      start: async () => undefined,
      stop: async () => undefined,
    };
  }
  const informer = createWatchedCollection<KubernetesObject>({ client, path, ...(onError ? { onError } : {}), ...(onChange ? { onChange } : {}) });
  return {
    list: async () => withKind(informer.list() as unknown as T[]),
    start: () => informer.start(),
    stop: () => informer.stop(),
  };
}
