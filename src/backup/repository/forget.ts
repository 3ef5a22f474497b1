import { planRetention } from '../retention/index.js';
import { RepoError } from './errors.js';
import { appendJournal } from './journal.js';
import { listSnapshots } from './snapshots.js';
import type { GfsPolicy, RestorePoint, RetentionPlan } from '../retention/index.js';
import type { RepoContext } from './context.js';

export interface ForgetOptions {
  readonly policy?: GfsPolicy;
  readonly ids?: string[];
  readonly dryRun?: boolean;
}

export interface ForgetResult {
  readonly plan: RetentionPlan;
  readonly forgotten: string[];
}

/**
 * Forgetting is a journal entry; manifests and data go later, in prune, once their retention ends.
 * A snapshot inside its protection period is never forgotten: the retention floor keeps it, and naming it
 * explicitly is IMMUTABLE_LOCKED.
 */
export async function forget(ctx: RepoContext, opts: ForgetOptions): Promise<ForgetResult> {
  const snaps = await listSnapshots(ctx);
  const now = ctx.now();
  const points: RestorePoint[] = snaps.map((s) => {
    const time = Date.parse(s.snapshot.time);
    return { id: s.id, time, signed: s.signed, protectedUntil: time + ctx.config.protectionMs };
  });
  let plan: RetentionPlan;
  if (opts.ids) {
    const chosen = opts.ids.map((ref) => {
      const hits = points.filter((p) => p.id.startsWith(ref));
      if (hits.length !== 1) throw new RepoError('REPO_SNAPSHOT_NOT_FOUND', `no unique committed snapshot ${ref}`);
      const p = hits[0] as RestorePoint;
      if ((p.protectedUntil ?? 0) > now) {
        throw new RepoError('IMMUTABLE_LOCKED', `snapshot ${p.id.slice(0, 8)} is protected until ${new Date(p.protectedUntil ?? 0).toISOString()}`, `snapshots/${p.id}`);
      }
      return p.id;
    });
    plan = { keep: points.filter((p) => !chosen.includes(p.id)).map((p) => ({ id: p.id, reasons: ['not named'] })), forget: chosen, ignored: [] };
  } else {
    plan = planRetention(points, opts.policy ?? {}, now);
  }
  if (!opts.dryRun && plan.forget.length > 0) await appendJournal(ctx, { op: 'forget', snapshots: plan.forget });
  return { plan, forgotten: opts.dryRun ? [] : plan.forget };
}
