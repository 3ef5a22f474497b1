import { chmod, lchown, lutimes, mkdir, open, symlink, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { createByteBudget } from './byte-budget.js';
import { RepoError, toRepoError } from './errors.js';
import { loadIndex } from './master-index.js';
import { openBlob, packKey } from './pack.js';
import { createProgress } from './progress.js';
import { findSnapshot } from './snapshots.js';
import type { RepoContext } from './context.js';
import type { ByteBudget } from './byte-budget.js';
import type { MasterIndex } from './master-index.js';
import type { ProgressCounter, ProgressSink } from './progress.js';
import type { Tree, TreeNode } from './snapshot.js';

export interface RestoreOptions {
  readonly onProgress?: ProgressSink;
}

interface Run {
  readonly ctx: RepoContext;
  readonly index: MasterIndex;
  readonly progress: ProgressCounter;
  readonly asRoot: boolean;
  /** File restores in progress; bounded so memory stays flat and the thread pool stays busy. */
  readonly files: Set<Promise<void>>;
  readonly budget: ByteBudget;
  failure?: unknown;
}

/** Files restored at once, blobs prefetched per file, and the bytes all of them may hold together. */
const FILES_AT_ONCE = 4;
const PREFETCH = 3;
const IN_FLIGHT_BYTES = 24 * 1024 * 1024;

export async function loadBlob(ctx: RepoContext, index: MasterIndex, id: string): Promise<Buffer> {
  const e = index.blobs.get(id);
  if (!e) throw new RepoError('REPO_MISSING_BLOB', `blob ${id.slice(0, 12)} is in no index`);
  let sealed: Uint8Array;
  try {
    sealed = await ctx.storage.getRange(packKey(e.pack), e.offset, e.length);
  } catch (err) {
    throw toRepoError(err);
  }
  return openBlob(ctx, e.pack, e, sealed);
}

export async function loadTree(ctx: RepoContext, index: MasterIndex, id: string): Promise<Tree> {
  return JSON.parse((await loadBlob(ctx, index, id)).toString('utf8')) as Tree;
}

const seconds = (ns: string): number => Number(BigInt(ns) / 1000n) / 1e6;

async function setMeta(r: Run, path: string, n: TreeNode): Promise<void> {
  if (r.asRoot) await lchown(path, n.uid, n.gid).catch(() => undefined);
  if (n.type === 'symlink') {
    await lutimes(path, seconds(n.mtimeNs), seconds(n.mtimeNs));
    return;
  }
  await chmod(path, n.mode);
  await utimes(path, seconds(n.mtimeNs), seconds(n.mtimeNs));
}

async function restoreNode(r: Run, dir: string, n: TreeNode): Promise<void> {
  if (n.name.includes('/') || n.name === '..' || n.name === '.') {
    throw new RepoError('REPO_CORRUPT_SNAPSHOT', `tree entry ${JSON.stringify(n.name)} is not a plain name`);
  }
  const path = join(dir, n.name);
  if (n.type === 'symlink') {
    await symlink(n.target ?? '', path);
  } else if (n.type === 'dir') {
    await mkdir(path, { recursive: true, mode: 0o700 });
    const tree = await loadTree(r.ctx, r.index, n.subtree ?? '');
    for (const child of tree.nodes) await restoreNode(r, path, child);
  } else {
    while (r.files.size >= FILES_AT_ONCE) await Promise.race(r.files);
    if (r.failure) throw r.failure;
    const p = restoreFile(r, path, n).catch((err: unknown) => {
      r.failure ??= err;
    });
    r.files.add(p);
    void p.finally(() => r.files.delete(p));
    return;
  }
  // Directory times last: creating children would otherwise change them again.
  await Promise.all(r.files);
  await setMeta(r, path, n);
}

async function restoreFile(r: Run, path: string, n: TreeNode): Promise<void> {
  const fh = await open(path, 'wx', 0o600);
  try {
    const ids = n.content ?? [];
    const queue: Promise<Buffer>[] = [];
    for (let i = 0; i < ids.length; i++) {
      while (queue.length < PREFETCH && i + queue.length < ids.length) {
        const id = ids[i + queue.length] as string;
        const cost = r.index.blobs.get(id)?.raw ?? 0;
        // Prefetch only while the budget has room now; wait for it only when holding nothing.
        if (queue.length > 0 && !r.budget.tryAcquire(cost)) break;
        if (queue.length === 0) await r.budget.acquire(cost);
        const q = loadBlob(r.ctx, r.index, id).finally(() => r.budget.release(cost));
        q.catch(() => undefined);
        queue.push(q);
      }
      const data = await (queue.shift() as Promise<Buffer>);
      await fh.write(data);
      r.progress.add(0, data.length);
    }
  } finally {
    await fh.close();
  }
  r.progress.add(1, 0);
  await setMeta(r, path, n);
}

/** Restores a committed snapshot into `target` (created; existing files are never overwritten). */
export async function restore(ctx: RepoContext, ref: string, target: string, opts: RestoreOptions = {}) {
  const snap = await findSnapshot(ctx, ref);
  const index = await loadIndex(ctx);
  const progress = createProgress('restore', opts.onProgress, snap.snapshot.summary.bytes);
  await mkdir(target, { recursive: true });
  const run: Run = { ctx, index, progress, asRoot: process.getuid?.() === 0, files: new Set(), budget: createByteBudget(IN_FLIGHT_BYTES) };
  const root = await loadTree(ctx, index, snap.snapshot.tree);
  for (const n of root.nodes) await restoreNode(run, target, n);
  await Promise.all(run.files);
  if (run.failure) throw run.failure;
  progress.done();
  return { snapshot: snap.id, files: snap.snapshot.summary.files, bytes: snap.snapshot.summary.bytes };
}
