import type { Issue } from '../../../engine/result.js';
import { BACKUP_API_VERSION, BACKUP_KINDS } from '../group.js';
import type { BackupKind } from '../group.js';
import { schemaIssues } from '../schema-validator.js';
import type { BackupObject, BackupPolicy, LocationProfile } from '../types.js';
import type { ValidationContext } from './context.js';
import { validateBackupPolicy } from './validate-policy.js';
import { validateLocationProfile } from './validate-profile.js';

export type BackupValidation = { ok: true; object: BackupObject; issues: Issue[] } | { ok: false; kind?: BackupKind; issues: Issue[] };

export function backupKindOf(value: unknown): BackupKind | undefined {
  const v = value as { apiVersion?: unknown; kind?: unknown } | null;
  if (!v || typeof v !== 'object' || v.apiVersion !== BACKUP_API_VERSION) return undefined;
  return BACKUP_KINDS.find((k) => k === v.kind);
}

/** Schema then semantics; semantics run only on a document that passed its schema. Warnings do not fail. */
export function validateBackupObject(value: unknown, ctx: ValidationContext = {}): BackupValidation {
  const kind = backupKindOf(value);
  if (!kind) {
    return { ok: false, issues: [{ code: 'UNKNOWN_BACKUP_KIND', path: '/kind', message: `expected apiVersion ${BACKUP_API_VERSION} and kind ${BACKUP_KINDS.join(', ')}`, severity: 'error' }] };
  }
  const shape = schemaIssues(kind, value);
  if (shape.length) return { ok: false, kind, issues: shape };
  const semantic =
    kind === 'BackupPolicy' ? validateBackupPolicy(value as BackupPolicy, ctx)
    : kind === 'LocationProfile' ? validateLocationProfile(value as LocationProfile, ctx)
    : [];
  const failed = semantic.some((i) => i.severity !== 'warning');
  return failed ? { ok: false, kind, issues: semantic } : { ok: true, object: value as BackupObject, issues: semantic };
}
