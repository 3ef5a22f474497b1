import { closeSync, openSync, write as fsWrite, writeSync } from 'node:fs';
import { decodeBlob } from './blob-codec.js';
import type { BlobKeys } from './blob-codec.js';
import type { CompressionChoice } from './compression.js';
import type { UnpackTask } from './worker-protocol.js';

/** Restored files kept open at once while one pack range is written. */
const OPEN_FILES = 64;
/** Opened blob bytes waiting for their writes (main-thread variant). */
const WRITE_AHEAD = 8 * 1024 * 1024;

async function writeAll(fd: number, data: Buffer, pos: number): Promise<void> {
  for (let off = 0; off < data.length; ) {
    const { bytesWritten } = await new Promise<{ bytesWritten: number }>((ok, fail) =>
      fsWrite(fd, data, off, data.length - off, pos + off, (err, n) => (err ? fail(err) : ok({ bytesWritten: n }))),
    );
    off += bytesWritten;
  }
}

/**
 * Opens the blobs of a pack range and writes each to every place it belongs, with positional writes into
 * files the restore created beforehand. Synchronous: it runs on the main thread (reading the next range
 * meanwhile) or on a worker thread.
 */
export function createUnpacker(keys: BlobKeys, compression: CompressionChoice) {
  const fds = new Map<string, number>();
  const fdOf = (path: string): number => {
    let fd = fds.get(path);
    if (fd !== undefined) {
      fds.delete(path);
    } else {
      fd = openSync(path, 'r+');
      if (fds.size >= OPEN_FILES) {
        const [oldest, ofd] = fds.entries().next().value as [string, number];
        fds.delete(oldest);
        closeSync(ofd);
      }
    }
    fds.set(path, fd);
    return fd;
  };
  const decode = (body: Omit<UnpackTask, 'kind'>, b: UnpackTask['blobs'][number]): Buffer => {
    const data = decodeBlob(keys, compression, b, body.bytes.subarray(b.offset - body.base, b.offset - body.base + b.length), false);
    if (typeof data === 'string') {
      const key = `data/${body.pack.slice(0, 2)}/${body.pack}`;
      // A plain error with the code: importing RepoError would load the storage backends (and the S3 SDK) into workers.
      throw Object.assign(new Error(`${key}: blob ${b.id.slice(0, 12)} ${data}`), { name: 'RepoError', code: 'REPO_CORRUPT_PACK', path: key });
    }
    return data;
  };
  const write = (body: Omit<UnpackTask, 'kind'>): { bytes: number } => {
    let bytes = 0;
    for (const b of body.blobs) {
      const data = decode(body, b);
      for (const [path, pos] of b.targets) {
        const fd = fdOf(path);
        for (let off = 0; off < data.length; ) off += writeSync(fd, data, off, data.length - off, pos + off);
        bytes += data.length;
      }
    }
    return { bytes };
  };
  const closeAll = (): void => {
    for (const fd of fds.values()) closeSync(fd);
    fds.clear();
  };
  /**
   * The main thread's variant: blobs are opened here while libuv's threads write the previous ones, so the
   * second core works without a worker (whose allocator arena would cost ~50 MB). At most WRITE_AHEAD bytes
   * of opened blobs wait for their writes.
   */
  const writeAsync = async (body: Omit<UnpackTask, 'kind'>): Promise<{ bytes: number }> => {
    let bytes = 0;
    let pending = 0;
    let failure: unknown;
    const writes = new Set<Promise<void>>();
    for (const b of body.blobs) {
      const data = decode(body, b);
      for (const [path, pos] of b.targets) {
        // Opening one more file closes the least recently used one: no write may still be using it.
        if (!fds.has(path) && fds.size >= OPEN_FILES) await Promise.all(writes);
        const w = writeAll(fdOf(path), data, pos).catch((err: unknown) => void (failure ??= err));
        pending += data.length;
        writes.add(w);
        void w.finally(() => {
          writes.delete(w);
          pending -= data.length;
        });
        bytes += data.length;
      }
      while (pending > WRITE_AHEAD && writes.size > 0) await Promise.race(writes);
      if (failure) throw failure;
    }
    await Promise.all(writes);
    if (failure) throw failure;
    return { bytes };
  };
  return {
    async unpackAsync(body: Omit<UnpackTask, 'kind'>): Promise<{ bytes: number }> {
      try {
        return await writeAsync(body);
      } finally {
        closeAll();
      }
    },
    /** Files are closed when the range is done (or fails), so none stays open after an error. */
    unpack(body: Omit<UnpackTask, 'kind'>): { bytes: number } {
      try {
        return write(body);
      } finally {
        closeAll();
      }
    },
  };
}
