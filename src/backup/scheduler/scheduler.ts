/**
 * A small stateful scheduler over planRun with an injected clock: one entry per app, one run at a time
 * per app. It never starts timers itself; the caller calls tick() (e.g. every minute, or at `nextWakeUp`).
 * Single replica for now: with several replicas, only the holder of a coordination.k8s.io Lease may tick
 * (leader election is for later; src/k8s owns leases).
 */
import type { BackupPolicy } from '../api/types.js';
import { finishRun, planRun, startRun } from './planner.js';
import type { AppRunState, RunDecision } from './planner.js';
import { buildSchedule } from './schedule.js';
import type { Schedule } from './schedule.js';
import { slotsAfter } from './slots.js';
import { appKey, staggerOffset } from './stagger.js';
import type { AppRef } from './stagger.js';

export interface SchedulerOptions {
  readonly clock: () => number;
  /** Apps start within this window after their slot (deterministic per app); default 10 minutes. */
  readonly staggerWindowMs?: number;
  /** Persisted states from a previous process, keyed by `namespace/name`; enables catch-up after downtime. */
  readonly state?: Readonly<Record<string, AppRunState>>;
}

export interface TickResult {
  readonly app: AppRef;
  readonly policy: string;
  readonly decision: RunDecision;
}

interface Entry {
  app: AppRef;
  policy: BackupPolicy;
  schedule: Schedule;
  offsetMs: number;
  state: AppRunState;
}

export const DEFAULT_STAGGER_WINDOW_MS = 10 * 60_000;

/** Half the shortest gap between the first slots bounds the stagger, so staggered runs never reorder. */
function staggerFor(app: AppRef, schedule: Schedule, windowMs: number, now: number): number {
  let prev: number | undefined;
  let shortest = Infinity;
  let n = 0;
  for (const t of slotsAfter(schedule, now)) {
    if (prev !== undefined) shortest = Math.min(shortest, t - prev);
    prev = t;
    if (++n >= 50) break;
  }
  return staggerOffset(app, Math.min(windowMs, shortest / 2));
}

export function createScheduler(opts: SchedulerOptions) {
  const entries = new Map<string, Entry>();
  const windowMs = opts.staggerWindowMs ?? DEFAULT_STAGGER_WINDOW_MS;
  return {
    /** Adds or updates an app; throws on an invalid schedule (validate policies first). */
    register(app: AppRef, policy: BackupPolicy): void {
      const { schedule, issues } = buildSchedule(policy.spec);
      if (!schedule) throw new Error(`policy ${policy.metadata.name}: ${issues.map((i) => i.message).join('; ')}`);
      const key = appKey(app);
      const now = opts.clock();
      const state = entries.get(key)?.state ?? opts.state?.[key] ?? { lastSlot: now };
      entries.set(key, { app, policy, schedule, offsetMs: staggerFor(app, schedule, windowMs, now), state });
    },
    unregister(app: AppRef): void {
      entries.delete(appKey(app));
    },
    /** Decides for every app; starts the runs it returns as `run` (the caller executes them). */
    tick(): TickResult[] {
      const now = opts.clock();
      const out: TickResult[] = [];
      for (const e of entries.values()) {
        const paused = e.policy.spec.paused === true;
        const decision = planRun(e.schedule, e.state, now, { offsetMs: e.offsetMs, paused });
        if (decision.kind === 'run') e.state = startRun(e.state, decision.slot, now);
        // A paused policy does not pile up a catch-up for when it resumes.
        if (decision.kind === 'paused' && !e.state.running) e.state = { lastSlot: now };
        out.push({ app: e.app, policy: e.policy.metadata.name, decision });
      }
      return out;
    },
    finish(app: AppRef): void {
      const e = entries.get(appKey(app));
      if (e) e.state = finishRun(e.state);
    },
    /** The earliest next slot over all apps, for a caller that sleeps until then. */
    nextWakeUp(): number | undefined {
      const now = opts.clock();
      let next: number | undefined;
      for (const e of entries.values()) {
        for (const t of slotsAfter(e.schedule, Math.max(now, e.state.lastSlot), e.offsetMs)) {
          next = Math.min(next ?? t, t);
          break;
        }
      }
      return next;
    },
    offsetOf(app: AppRef): number | undefined {
      return entries.get(appKey(app))?.offsetMs;
    },
    /** States to persist (e.g. in a ConfigMap) so that a restart catches up exactly once. */
    snapshot(): Record<string, AppRunState> {
      return Object.fromEntries([...entries].map(([k, e]) => [k, { lastSlot: e.state.lastSlot }]));
    },
  };
}

export type Scheduler = ReturnType<typeof createScheduler>;
