/** backup.guardrail.dev/v1alpha1: types, JSON Schemas, validation as Issue values, CRD manifests. */
export { BACKUP_GROUP, BACKUP_VERSION, BACKUP_API_VERSION, BACKUP_KINDS, LABELS, ANNOTATIONS, DEFAULT_POLICY_PREFIX, CRITICAL_NAMESPACE_LABEL } from './group.js';
export type { BackupKind } from './group.js';
export type * from './types.js';
export { BACKUP_SCHEMAS } from './schemas/registry.js';
export type { JsonSchema } from './schemas/common.js';
export { BACKUP_ISSUE_CODES } from './issue-codes.js';
export type { BackupIssueCode } from './issue-codes.js';
export { schemaIssues } from './schema-validator.js';
export { matchesLabelSelector, selectsWorkload, selectedNamespaces } from './selector.js';
export type { NamespaceInfo } from './selector.js';
export type { ValidationContext } from './validate/context.js';
export { DEFAULT_MAINTENANCE_INTERVAL } from './validate/context.js';
export { validateBackupPolicy } from './validate/validate-policy.js';
export { validateLocationProfile } from './validate/validate-profile.js';
export { validateBackupObject, backupKindOf } from './validate/validate-object.js';
export type { BackupValidation } from './validate/validate-object.js';
export { immutableAppIssues, profileRefIssues, findProfile, exportActions } from './validate/immutability.js';
export { formatInterval } from './validate/retention-checks.js';
