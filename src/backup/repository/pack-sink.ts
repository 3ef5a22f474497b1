import { createHash } from 'node:crypto';
import { retention } from './context.js';
import { sha256Hex } from './crypto.js';
import { toRepoError } from './errors.js';
import { createPackBuilder, packKey, packTail } from './pack.js';
import type { ObjectWriter } from '../storage/index.js';
import type { RepoContext } from './context.js';
import type { BlobEntry, BlobType, PackInfo } from './pack.js';

/** Blob bytes handed to the writer but not yet written; past this, room() waits (the writes are page-cache fast). */
const WRITE_AHEAD = 4 * 1024 * 1024;
/** Blob bytes gathered into one write: 10,000 small files were 10,000 writes, each with its promises. */
const WRITE_BATCH = 1024 * 1024;

/**
 * Where a backup's sealed blobs go, one pack at a time: `add` appends to the current pack, `finish` closes it
 * (synchronously: the next `add` starts a new pack) and resolves with its PackInfo once it is stored under
 * the SHA-256 of its bytes.
 */
export interface PackSink {
  readonly size: number;
  readonly count: number;
  /** Appends a sealed blob (whole, or as consecutive parts, unchanged until written); returns its length. */
  add(id: string, type: BlobType, sealed: Uint8Array | Uint8Array[], raw: number, z: boolean): number;
  finish(): Promise<PackInfo>;
  /** Waits while more than a few MiB of appended blobs are not yet written. */
  room(): Promise<void>;
  /** Discards the pack being written after a failure. */
  abort(): Promise<void>;
}

/**
 * Storage that takes objects in parts (the filesystem) gets packs streamed blob by blob, hashed as they go:
 * no 16 MiB pack buffer is held (a buffered backup kept two: 1 GiB backup peak RSS, see bench/backup.bench.ts).
 * Other storage (S3) gets whole packs built in a recycled buffer and put.
 */
export function createPackSink(ctx: RepoContext): PackSink {
  return ctx.storage.openWriter ? createStreamedSink(ctx, ctx.storage.openWriter.bind(ctx.storage)) : createBufferedSink(ctx);
}

function createStreamedSink(ctx: RepoContext, openWriter: () => ObjectWriter): PackSink {
  let writer: ObjectWriter | undefined;
  let hash = createHash('sha256');
  let blobs: BlobEntry[] = [];
  let size = 0;
  let pending = 0;
  const waiters: (() => void)[] = [];
  /** The current pack's writes, in order; a failed write fails the ones after it and the commit. */
  let chain: Promise<void> = Promise.resolve();
  /** Parts not yet handed to the writer: small blobs go out together, one writev per ~1 MiB. */
  let queued: Uint8Array[] = [];
  let queuedBytes = 0;
  const flush = (w: ObjectWriter): void => {
    const [parts, n] = [queued, queuedBytes];
    [queued, queuedBytes] = [[], 0];
    chain = chain.then(() => w.write(parts)).finally(() => {
      pending -= n;
      for (const wake of waiters.splice(0)) wake();
    });
    chain.catch(() => undefined);
  };
  const enqueue = (w: ObjectWriter, parts: Uint8Array[], n: number): void => {
    pending += n;
    queued.push(...parts);
    queuedBytes += n;
    if (queuedBytes >= WRITE_BATCH) flush(w);
  };
  return {
    get size() {
      return size;
    },
    get count() {
      return blobs.length;
    },
    add(id, type, sealed, raw, z) {
      const parts = Array.isArray(sealed) ? sealed : [sealed];
      const length = parts.reduce((n, p) => n + p.length, 0);
      writer ??= openWriter();
      for (const p of parts) hash.update(p);
      enqueue(writer, parts, length);
      blobs.push({ id, type, offset: size, length, raw, z });
      size += length;
      return length;
    },
    finish() {
      const w = writer ?? openWriter();
      const tail = packTail(ctx.keys.enc, blobs);
      hash.update(tail);
      enqueue(w, [tail], tail.length);
      flush(w);
      const info: PackInfo = { id: hash.digest('hex'), size: size + tail.length, blobs };
      const written = chain;
      [writer, hash, blobs, size, chain] = [undefined, createHash('sha256'), [], 0, Promise.resolve()];
      const store = async (): Promise<PackInfo> => {
        try {
          await written.catch(async (err: unknown) => {
            await w.abort();
            throw err;
          });
          await w.commit(packKey(info.id), retention(ctx));
          return info;
        } catch (err) {
          throw toRepoError(err);
        }
      };
      return store();
    },
    async room() {
      while (pending > WRITE_AHEAD) await new Promise<void>((wake) => waiters.push(wake));
    },
    async abort() {
      const w = writer;
      [writer, queued, queuedBytes] = [undefined, [], 0];
      await chain.catch(() => undefined);
      await w?.abort();
    },
  };
}

function createBufferedSink(ctx: RepoContext): PackSink {
  const pack = createPackBuilder(ctx.config.packSize + 1024 * 1024);
  return {
    get size() {
      return pack.size;
    },
    get count() {
      return pack.count;
    },
    add: (id, type, sealed, raw, z) => pack.add(id, type, sealed, raw, z),
    async finish() {
      const { bytes, blobs } = pack.finish(ctx.keys.enc);
      // Synchronous SHA-256 reads the pack in place (~10 ms per 16 MiB); WebCrypto would copy it first.
      const id = sha256Hex(bytes);
      try {
        await ctx.storage.put(packKey(id), bytes, retention(ctx)).catch((err: unknown) => Promise.reject(toRepoError(err)));
      } finally {
        pack.recycle(bytes);
      }
      return { id, size: bytes.length, blobs };
    },
    room: async () => undefined,
    abort: async () => undefined,
  };
}
