import { backupPolicySchema } from './backup-policy.js';
import { locationProfileSchema } from './location-profile.js';
import { restorePointSchema } from './restore-point.js';
import type { BackupKind } from '../group.js';
import type { JsonSchema } from './common.js';

export type { JsonSchema } from './common.js';

/** One JSON Schema per kind; a missing kind fails to compile. */
export const BACKUP_SCHEMAS = {
  BackupPolicy: backupPolicySchema,
  LocationProfile: locationProfileSchema,
  RestorePoint: restorePointSchema,
} as const satisfies Record<BackupKind, JsonSchema>;
