/**
 * The backup engine of src/backup/engine wired to a cluster: BackupPolicies and LocationProfiles from
 * CRs, apps = bound workloads, RestorePoint CRs, the namespace captured through the API, PVCs as CSI
 * VolumeSnapshots, the password and journal trust in Secrets of Guardrail's namespace. `watch` (serve)
 * keeps informer caches for admission; without it (CLI) every read is a LIST.
 */
import type { BackupPolicy, LocationProfile, RestorePoint } from '../../backup/api/index.js';
import { createBackupEngine, type BackupEngine } from '../../backup/engine/index.js';
import type { Issue } from '../../engine/result.js';
import type { KubeClient } from '../client/kube-client.js';
import { createClusterConfigSource } from './cluster-config-source.js';
import { createObjectCollection } from './cluster-objects.js';
import { createCsiSnapshotCapture } from './csi-snapshots.js';
import { createNamespaceObjectSource } from './namespace-objects.js';
import { clusterRepoPassword } from './repo-password.js';
import { createClusterRestorePointStore } from './restore-point-store.js';
import { createWorkloadRegistry } from './workload-registry.js';

export interface ClusterBackupOptions {
  client: KubeClient;
  /** Guardrail's namespace: password and trust Secrets, default namespace of profiles' Secrets. */
  namespace: string;
  /** Local working state: the working repository, scheduler state, staging. */
  stateDir: string;
  env: Readonly<Record<string, string | undefined>>;
  passwordFile?: string;
  watch: boolean;
  /** How long a capture waits for each VolumeSnapshot's readyToUse (default 30 s). */
  snapshotWaitMs?: number;
  now?: () => number;
  onIssues?: (issues: Issue[]) => void;
  onWatchError?: (err: unknown) => void;
  /** Watch mode: BackupPolicies were added, changed or deleted. */
  onPoliciesChange?: () => void;
  /** Watch mode: LocationProfiles were added, changed or deleted (status writes included). */
  onProfilesChange?: () => void;
}

export interface ClusterBackup {
  readonly engine: BackupEngine;
  /** Starts the informers (watch mode) and resolves once they have listed. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createClusterBackup(o: ClusterBackupOptions): ClusterBackup {
  const policies = createObjectCollection<BackupPolicy>(o.client, 'BackupPolicy', o.watch, o.onWatchError, o.onPoliciesChange);
  const profiles = createObjectCollection<LocationProfile>(o.client, 'LocationProfile', o.watch, o.onWatchError, o.onProfilesChange);
  const points = createObjectCollection<RestorePoint>(o.client, 'RestorePoint', o.watch, o.onWatchError);
  const source = createClusterConfigSource({ client: o.client, policies, profiles, namespace: o.namespace, ...(o.onIssues ? { onIssues: o.onIssues } : {}) });
  const engine = createBackupEngine({
    configDir: o.client.server,
    stateDir: o.stateDir,
    volumesRoot: '',
    env: o.env,
    ...(o.now ? { now: o.now } : {}),
    source,
    registry: createWorkloadRegistry(o.client),
    store: createClusterRestorePointStore(o.client, points),
    objects: createNamespaceObjectSource(o.client),
    volumes: createCsiSnapshotCapture({ client: o.client, ...(o.snapshotWaitMs !== undefined ? { readyTimeoutMs: o.snapshotWaitMs } : {}) }),
    volumesFor: (policy) =>
      createCsiSnapshotCapture({
        client: o.client,
        ...(policy.spec.volumeSnapshotClassName ? { className: policy.spec.volumeSnapshotClassName } : {}),
        ...(o.snapshotWaitMs !== undefined ? { readyTimeoutMs: o.snapshotWaitMs } : {}),
        ...(o.now ? { now: o.now } : {}),
      }),
    password: () => clusterRepoPassword({ client: o.client, namespace: o.namespace, env: o.env, ...(o.passwordFile ? { passwordFile: o.passwordFile } : {}) }),
  });
  return {
    engine,
    start: async () => void (await Promise.all([policies.start(), profiles.start(), points.start()])),
    stop: async () => void (await Promise.all([policies.stop(), profiles.stop(), points.stop()])),
  };
}
