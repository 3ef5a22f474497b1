/**
 * The CSI VolumeSnapshot CRDs fetched by test/tools/snapshot-crds.sh into .cache/crds/snapshot at the
 * SNAPSHOT_CRDS_VERSION pin. Not installed by global-setup: only the data-protection test needs them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPins, REPO_ROOT } from './tools.js';

/** The folder, or a skip reason when it is absent or stale. */
export function snapshotCrds(dir = join(REPO_ROOT, '.cache/crds/snapshot')): { dir: string; problem: string } {
  const want = readPins().SNAPSHOT_CRDS_VERSION;
  const stamp = join(dir, '.version');
  if (!existsSync(stamp)) return { dir, problem: `VolumeSnapshot CRDs missing in ${dir} (bash test/tools/snapshot-crds.sh)` };
  const have = readFileSync(stamp, 'utf8').trim();
  return { dir, problem: have === want ? '' : `VolumeSnapshot CRDs at ${have}, pinned ${want ?? '?'}` };
}
