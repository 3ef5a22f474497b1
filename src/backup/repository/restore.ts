import { chmod, lchown, lutimes, mkdir, utimes } from 'node:fs/promises';
import { createByteBudget } from './byte-budget.js';
import { toRepoError } from './errors.js';
import { loadIndex } from './master-index.js';
import { packKey } from './pack.js';
import { createProgress } from './progress.js';
import { packRuns, planRestore } from './restore-plan.js';
import { findSnapshot } from './snapshots.js';
import { createUnpacker } from './unpack.js';
import { createWorkerPool } from './worker-pool.js';
import type { RepoContext } from './context.js';
import type { ProgressCounter, ProgressSink } from './progress.js';
import type { Wanted } from './restore-plan.js';
import type { TreeNode } from './snapshot.js';
import type { WorkerPool } from './worker-pool.js';
import type { UnpackTask } from './worker-protocol.js';

export { loadBlob, loadTree } from './load-blob.js';

export interface RestoreOptions {
  readonly onProgress?: ProgressSink;
  /** Worker threads that open blobs and write files; 0: main thread only. Default: one per core above 32 MiB. */
  readonly workers?: number;
}

/** Snapshots smaller than this restore on the main thread: a worker's start-up would cost more. */
const POOL_FROM_BYTES = 32 * 1024 * 1024;
/** Pack bytes read and not yet written out. */
const IN_FLIGHT_BYTES = 48 * 1024 * 1024;
/** Metadata calls at once. */
const META_AT_ONCE = 16;

const seconds = (ns: string): number => Number(BigInt(ns) / 1000n) / 1e6;

async function setMeta(path: string, n: TreeNode, asRoot: boolean): Promise<void> {
  if (asRoot) await lchown(path, n.uid, n.gid).catch(() => undefined);
  if (n.type === 'symlink') {
    await lutimes(path, seconds(n.mtimeNs), seconds(n.mtimeNs));
    return;
  }
  await chmod(path, n.mode);
  await utimes(path, seconds(n.mtimeNs), seconds(n.mtimeNs));
}

/** A buffer the worker can take over: a view of part of a larger buffer is copied first. */
function own(b: Uint8Array): Uint8Array {
  return b.byteOffset === 0 && b.byteLength === b.buffer.byteLength ? b : Uint8Array.prototype.slice.call(b);
}

/** Reads each pack range once and hands it to a worker (or the inline unpacker); bounded by a byte budget. */
async function unpackAll(ctx: RepoContext, packs: Map<string, Map<string, Wanted>>, pool: WorkerPool | undefined, progress: ProgressCounter): Promise<void> {
  const inline = pool ? undefined : createUnpacker(ctx.keys, ctx.config.compression);
  const budget = createByteBudget(IN_FLIGHT_BYTES);
  const running = new Set<Promise<void>>();
  let failure: unknown;
  for (const [pack, wanted] of packs) {
    for (const run of packRuns(wanted)) {
      if (failure) break;
      const first = run[0] as Wanted;
      const last = run.at(-1) as Wanted;
      const base = first.entry.offset;
      const length = last.entry.offset + last.entry.length - base;
      await budget.acquire(length);
      const job = (async (): Promise<void> => {
        const bytes = own(await ctx.storage.getRange(packKey(pack), base, length).catch((err: unknown) => Promise.reject(toRepoError(err))));
        const blobs = run.map((w) => ({ id: w.entry.id, offset: w.entry.offset, length: w.entry.length, raw: w.entry.raw, z: w.entry.z, targets: w.targets }));
        const task: UnpackTask = { kind: 'unpack', pack, base, bytes, blobs };
        const done = pool ? await (await pool.submit<{ bytes: number }>(task, undefined, [bytes.buffer as ArrayBuffer])).result : (inline as ReturnType<typeof createUnpacker>).unpack(task);
        progress.add(0, done.bytes);
      })()
        .catch((err: unknown) => void (failure ??= err))
        .finally(() => budget.release(length));
      running.add(job);
      void job.finally(() => running.delete(job));
    }
  }
  await Promise.all(running);
  inline?.flush();
  if (failure) throw failure;
}

/** Restores a committed snapshot into `target` (created; existing files are never overwritten). */
export async function restore(ctx: RepoContext, ref: string, target: string, opts: RestoreOptions = {}) {
  const snap = await findSnapshot(ctx, ref);
  const index = await loadIndex(ctx);
  const progress = createProgress('restore', opts.onProgress, snap.snapshot.summary.bytes);
  const workers = opts.workers ?? (snap.snapshot.summary.bytes >= POOL_FROM_BYTES ? undefined : 0);
  // Workers start while the walk creates folders and files.
  const pool = workers === 0 ? undefined : createWorkerPool({ enc: ctx.keys.enc, id: ctx.keys.id, chunkerSeed: ctx.keys.chunker, chunker: ctx.config.chunker, compression: ctx.config.compression }, workers);
  try {
    await mkdir(target, { recursive: true });
    const plan = await planRestore(ctx, index, snap.snapshot.tree, target);
    const ready = pool ? await pool.ready.then(() => pool, () => undefined) : undefined;
    await unpackAll(ctx, plan.packs, ready, progress);
    if (ready) await ready.everyWorker({ kind: 'flush' });
    progress.add(plan.files, 0);
    // Files and links first, then folders deepest first: creating children changes a folder's times.
    const asRoot = process.getuid?.() === 0;
    const leaves = plan.nodes.filter((n) => n.node.type !== 'dir');
    for (let i = 0; i < leaves.length; i += META_AT_ONCE) {
      await Promise.all(leaves.slice(i, i + META_AT_ONCE).map((n) => setMeta(n.path, n.node, asRoot)));
    }
    for (const d of plan.nodes.filter((n) => n.node.type === 'dir').reverse()) await setMeta(d.path, d.node, asRoot);
  } finally {
    await pool?.close();
  }
  progress.done();
  return { snapshot: snap.id, files: snap.snapshot.summary.files, bytes: snap.snapshot.summary.bytes };
}
