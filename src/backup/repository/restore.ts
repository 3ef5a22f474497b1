import { chmod, lchown, lutimes, mkdir, utimes } from 'node:fs/promises';
import { RepoError, toRepoError } from './errors.js';
import { loadIndex } from './master-index.js';
import { packKey } from './pack.js';
import { createProgress } from './progress.js';
import { packRuns, planRestore } from './restore-plan.js';
import { findSnapshot } from './snapshots.js';
import { createRestoreWriter } from './restore-writer.js';
import { createUnpacker } from './unpack.js';
import { createWorkerPool, fromWire } from './worker-pool.js';
import { toWire } from './worker-protocol.js';
import { createYoungGc } from './young-gc.js';
import type { RepoContext } from './context.js';
import type { ProgressCounter, ProgressSink } from './progress.js';
import type { Wanted } from './restore-plan.js';
import type { RestoreWriter } from './restore-writer.js';
import type { TreeNode } from './snapshot.js';
import type { WorkerPool } from './worker-pool.js';
import type { UnpackTask } from './worker-protocol.js';

export { loadBlob, loadTree } from './load-blob.js';

export interface RestoreOptions {
  readonly onProgress?: ProgressSink;
  /**
   * Worker threads that open blobs and write files. Default: none; the main thread opens blobs, reading the next
   * pack range meanwhile (and hands them to a writer thread, see `writer`). Measured on 2 cores (1 GiB): 2
   * workers were no faster and took ~75-120 MB more peak memory (each thread's allocator arena grows under
   * blob-sized buffers); more cores may pay for workers. 0: the main thread also writes.
   */
  readonly workers?: number;
  /**
   * The main thread opens blobs and one worker writes them (see restore-writer.ts). Default: on for restores
   * of 64 MiB or more when `workers` is not given (1 GiB on 2 cores: ~30% faster, ~20 MB more peak memory).
   */
  readonly writer?: boolean;
}

/**
 * Read buffers (one being read, the others being opened) and their size: the largest chunk plus a little,
 * so a pack is read in two or three large reads; pack-sized slots held 16 MiB more for no measurable speed.
 */
const SLOTS = 3;
const INLINE_SLOTS = 2;
const SLOT_SLACK = 64 * 1024;
/** Restores at least this large (by default) write files on a writer thread while the main thread opens blobs. */
const WRITER_AFTER_BYTES = 64 * 1024 * 1024;
/** Bytes opened on the main thread between minor collections. */
const YOUNG_GC_BYTES = 8 * 1024 * 1024;
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

/**
 * Read buffers, reused for every pack range: allocating one per range left ~16 MiB of garbage per read for
 * the collector and the allocator to hold on to (peak RSS). Shared memory when workers read them.
 */
function createSlots(count: number, size: number, shared: boolean) {
  const free = Array.from({ length: count }, () => new Uint8Array(shared ? new SharedArrayBuffer(size) : new ArrayBuffer(size)));
  const waiters: (() => void)[] = [];
  return {
    async take(): Promise<Uint8Array> {
      while (free.length === 0) await new Promise<void>((r) => waiters.push(r));
      return free.pop() as Uint8Array;
    },
    give(b: Uint8Array): void {
      free.push(b);
      waiters.shift()?.();
    },
  };
}

async function readRange(ctx: RepoContext, key: string, base: number, into: Uint8Array): Promise<void> {
  try {
    if (ctx.storage.readInto) {
      if ((await ctx.storage.readInto(key, base, into)) === into.length) return;
      throw new RepoError('REPO_CORRUPT_PACK', `${key}: shorter than its index says`, key);
    }
    into.set(await ctx.storage.getRange(key, base, into.length));
  } catch (err) {
    throw toRepoError(err);
  }
}

/** Reads each pack range once and hands it to a worker (or the inline unpacker), a few ranges at a time. */
/** Who opens and writes: workers (`pool`), the main thread with a writer thread (`writer`), or the main thread. */
interface Mode {
  readonly pool?: WorkerPool | undefined;
  readonly writer?: RestoreWriter | undefined;
  /** Files with content are created at their first write (the plan created only empty ones). */
  readonly creates: boolean;
}

