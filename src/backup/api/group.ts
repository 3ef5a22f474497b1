/**
 * The backup API group and the label/annotation keys Guardrail reads and writes. Kinds and shapes follow
 * Kasten K10's config.kio.kasten.io/v1alpha1 Policy and Profile and apps.kio.kasten.io RestorePoint
 * (https://docs.kasten.io/latest/api/policies/, /api/profiles/, /api/restorepoints/), trimmed to what
 * Guardrail's engine does.
 */
export const BACKUP_GROUP = 'backup.guardrail.dev';
export const BACKUP_VERSION = 'v1alpha1';
export const BACKUP_API_VERSION = `${BACKUP_GROUP}/${BACKUP_VERSION}`;

export const BACKUP_KINDS = ['BackupPolicy', 'LocationProfile', 'RestorePoint'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

/** Workload labels of the data-protection guardrail (policies/data-protection/require-data-protection-labels.yaml). */
export const LABELS = {
  purpose: 'purpose',
  dataProtection: 'dataprotection',
  immutable: 'immutable',
} as const;

/** The value prefix of the `dataprotection` label; `k10-` keeps K10's convention (k10-<policy>). */
export const DEFAULT_POLICY_PREFIX = 'k10-';

/** Annotations the mutating webhook writes when it binds a workload to a BackupPolicy. */
export const ANNOTATIONS = {
  policy: `${BACKUP_GROUP}/policy`,
  boundAt: `${BACKUP_GROUP}/bound-at`,
} as const;

/** Namespace label that makes a namespace critical: its BackupPolicies must run @hourly or finer. */
export const CRITICAL_NAMESPACE_LABEL = 'guardrail.dev/critical';
