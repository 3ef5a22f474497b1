import { constants } from 'node:fs';
import { chmod, link, mkdir, open, readdir, stat, unlink, utimes } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { StorageError } from './errors.js';
import { fromFsError } from './fs-errors.js';
import { createFsWriter, tmpName } from './fs-writer.js';
import { isValidKey } from './types.js';
import type { Clock, ObjectInfo, PutOptions, Storage } from './types.js';

export interface FsStorageOptions {
  readonly root: string;
  readonly now?: Clock;
}

const TMP_DIR = '.tmp';

/**
 * Filesystem backend, NFS-safe: a new object is written to a temp file, fsynced, sealed read-only (0444) and
 * published with link(2), which fails with EEXIST instead of replacing an existing file (rename(2) would
 * silently overwrite, and its atomicity over an existing target is not guaranteed on NFS).
 * Retention is kept in the file's mtime (the retain-until date); our code refuses earlier deletes and
 * `verify` detects the rest, so this level is "tamper-evident", never "enforced".
 */
export function createFsStorage(opts: FsStorageOptions): Storage {
  const now = opts.now ?? Date.now;
  const root = opts.root;
  const handles = createHandleCache();
  const pathOf = (key: string): string => {
    if (!isValidKey(key) || key.startsWith(`${TMP_DIR}/`)) {
      throw new StorageError('STORAGE_BAD_KEY', `invalid key ${JSON.stringify(key)}`, key);
    }
    return join(root, ...key.split('/'));
  };
  const info = async (key: string): Promise<ObjectInfo | undefined> => {
    try {
      const s = await stat(pathOf(key));
      const created = s.birthtimeMs > 0 ? s.birthtimeMs : s.ctimeMs;
      return { key, size: s.size, createdAt: new Date(created), retainUntil: new Date(s.mtimeMs) };
    } catch (err) {
      const e = fromFsError(err, key, 'stat');
      if (e.code === 'STORAGE_NOT_FOUND') return undefined;
      throw e;
    }
  };
  const syncDir = async (dir: string): Promise<void> => {
    const fh = await open(dir, constants.O_RDONLY);
    try {
      await fh.sync();
    } catch {
      // Some filesystems (and NFS clients) refuse fsync on directories; the data file itself was synced.
    } finally {
      await fh.close();
    }
  };
  const tmpDir = join(root, TMP_DIR);
  /** Seals a synced temp file read-only, stamps its retention, links it into place (EEXIST, never a replace). */
  const publish = async (tmp: string, target: string, p: PutOptions): Promise<void> => {
    await mkdir(dirname(target), { recursive: true });
    await chmod(tmp, 0o444);
    const t = now() / 1000;
    await utimes(tmp, t, p.retainUntil ? p.retainUntil.getTime() / 1000 : t);
    await link(tmp, target);
    await syncDir(dirname(target));
  };
  return {
    kind: 'fs',
    location: root,
    async put(key: string, data: Uint8Array, p: PutOptions = {}) {
      const target = pathOf(key);
      const tmp = tmpName(tmpDir);
      try {
        await mkdir(tmpDir, { recursive: true });
        const fh = await open(tmp, 'wx', 0o600);
        try {
          await fh.writeFile(data);
          await fh.sync();
        } finally {
          await fh.close();
        }
        await publish(tmp, target, p);
      } catch (err) {
        throw fromFsError(err, key, 'put');
      } finally {
        await unlink(tmp).catch(() => undefined);
      }
    },
    openWriter: () => createFsWriter({ tmpDir, pathOf, publish }),
    async get(key) {
      try {
        const fh = await open(pathOf(key), 'r');
        try {
          return new Uint8Array(await fh.readFile());
        } finally {
          await fh.close();
        }
      } catch (err) {
        throw fromFsError(err, key, 'get');
      }
    },
    async getRange(key, offset, length) {
      try {
        return await handles.use(pathOf(key), async (fh) => {
          const buf = Buffer.allocUnsafe(length);
          const { bytesRead } = await fh.read(buf, 0, length, offset);
          return new Uint8Array(buf.buffer, buf.byteOffset, bytesRead);
        });
      } catch (err) {
        throw fromFsError(err, key, 'get');
      }
    },
    async readInto(key, offset, into) {
      try {
        return await handles.use(pathOf(key), async (fh) => {
          let n = 0;
          while (n < into.length) {
            const { bytesRead } = await fh.read(into, n, into.length - n, offset + n);
            if (bytesRead === 0) break;
            n += bytesRead;
          }
          return n;
        });
      } catch (err) {
        throw fromFsError(err, key, 'get');
      }
    },
    stat: info,
    async list(prefix) {
      const keys = await walk(root, prefix);
      const out: ObjectInfo[] = [];
      for (const k of keys.sort()) {
        const i = await info(k);
        if (i) out.push(i);
      }
      return out;
    },
    async delete(key) {
      const i = await info(key);
      if (!i) return;
      if (i.retainUntil && now() < i.retainUntil.getTime()) {
        throw new StorageError('IMMUTABLE_LOCKED', `${key} is protected until ${i.retainUntil.toISOString()}`, key);
      }
      const path = pathOf(key);
      await unlink(path).catch((err: unknown) => {
        const e = fromFsError(err, key, 'delete');
        if (e.code !== 'STORAGE_NOT_FOUND') throw e;
      });
      // A read handle kept open on the file would hold its blocks on disk until evicted: prune deleting
      // packs it had just read freed nothing until the storage was closed.
      handles.forget(path);
    },
    async extendRetention(key, until) {
      const i = await info(key);
      if (!i) throw new StorageError('STORAGE_NOT_FOUND', `no object ${key}`, key);
      if (i.retainUntil && until.getTime() <= i.retainUntil.getTime()) return;
      await utimes(pathOf(key), now() / 1000, until.getTime() / 1000).catch((err: unknown) => {
        throw fromFsError(err, key, 'extend retention of');
      });
    },
    async probeImmutability() {
      return {
        level: 'tamper-evident',
        detail: 'filesystem: deletes inside the protection period are refused by guardrail and detected by verify',
      };
    },
    close: () => handles.closeAll(),
  };
}

