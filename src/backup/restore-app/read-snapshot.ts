/**
 * Reads a restore point's data into a folder: from the working repository, else from each exported copy
 * (annotation backup.guardrail.dev/export.<profile> = snapshot id) — the point of 3-2-1 is that losing the
 * state folder loses nothing.
 */
import { findProfile, type RestorePoint } from '../api/index.js';
import type { RepoAccess } from '../engine/index.js';
import { locationOf, openRepository, type BackupEngine } from './engine-access.js';

const EXPORT_PREFIX = 'backup.guardrail.dev/export.';

export async function readSnapshot(engine: BackupEngine, rp: RestorePoint, into: string): Promise<{ from: string }> {
  const access = await engine.access();
  const sources: { location: string; id: string; access: RepoAccess }[] = rp.spec.snapshotId ? [{ location: engine.paths.repository, id: rp.spec.snapshotId, access }] : [];
  const exports = Object.entries(rp.metadata.annotations ?? {}).filter(([k]) => k.startsWith(EXPORT_PREFIX));
  if (exports.length) {
    const config = await engine.config();
    for (const [k, id] of exports) {
      const profile = findProfile(config.profiles, { name: k.slice(EXPORT_PREFIX.length) }, 'guardrail') ?? config.profiles.find((p) => p.metadata.name === k.slice(EXPORT_PREFIX.length));
      if (profile) sources.push({ location: locationOf(profile), id, access: await engine.accessFor(profile) });
    }
  }
  const errors: string[] = [];
  for (const s of sources) {
    try {
      const repo = await openRepository(s.location, s.access);
      try {
        await repo.restore(s.id, into);
        return { from: s.location };
      } finally {
        await repo.close();
      }
    } catch (err) {
      errors.push(`${s.location}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  throw new Error(`restore point ${rp.metadata.name} could not be read from any copy (${errors.join('; ') || 'no copies recorded'})`);
}
