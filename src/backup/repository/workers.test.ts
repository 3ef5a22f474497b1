/**
 * The worker-thread paths (backup chunking/sealing, restore unpacking) against the main-thread ones: same
 * snapshot content, byte-identical restores either way, deduplication across both.
 */
import { chmod, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFsStorage } from '../storage/index.js';
import { RepoError } from './errors.js';
import { describeTree, expectSameTree, makeRepo, mixedBytes, useTempDirs } from './test-fixtures.js';

const MiB = 1024 * 1024;
const dir = useTempDirs();

describe('worker threads', () => {
  it('back up with workers, restore with and without: byte-identical; a main-thread backup adds nothing new', async () => {
    const src = await dir('src');
    await mkdir(join(src, 'small'));
    for (let i = 0; i < 150; i++) await writeFile(join(src, 'small', `f${i}`), mixedBytes(100 + i * 997));
    await writeFile(join(src, 'big.bin'), mixedBytes(12 * MiB + 5));
    await writeFile(join(src, 'zeros.bin'), Buffer.alloc(9 * MiB)); // cuts at max, and one repeated chunk
    await writeFile(join(src, 'copy.bin'), await readFile(join(src, 'big.bin')));
    await writeFile(join(src, 'empty'), '');
    const h = await makeRepo({ storage: createFsStorage({ root: await dir('repo') }), protectionMs: 0 });
    const first = await h.repo.backup([src], { workers: 2 });
    const again = await h.repo.backup([src], { workers: 0 });
    expect(again.summary.addedDataBlobs).toBe(0); // same chunk ids from both paths
    expect(again.summary.bytes).toBe(first.summary.bytes);
    const want = await describeTree(src);
    for (const workers of [0, 2]) {
      const out = await dir(`out${workers}`);
      await h.repo.restore(first.snapshot, out, { workers });
      expectSameTree(want, await describeTree(join(out, src.split('/').at(-1) as string)));
    }
    expect((await h.repo.verify()).problems).toEqual([]);
    await h.repo.close();
  }, 60_000);

  it.each([0, 1])('a flipped byte fails a restore (%i workers) with REPO_CORRUPT_PACK naming the pack', async (workers) => {
    const src = await dir('src');
    await writeFile(join(src, 'a.bin'), mixedBytes(3 * MiB));
    const root = await dir('repo');
    const h = await makeRepo({ storage: createFsStorage({ root }), protectionMs: 0 });
    const snap = await h.repo.backup([src], { workers });
    const sub = (await readdir(join(root, 'data')))[0] as string;
    for (const name of await readdir(join(root, 'data', sub))) {
      const p = join(root, 'data', sub, name);
      const b = await readFile(p);
      if (b.length < MiB) continue; // the data pack, not a tree-only one
      b[100] = (b[100] ?? 0) ^ 1;
      await chmod(p, 0o644);
      await rm(p);
      await writeFile(p, b);
    }
    const failed = h.repo.restore(snap.snapshot, await dir('out'), { workers });
    await expect(failed).rejects.toBeInstanceOf(RepoError);
    await expect(failed).rejects.toMatchObject({ code: 'REPO_CORRUPT_PACK', path: expect.stringMatching(/^data\//) });
    await h.repo.close();
  }, 60_000);
});
