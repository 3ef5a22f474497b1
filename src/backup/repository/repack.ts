import { retention } from './context.js';
import { toRepoError } from './errors.js';
import { createPackBuilder, packKey, readPackHeader } from './pack.js';
import { sha256Hex } from './crypto.js';
import type { RepoContext } from './context.js';
import type { MasterIndex } from './master-index.js';
import type { PackInfo } from './pack.js';

/** Default: a pack with more than this share of its bytes unreferenced is rewritten (restic's --max-unused is 5% of the repository). */
export const DEFAULT_REPACK_UNUSED = 0.2;

/** Bytes of a pack that no live snapshot needs from it: dead blobs, and blobs the index locates elsewhere. */
export function unusedBytes(index: MasterIndex, used: Set<string>, pack: PackInfo): number {
  let unused = pack.size;
  for (const b of pack.blobs) if (used.has(b.id) && index.blobs.get(b.id)?.pack === pack.id) unused -= b.length;
  return unused;
}

/**
 * restic's repack: copies the live blobs of `packs` into new packs, sealed bytes as they are (each stays bound
 * to its id by its AAD; the old pack's hash, checked on read, vouches for them). Only writes: the caller
 * records the new packs in an index before it deletes the old ones, so a crash at any step leaves every
 * snapshot readable and only unreferenced packs behind.
 */
export async function repack(ctx: RepoContext, index: MasterIndex, used: Set<string>, packs: string[]): Promise<{ written: PackInfo[]; copied: number }> {
  const builder = createPackBuilder(ctx.config.packSize + 1024 * 1024);
  const written: PackInfo[] = [];
  const doomed = new Set(packs);
  const copiedIds = new Set<string>();
  let copied = 0;
  const flush = async (): Promise<void> => {
    if (builder.count === 0) return;
    const { bytes, blobs } = builder.finish(ctx.keys.enc);
    const id = sha256Hex(bytes);
    await ctx.storage.put(packKey(id), bytes, retention(ctx)).catch((err: unknown) => Promise.reject(toRepoError(err)));
    builder.recycle(bytes);
    written.push({ id, size: bytes.length, blobs });
  };
  for (const id of packs) {
    const bytes = await ctx.storage.get(packKey(id)).catch((err: unknown) => Promise.reject(toRepoError(err)));
    const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
    for (const e of readPackHeader(ctx, id, bytes)) {
      const at = index.blobs.get(e.id)?.pack;
      // Live, located in a pack being removed, and not copied yet (a blob may sit in two doomed packs).
      if (!used.has(e.id) || at === undefined || !doomed.has(at) || copiedIds.has(e.id)) continue;
      copiedIds.add(e.id);
      builder.add(e.id, e.type, b.subarray(e.offset, e.offset + e.length), e.raw, e.z);
      copied += e.length;
      if (builder.size >= ctx.config.packSize) await flush();
    }
  }
  await flush();
  return { written, copied };
}
