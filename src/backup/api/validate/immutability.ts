/**
 * Immutable apps (label `immutable: enabled`) need their restore points in a location that refuses
 * deletion: at least one export, and every export to a LocationProfile whose probed status says
 * `enforced` (S3 Object Lock). `tamper-evident` (our code refuses, root can delete) is not enough.
 */
import type { Issue } from '../../../engine/result.js';
import type { BackupPolicy, ExportAction, LocationProfile } from '../types.js';

const profileKey = (name: string, ns: string | undefined): string => `${ns ?? ''}/${name}`;

export function findProfile(profiles: readonly LocationProfile[], ref: { name: string; namespace?: string }, defaultNs?: string): LocationProfile | undefined {
  const ns = ref.namespace ?? defaultNs;
  return profiles.find((p) => p.metadata.name === ref.name && (ns === undefined || (p.metadata.namespace ?? defaultNs) === ns));
}

export const exportActions = (policy: BackupPolicy): { action: ExportAction; index: number }[] =>
  policy.spec.actions.flatMap((a, index) => (a.action === 'export' ? [{ action: a, index }] : []));

/** Export references to profiles that do not exist. */
export function profileRefIssues(policy: BackupPolicy, profiles: readonly LocationProfile[]): Issue[] {
  return exportActions(policy).flatMap(({ action, index }) => {
    const ref = action.exportParameters.profile;
    if (findProfile(profiles, ref, policy.metadata.namespace)) return [];
    const known = profiles.map((p) => p.metadata.name).join(', ') || 'none';
    return [{ code: 'EXPORT_PROFILE_NOT_FOUND', path: `/spec/actions/${index}/exportParameters/profile/name`, message: `LocationProfile "${ref.name}" does not exist; existing profiles: ${known}`, severity: 'error' as const }];
  });
}

/** Issues for protecting an immutable app with this policy (paths point into the policy). */
export function immutableAppIssues(policy: BackupPolicy, profiles: readonly LocationProfile[]): Issue[] {
  const exports = exportActions(policy);
  if (exports.length === 0) {
    return [{ code: 'IMMUTABLE_EXPORT_MISSING', path: '/spec/actions', message: `policy ${policy.metadata.name} has no export action; immutable apps need an export to an immutable LocationProfile`, severity: 'error' }];
  }
  const out: Issue[] = [];
  const seen = new Set<string>();
  for (const { action, index } of exports) {
    const ref = action.exportParameters.profile;
    const profile = findProfile(profiles, ref, policy.metadata.namespace);
    const level = profile?.status?.immutability ?? 'none';
    if (!profile || level === 'enforced' || seen.has(profileKey(ref.name, ref.namespace))) continue;
    seen.add(profileKey(ref.name, ref.namespace));
    out.push({
      code: 'EXPORT_PROFILE_NOT_IMMUTABLE',
      path: `/spec/actions/${index}/exportParameters/profile`,
      message: `LocationProfile "${ref.name}" immutability is ${level}, immutable apps need enforced (S3 Object Lock with a protectionPeriod)`,
      severity: 'error',
    });
  }
  return out;
}
