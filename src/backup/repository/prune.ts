import { isStorageError } from '../storage/index.js';
import { toRepoError } from './errors.js';
import { appendJournal, readJournal } from './journal.js';
import { acquireLock, expiredLockKeys } from './locks.js';
import { loadIndex, writeIndex } from './master-index.js';
import { packKey } from './pack.js';
import { DEFAULT_REPACK_UNUSED, repack, unusedBytes } from './repack.js';
import { loadTree } from './load-blob.js';
import { readSnapshot } from './snapshot.js';
import { liveSnapshotIds } from './snapshots.js';
import type { RepoContext } from './context.js';
import type { MasterIndex } from './master-index.js';

export interface PruneOptions {
  /** Unreferenced objects younger than this stay: they may belong to a backup still running. Default 24 h. */
  readonly graceMs?: number;
  /**
   * Packs with more than this share of unused bytes are repacked: live blobs copied into new packs, the old
   * packs deleted. Default DEFAULT_REPACK_UNUSED; 1 never repacks. Packs still under retention are left alone.
   */
  readonly repackUnused?: number;
}

export interface PruneResult {
  readonly deletedPacks: string[];
  readonly deletedSnapshots: string[];
  /** Bytes of the packs deleted minus the bytes of the packs written by repacking. */
  readonly reclaimedBytes: number;
  /** Partly used packs rewritten (and deleted: they are in deletedPacks too) and the new packs holding their live blobs. */
  readonly repackedPacks: string[];
  readonly newPacks: string[];
  /** Objects that were garbage but are still under retention; a later prune removes them. */
  readonly retained: number;
}

export const DEFAULT_GRACE_MS = 24 * 3600 * 1000;

async function mark(ctx: RepoContext, index: MasterIndex, roots: string[]): Promise<Set<string>> {
  const used = new Set<string>();
  const visit = async (tree: string): Promise<void> => {
    if (used.has(tree)) return;
    used.add(tree);
    for (const n of (await loadTree(ctx, index, tree)).nodes) {
      for (const b of n.content ?? []) used.add(b);
      if (n.subtree) await visit(n.subtree);
    }
  };
  for (const id of roots) await visit((await readSnapshot(ctx, id)).tree);
  return used;
}

/** Deletes when allowed; reports false while retained, rather than failing the whole prune. */
async function tryDelete(ctx: RepoContext, key: string): Promise<boolean> {
  try {
    await ctx.storage.delete(key);
    return true;
  } catch (err) {
    if (isStorageError(err, 'IMMUTABLE_LOCKED')) return false;
    throw toRepoError(err);
  }
}

/**
 * Mark and sweep under an exclusive lock (so no backup is in flight): blobs reachable from live snapshots
 * are marked; packs with no marked blob, older than the grace period and out of retention, are removed.
 * A new index that no longer names them is written FIRST, so a crash never leaves the index dangling.
 */
export async function prune(ctx: RepoContext, opts: PruneOptions = {}): Promise<PruneResult> {
  const grace = opts.graceMs ?? DEFAULT_GRACE_MS;
  const lock = await acquireLock(ctx, true);
  try {
    const now = ctx.now();
    const { entries } = await readJournal(ctx);
    const live = liveSnapshotIds(entries);
    const index = await loadIndex(ctx);
    const used = await mark(ctx, index, live);
    const old = (o: { createdAt: Date }): boolean => o.createdAt.getTime() + grace <= now;
    const outOfRetention = async (key: string): Promise<boolean> => {
      const st = await ctx.storage.stat(key);
      return !st?.retainUntil || st.retainUntil.getTime() <= now;
    };
    const doomed: { key: string; id: string; size: number }[] = [];
    const partly: string[] = [];
    let retained = 0;
    for (const o of await ctx.storage.list('data/')) {
      const id = o.key.slice(o.key.lastIndexOf('/') + 1);
      const pack = index.packs.get(id);
      const live = pack?.blobs.some((b) => used.has(b.id)) ?? false;
      if (!old(o)) continue;
      const repackIt = live && pack !== undefined && unusedBytes(index, used, pack) > pack.size * (opts.repackUnused ?? DEFAULT_REPACK_UNUSED);
      if (live && !repackIt) continue;
      if (!(await outOfRetention(o.key))) {
        if (!live) retained += 1;
        continue;
      }
      doomed.push({ key: o.key, id, size: o.size });
      if (live) partly.push(id);
    }
    // Crash-safe order: new packs, then the index naming them (and no longer the doomed), then deletes.
    const { written } = await repack(ctx, index, used, partly);
    const doomedIds = new Set(doomed.map((d) => d.id));
    if (doomed.some((d) => index.packs.has(d.id))) {
      await writeIndex(ctx, [...[...index.packs.values()].filter((p) => !doomedIds.has(p.id)), ...written], [...index.files, ...index.superseded]);
    }
    const deletedPacks: string[] = [];
    let reclaimedBytes = -written.reduce((n, p) => n + p.size, 0);
    for (const d of doomed) {
      if (await tryDelete(ctx, packKey(d.id))) {
        deletedPacks.push(d.id);
        reclaimedBytes += d.size;
      }
    }
    const liveSet = new Set(live);
    const committed = new Set(entries.flatMap((e) => (e.op === 'snapshot' ? [e.snapshot] : [])));
    const deletedSnapshots: string[] = [];
    for (const o of await ctx.storage.list('snapshots/')) {
      const id = o.key.slice('snapshots/'.length);
      const garbage = committed.has(id) ? !liveSet.has(id) : old(o);
      if (!garbage) continue;
      if (await tryDelete(ctx, o.key)) deletedSnapshots.push(id);
      else retained += 1;
    }
    for (const f of (await loadIndex(ctx)).superseded) await tryDelete(ctx, `index/${f}`);
    for (const k of await expiredLockKeys(ctx)) await tryDelete(ctx, k);
    for (const o of await ctx.storage.list('probes/')) if (await outOfRetention(o.key)) await tryDelete(ctx, o.key);
    if (deletedPacks.length + deletedSnapshots.length > 0) {
      await appendJournal(ctx, { op: 'prune', packs: deletedPacks, snapshots: deletedSnapshots });
    }
    return { deletedPacks, deletedSnapshots, reclaimedBytes, retained, repackedPacks: partly, newPacks: written.map((p) => p.id) };
  } finally {
    await lock.release();
  }
}
