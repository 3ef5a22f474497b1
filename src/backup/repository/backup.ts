import { hostname } from 'node:os';
import { lstat, readdir, readlink } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { createBlobSaver } from './blob-saver.js';
import { createChunker } from './chunker.js';
import { createFileRouter } from './file-router.js';
import { RepoError } from './errors.js';
import { appendJournal } from './journal.js';
import { acquireLock } from './locks.js';
import { loadIndex, writeIndex } from './master-index.js';
import { createProgress } from './progress.js';
import { signSnapshot, writeSnapshot } from './snapshot.js';
import type { BigIntStats } from 'node:fs';
import type { BlobSaver } from './blob-saver.js';
import type { FileRouter } from './file-router.js';
import type { RepoContext } from './context.js';
import type { ProgressCounter, ProgressSink } from './progress.js';
import type { SnapshotSummary, Tree, TreeNode } from './snapshot.js';

export interface BackupOptions {
  readonly tags?: string[];
  readonly onProgress?: ProgressSink;
  /** Worker threads for chunking, hashing, compression and encryption; 0: main thread only. Default: one per core. */
  readonly workers?: number;
}

export interface BackupResult {
  readonly snapshot: string;
  readonly summary: SnapshotSummary;
}

interface Walk {
  readonly saver: BlobSaver;
  readonly files: FileRouter;
  readonly progress: ProgressCounter;
  files_: number;
  dirs: number;
  bytes: number;
}

const meta = (name: string, st: BigIntStats) => ({
  name,
  mode: Number(st.mode & 0o7777n),
  mtimeNs: st.mtimeNs.toString(),
  uid: Number(st.uid),
  gid: Number(st.gid),
});

/** A node whose content may still be in flight; the walk goes on meanwhile (failures surface at the tree). */
type Pending = { readonly node: Promise<TreeNode | undefined> };

const later = <T>(p: Promise<T>): Promise<T> => {
  p.catch(() => undefined); // observed later by walkTree; a failure must not count as unhandled meanwhile
  return p;
};

async function node(w: Walk, path: string, name: string): Promise<Pending> {
  const st = await lstat(path, { bigint: true });
  if (st.isSymbolicLink()) return { node: Promise.resolve({ ...meta(name, st), type: 'symlink', target: await readlink(path) }) };
  if (st.isDirectory()) {
    w.dirs += 1;
    const { tree } = await walkTree(w, path);
    return { node: later(tree.then((id): TreeNode => ({ ...meta(name, st), type: 'dir', subtree: id }))) };
  }
  if (!st.isFile()) return { node: Promise.resolve(undefined) }; // sockets, fifos, devices: not backed up
  const { done } = await w.files.file(path, Number(st.size));
  return {
    node: later(done.then(({ content, read }): TreeNode => {
      // The size recorded is what was read: a file that changes during the backup stays self-consistent.
      w.files_ += 1;
      w.bytes += read;
      w.progress.add(1, 0);
      return { ...meta(name, st), type: 'file', size: read, content };
    })),
  };
}

/** Saves the tree once every child is saved; the files themselves are only submitted here. */
async function saveNodes(w: Walk, pending: Pending[]): Promise<string> {
  await w.files.flush();
  const nodes = (await Promise.all(pending.map((p) => p.node))).filter((n): n is TreeNode => n !== undefined);
  return w.saver.save('tree', Buffer.from(JSON.stringify({ nodes } satisfies Tree)));
}

/** Submits everything under `dir`; the returned promise settles with the tree id once it is saved. */
async function walkTree(w: Walk, dir: string): Promise<{ tree: Promise<string> }> {
  const names = (await readdir(dir)).sort();
  const pending: Pending[] = [];
  for (const n of names) pending.push(await node(w, join(dir, n), n));
  return { tree: later(saveNodes(w, pending)) };
}

/** Total bytes under the paths (lstat only), so progress can show an ETA; errors surface in the walk. */
async function scanSize(paths: string[]): Promise<number> {
  let total = 0;
  const visit = async (p: string): Promise<void> => {
    const st = await lstat(p).catch(() => undefined);
    if (st?.isFile()) total += st.size;
    if (st?.isDirectory()) for (const n of await readdir(p).catch(() => [])) await visit(join(p, n));
  };
  for (const p of paths) await visit(p);
  return total;
}

/**
 * Backup in the crash-safe commit order: data packs, then the index naming them, then the snapshot
 * manifest, then the journal entry that commits it. A crash anywhere leaves only unreferenced objects.
 */
export async function backup(ctx: RepoContext, paths: string[], opts: BackupOptions = {}): Promise<BackupResult> {
  const abs = paths.map((p) => resolve(p));
  const names = abs.map((p) => basename(p) || '/');
  if (abs.length === 0 || new Set(names).size !== names.length) {
    throw new RepoError('REPO_BAD_INPUT', 'give one or more paths with distinct base names');
  }
  for (const p of abs) await lstat(p).catch(() => { throw new RepoError('REPO_BAD_INPUT', `cannot read ${p}`, p); });
  const lock = await acquireLock(ctx, false);
  const index = await loadIndex(ctx);
  const saver = createBlobSaver(ctx, index);
  const progress = createProgress('backup', opts.onProgress, opts.onProgress ? await scanSize(abs) : undefined);
  const files = createFileRouter(ctx, saver, createChunker(ctx.keys.chunker, ctx.config.chunker), progress, opts.workers === undefined ? {} : { workers: opts.workers });
  const w: Walk = { saver, files, progress, files_: 0, dirs: 0, bytes: 0 };
  try {
    const pending: Pending[] = [];
    for (const [i, p] of abs.entries()) pending.push(await node(w, p, names[i] as string));
    const tree = await saveNodes(w, pending);
    await files.close();
    const saved = await saver.finish();
    if (saved.packs.length > 0) await writeIndex(ctx, saved.packs);
    const summary: SnapshotSummary = {
      files: w.files_,
      dirs: w.dirs,
      bytes: w.bytes,
      addedBlobs: saved.addedBlobs,
      addedDataBlobs: saved.addedDataBlobs,
      addedBytes: saved.addedBytes,
      addedPacks: saved.packs.length,
    };
    const time = new Date(ctx.now()).toISOString();
    const body = { v: 1 as const, time, hostname: ctx.hostname || hostname(), paths: abs, tags: opts.tags ?? [], tree, summary };
    const id = await writeSnapshot(ctx, signSnapshot(ctx, body));
    await appendJournal(ctx, { op: 'snapshot', snapshot: id, time });
    progress.done();
    return { snapshot: id, summary };
  } catch (err) {
    await files.close();
    await saver.abort();
    throw err;
  } finally {
    await lock.release();
  }
}
