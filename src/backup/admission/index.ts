/** The webhook's data-protection integration: pure verdicts, and an extension wired to the local engine. */
export { backupMutate, backupValidate, registrationOf } from './backup-admission.js';
export type { BackupView, MutateVerdict, ValidateVerdict, Registration } from './backup-admission.js';
export { isProtectedWorkload } from './protected.js';
export { createBackupAdmission } from './extension.js';
export type { BackupAdmission } from './extension.js';
export { startBackupIntegration } from './serve-integration.js';
export type { BackupIntegration } from './serve-integration.js';
