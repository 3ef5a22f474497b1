import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { withFaults } from '../storage/index.js';
import { packKey, readPackHeader } from './pack.js';
import { createPackSink } from './pack-sink.js';
import { makeRepo } from './test-fixtures.js';
import type { Storage } from '../storage/index.js';
import type { RepoContext } from './context.js';

/** The same memory storage without openWriter: the buffered (S3-like) path. */
const wholeOnly = (s: Storage): Storage => ({ ...s, openWriter: undefined });

describe.each([
  ['streamed', (s: Storage) => s],
  ['buffered', wholeOnly],
] as const)('pack sink (%s)', (_name, wrap) => {
  it('stores a pack named by its SHA-256 whose header lists each blob where it was added', async () => {
    const h = await makeRepo();
    const ctx: RepoContext = { ...h.repo.context, storage: wrap(h.storage) };
    const sink = createPackSink(ctx);
    const a = randomBytes(1000);
    const b = [randomBytes(12), randomBytes(50_000), randomBytes(16)];
    expect(sink.add('aa'.repeat(32), 'data', a, 900, true)).toBe(1000);
    expect(sink.add('bb'.repeat(32), 'tree', b, 50_028, false)).toBe(50_028);
    expect([sink.size, sink.count]).toEqual([51_028, 2]);
    const info = await sink.finish();
    expect([sink.size, sink.count]).toEqual([0, 0]);
    const bytes = await h.storage.get(packKey(info.id));
    expect(bytes.length).toBe(info.size);
    expect(readPackHeader(ctx, info.id, bytes)).toEqual(info.blobs);
    expect(info.blobs.map((e) => [e.offset, e.length, e.type, e.raw, e.z])).toEqual([[0, 1000, 'data', 900, true], [1000, 50_028, 'tree', 50_028, false]]);
    expect(Buffer.from(bytes.subarray(1000, 1012))).toEqual(b[0]);
  });

  it('keeps every byte in place across many small blobs and large ones (writes are gathered)', async () => {
    const h = await makeRepo();
    const ctx: RepoContext = { ...h.repo.context, storage: wrap(h.storage) };
    const sink = createPackSink(ctx);
    const blobs = Array.from({ length: 400 }, (_, i) => randomBytes(i % 7 === 0 ? 1_500_000 : 3000 + i));
    blobs.forEach((b, i) => sink.add(i.toString(16).padStart(64, '0'), 'data', [b.subarray(0, 12), b.subarray(12)], b.length, false));
    const info = await sink.finish();
    const bytes = Buffer.from(await h.storage.get(packKey(info.id)));
    expect(readPackHeader(ctx, info.id, bytes)).toEqual(info.blobs);
    info.blobs.forEach((e, i) => expect(bytes.subarray(e.offset, e.offset + e.length).equals(blobs[i] as Buffer)).toBe(true));
  });

  it('fails the pack with a repository error when storing it fails, and leaves nothing behind', async () => {
    const h = await makeRepo();
    const storage = withFaults(wrap(h.storage), { putPrefix: 'data/', code: 'STORAGE_NO_SPACE' });
    const sink = createPackSink({ ...h.repo.context, storage });
    sink.add('cc'.repeat(32), 'data', randomBytes(100), 100, false);
    await expect(sink.finish()).rejects.toMatchObject({ name: 'RepoError', code: 'STORAGE_NO_SPACE' });
    expect(await h.storage.list('data/')).toEqual([]);
  });
});
