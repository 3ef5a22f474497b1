import { hmacHex, seal } from './crypto.js';
import { maybeCompress } from './compression.js';
import { retention } from './context.js';
import { toRepoError } from './errors.js';
import { createPackBuilder, packKey } from './pack.js';
import type { RepoContext } from './context.js';
import type { MasterIndex } from './master-index.js';
import type { BlobType, PackInfo } from './pack.js';

/** Blobs compressed/encrypted at once; bounds memory (each up to the 8 MiB max chunk) while using the pool. */
const MAX_IN_FLIGHT = 4;
/** Pack uploads at once. */
const MAX_UPLOADS = 2;

/**
 * Deduplicates, compresses, encrypts and packs blobs; uploads full packs in the background. `finish()` flushes
 * and returns the packs written, which the caller records in a new index file (packs first, then index).
 */
export function createBlobSaver(ctx: RepoContext, index: MasterIndex) {
  const pack = createPackBuilder();
  const seen = new Set<string>();
  const inFlight = new Set<Promise<void>>();
  const uploads = new Set<Promise<void>>();
  const written: PackInfo[] = [];
  let failure: unknown;
  let addedBytes = 0;
  let addedData = 0;

  const track = (set: Set<Promise<void>>, p: Promise<void>): void => {
    const q = p.catch((err: unknown) => {
      failure ??= err;
    });
    set.add(q);
    void q.finally(() => set.delete(q));
  };
  const upload = (): void => {
    const { bytes, info } = pack.finish(ctx.keys.enc);
    track(
      uploads,
      ctx.storage.put(packKey(info.id), bytes, retention(ctx)).then(
        () => void written.push(info),
        (err: unknown) => {
          throw toRepoError(err);
        },
      ),
    );
  };
  const check = (): void => {
    if (failure) throw failure;
  };

  return {
    /** Stores the blob unless already present; returns its keyed id immediately. */
    async save(type: BlobType, data: Buffer): Promise<string> {
      check();
      const id = hmacHex(ctx.keys.id, data);
      if (index.blobs.has(id) || seen.has(id)) return id;
      seen.add(id);
      if (type === 'data') addedData += 1;
      while (inFlight.size >= MAX_IN_FLIGHT) await Promise.race(inFlight);
      track(
        inFlight,
        (async () => {
          const { bytes, compressed } = await maybeCompress(ctx.config.compression, data);
          const sealed = seal(ctx.keys.enc, bytes, Buffer.from(id, 'hex'));
          pack.add(id, type, sealed, data.length, compressed);
          addedBytes += sealed.length;
          if (pack.size >= ctx.config.packSize) {
            while (uploads.size >= MAX_UPLOADS) await Promise.race(uploads);
            if (pack.size >= ctx.config.packSize) upload();
          }
        })(),
      );
      return id;
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
    },
  };
}

export type BlobSaver = ReturnType<typeof createBlobSaver>;
