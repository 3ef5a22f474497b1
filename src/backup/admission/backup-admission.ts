/**
 * What the webhook asks the backup integration, pure (policies, restore points and the clock are given):
 * - mutate: bind the workload to its BackupPolicy (annotations as JSON patch ops; the server calls it
 *   with the policy engine's mutated object and applies these operations after the engine's);
 * - validate: deny when the named BackupPolicy does not exist (listing those that do), warn when the
 *   bound policy is not met (`backup policy gold: last restore point 3h ago, RPO 1h`), and for a workload
 *   that names no policy, hint at the policies that exist (the guardrail policy's deny carries it);
 * - registration: after a real (not dryRun) admission, the app to register for protection.
 * Only workloads labelled purpose: production are looked at; everything else is skipped.
 */
import type { JsonPatchOperation } from '../../admission/index.js';
import type { BackupPolicy, RestorePoint } from '../api/index.js';
import { bindWorkload } from '../binding/index.js';
import { evaluateCompliance } from '../compliance/index.js';
import { isProtectedWorkload } from './protected.js';

export interface BackupView {
  readonly policies: readonly BackupPolicy[];
  readonly restorePoints: readonly RestorePoint[];
  readonly now: number;
  readonly prefix?: string;
}

export interface MutateVerdict {
  readonly patch: JsonPatchOperation[];
  readonly warnings: string[];
}

export interface ValidateVerdict {
  readonly deny?: string;
  readonly warnings: string[];
  /** A line for a policy's deny of this object: the backup policies that exist, when it names none. */
  readonly hint?: string;
}

export interface Registration {
  readonly namespace: string;
  readonly name: string;
  readonly kind: string;
  readonly policy: string;
}

const opts = (v: BackupView) => ({ now: v.now, ...(v.prefix ? { prefix: v.prefix } : {}) });

export function backupMutate(object: unknown, view: BackupView): MutateVerdict {
  if (!isProtectedWorkload(object)) return { patch: [], warnings: [] };
  const r = bindWorkload(object, view.policies, opts(view));
  // A deny is /validate's to answer (with the same reason); /mutate only adds what it can.
  return r.kind === 'bound' ? { patch: r.patch, warnings: r.warnings } : { patch: [], warnings: [] };
}

export function backupValidate(object: unknown, view: BackupView): ValidateVerdict {
  if (!isProtectedWorkload(object)) return { warnings: [] };
  const r = bindWorkload(object, view.policies, opts(view));
  if (r.kind === 'deny') return { deny: `data protection: ${r.reason}`, warnings: [] };
  if (r.kind === 'skip') return { warnings: [], hint: `backup policies that exist: ${view.policies.map((p) => p.metadata.name).join(', ') || 'none yet'}` };
  const c = evaluateCompliance({ workload: object, policies: view.policies, restorePoints: view.restorePoints, now: view.now, ...(view.prefix ? { prefix: view.prefix } : {}) });
  // A workload admitted for the first time has no restore point yet: that is expected, not a warning.
  const reasons = c.reasons.filter((x) => x.code !== 'NO_RESTORE_POINT');
  return { warnings: reasons.length && c.warning ? [c.warning] : [] };
}

export function registrationOf(object: unknown, view: BackupView): Registration | undefined {
  if (!isProtectedWorkload(object)) return undefined;
  const r = bindWorkload(object, view.policies, opts(view));
  if (r.kind !== 'bound') return undefined;
  const m = object.metadata ?? {};
  return { namespace: m.namespace ?? 'default', name: m.name ?? '', kind: object.kind ?? '', policy: r.policy };
}
