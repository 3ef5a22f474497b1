import { StorageError } from './errors.js';
import { isValidKey } from './types.js';
import type { Clock, ImmutabilityReport, LockMode, ObjectInfo, ObjectWriter, PutOptions, Storage } from './types.js';

interface MemoryObject {
  data: Uint8Array;
  createdAt: number;
  retainUntil?: number;
  mode?: LockMode;
}

export interface MemoryStorageOptions {
  readonly now?: Clock;
}

/** In-process backend for tests; it honours retention like the others but protects nothing (level none). */
export function createMemoryStorage(opts: MemoryStorageOptions = {}): Storage & { objects: Map<string, MemoryObject> } {
  const now = opts.now ?? Date.now;
  const objects = new Map<string, MemoryObject>();
  const check = (key: string): void => {
    if (!isValidKey(key)) throw new StorageError('STORAGE_BAD_KEY', `invalid key ${JSON.stringify(key)}`, key);
  };
  const must = (key: string): MemoryObject => {
    check(key);
    const o = objects.get(key);
    if (!o) throw new StorageError('STORAGE_NOT_FOUND', `no object ${key}`, key);
    return o;
  };
  const info = (key: string, o: MemoryObject): ObjectInfo => ({
    key,
    size: o.data.length,
    createdAt: new Date(o.createdAt),
    ...(o.retainUntil !== undefined ? { retainUntil: new Date(o.retainUntil) } : {}),
  });
  const put = async (key: string, data: Uint8Array, p: PutOptions = {}): Promise<void> => {
    check(key);
    if (objects.has(key)) throw new StorageError('STORAGE_EXISTS', `object ${key} already exists`, key);
    objects.set(key, {
      data: Uint8Array.from(data),
      createdAt: now(),
      ...(p.retainUntil ? { retainUntil: p.retainUntil.getTime(), mode: p.mode ?? 'COMPLIANCE' } : {}),
    });
  };
  return {
    kind: 'memory',
    location: 'memory:',
    objects,
    put,
    openWriter(): ObjectWriter {
      let parts: Uint8Array[] = [];
      let done = false;
      const live = (): void => {
        if (done) throw new Error('object writer used after commit or abort');
      };
      return {
        async write(ps) {
          live();
          for (const p of ps) parts.push(Uint8Array.from(p));
        },
        async commit(key, o) {
          live();
          done = true;
          const data = Buffer.concat(parts);
          parts = [];
          await put(key, data, o);
        },
        async abort() {
          done = true;
          parts = [];
        },
      };
    },
    async get(key) {
      return Uint8Array.from(must(key).data);
    },
    async getRange(key, offset, length) {
      return Uint8Array.from(must(key).data.subarray(offset, offset + length));
    },
    async stat(key) {
      check(key);
      const o = objects.get(key);
      return o ? info(key, o) : undefined;
    },
    async list(prefix) {
      return [...objects.entries()]
        .filter(([k]) => k.startsWith(prefix))
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, o]) => info(k, o));
    },
    async delete(key) {
      check(key);
      const o = objects.get(key);
      if (!o) return;
      if (o.retainUntil !== undefined && now() < o.retainUntil) {
        throw new StorageError('IMMUTABLE_LOCKED', `${key} is retained until ${new Date(o.retainUntil).toISOString()}`, key);
      }
      objects.delete(key);
    },
    async extendRetention(key, until, mode) {
      const o = must(key);
      if (o.retainUntil === undefined || until.getTime() > o.retainUntil) {
        o.retainUntil = until.getTime();
        o.mode = mode ?? o.mode ?? 'COMPLIANCE';
      }
    },
    async probeImmutability(): Promise<ImmutabilityReport> {
      return { level: 'none', detail: 'memory storage lives in this process only' };
    },
    async close() {},
  };
}
