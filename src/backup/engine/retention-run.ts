/** Applies an app's retention after a successful run: forget in every repository, remove the files. */
import type { BackupPolicy, RestorePoint } from '../api/index.js';
import type { RegisteredApp } from './app-registry.js';
import { planAppRetention } from './retention-apply.js';
import { openOrInit } from './repositories.js';
import type { RunDeps } from './run-backup.js';

export async function applyRetention(app: RegisteredApp, policy: BackupPolicy, fresh: RestorePoint, deps: RunDeps): Promise<{ tags: string[]; forgotten: string[] }> {
  const all = (await deps.store.list()).filter((p) => p.spec.app.namespace === app.namespace && p.spec.app.name === app.name);
  const plan = planAppRetention([...all, fresh], policy, deps.now());
  const doomed = all.filter((p) => plan.forget.includes(p.metadata.name));
  if (doomed.length > 0) {
    const local = await openOrInit(deps.paths.repository, deps.access, { protectionMs: 0 });
    try {
      // Only what this repository holds (a recreated working repository lacks older snapshots).
      const live = new Set((await local.snapshots()).map((s) => s.id));
      const ids = doomed.flatMap((p) => (p.spec.snapshotId && live.has(p.spec.snapshotId) ? [p.spec.snapshotId] : []));
      if (ids.length) await local.forget({ ids });
      await local.prune();
    } finally {
      await local.close();
    }
    // Exported copies are forgotten by `guardrail repo forget` on the location, once their lock ends.
    for (const p of doomed) await deps.store.remove(p.metadata.name);
  }
  return { tags: plan.tags.get(fresh.metadata.name) ?? [], forgotten: doomed.map((p) => p.metadata.name) };
}
