import { hostname } from 'node:os';
import { lstat, open, readdir, readlink } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { createBlobSaver } from './blob-saver.js';
import { chunkFile, createChunker } from './chunker.js';
import { RepoError } from './errors.js';
import { appendJournal } from './journal.js';
import { acquireLock } from './locks.js';
import { loadIndex, writeIndex } from './master-index.js';
import { createProgress } from './progress.js';
import { signSnapshot, writeSnapshot } from './snapshot.js';
import type { BigIntStats } from 'node:fs';
import type { BlobSaver } from './blob-saver.js';
import type { Chunker } from './chunker.js';
import type { RepoContext } from './context.js';
import type { ProgressCounter, ProgressSink } from './progress.js';
import type { SnapshotSummary, Tree, TreeNode } from './snapshot.js';

export interface BackupOptions {
  readonly tags?: string[];
  readonly onProgress?: ProgressSink;
}

export interface BackupResult {
  readonly snapshot: string;
  readonly summary: SnapshotSummary;
}

interface Walk {
  readonly saver: BlobSaver;
  readonly chunker: Chunker;
  readonly progress: ProgressCounter;
  files: number;
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

/** Reads and submits a file's chunks; the ids settle later, so the next file is read meanwhile. */
async function submitFile(w: Walk, path: string, size: number): Promise<{ ids: Promise<string[]>; read: number }> {
  const fh = await open(path, 'r');
  const ids: Promise<string>[] = [];
  let read = 0;
  try {
    for await (const chunk of chunkFile(fh, w.chunker, size)) {
      ids.push((await w.saver.submit('data', chunk)).id);
      read += chunk.length;
      w.progress.add(0, chunk.length);
    }
  } finally {
    await fh.close();
  }
  return { ids: Promise.all(ids), read };
}

type Pending = { node: Promise<TreeNode | undefined> };

async function node(w: Walk, path: string, name: string): Promise<Pending> {
  const st = await lstat(path, { bigint: true });
  if (st.isSymbolicLink()) return { node: Promise.resolve({ ...meta(name, st), type: 'symlink', target: await readlink(path) }) };
  if (st.isDirectory()) {
    w.dirs += 1;
    const subtree = await saveTree(w, path);
    return { node: Promise.resolve({ ...meta(name, st), type: 'dir', subtree }) };
  }
  if (!st.isFile()) return { node: Promise.resolve(undefined) }; // sockets, fifos, devices: not backed up
  // The size recorded is what was read: a file that changes during the backup stays self-consistent.
  const { ids, read } = await submitFile(w, path, Number(st.size));
  w.files += 1;
  w.bytes += read;
  w.progress.add(1, 0);
  const file = ids.then((content): TreeNode => ({ ...meta(name, st), type: 'file', size: read, content }));
  file.catch(() => undefined); // observed later by saveTree; a failure must not count as unhandled meanwhile
  return { node: file };
}

async function saveTree(w: Walk, dir: string): Promise<string> {
  const names = (await readdir(dir)).sort();
  const pending: Pending[] = [];
  for (const n of names) pending.push(await node(w, join(dir, n), n));
  const nodes = (await Promise.all(pending.map((p) => p.node))).filter((n): n is TreeNode => n !== undefined);
  return w.saver.save('tree', Buffer.from(JSON.stringify({ nodes } satisfies Tree)));
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
  const w: Walk = { saver, chunker: createChunker(ctx.keys.chunker, ctx.config.chunker), progress, files: 0, dirs: 0, bytes: 0 };
  try {
    const pending: Pending[] = [];
    for (const [i, p] of abs.entries()) pending.push(await node(w, p, names[i] as string));
    const nodes = (await Promise.all(pending.map((p) => p.node))).filter((n): n is TreeNode => n !== undefined);
    const tree = await saver.save('tree', Buffer.from(JSON.stringify({ nodes } satisfies Tree)));
    const saved = await saver.finish();
    if (saved.packs.length > 0) await writeIndex(ctx, saved.packs);
    const summary: SnapshotSummary = {
      files: w.files,
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
    await saver.abort();
    throw err;
  } finally {
    await lock.release();
  }
}
