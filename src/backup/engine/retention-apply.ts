/**
 * Retention per app: the policy's GFS counts over this app's complete restore points (src/backup/retention
 * planRetention, in the policy's time zone). Returns the tags of each kept point ("daily 2026-03-29") and
 * the points to forget; the caller forgets their snapshots and removes their files.
 */
import type { BackupPolicy, RestorePoint as RestorePointObject } from '../api/index.js';
import { planRetention, type GfsPolicy } from '../retention/index.js';

export interface AppRetention {
  readonly tags: Map<string, string[]>;
  readonly forget: string[];
}

export function gfsOf(policy: BackupPolicy): GfsPolicy {
  const r = policy.spec.retention;
  return { ...r, ...(policy.spec.timezone ? { timeZone: policy.spec.timezone } : {}) };
}

export function planAppRetention(points: readonly RestorePointObject[], policy: BackupPolicy, now: number): AppRetention {
  const candidates = points.filter((p) => p.status?.state === 'Complete');
  const plan = planRetention(
    // retainUntil protects the exported copy in its location; the working copy here follows the GFS rules.
    candidates.map((p) => ({ id: p.metadata.name, time: Date.parse(p.spec.time), signed: true })),
    gfsOf(policy),
    now,
  );
  // Failed points carry no data; they are kept only while they are the newest word on the app.
  return { tags: new Map(plan.keep.map((k) => [k.id, k.reasons])), forget: plan.forget };
}
