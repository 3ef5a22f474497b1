import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import zlib from 'node:zlib';
import { hmacHex } from './crypto.js';
import type { CompressionChoice } from './compression.js';

/**
 * Synchronous blob encoding for worker threads (and small jobs on the main thread): the same format as
 * blob-saver/pack (iv(12) || AES-256-GCM ciphertext || tag(16), the blob id as AAD), but with node:crypto's
 * synchronous API, which reads the caller's bytes in place; WebCrypto copies every input on the calling
 * thread first (measured: 3.3 s of main-thread copying per GiB restored).
 */
export interface BlobKeys {
  readonly enc: Buffer;
  readonly id: Buffer;
}

const PROBE = 64 * 1024;

export const blobId = (keys: BlobKeys, data: Uint8Array): string => hmacHex(keys.id, data);

/**
 * zlib's sync calls write into `chunkSize` buffers (16 KiB by default) and concatenate them: ~130 small
 * buffers per 1 MiB chunk, which fragment a worker's heap. One buffer a little larger than the output
 * (known on decompression, bounded by the input on compression, which we keep only when it shrinks)
 * makes it one allocation, returned without a copy.
 */
const outSize = (n: number): number => Math.max(64, n + 1024);

function compressSync(c: CompressionChoice, data: Uint8Array): Buffer {
  if (c.name === 'gzip') return zlib.gzipSync(data, { level: c.level, chunkSize: outSize(data.length) });
  return zlib.brotliCompressSync(data, {
    chunkSize: outSize(data.length),
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: c.level, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length },
  });
}

/** compression.ts's maybeCompress, synchronously: same probe, same 2% rule. */
export function maybeCompressSync(c: CompressionChoice, data: Uint8Array): { bytes: Uint8Array; compressed: boolean } {
  if (c.name === 'none' || data.length < 64) return { bytes: data, compressed: false };
  if (data.length > PROBE * 4) {
    const mid = Math.floor(data.length / 2);
    if (compressSync(c, data.subarray(mid, mid + PROBE)).length >= PROBE * 0.97) return { bytes: data, compressed: false };
  }
  const out = compressSync(c, data);
  return out.length < data.length * 0.98 ? { bytes: out, compressed: true } : { bytes: data, compressed: false };
}

/**
 * Compresses (when it pays) and seals a blob. The sealed bytes come as their three parts, iv || ciphertext
 * || tag, which the pack builder lays out back to back: no copy into one more blob-sized buffer.
 */
export function encodeBlob(keys: BlobKeys, c: CompressionChoice, id: string, data: Uint8Array): { parts: [Buffer, Buffer, Buffer]; z: boolean } {
  const { bytes, compressed } = maybeCompressSync(c, data);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keys.enc, iv);
  cipher.setAAD(Buffer.from(id, 'hex'));
  const ct = cipher.update(bytes);
  cipher.final();
  return { parts: [iv, ct, cipher.getAuthTag()], z: compressed };
}

/**
 * Opens a sealed blob and checks it is the blob `e.id` names; a string says what failed. The GCM tag already
 * binds the bytes to the id (it is the AAD) under the repository key; `recheckId` also recomputes the keyed
 * hash, which only our own encoding bugs could fail: verify does it, restore skips it (~15% of its CPU).
 */
export function decodeBlob(keys: BlobKeys, c: CompressionChoice, e: { id: string; raw: number; z: boolean }, sealed: Uint8Array, recheckId = true): Buffer | string {
  if (sealed.length < 28) return 'fails its authentication tag';
  let plain: Buffer;
  try {
    const d = createDecipheriv('aes-256-gcm', keys.enc, sealed.subarray(0, 12));
    d.setAAD(Buffer.from(e.id, 'hex'));
    d.setAuthTag(sealed.subarray(sealed.length - 16));
    const body = d.update(sealed.subarray(12, sealed.length - 16));
    d.final();
    plain = body;
  } catch {
    return 'fails its authentication tag';
  }
  let data: Buffer;
  try {
    const chunkSize = outSize(e.raw);
    data = !e.z ? plain : c.name === 'gzip' ? zlib.gunzipSync(plain, { chunkSize }) : zlib.brotliDecompressSync(plain, { chunkSize });
  } catch {
    return 'does not decompress';
  }
  return data.length === e.raw && (!recheckId || blobId(keys, data) === e.id) ? data : 'does not match its id';
}
