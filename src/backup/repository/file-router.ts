import { open } from 'node:fs/promises';
import { chunkFile } from './chunker.js';
import { createWorkerPool } from './worker-pool.js';
import type { BlobSaver } from './blob-saver.js';
import type { Chunker } from './chunker.js';
import type { RepoContext } from './context.js';
import type { ProgressCounter } from './progress.js';
import type { WorkerPool } from './worker-pool.js';
import type { FilesEvent, FilesResult } from './worker-protocol.js';

export interface FileSaved {
  readonly content: string[];
  readonly read: number;
}

/** File bytes seen before the worker pool starts: small backups never pay a thread's start-up. */
const POOL_AFTER_BYTES = 32 * 1024 * 1024;
/** Files at least this large wait for a starting pool instead of being chunked on the main thread. */
const WAIT_FOR_POOL_BYTES = 8 * 1024 * 1024;
/** Files below this go to workers in batches, so a folder of small files is a few messages, not thousands. */
const SMALL_FILE = 1024 * 1024;
const BATCH_FILES = 64;
const BATCH_BYTES = 4 * 1024 * 1024;

export interface FileRouterOptions {
  /**
   * Worker threads; 0 keeps everything on the main thread. Default: one per core, started once 32 MiB of
   * files went by. A number given explicitly starts them at the first file and waits until they are up.
   */
  readonly workers?: number;
}

/**
 * Sends each file to the worker pool once it is running, else chunks it here (async, hashing and sealing on
 * libuv's pool). Both paths feed the same BlobSaver, so a backup may mix them while the pool starts.
 */
export function createFileRouter(ctx: RepoContext, saver: BlobSaver, chunker: Chunker, progress: ProgressCounter, opts: FileRouterOptions = {}) {
  let pool: WorkerPool | undefined;
  let ready = false;
  let seen = 0;
  let batch: { path: string; size: number; ok: (f: FileSaved) => void; fail: (e: unknown) => void }[] = [];
  let batchBytes = 0;
  const start = (): WorkerPool => {
    const p = createWorkerPool({ enc: ctx.keys.enc, id: ctx.keys.id, chunkerSeed: ctx.keys.chunker, chunker: ctx.config.chunker, compression: ctx.config.compression }, opts.workers);
    p.ready.then(() => (ready = true), () => undefined);
    return p;
  };
  const onEvent = async (e: unknown): Promise<boolean | undefined> => {
    const ev = e as FilesEvent;
    if (ev.kind === 'want') {
      progress.add(0, ev.raw);
      if (!saver.reserve(ev.id, 'data')) return false;
      await saver.room();
      return true;
    }
    if (!ev.asked) progress.add(0, ev.raw);
    saver.addSealed(ev.id, 'data', ev.sealed, ev.raw, ev.z, ev.asked);
    return undefined;
  };
  const inProcess = async (path: string, size: number): Promise<{ done: Promise<FileSaved> }> => {
    const fh = await open(path, 'r');
    const ids: Promise<string>[] = [];
    let read = 0;
    try {
      for await (const chunk of chunkFile(fh, chunker, size)) {
        ids.push((await saver.submit('data', chunk)).id);
        read += chunk.length;
        progress.add(0, chunk.length);
      }
    } finally {
      await fh.close();
    }
    return { done: Promise.all(ids).then((content) => ({ content, read })) };
  };
  const flush = async (): Promise<void> => {
    if (batch.length === 0 || !pool) return;
    const files = batch;
    batch = [];
    batchBytes = 0;
    const { result } = await pool.submit<FilesResult>({ kind: 'files', files: files.map((f) => ({ path: f.path, size: f.size })) }, onEvent);
    result.then(
      (r) => files.forEach((f, i) => f.ok({ content: r.files[i]?.ids ?? [], read: r.files[i]?.read ?? 0 })),
      (err: unknown) => files.forEach((f) => f.fail(err)),
    );
  };
  return {
    /** Starts saving a file; `done` settles with its chunk ids once every chunk is hashed (and saved if new). */
    async file(path: string, size: number): Promise<{ done: Promise<FileSaved> }> {
      seen += size;
      if (!pool && opts.workers !== 0 && (opts.workers !== undefined || seen >= POOL_AFTER_BYTES)) {
        const p = (pool = start());
        if (opts.workers !== undefined) await p.ready.catch(() => undefined);
      }
      // A large file waits for the workers that are starting (~0.1 s) rather than being chunked here, where its
      // window and chunks in flight held ~40 MB while the workers sat idle (1 GiB backup, peak RSS).
      if (pool && !ready && size >= WAIT_FOR_POOL_BYTES) await pool.ready.catch(() => undefined);
      if (!ready || !pool) return inProcess(path, size);
      if (size >= SMALL_FILE) {
        const { result } = await pool.submit<FilesResult>({ kind: 'files', files: [{ path, size }] }, onEvent);
        return { done: result.then((r) => ({ content: r.files[0]?.ids ?? [], read: r.files[0]?.read ?? 0 })) };
      }
      const done = new Promise<FileSaved>((ok, fail) => batch.push({ path, size, ok, fail }));
      done.catch(() => undefined);
      batchBytes += size;
      if (batch.length >= BATCH_FILES || batchBytes >= BATCH_BYTES) await flush();
      return { done };
    },
    /** Sends the files gathered so far; call before waiting for any of them. */
    flush,
    async close(): Promise<void> {
      await pool?.close();
    },
  };
}

export type FileRouter = ReturnType<typeof createFileRouter>;
