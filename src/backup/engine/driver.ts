/**
 * The scheduler driver: a timer that ticks src/backup/scheduler with the real clock (every 30 s, so a
 * slot starts within half a minute) and starts the runs it decides; the engine keeps one run per app.
 * Apps come from the registry at every tick (serve's webhook may add some). Scheduler state is saved in
 * the state folder so that a restart catches up a missed slot exactly once.
 * With several replicas only the coordination.k8s.io Lease holder runs backups (cluster mode: `active`).
 */
import { readFile } from 'node:fs/promises';
import { createScheduler, type AppRunState } from '../scheduler/index.js';
import { appId } from './app-registry.js';
import { atomicWrite } from './atomic-write.js';
import type { BackupEngine } from './engine.js';
import type { RunResult } from './run-backup.js';

export interface DriverOptions {
  readonly intervalMs?: number;
  readonly clock?: () => number;
  readonly onRun?: (r: RunResult) => void;
  readonly onError?: (err: unknown) => void;
  /** Cluster mode: only the Lease holder ticks; a replica that is not leading decides nothing. */
  readonly active?: () => boolean;
}

export interface Driver {
  /** One pass (the timer calls it; tests call it directly). */
  tick(): Promise<RunResult[]>;
  stop(): Promise<void>;
}

export async function startDriver(engine: BackupEngine, o: DriverOptions = {}): Promise<Driver> {
  const clock = o.clock ?? Date.now;
  const saved = await readFile(engine.paths.scheduler, 'utf8').then((t) => JSON.parse(t) as Record<string, AppRunState>).catch(() => ({}));
  const scheduler = createScheduler({ clock, state: saved });
  const ac = new AbortController();
  const inFlight = new Set<Promise<unknown>>();
  const tick = async (): Promise<RunResult[]> => {
    const config = await engine.config();
    for (const app of await engine.registry.list()) {
      const policy = config.policies.find((p) => p.metadata.name === app.policy);
      if (policy) scheduler.register({ namespace: app.namespace, name: app.name }, policy);
    }
    // A standby replica keeps track of the apps but decides nothing; on taking over the Lease it catches up
    // a slot missed since then exactly once (at worst one run more than the old leader made, never one less).
    if (o.active && !o.active()) return [];
    const due = scheduler.tick().filter((t) => t.decision.kind === 'run');
    const runs = due.map(async (t) => {
      try {
        const app = await engine.registry.get(appId(t.app));
        if (!app) return undefined;
        const r = await engine.runApp(app, ac.signal);
        o.onRun?.(r);
        return r;
      } finally {
        scheduler.finish(t.app);
      }
    });
    const all = Promise.all(runs);
    inFlight.add(all);
    const results = (await all.finally(() => inFlight.delete(all))).filter((r): r is RunResult => r !== undefined);
    await atomicWrite(engine.paths.scheduler, JSON.stringify(scheduler.snapshot()));
    return results;
  };
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    tick().catch((err: unknown) => o.onError?.(err)).finally(() => (busy = false));
  }, o.intervalMs ?? 30_000);
  timer.unref();
  return {
    tick,
    async stop() {
      clearInterval(timer);
      // SIGTERM: abort running hooks (their post hooks still run), then wait for the runs to record.
      ac.abort();
      await Promise.allSettled([...inFlight]);
    },
  };
}
