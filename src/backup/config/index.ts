/** Local mode: BackupPolicy, LocationProfile and RestorePoint objects from YAML files in a folder. */
export { loadBackupConfig } from './load-config.js';
export type { BackupConfig, BackupConfigOptions } from './load-config.js';
