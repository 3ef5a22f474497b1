import { hmacHexAsync, sealAsync } from './async-crypto.js';
import { createByteBudget } from './byte-budget.js';
import { maybeCompress } from './compression.js';
import { createPackSink } from './pack-sink.js';
import type { RepoContext } from './context.js';
import type { MasterIndex } from './master-index.js';
import { createYoungGc } from './young-gc.js';
import type { BlobType, PackInfo } from './pack.js';

/**
 * Sealed bytes between minor collections on the main thread: blobs from the workers arrive in buffers of
 * their own, dead once written to the pack; V8 would let ~64 MiB of them pile up before collecting.
 */
const YOUNG_GC_BYTES = 8 * 1024 * 1024;
/** Chunks hashed/compressed/encrypted at once: enough to keep the thread pool busy. */
const MAX_IN_FLIGHT = 4;
/** Chunk bytes in flight on the main-thread path (two max-size chunks); each is held ~3 times (data, WebCrypto copy, sealed). */
const IN_FLIGHT_BYTES = 20 * 1024 * 1024;
/** Packs being stored at once (on the filesystem: fsynced and linked while the next one is written). */
const MAX_UPLOADS = 1;

/** A blob accepted for saving; `id` resolves once hashed (and stored, if it was new). */
export interface Submitted {
  readonly id: Promise<string>;
}

/**
 * Deduplicates, compresses, encrypts and packs blobs; uploads full packs in the background. `finish()` flushes
 * and returns the packs written, which the caller records in a new index file (packs first, then index).
 * Hashing, compression and encryption run on the thread pool while the caller keeps chunking.
 */
export function createBlobSaver(ctx: RepoContext, index: MasterIndex) {
  const youngGc = createYoungGc(YOUNG_GC_BYTES);
  const pack = createPackSink(ctx);
  const seen = new Set<string>();
  const inFlight = new Set<Promise<unknown>>();
  const uploads = new Set<Promise<unknown>>();
  const written: PackInfo[] = [];
  let failure: unknown;
  let addedBytes = 0;
  let addedData = 0;
  const budget = createByteBudget(IN_FLIGHT_BYTES);

  const track = <T>(set: Set<Promise<unknown>>, p: Promise<T>): Promise<T> => {
    const q = p.catch((err: unknown) => {
      failure ??= err;
      throw err;
    });
    const settled = q.catch(() => undefined);
    set.add(settled);
    void settled.finally(() => set.delete(settled));
    return q;
  };
  const upload = (): void => {
    const stored = pack.finish().then((info) => void written.push(info));
    void track(uploads, stored).catch(() => undefined);
  };
  const check = (): void => {
    if (failure) throw failure;
  };
  /** Claims a blob id: true when it is new (neither indexed nor saved by this run), so the caller saves it. */
  const reserve = (id: string, type: BlobType): boolean => {
    if (index.blobs.has(id) || seen.has(id)) return false;
    seen.add(id);
    if (type === 'data') addedData += 1;
    return true;
  };
  const add = (id: string, type: BlobType, sealed: Uint8Array | Uint8Array[], raw: number, z: boolean): void => {
    const n = pack.add(id, type, sealed, raw, z);
    addedBytes += n;
    youngGc(n);
  };
  const store = async (type: BlobType, data: Buffer): Promise<string> => {
    const id = await hmacHexAsync(ctx.keys.id, data);
    if (!reserve(id, type)) return id;
    const { bytes, compressed } = await maybeCompress(ctx.config.compression, data);
    add(id, type, await sealAsync(ctx.keys.enc, bytes, Buffer.from(id, 'hex')), data.length, compressed);
    if (pack.size >= ctx.config.packSize) {
      while (uploads.size >= MAX_UPLOADS) await Promise.race(uploads);
      if (pack.size >= ctx.config.packSize) upload();
    }
    await pack.room();
    return id;
  };

  return {
    /** Waits for a free slot, then starts saving; the returned id settles later. */
    async submit(type: BlobType, data: Buffer): Promise<Submitted> {
      check();
      while (inFlight.size >= MAX_IN_FLIGHT) await Promise.race(inFlight);
      await budget.acquire(data.length);
      check();
      const id = track(inFlight, store(type, data).finally(() => budget.release(data.length)));
      id.catch(() => undefined);
      return { id };
    },
    reserve(id: string, type: BlobType): boolean {
      check();
      return reserve(id, type);
    },
    /** Waits until no more than MAX_UPLOADS packs are uploading: the brake for blobs sealed elsewhere. */
    async room(): Promise<void> {
      while (uploads.size >= MAX_UPLOADS) await Promise.race(uploads);
      await pack.room();
      check();
    },
    /**
     * Adds a blob sealed elsewhere (a worker thread). `reserved`: its id was claimed with reserve(); else it
     * is claimed now, and dropped if another copy was first.
     */
    addSealed(id: string, type: BlobType, sealed: Uint8Array[], raw: number, z: boolean, reserved: boolean): void {
      check();
      if (!reserved && !reserve(id, type)) return;
      add(id, type, sealed, raw, z);
      if (pack.size >= ctx.config.packSize) upload();
    },
    /** Saves one blob and waits for its id (trees, where the id is needed right away). */
    async save(type: BlobType, data: Buffer): Promise<string> {
      return (await this.submit(type, data)).id;
    },
    async finish(): Promise<{ packs: PackInfo[]; addedBlobs: number; addedDataBlobs: number; addedBytes: number }> {
      while (inFlight.size > 0) await Promise.all(inFlight);
      check();
      if (pack.count > 0) upload();
      while (uploads.size > 0) await Promise.all(uploads);
      check();
      return { packs: written, addedBlobs: seen.size, addedDataBlobs: addedData, addedBytes };
    },
    /** Waits for pending work after a failure so no upload outlives the operation. */
    async abort(): Promise<void> {
      await Promise.allSettled([...inFlight, ...uploads]);
      await pack.abort();
    },
  };
}

export type BlobSaver = ReturnType<typeof createBlobSaver>;
