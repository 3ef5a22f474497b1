import { hmacHexAsync, openAsync } from './async-crypto.js';
import { open, seal, sha256Hex } from './crypto.js';
import { RepoError } from './errors.js';
import { codecs } from './compression.js';
import type { RepoContext } from './context.js';

export type BlobType = 'data' | 'tree';

/** Where a blob sits: pack id, byte range of its sealed bytes, raw length, whether it is compressed. */
export interface BlobEntry {
  readonly id: string;
  readonly type: BlobType;
  readonly offset: number;
  readonly length: number;
  readonly raw: number;
  readonly z: boolean;
}

export interface PackInfo {
  readonly id: string;
  readonly size: number;
  readonly blobs: BlobEntry[];
}

const enc = new TextEncoder();
const HEADER_AAD = enc.encode('guardrail-pack-header');

export function packKey(id: string): string {
  return `data/${id.slice(0, 2)}/${id}`;
}

/**
 * Pack layout: sealed blobs back to back, then the sealed JSON header listing them, then the header's length
 * as a 4-byte little-endian integer. The pack's name is the SHA-256 of all its bytes.
 * Blobs are copied into one buffer as they come; finished packs' buffers come back through `recycle` once
 * uploaded (one kept spare), so a long backup reuses two buffers instead of allocating (and fragmenting) per pack.
 */
export function createPackBuilder(capacity = 0) {
  let buf: Buffer | undefined;
  let size = 0;
  let blobs: BlobEntry[] = [];
  const spare: Buffer[] = [];
  const room = (n: number): Buffer => {
    if (!buf) buf = spare.pop() ?? Buffer.allocUnsafeSlow(Math.max(capacity, n));
    if (buf.length < n) {
      const wider = Buffer.allocUnsafeSlow(Math.max(n, Math.ceil(buf.length * 1.5)));
      buf.copy(wider, 0, 0, size);
      buf = wider;
    }
    return buf;
  };
  return {
    get size() {
      return size;
    },
    get count() {
      return blobs.length;
    },
    /** Appends a sealed blob (whole, or as consecutive parts); returns its length in the pack. */
    add(id: string, type: BlobType, sealed: Uint8Array | Uint8Array[], raw: number, z: boolean): number {
      const parts = Array.isArray(sealed) ? sealed : [sealed];
      const length = parts.reduce((n, p) => n + p.length, 0);
      const b = room(size + length);
      let at = size;
      for (const p of parts) {
        b.set(p, at);
        at += p.length;
      }
      blobs.push({ id, type, offset: size, length, raw, z });
      size += length;
      return length;
    },
    /** Seals the header and returns the pack (a view of the builder's buffer); the caller names it by its SHA-256. */
    finish(key: Buffer): { bytes: Buffer; blobs: BlobEntry[] } {
      const tail = packTail(key, blobs);
      const b = room(size + tail.length);
      tail.copy(b, size);
      const bytes = b.subarray(0, size + tail.length);
      const done = blobs;
      buf = undefined;
      blobs = [];
      size = 0;
      return { bytes, blobs: done };
    },
    /** Hands a finished pack's buffer back for reuse, once nothing reads it any more. */
    recycle(bytes: Buffer): void {
      if (spare.length < 1 && bytes.byteOffset === 0) spare.push(Buffer.from(bytes.buffer, 0, bytes.buffer.byteLength));
    },
  };
}

/** What follows a pack's blobs: its sealed JSON header, then the header's length (4 bytes, little-endian). */
export function packTail(key: Buffer, blobs: BlobEntry[]): Buffer {
  const header = seal(key, enc.encode(JSON.stringify(blobs)), HEADER_AAD);
  const tail = Buffer.allocUnsafe(header.length + 4);
  header.copy(tail, 0);
  tail.writeUInt32LE(header.length, header.length);
  return tail;
}

/** Reads a whole pack's header, checking the pack hash and the header's auth tag. */
export function readPackHeader(ctx: RepoContext, id: string, bytes: Uint8Array): BlobEntry[] {
  const key = packKey(id);
  if (sha256Hex(bytes) !== id) throw new RepoError('REPO_CORRUPT_PACK', `${key}: hash does not match its name`, key);
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const hl = b.length >= 4 ? b.readUInt32LE(b.length - 4) : -1;
  const plain = hl > 0 && hl <= b.length - 4 ? open(ctx.keys.enc, b.subarray(b.length - 4 - hl, b.length - 4), HEADER_AAD) : undefined;
  if (!plain) throw new RepoError('REPO_CORRUPT_PACK', `${key}: header fails its authentication tag`, key);
  return JSON.parse(plain.toString('utf8')) as BlobEntry[];
}

/** Reads only a pack's header with two range reads (length, then header); checks the header's tag. */
export async function readPackTail(ctx: RepoContext, id: string, size: number): Promise<BlobEntry[]> {
  const key = packKey(id);
  const len = Buffer.from(await ctx.storage.getRange(key, size - 4, 4)).readUInt32LE(0);
  if (len <= 0 || len > size - 4) throw new RepoError('REPO_CORRUPT_PACK', `${key}: bad header length`, key);
  const plain = open(ctx.keys.enc, await ctx.storage.getRange(key, size - 4 - len, len), HEADER_AAD);
  if (!plain) throw new RepoError('REPO_CORRUPT_PACK', `${key}: header fails its authentication tag`, key);
  return JSON.parse(plain.toString('utf8')) as BlobEntry[];
}

/** Opens one sealed blob: auth tag (bound to the id), decompression, then the keyed id itself. */
export async function openBlob(ctx: RepoContext, packId: string, e: BlobEntry, sealed: Uint8Array): Promise<Buffer> {
  const key = packKey(packId);
  const plain = await openAsync(ctx.keys.enc, sealed, Buffer.from(e.id, 'hex'));
  if (!plain) throw new RepoError('REPO_CORRUPT_PACK', `${key}: blob ${e.id.slice(0, 12)} fails its authentication tag`, key);
  const data = e.z ? await codecs[ctx.config.compression.name].decompress(plain) : plain;
  if (data.length !== e.raw || (await hmacHexAsync(ctx.keys.id, data)) !== e.id) {
    throw new RepoError('REPO_CORRUPT_PACK', `${key}: blob ${e.id.slice(0, 12)} does not match its id`, key);
  }
  return data;
}
