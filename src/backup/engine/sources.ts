/**
 * What the engine reads and writes, behind interfaces with two implementations: local mode (a config
 * folder, YAML files in the state folder) and cluster mode (src/k8s/backup: informers over the
 * backup.guardrail.dev CRs, RestorePoint CRs, bound workloads read through the API). One engine drives both.
 */
import type { LocationProfile, BackupPolicy } from '../api/index.js';
import { relatedObjects, type KubeObject, type VolumeCapture } from '../capture/index.js';
import type { TrustStore } from '../repository/index.js';
import type { OpenStorageEnv } from '../storage/index.js';
import type { RegisteredApp } from './app-registry.js';
import { loadLocalConfig, type LocalConfig } from './local-config.js';

export interface BackupConfigSource {
  readonly kind: 'folder' | 'cluster';
  /** Where the config comes from, for messages: the folder, or the API server's URL. */
  readonly where: string;
  /** The current config; `errors` non-empty means it must not drive backups. */
  load(): Promise<LocalConfig>;
  /** Storage credentials of a LocationProfile (cluster: its credentials Secret); merged over the process env. */
  storageEnv?(profile: LocationProfile): Promise<OpenStorageEnv>;
  /** Where the journal key and anchor of a profile's repository live (cluster: a Secret, shared by replicas and the CLI). */
  trust?(profile: LocationProfile): ((repoId: string) => TrustStore) | undefined;
}

/** The objects of an app that go into its restore point (before sanitization). */
export interface ObjectSource {
  objectsOf(app: RegisteredApp, config: LocalConfig): Promise<KubeObject[]>;
}

/** The volume capture of one run; cluster mode picks the VolumeSnapshotClass from the policy. */
export type VolumesFor = (policy: BackupPolicy) => VolumeCapture;

export function createFolderConfigSource(dir: string): BackupConfigSource {
  return { kind: 'folder', where: dir, load: () => loadLocalConfig(dir) };
}

/** Local mode: the workload as last admitted and the objects of the config folder it references. */
export const relatedObjectSource: ObjectSource = {
  objectsOf: async (app, config) => [app.manifest, ...relatedObjects(app.manifest, config.manifests)],
};