async function unpackAll(ctx: RepoContext, packs: Map<string, Map<string, Wanted>>, { pool, writer, creates }: Mode, progress: ProgressCounter): Promise<void> {
  // Synchronous writes: tried with libuv's threads writing while the next blobs are opened, it cost more CPU
  // and memory than it saved (1 GiB: 7.4-9.2 s of CPU against 4.4-5.8 s).
  // Files with content are created by the inline unpacker (it sees every range) unless workers write them.
  const inline = createUnpacker(ctx.keys, ctx.config.compression, { creates });
  // Each blob opened here leaves two dead buffers (plaintext, decompressed); without a minor collection every
  // few MiB, ~50 MB of them waited for V8's external-memory trigger (1 GiB restore, peak RSS).
  const youngGc = createYoungGc(YOUNG_GC_BYTES);
  const size = ctx.config.chunker.max + SLOT_SLACK;
  const slots = createSlots(pool ? SLOTS : INLINE_SLOTS, size, pool !== undefined);
  const running = new Set<Promise<void>>();
  let failure: unknown;
  for (const [pack, wanted] of packs) {
    for (const run of packRuns(wanted, 1024 * 1024, size)) {
      if (failure) break;
      const first = run[0] as Wanted;
      const last = run.at(-1) as Wanted;
      const base = first.entry.offset;
      const slot = await slots.take();
      const job = (async (): Promise<void> => {
        const need = last.entry.offset + last.entry.length - base;
        // A blob larger than a slot (a tree of a huge folder) gets a buffer of its own.
        const bytes = need <= slot.length ? slot.subarray(0, need) : new Uint8Array(pool ? new SharedArrayBuffer(need) : new ArrayBuffer(need));
        await readRange(ctx, packKey(pack), base, bytes);
        const blobs = run.map((w) => ({ id: w.entry.id, offset: w.entry.offset, length: w.entry.length, raw: w.entry.raw, z: w.entry.z, targets: w.targets }));
        const task: UnpackTask = { kind: 'unpack', pack, base, bytes, blobs };
        if (writer) {
          youngGc((await writer.range(inline.decode, task)) + bytes.length);
          return;
        }
        const done = pool ? await (await pool.submit<{ bytes: number }>(task)).result : inline.unpack(task);
        if (!pool) youngGc(done.bytes + bytes.length);
        progress.add(0, done.bytes);
      })()
        // Inline errors are plain errors with a code (see unpack.ts), like those that cross from a worker.
        .catch((err: unknown) => void (failure ??= err instanceof RepoError ? err : fromWire(toWire(err))))
        .finally(() => slots.give(slot));
      running.add(job);
      void job.finally(() => running.delete(job));
    }
  }
  await Promise.all(running);
  await writer?.drain().catch((err: unknown) => void (failure ??= err instanceof RepoError ? err : fromWire(toWire(err))));
  if (failure) throw failure;
}

/** Restores a committed snapshot into `target` (created; existing files are never overwritten). */
export async function restore(ctx: RepoContext, ref: string, target: string, opts: RestoreOptions = {}) {
  const snap = await findSnapshot(ctx, ref);
  const index = await loadIndex(ctx);
  const progress = createProgress('restore', opts.onProgress, snap.snapshot.summary.bytes);
  const withWriter = opts.writer ?? (opts.workers === undefined && snap.snapshot.summary.bytes >= WRITER_AFTER_BYTES);
  const workers = withWriter ? 1 : (opts.workers ?? 0);
  // Workers start while the walk creates folders and files.
  const pool = workers <= 0 ? undefined : createWorkerPool({ enc: ctx.keys.enc, id: ctx.keys.id, chunkerSeed: ctx.keys.chunker, chunker: ctx.config.chunker, compression: ctx.config.compression }, workers);
  try {
    await mkdir(target, { recursive: true });
    const creates = pool === undefined || withWriter;
    const plan = await planRestore(ctx, index, snap.snapshot.tree, target, !creates);
    const ready = pool ? await pool.ready.then(() => pool, () => undefined) : undefined;
    const mode: Mode = withWriter ? { writer: ready && createRestoreWriter(ready, (n) => progress.add(0, n)), creates } : { pool: ready, creates };
    await unpackAll(ctx, plan.packs, mode, progress);
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
