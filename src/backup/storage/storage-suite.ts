import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isStorageError } from './errors.js';
import type { Storage } from './types.js';

export interface StorageHarness {
  readonly storage: Storage;
  /** Lets `ms` pass: advances an injected clock, or sleeps against a real server. */
  advance(ms: number): Promise<void>;
  /** The backend's notion of now (the injected clock, or the real time for a server). */
  now(): number;
  /** Retention used by the retention cases; short against real servers so the suite stays fast. */
  readonly retentionMs: number;
  cleanup(): Promise<void>;
}

export interface SuiteOptions {
  /** Known gaps of this backend, each with its reason; the listed cases are skipped, loudly named. */
  readonly gaps?: Partial<Record<'extend-retention' | 'object-writer', string>>;
}

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
const text = (b: Uint8Array): string => new TextDecoder().decode(b);

/** The one behaviour every storage backend must have; each backend's test file calls this. */
export function storageSuite(name: string, create: () => Promise<StorageHarness>, opts: SuiteOptions = {}): void {
  describe(`storage suite: ${name}`, () => {
    let h: StorageHarness;
    let s: Storage;
    beforeAll(async () => {
      h = await create();
      s = h.storage;
    });
    afterAll(async () => {
      await h.cleanup();
    });

    it('round-trips data, ranges and stat', async () => {
      await s.put('data/ab/abc', bytes('hello world'));
      expect(text(await s.get('data/ab/abc'))).toBe('hello world');
      expect(text(await s.getRange('data/ab/abc', 6, 5))).toBe('world');
      const st = await s.stat('data/ab/abc');
      expect(st?.size).toBe(11);
      expect(st?.createdAt).toBeInstanceOf(Date);
      expect(await s.stat('data/ab/missing')).toBeUndefined();
    });

    it('stores empty objects', async () => {
      await s.put('empty/zero', new Uint8Array(0));
      expect((await s.get('empty/zero')).length).toBe(0);
    });

    it('never overwrites an existing key', async () => {
      await s.put('snapshots/one', bytes('first'));
      await expect(s.put('snapshots/one', bytes('second'))).rejects.toMatchObject({ code: 'STORAGE_EXISTS' });
      expect(text(await s.get('snapshots/one'))).toBe('first');
    });

    it('reports a missing key as STORAGE_NOT_FOUND', async () => {
      await expect(s.get('nope/x')).rejects.toMatchObject({ code: 'STORAGE_NOT_FOUND' });
    });

    it('rejects keys that could escape the root', async () => {
      for (const key of ['../x', '/abs', 'a/../b', 'a//b', '']) {
        await expect(s.put(key, bytes('x'))).rejects.toMatchObject({ code: 'STORAGE_BAD_KEY' });
      }
    });

    it('lists by prefix, sorted, across nested folders', async () => {
      for (const k of ['list/b/2', 'list/a/1', 'list/a/3', 'listing/x']) await s.put(k, bytes(k));
      expect((await s.list('list/')).map((o) => o.key)).toEqual(['list/a/1', 'list/a/3', 'list/b/2']);
      expect((await s.list('list/a/')).map((o) => o.key)).toEqual(['list/a/1', 'list/a/3']);
      expect(await s.list('absent/')).toEqual([]);
    });

    it('deletes unretained objects; deleting a missing key is a no-op', async () => {
      await s.put('tmp/gone', bytes('x'));
      await s.delete('tmp/gone');
      expect(await s.stat('tmp/gone')).toBeUndefined();
      await s.delete('tmp/gone');
    });

    it('refuses to delete inside the retention period, allows it after', async () => {
      const until = new Date(h.now() + h.retentionMs);
      await s.put('locked/a', bytes('keep me'), { retainUntil: until });
      const err = await s.delete('locked/a').catch((e: unknown) => e);
      expect(isStorageError(err, 'IMMUTABLE_LOCKED')).toBe(true);
      expect(text(await s.get('locked/a'))).toBe('keep me');
      await h.advance(h.retentionMs + 1500);
      await s.delete('locked/a');
      expect(await s.stat('locked/a')).toBeUndefined();
    });

    it.skipIf(opts.gaps?.['object-writer'])('writes an object in parts, visible only once committed, never over an existing key', async () => {
      const open = s.openWriter?.bind(s);
      if (!open) throw new Error(`${name} has no openWriter and lists no gap for it`);
      const w = open();
      await w.write([bytes('hello'), bytes(' ')]);
      await w.write([bytes('world')]);
      expect(await s.list('parts/')).toEqual([]);
      await w.commit('parts/one', { retainUntil: new Date(h.now() + h.retentionMs) });
      expect(text(await s.get('parts/one'))).toBe('hello world');
      expect(text(await s.getRange('parts/one', 6, 5))).toBe('world');
      await expect(s.delete('parts/one')).rejects.toMatchObject({ code: 'IMMUTABLE_LOCKED' });
      const again = open();
      await again.write([bytes('other')]);
      await expect(again.commit('parts/one')).rejects.toMatchObject({ code: 'STORAGE_EXISTS' });
      expect(text(await s.get('parts/one'))).toBe('hello world');
      const dropped = open();
      await dropped.write([bytes('never published')]);
      await dropped.abort();
      const empty = open();
      await empty.commit('parts/empty');
      expect((await s.list('parts/')).map((o) => o.key)).toEqual(['parts/empty', 'parts/one']);
      expect((await s.get('parts/empty')).length).toBe(0);
    });

    it.skipIf(opts.gaps?.['extend-retention'])('extends retention but never shortens it', async () => {
      const t0 = h.now();
      await s.put('locked/ext', bytes('x'), { retainUntil: new Date(t0 + h.retentionMs) });
      const later = t0 + h.retentionMs * 10;
      await s.extendRetention('locked/ext', new Date(later));
      await s.extendRetention('locked/ext', new Date(t0 + h.retentionMs * 2));
      const st = await s.stat('locked/ext');
      expect(Math.abs((st?.retainUntil?.getTime() ?? 0) - later)).toBeLessThan(1000);
      await h.advance(h.retentionMs + 1500);
      await expect(s.delete('locked/ext')).rejects.toMatchObject({ code: 'IMMUTABLE_LOCKED' });
    });
  });
}
