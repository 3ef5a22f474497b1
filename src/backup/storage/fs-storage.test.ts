import { existsSync, readdirSync, readlinkSync } from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createFsStorage } from './fs-storage.js';
import { parseLocation } from './location.js';
import { storageSuite } from './storage-suite.js';

let now = Date.now();
storageSuite('filesystem', async () => {
  const root = await mkdtemp(join(tmpdir(), 'gr-fs-'));
  return {
    storage: createFsStorage({ root, now: () => now }),
    retentionMs: 3600_000,
    now: () => now,
    advance: async (ms) => {
      now += ms;
    },
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
});

describe('filesystem specifics', () => {
  it('seals published files read-only and leaves no temp files', async () => {
    const root = await mkdtemp(join(tmpdir(), 'gr-fs-'));
    const s = createFsStorage({ root });
    await s.put('data/00/x', new Uint8Array([1, 2, 3]));
    expect((await stat(join(root, 'data', '00', 'x'))).mode & 0o777).toBe(0o444);
    expect(await s.list('')).toHaveLength(1);
    expect((await s.probeImmutability()).level).toBe('tamper-evident');
    await rm(root, { recursive: true, force: true });
  });

  // This process's descriptors open on `path` (Linux names a deleted file's link `<path> (deleted)`).
  const openFdsTo = (path: string): number =>
    readdirSync('/proc/self/fd').filter((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`).replace(/ \(deleted\)$/, '') === path;
      } catch {
        return false; // closed meanwhile, or the listing's own descriptor
      }
    }).length;

  it.skipIf(!existsSync('/proc/self/fd'))('lets go of a deleted object\'s read handle, so its blocks are freed', async () => {
    const root = await mkdtemp(join(tmpdir(), 'gr-fs-'));
    const s = createFsStorage({ root });
    try {
      await s.put('data/00/a', new Uint8Array(4096).fill(7));
      await s.put('data/00/b', new Uint8Array(16).fill(1));
      expect(Array.from(await s.getRange('data/00/a', 10, 4))).toEqual([7, 7, 7, 7]);
      await s.getRange('data/00/b', 0, 4);
      // Range reads keep their handles open for the next read.
      expect(openFdsTo(join(root, 'data', '00', 'a'))).toBe(1);
      await s.delete('data/00/a');
      await vi.waitFor(() => expect(openFdsTo(join(root, 'data', '00', 'a'))).toBe(0));
      // Other objects keep theirs.
      expect(openFdsTo(join(root, 'data', '00', 'b'))).toBe(1);
      await expect(s.getRange('data/00/a', 0, 4)).rejects.toMatchObject({ code: 'STORAGE_NOT_FOUND' });
    } finally {
      await s.close();
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe('parseLocation', () => {
  it('parses paths and s3 locations', () => {
    expect(parseLocation('/tmp/r')).toEqual({ kind: 'fs', root: '/tmp/r' });
    expect(parseLocation('s3:http://127.0.0.1:9000/bkt/a/b')).toEqual({
      kind: 's3',
      endpoint: 'http://127.0.0.1:9000',
      bucket: 'bkt',
      prefix: 'a/b',
    });
    expect(parseLocation('s3:s3.example.com/bkt')).toMatchObject({ endpoint: 'https://s3.example.com', prefix: '' });
    expect(() => parseLocation('s3:http://h:1/')).toThrow(/no bucket/);
  });
});

describe('filesystem object writer', () => {
  it('streams into a temp file under .tmp, publishes it read-only and leaves no temp file after commit or abort', async () => {
    const root = await mkdtemp(join(tmpdir(), 'gr-fs-'));
    const s = createFsStorage({ root });
    const w = s.openWriter?.();
    const big = new Uint8Array(3 * 1024 * 1024).fill(7);
    await w?.write([new Uint8Array([1, 2]), big]);
    expect(await readdir(join(root, '.tmp'))).toHaveLength(1);
    await w?.commit('data/01/streamed');
    expect((await stat(join(root, 'data', '01', 'streamed'))).mode & 0o777).toBe(0o444);
    expect((await s.get('data/01/streamed')).length).toBe(big.length + 2);
    const a = s.openWriter?.();
    await a?.write([big]);
    await a?.abort();
    await expect(a?.write([big])).rejects.toThrow(/after commit or abort/);
    expect(await readdir(join(root, '.tmp'))).toEqual([]);
    await rm(root, { recursive: true, force: true });
  });

  it('writes more parts in one call than one writev takes (IOV_MAX is 1024 on Linux)', async () => {
    const root = await mkdtemp(join(tmpdir(), 'gr-fs-'));
    const s = createFsStorage({ root });
    const w = s.openWriter?.();
    const parts = Array.from({ length: 3000 }, (_, i) => new Uint8Array([i & 0xff, i >> 8]));
    await w?.write(parts);
    await w?.commit('data/02/many');
    expect(Buffer.from(await s.get('data/02/many'))).toEqual(Buffer.concat(parts));
    await rm(root, { recursive: true, force: true });
  });
});
