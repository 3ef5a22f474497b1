/**
 * Compliance of one app, pure: Unmanaged (no policy named), Compliant, or NonCompliant with reasons. The
 * expected interval comes from the schedule (the longest gap between slots) unless the policy sets rpo;
 * a tolerance (default: the scheduler's stagger window) absorbs staggering and run time.
 */
import { parseDuration } from '../../engine/values/index.js';
import { ANNOTATIONS, DEFAULT_POLICY_PREFIX, LABELS, immutableAppIssues } from '../api/index.js';
import type { BackupPolicy, LocationProfile, RestorePoint } from '../api/index.js';
import { policyNameOf } from '../binding/index.js';
import type { WorkloadLike } from '../binding/index.js';
import { buildSchedule, DEFAULT_STAGGER_WINDOW_MS, expectedInterval } from '../scheduler/index.js';
import { complianceWarning, formatAge, formatSpan } from './format.js';
import type { ComplianceReason, ComplianceReasonCode, ComplianceState } from './reasons.js';

export interface ComplianceInput {
  readonly workload: WorkloadLike;
  readonly policies: readonly BackupPolicy[];
  /** Restore points of any app; those of this workload (spec.app namespace/name) are used. */
  readonly restorePoints: readonly RestorePoint[];
  /** Enables the immutability check; without it IMMUTABILITY_NOT_ENFORCED is never reported. */
  readonly profiles?: readonly LocationProfile[];
  readonly now: number;
  readonly minDailyRetention?: number;
  readonly prefix?: string;
  readonly toleranceMs?: number;
}

export interface ComplianceResult {
  readonly app: { readonly namespace: string; readonly name: string };
  readonly state: ComplianceState;
  readonly policy?: string;
  readonly reasons: ComplianceReason[];
  /** Allowed age of the newest complete restore point (rpo, or the schedule's longest gap). */
  readonly expectedIntervalMs?: number;
  readonly lastRestorePoint?: { readonly name: string; readonly time: number; readonly state: string };
  /** For the admission response; undefined when compliant. */
  readonly warning?: string;
}

const FINISHED = new Set(['Complete', 'Partial', 'Failed']);

export function evaluateCompliance(input: ComplianceInput): ComplianceResult {
  const { workload, now } = input;
  const app = { namespace: workload.metadata?.namespace ?? 'default', name: workload.metadata?.name ?? '' };
  const { name } = policyNameOf(workload, input.prefix ?? DEFAULT_POLICY_PREFIX, ANNOTATIONS.policy, LABELS.dataProtection);
  if (name === undefined) return { app, state: 'Unmanaged', reasons: [] };
  const reasons: ComplianceReason[] = [];
  const parts: string[] = [];
  const add = (code: ComplianceReasonCode, message: string, short: string): void => {
    reasons.push({ code, message });
    parts.push(short);
  };
  const policy = input.policies.find((p) => p.metadata.name === name);
  if (!policy) {
    add('POLICY_NOT_FOUND', `backup policy "${name}" does not exist`, 'does not exist');
    return { app, state: 'NonCompliant', policy: name, reasons, ...warn(name, parts) };
  }
  const points = input.restorePoints
    .filter((p) => p.spec.app.namespace === app.namespace && p.spec.app.name === app.name)
    .map((p) => ({ name: p.metadata.name, time: Date.parse(p.spec.time), state: p.status?.state ?? 'Pending' }))
    .sort((a, b) => b.time - a.time);
  const lastGood = points.find((p) => p.state === 'Complete');
  const lastFinished = points.find((p) => FINISHED.has(p.state));
  const expected = expectedIntervalOf(policy, lastGood?.time ?? now);
  const tolerance = input.toleranceMs ?? DEFAULT_STAGGER_WINDOW_MS;
  if (policy.spec.paused) add('POLICY_PAUSED', `backup policy ${name} is paused`, 'paused');
  if (!lastGood) add('NO_RESTORE_POINT', `no complete restore point for ${app.namespace}/${app.name}`, 'no restore point yet');
  else if (expected !== undefined && now - lastGood.time > expected + tolerance) {
    const age = formatAge(now - lastGood.time);
    add('RPO_EXCEEDED', `last complete restore point ${lastGood.name} is ${age} old; RPO ${formatSpan(expected)}`, `last restore point ${age} ago, RPO ${formatSpan(expected)}`);
  }
  if (lastFinished && lastFinished.state !== 'Complete') add('LAST_RUN_FAILED', `last run ${lastFinished.name} ended ${lastFinished.state}`, `last run ${lastFinished.state.toLowerCase()}`);
  if (input.profiles && workload.metadata?.labels?.[LABELS.immutable] === 'enabled') {
    const issues = immutableAppIssues(policy, input.profiles);
    if (issues.length) add('IMMUTABILITY_NOT_ENFORCED', issues.map((i) => i.message).join('; '), 'location not immutable');
  }
  const daily = policy.spec.retention.daily ?? 0;
  if (input.minDailyRetention !== undefined && daily < input.minDailyRetention) {
    add('RETENTION_BELOW_MIN', `daily retention ${daily} is below the minimum ${input.minDailyRetention}`, `daily retention ${daily} < ${input.minDailyRetention}`);
  }
  return {
    app,
    state: reasons.length ? 'NonCompliant' : 'Compliant',
    policy: name,
    reasons,
    ...(expected === undefined ? {} : { expectedIntervalMs: expected }),
    ...(lastGood ? { lastRestorePoint: lastGood } : lastFinished ? { lastRestorePoint: lastFinished } : {}),
    ...warn(name, parts),
  };
}

function warn(policy: string, parts: string[]): { warning?: string } {
  const w = complianceWarning(policy, parts);
  return w === undefined ? {} : { warning: w };
}

/** rpo when set, else the longest gap between the schedule's slots in the year after `from`. */
export function expectedIntervalOf(policy: BackupPolicy, from: number): number | undefined {
  if (policy.spec.rpo !== undefined) {
    const ns = parseDuration(policy.spec.rpo);
    if (ns !== undefined) return ns / 1e6;
  }
  const { schedule } = buildSchedule(policy.spec);
  return schedule ? expectedInterval(schedule, from) : undefined;
}
