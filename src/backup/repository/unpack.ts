import { closeSync, openSync, writeSync } from 'node:fs';
import { decodeBlob } from './blob-codec.js';
import type { BlobKeys } from './blob-codec.js';
import type { CompressionChoice } from './compression.js';
import type { UnpackTask } from './worker-protocol.js';

/** Restored files kept open at once while one pack range is written. */
const OPEN_FILES = 64;

export interface UnpackerOptions {
  /**
   * The unpacker creates each file at its first write (the restore plan created only empty ones): one open per
   * small file instead of a create, a close and a reopen. Only for a single unpacker that sees every range.
   */
  readonly creates?: boolean;
}

/**
 * Opens the blobs of a pack range and writes each to every place it belongs, with positional writes into
 * files the restore created beforehand. Synchronous: it runs on the main thread (the next range is read
 * meanwhile) or on a worker thread.
 */
export function createUnpacker(keys: BlobKeys, compression: CompressionChoice, opts: UnpackerOptions = {}) {
  const fds = new Map<string, number>();
  const created = new Set<string>();
  const openFile = (path: string): number => {
    if (!opts.creates || created.has(path)) return openSync(path, 'r+');
    // 'wx': an existing file is never overwritten.
    const fd = openSync(path, 'wx', 0o600);
    created.add(path);
    return fd;
  };
  const fdOf = (path: string): number => {
    let fd = fds.get(path);
    if (fd !== undefined) {
      fds.delete(path);
    } else {
      fd = openFile(path);
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
  return {
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
