import { getSealedJson } from './context.js';
import { isRepoError, toRepoError } from './errors.js';
import { INDEX_AAD, loadIndex } from './master-index.js';
import { openBlob, readPackHeader } from './pack.js';
import { createProgress } from './progress.js';
import { loadTree } from './load-blob.js';
import { isSigned, readSnapshot } from './snapshot.js';
import { liveSnapshotIds } from './snapshots.js';
import { verifyJournal } from './verify-journal.js';
import type { RepoContext } from './context.js';
import type { RepoErrorCode } from './errors.js';
import type { IndexFile, MasterIndex } from './master-index.js';
import type { ProgressSink } from './progress.js';

export interface Problem {
  readonly code: RepoErrorCode;
  /** The repository key the problem is about. */
  readonly key: string;
  readonly message: string;
}

export interface VerifyReport {
  readonly ok: boolean;
  readonly problems: Problem[];
  /** Not failures: orphans left by crashes (prune removes them), checks that could not run. */
  readonly notes: string[];
  readonly packs: number;
  readonly blobs: number;
  readonly snapshots: number;
}

const problemOf = (err: unknown, key: string): Problem => {
  const e = toRepoError(err);
  return { code: e.code, key: e.path ?? key, message: e.message };
};

async function verifyIndexFiles(ctx: RepoContext, problems: Problem[]): Promise<void> {
  for (const o of await ctx.storage.list('index/')) {
    await getSealedJson<IndexFile>(ctx, o.key, INDEX_AAD, 'REPO_CORRUPT_INDEX').catch((err: unknown) => problems.push(problemOf(err, o.key)));
  }
}

async function verifyPacks(ctx: RepoContext, index: MasterIndex, r: { problems: Problem[]; notes: string[] }, onProgress?: ProgressSink) {
  const listed = await ctx.storage.list('data/');
  const progress = createProgress('verify', onProgress, listed.reduce((n, o) => n + o.size, 0));
  const present = new Set<string>();
  let blobs = 0;
  for (const o of listed) {
    const id = o.key.slice(o.key.lastIndexOf('/') + 1);
    present.add(id);
    try {
      const bytes = await ctx.storage.get(o.key);
      const header = readPackHeader(ctx, id, bytes);
      for (const e of header) {
        await openBlob(ctx, id, e, bytes.subarray(e.offset, e.offset + e.length));
        blobs += 1;
      }
      if (!index.packs.has(id)) r.notes.push(`${o.key}: not in any index (left by an interrupted backup; prune removes it)`);
      progress.add(1, bytes.length);
    } catch (err) {
      r.problems.push(problemOf(err, o.key));
    }
  }
  for (const id of index.packs.keys()) {
    if (!present.has(id)) r.problems.push({ code: 'REPO_CORRUPT_PACK', key: `data/${id.slice(0, 2)}/${id}`, message: `pack ${id.slice(0, 12)} is listed in the index but missing` });
  }
  progress.done();
  return { packs: listed.length, blobs };
}

async function verifyTree(ctx: RepoContext, index: MasterIndex, id: string, seen: Set<string>, problems: Problem[], snap: string) {
  if (seen.has(id)) return;
  seen.add(id);
  const tree = await loadTree(ctx, index, id);
  for (const n of tree.nodes) {
    let size = 0;
    for (const b of n.content ?? []) {
      const e = index.blobs.get(b);
      if (!e) problems.push({ code: 'REPO_MISSING_BLOB', key: `snapshots/${snap}`, message: `snapshot ${snap.slice(0, 8)}: ${n.name} needs blob ${b.slice(0, 12)} which no index lists` });
      size += e?.raw ?? 0;
    }
    if (n.type === 'file' && size !== n.size && (n.content ?? []).every((b) => index.blobs.has(b))) {
      problems.push({ code: 'REPO_CORRUPT_SNAPSHOT', key: `snapshots/${snap}`, message: `snapshot ${snap.slice(0, 8)}: ${n.name} has ${n.size} bytes but its chunks hold ${size}` });
    }
    if (n.subtree) await verifyTree(ctx, index, n.subtree, seen, problems, snap);
  }
}

/** Checks every hash, every auth tag, the journal chain and that every committed snapshot is complete. */
export async function verify(ctx: RepoContext, opts: { onProgress?: ProgressSink } = {}): Promise<VerifyReport> {
  const problems: Problem[] = [];
  const notes: string[] = [];
  const entries = await verifyJournal(ctx, problems, notes);
  await verifyIndexFiles(ctx, problems);
  const index = await loadIndex(ctx);
  const { packs, blobs } = await verifyPacks(ctx, index, { problems, notes }, opts.onProgress);
  const live = liveSnapshotIds(entries);
  const seen = new Set<string>();
  for (const id of live) {
    try {
      const s = await readSnapshot(ctx, id);
      if (!isSigned(ctx, s)) problems.push({ code: 'REPO_CORRUPT_SNAPSHOT', key: `snapshots/${id}`, message: `snapshot ${id.slice(0, 8)} is not signed by this repository` });
      await verifyTree(ctx, index, s.tree, seen, problems, id);
    } catch (err) {
      const p = problemOf(err, `snapshots/${id}`);
      const missing = isRepoError(err, 'STORAGE_NOT_FOUND');
      problems.push(missing ? { ...p, code: 'REPO_CORRUPT_SNAPSHOT', message: `snapshot ${id.slice(0, 8)} is committed in the journal but its manifest is missing (deleted)` } : p);
    }
  }
  const committed = new Set(entries.flatMap((e) => (e.op === 'snapshot' ? [e.snapshot] : [])));
  for (const o of await ctx.storage.list('snapshots/')) {
    if (!committed.has(o.key.slice('snapshots/'.length))) notes.push(`${o.key}: never committed to the journal (interrupted backup or forged); ignored`);
  }
  return { ok: problems.length === 0, problems, notes, packs, blobs, snapshots: live.length };
}
