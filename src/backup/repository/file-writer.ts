import { closeSync, openSync, writeSync } from 'node:fs';

/** Restored files kept open at once while one batch of blobs is written. */
const OPEN_FILES = 64;

export interface FileWriterOptions {
  /**
   * Files are created at their first write (the restore plan created only empty ones): one open per small file
   * instead of a create, a close and a reopen. Only for a single writer that sees every blob of the restore.
   */
  readonly creates?: boolean;
}

/** Places in restored files: every (path, position) a blob's bytes go to. */
export type Targets = readonly (readonly [path: string, pos: number])[];

/**
 * Positional, synchronous writes into restored files, a few kept open. `write` calls go in batches; `done`
 * closes every file after a batch (or its failure), so no descriptor outlives an error.
 */
export function createFileWriter(opts: FileWriterOptions = {}) {
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
  return {
    /** Writes `data` to each target; returns the bytes written. */
    write(data: Uint8Array, targets: Targets): number {
      for (const [path, pos] of targets) {
        const fd = fdOf(path);
        for (let off = 0; off < data.length; ) off += writeSync(fd, data, off, data.length - off, pos + off);
      }
      return data.length * targets.length;
    },
    done(): void {
      for (const fd of fds.values()) closeSync(fd);
      fds.clear();
    },
  };
}

export type FileWriter = ReturnType<typeof createFileWriter>;
