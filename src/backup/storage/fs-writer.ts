import { randomBytes } from 'node:crypto';
import { mkdir, open, unlink } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { fromFsError } from './fs-errors.js';
import type { ObjectWriter, PutOptions } from './types.js';

export interface FsWriterDeps {
  readonly tmpDir: string;
  /** Checks a key and returns its file path (throws STORAGE_BAD_KEY). */
  readonly pathOf: (key: string) => string;
  /** Seals a synced temp file and links it into place without overwriting (fs-storage's put does the same). */
  readonly publish: (tmp: string, target: string, opts: PutOptions) => Promise<void>;
}

/** A temp file's name; the same folder and form as put's temp files, so a crash leaves nothing new. */
export const tmpName = (tmpDir: string): string => join(tmpDir, `${randomBytes(12).toString('hex')}.tmp`);

/**
 * The filesystem's ObjectWriter: parts go to a temp file with positional writes as they come; commit fsyncs
 * it and publishes it exactly like put. A crash before commit leaves only a temp file under .tmp.
 */
export function createFsWriter(deps: FsWriterDeps): ObjectWriter {
  const tmp = tmpName(deps.tmpDir);
  let fh: Promise<FileHandle> | undefined;
  let pos = 0;
  let done = false;
  const handle = (): Promise<FileHandle> => (fh ??= mkdir(deps.tmpDir, { recursive: true }).then(() => open(tmp, 'wx', 0o600)));
  const finish = async (): Promise<void> => {
    done = true;
    const h = await fh?.catch(() => undefined);
    fh = undefined;
    await h?.close().catch(() => undefined);
  };
  const writeAll = async (h: FileHandle, parts: readonly Uint8Array[]): Promise<void> => {
    const total = parts.reduce((n, p) => n + p.length, 0);
    let n = (await h.writev(parts as Uint8Array[], pos)).bytesWritten;
    // writev may stop short (a signal, a nearly full disk): the rest goes part by part.
    for (let at = 0, i = 0; n < total && i < parts.length; at += (parts[i] as Uint8Array).length, i++) {
      const p = parts[i] as Uint8Array;
      for (let off = Math.max(0, n - at); off < p.length; ) {
        const { bytesWritten } = await h.write(p, off, p.length - off, pos + at + off);
        off += bytesWritten;
        n = at + off;
      }
    }
    pos += total;
  };
  return {
    async write(parts) {
      if (done) throw new Error('object writer used after commit or abort');
      try {
        await writeAll(await handle(), parts);
      } catch (err) {
        throw fromFsError(err, 'new object', 'write');
      }
    },
    async commit(key, opts = {}) {
      if (done) throw new Error('object writer used after commit or abort');
      try {
        const target = deps.pathOf(key);
        const h = await handle();
        await h.sync();
        await finish();
        await deps.publish(tmp, target, opts);
      } catch (err) {
        throw fromFsError(err, key, 'put');
      } finally {
        await finish();
        await unlink(tmp).catch(() => undefined);
      }
    },
    async abort() {
      await finish();
      await unlink(tmp).catch(() => undefined);
    },
  };
}
