import { createHmac } from 'node:crypto';
import { readSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';

/**
 * Content-defined chunking, FastCDC with normalized chunking level 2 (Xia et al., USENIX ATC 2016):
 * a gear rolling hash, a stricter mask before the average size and a looser one after it, so chunk sizes
 * cluster near the average; min/avg/max follow the issue (512 KiB, 1 MiB, 8 MiB).
 */
export interface ChunkerParams {
  readonly min: number;
  readonly avg: number;
  readonly max: number;
}

export const DEFAULT_CHUNKER: ChunkerParams = { min: 512 * 1024, avg: 1024 * 1024, max: 8 * 1024 * 1024 };

export interface Chunker {
  readonly params: ChunkerParams;
  /** Length of the next chunk of buf[start, end), or -1 when more data is needed to decide. */
  cut(buf: Uint8Array, start: number, end: number, eof: boolean): number;
}

/** The gear table is derived from a per-repository secret, so boundaries do not fingerprint content. */
export function createChunker(seed: Uint8Array, params: ChunkerParams = DEFAULT_CHUNKER): Chunker {
  const gear = new Int32Array(256);
  const bytes = createHmac('sha256', seed).update('gear').digest();
  for (let i = 0; i < 256; i++) {
    gear[i] = createHmac('sha256', bytes).update(String(i)).digest().readInt32LE(0);
  }
  const bits = Math.round(Math.log2(params.avg));
  // Masks on the high bits: with h = (h << 1) + gear[b], bit k depends on the last k+1 bytes.
  const maskS = (0xffffffff << (32 - (bits + 2))) | 0;
  const maskL = (0xffffffff << (32 - (bits - 2))) | 0;
  return {
    params,
    cut(buf, start, end, eof) {
      const n = end - start;
      if (n <= params.min) return eof ? n : -1;
      // The scan is left to right and the first match wins, so a cut found in the bytes at hand is the cut that
      // more data would give; only "no cut yet" short of max needs more data.
      const limit = start + Math.min(n, params.max);
      const normal = start + Math.min(n, params.avg);
      let h = 0;
      let i = start + params.min;
      for (; i < normal; i++) {
        h = ((h << 1) + (gear[buf[i] as number] as number)) | 0;
        if ((h & maskS) === 0) return i + 1 - start;
      }
      for (; i < limit; i++) {
        h = ((h << 1) + (gear[buf[i] as number] as number)) | 0;
        if ((h & maskL) === 0) return i + 1 - start;
      }
      return n >= params.max || eof ? limit - start : -1;
    },
  };
}

/**
 * Streams a file as content-defined chunks (each a fresh Buffer), reading into one reused window sized for
 * the file (`sizeHint`), so a small file never costs a 16 MiB allocation.
 */
export async function* chunkFile(fh: FileHandle, chunker: Chunker, sizeHint = Infinity): AsyncGenerator<Buffer> {
  let win = Buffer.allocUnsafe(Math.max(1, Math.min(chunker.params.max * 2, sizeHint + 1)));
  let start = 0;
  let end = 0;
  let eof = false;
  for (;;) {
    while (!eof && end < win.length) {
      const { bytesRead } = await fh.read(win, end, win.length - end, null);
      if (bytesRead === 0) eof = true;
      end += bytesRead;
    }
    for (;;) {
      if (start === end) {
        if (eof) return;
        break; // the window is used up exactly: refill, the file may go on
      }
      const len = chunker.cut(win, start, end, eof);
      if (len < 0) break;
      yield Buffer.from(win.subarray(start, start + len));
      start += len;
    }
    if (start === 0 && end === win.length) {
      // The file grew past its size hint: widen the window (2 x max always holds a decidable cut).
      const wider = Buffer.allocUnsafe(Math.min(chunker.params.max * 2, win.length * 2));
      win.copy(wider, 0, 0, end);
      win = wider;
    }
    win.copyWithin(0, start, end);
    end -= start;
    start = 0;
  }
}

/**
 * Calls `fn` with each content-defined chunk of an open file, read synchronously into `win` (reused: a worker
 * keeps one window for every file). The chunk is a view into the window, valid until `fn` settles.
 * `win` must hold at least `max` bytes so a cut can always be decided. Returns the bytes read.
 */
export async function forEachChunk(fd: number, chunker: Chunker, win: Buffer, fn: (chunk: Buffer) => void | Promise<void>): Promise<number> {
  let start = 0;
  let end = 0;
  let eof = false;
  let read = 0;
  for (;;) {
    while (!eof && end < win.length) {
      const n = readSync(fd, win, end, win.length - end, null);
      if (n === 0) eof = true;
      end += n;
      read += n;
    }
    for (;;) {
      if (start === end) {
        if (eof) return read;
        break;
      }
      const len = chunker.cut(win, start, end, eof);
      if (len < 0) break;
      const r = fn(win.subarray(start, start + len));
      if (r) await r;
      start += len;
    }
    win.copyWithin(0, start, end);
    end -= start;
    start = 0;
  }
}
