/**
 * The policy-validating webhook (`POST /validate/policy`): a ClusterPolicy/Policy (or any policy kind
 * Guardrail knows) that does not validate or compile is denied with its problems listed, so a broken
 * policy never reaches the cluster. Same checks as `guardrail validate` and the policy folder loader.
 * Guardrail's own BackupPolicy and LocationProfile objects get the checks of the backup config loader
 * (schema, then e.g. retention finer than the schedule, a protection period below the maintenance interval).
 */
import { backupKindOf, validateBackupObject } from '../backup/api/index.js';
import { buildPolicySet, type Issue, type JsonObject, type PolicySetOptions } from '../engine/index.js';
import { validatePolicy } from '../policy/index.js';
import type { AdmissionRequest } from './types.js';
import { truncateWarning } from './warnings.js';

export interface PolicyVerdict {
  allowed: boolean;
  message?: string;
  warnings: string[];
  issues: Issue[];
}

/** Issues of one policy object: schema and semantic validation, then compilation (deduplicated). */
export function checkPolicyObject(doc: JsonObject, opts: PolicySetOptions = {}): Issue[] {
  if (backupKindOf(doc)) return validateBackupObject(doc).issues;
  const issues = validatePolicy(doc).filter((i) => i.code !== 'NOT_A_POLICY');
  if (issues.some((i) => (i.severity ?? 'error') === 'error')) return issues;
  const seen = new Set(issues.map((i) => `${i.code}\u0000${i.path}`));
  for (const rejected of buildPolicySet([doc], opts).rejected) {
    for (const i of rejected.issues) if (!seen.has(`${i.code}\u0000${i.path}`)) issues.push(i);
  }
  return issues;
}

export function reviewPolicy(req: AdmissionRequest, opts: PolicySetOptions = {}): PolicyVerdict {
  // Deleting a policy is always fine; only what is written is checked.
  if (req.operation === 'DELETE' || !req.object) return { allowed: true, warnings: [], issues: [] };
  const issues = checkPolicyObject(req.object, opts);
  const errors = issues.filter((i) => (i.severity ?? 'error') === 'error');
  const warnings = issues.filter((i) => i.severity === 'warning').map((i) => truncateWarning(`${i.code} ${i.path || '/'}: ${i.message}`));
  if (errors.length === 0) return { allowed: true, warnings, issues };
  const name = req.namespace ? `${req.kind.kind}/${req.namespace}/${req.name ?? ''}` : `${req.kind.kind}/${req.name ?? ''}`;
  const lines = errors.map((i) => `  ${i.path || '/'}  ${i.code}  ${i.message}`);
  return { allowed: false, message: `policy ${name} is invalid:\n${lines.join('\n')}`, warnings, issues };
}