/**
 * A few open read handles, reused by range reads (a restore reads thousands of blobs from a few packs).
 * Objects are immutable and a deleted object's handle is dropped, so a cached handle never sees stale
 * bytes. An evicted handle closes when its last reader is done.
 */
function createHandleCache(max = 16) {
  interface Entry {
    fh: Promise<FileHandle>;
    users: number;
    evicted: boolean;
  }
  const cache = new Map<string, Entry>();
  const close = (e: Entry): void => void e.fh.then((fh) => fh.close()).catch(() => undefined);
  return {
    async use<T>(path: string, fn: (fh: FileHandle) => Promise<T>): Promise<T> {
      let e = cache.get(path);
      if (e) cache.delete(path);
      else e = { fh: open(path, 'r'), users: 0, evicted: false };
      cache.set(path, e);
      if (cache.size > max) {
        const [oldest, old] = cache.entries().next().value as [string, Entry];
        cache.delete(oldest);
        old.evicted = true;
        if (old.users === 0) close(old);
      }
      e.users += 1;
      try {
        return await fn(await e.fh);
      } catch (err) {
        if (cache.get(path) === e) cache.delete(path);
        e.evicted = true;
        throw err;
      } finally {
        e.users -= 1;
        if (e.evicted && e.users === 0) close(e);
      }
    },
    /** Closes `path`'s handle (once its reads finish) and drops it from the cache. */
    forget(path: string): void {
      const e = cache.get(path);
      if (!e) return;
      cache.delete(path);
      e.evicted = true;
      if (e.users === 0) close(e);
    },
    async closeAll(): Promise<void> {
      const all = [...cache.values()];
      cache.clear();
      await Promise.all(all.map((e) => e.fh.then((fh) => fh.close()).catch(() => undefined)));
    },
  };
}

/** Keys under `prefix`, walking only the directory the prefix points into. */
async function walk(root: string, prefix: string): Promise<string[]> {
  const slash = prefix.lastIndexOf('/');
  const base = slash >= 0 ? prefix.slice(0, slash) : '';
  const start = base ? join(root, ...base.split('/')) : root;
  const out: string[] = [];
  const visit = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw fromFsError(err, prefix, 'list');
    }
    for (const e of entries) {
      const full = join(dir, e.name);
      const key = relative(root, full).split(sep).join('/');
      if (key === TMP_DIR) continue;
      if (e.isDirectory()) {
        if (key.startsWith(prefix) || prefix.startsWith(`${key}/`)) await visit(full);
      } else if (key.startsWith(prefix)) {
        out.push(key);
      }
    }
  };
  await visit(start);
  return out;
}
