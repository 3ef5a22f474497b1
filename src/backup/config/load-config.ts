/**
 * Local mode: the backup objects as YAML/JSON files in a folder (`--backup-config DIR`), read with
 * src/policy's loadInputs so that every issue carries file, line and column, then checked as the
 * policy-validating webhook would: schema, semantics, and references between the files.
 */
import type { Issue } from '../../engine/result.js';
import { loadInputs } from '../../policy/index.js';
import type { LoadedDocument, LoadOptions } from '../../policy/index.js';
import { backupKindOf, schemaIssues, validateBackupPolicy, validateLocationProfile } from '../api/index.js';
import type { BackupKind, BackupPolicy, LocationProfile, RestorePoint, ValidationContext } from '../api/index.js';

export interface BackupConfig {
  readonly policies: BackupPolicy[];
  readonly profiles: LocationProfile[];
  readonly restorePoints: RestorePoint[];
  /** Every problem, each with `source` (file, line, col) and a JSON Pointer `path`. */
  readonly issues: Issue[];
}

export type BackupConfigOptions = Omit<ValidationContext, 'profiles'> & Pick<LoadOptions, 'maxFileBytes'>;

const locate = (doc: LoadedDocument, issue: Issue): Issue => {
  const source = doc.positionOf(issue.path) ?? { file: doc.file, line: doc.line, col: doc.col };
  return { ...issue, source };
};

const keyOf = (kind: string, o: { metadata: { name: string; namespace?: string } }): string => `${kind} ${o.metadata.namespace ?? ''}/${o.metadata.name}`;

export async function loadBackupConfig(paths: string | readonly string[], opts: BackupConfigOptions = {}): Promise<BackupConfig> {
  const loaded = await loadInputs([...(typeof paths === 'string' ? [paths] : paths)], { ...(opts.maxFileBytes ? { maxFileBytes: opts.maxFileBytes } : {}) });
  const issues = [...loaded.issues];
  const valid: { kind: BackupKind; doc: LoadedDocument }[] = [];
  const seen = new Map<string, LoadedDocument>();
  for (const doc of loaded.docs) {
    const kind = backupKindOf(doc.value);
    if (!kind) {
      issues.push(locate(doc, { code: 'UNKNOWN_BACKUP_KIND', path: '/kind', message: 'not a backup.guardrail.dev/v1alpha1 BackupPolicy, LocationProfile or RestorePoint', severity: 'error' }));
      continue;
    }
    const shape = schemaIssues(kind, doc.value);
    if (shape.length) {
      issues.push(...shape.map((i) => locate(doc, i)));
      continue;
    }
    const key = keyOf(kind, doc.value as BackupPolicy);
    const first = seen.get(key);
    if (first) {
      issues.push(locate(doc, { code: 'DUPLICATE_NAME', path: '/metadata/name', message: `${key} is also defined in ${first.file}:${first.line}`, severity: 'error' }));
      continue;
    }
    seen.set(key, doc);
    valid.push({ kind, doc });
  }
  const of = <T>(kind: BackupKind): { obj: T; doc: LoadedDocument }[] => valid.filter((v) => v.kind === kind).map((v) => ({ obj: v.doc.value as T, doc: v.doc }));
  const profiles = of<LocationProfile>('LocationProfile');
  const policies = of<BackupPolicy>('BackupPolicy');
  const ctx: ValidationContext = { ...opts, profiles: profiles.map((p) => p.obj) };
  for (const p of profiles) issues.push(...validateLocationProfile(p.obj, ctx).map((i) => locate(p.doc, i)));
  for (const p of policies) issues.push(...validateBackupPolicy(p.obj, ctx).map((i) => locate(p.doc, i)));
  // Reading order (file, line, column), as a compiler lists errors.
  const at = (i: Issue): [string, number, number] => [i.source?.file ?? '', i.source?.line ?? 0, i.source?.col ?? 0];
  issues.sort((a, b) => {
    const [fa, la, ca] = at(a);
    const [fb, lb, cb] = at(b);
    return fa < fb ? -1 : fa > fb ? 1 : la - lb || ca - cb;
  });
  return { policies: policies.map((p) => p.obj), profiles: profiles.map((p) => p.obj), restorePoints: of<RestorePoint>('RestorePoint').map((r) => r.obj), issues };
}
