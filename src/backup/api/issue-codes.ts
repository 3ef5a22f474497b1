/**
 * Every issue code the backup API, config loader, binding and compliance modules emit. Codes are a
 * contract (the policy-validating webhook and the CLI show them); add new ones rather than change one.
 * issue-codes.test.ts checks this table against the sources.
 */
export const BACKUP_ISSUE_CODES = {
  // Shape (JSON Schema); same names as src/policy's schema codes
  SCHEMA_UNKNOWN_FIELD: 'A field that the backup API does not define.',
  SCHEMA_MISSING_FIELD: 'A required field is missing.',
  SCHEMA_WRONG_TYPE: 'A field has the wrong type (e.g. a string where a list is expected).',
  SCHEMA_BAD_VALUE: 'A field value is outside what the API allows (enum, pattern, range, format).',
  UNKNOWN_BACKUP_KIND: 'A document is not a backup.guardrail.dev/v1alpha1 BackupPolicy, LocationProfile or RestorePoint.',
  DUPLICATE_NAME: 'Two objects of one kind share a namespace and name.',
  // Schedule
  BAD_FREQUENCY: 'frequency starts with @ but is not @hourly, @daily, @weekly, @monthly or @yearly.',
  BAD_CRON: 'frequency is not a valid five-field cron expression.',
  SUBFREQUENCY_NOT_ALLOWED: 'subFrequency sets a field the frequency does not use, or refines a cron expression.',
  UNKNOWN_TIMEZONE: 'timezone is not an IANA time zone known to the runtime (Intl).',
  RPO_SHORTER_THAN_INTERVAL: 'The RPO is shorter than the longest gap between two scheduled runs, so it is always missed.',
  HOURLY_RPO_REQUIRED: 'A policy selecting workloads in a critical namespace must run @hourly or more often.',
  // Retention
  RETENTION_FINER_THAN_FREQUENCY: 'A retention bucket is finer than the schedule (e.g. hourly retention on a @daily policy).',
  RETENTION_BELOW_MIN: 'Daily retention is below the configured minimum.',
  // Binding (mutating webhook)
  POLICY_NOT_FOUND: 'A workload names a BackupPolicy that does not exist.',
  BAD_POLICY_LABEL: 'The dataprotection label does not have the form <prefix><policy> (default k10-<policy>).',
  // Locations and immutability
  EXPORT_PROFILE_NOT_FOUND: 'An export action names a LocationProfile that does not exist.',
  EXPORT_PROFILE_NOT_IMMUTABLE: 'An immutable app is exported to a profile whose immutability is not enforced.',
  IMMUTABLE_EXPORT_MISSING: 'An immutable app has no export to an immutable location.',
  PROTECTION_SHORTER_THAN_MAINTENANCE: 'The protection period ends before maintenance would extend the locks.',
  LOCK_MODE_WITHOUT_PROTECTION: 'lockMode is set but protectionPeriod is not, so no object is ever locked.',
} as const satisfies Record<string, string>;

export type BackupIssueCode = keyof typeof BACKUP_ISSUE_CODES;
