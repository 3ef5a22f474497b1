/** Data protection against a cluster: the backup engine's cluster adapters and serve's wiring. */
export { createClusterBackup } from './cluster-engine.js';
export type { ClusterBackup, ClusterBackupOptions } from './cluster-engine.js';
export { startClusterBackupIntegration } from './cluster-integration.js';
export type { ClusterBackupIntegration, ClusterBackupIntegrationOptions } from './cluster-integration.js';
export { createClusterConfigSource } from './cluster-config-source.js';
export { createObjectCollection, BACKUP_RESOURCES } from './cluster-objects.js';
export type { ObjectCollection } from './cluster-objects.js';
export { createClusterRestorePointStore } from './restore-point-store.js';
export { createWorkloadRegistry, boundApp } from './workload-registry.js';
export { createNamespaceObjectSource, namespaceObjects } from './namespace-objects.js';
export { createCsiSnapshotCapture, SNAPSHOT_API_GROUP } from './csi-snapshots.js';
export { DEFAULT_CLASS_ANNOTATION } from './snapshot-api.js';
export type { SnapshotRecord } from './snapshot-api.js';
export { createApiSink } from './api-sink.js';
export { clusterRepoPassword, REPO_PASSWORD_SECRET } from './repo-password.js';
export { createSecretTrustStore, trustSecretName } from './secret-trust-store.js';
export { buildBackupWebhookConfigs, applyBackupWebhooks, BACKUP_WEBHOOK_NAME } from './backup-webhooks.js';
