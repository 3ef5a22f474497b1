/**
 * The heavier acceptance tests (tens of MiB, 10,000 files). They run in `npm test` and take seconds;
 * the 1 GiB comparison with restic lives in bench/backup.bench.ts.
 */
import { open, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFsStorage } from '../storage/index.js';
import { describeTree, expectSameTree, makeRepo, mixedBytes, useTempDirs, writeSampleTree } from './test-fixtures.js';

const MiB = 1024 * 1024;
const dir = useTempDirs();
const base = (p: string): string => p.split('/').at(-1) as string;

describe('large data', () => {
  it('round-trips random files from 0 B to 200 MiB byte-identical (filesystem repository)', async () => {
    const src = await dir('src');
    // Up to 200 MiB, as the acceptance asks: the largest file spans many packs and worker batches.
    const sizes = [0, 1, 1000, 512 * 1024 - 1, 512 * 1024, MiB, 5 * MiB + 7, 8 * MiB + 1, 20 * MiB, 200 * MiB];
    await writeSampleTree(src, sizes);
    await writeFile(join(src, 'zeros.bin'), Buffer.alloc(20 * MiB)); // every cut at max: 2.5 windows
    const h = await makeRepo({ storage: createFsStorage({ root: await dir('repo') }) });
    const r = await h.repo.backup([src]);
    expect(r.summary.bytes).toBe(sizes.reduce((a, b) => a + b, 0) + 20 * MiB);
    const out = await dir('out');
    await h.repo.restore(r.snapshot, out);
    expectSameTree(await describeTree(src), await describeTree(join(out, base(src))));
    expect((await h.repo.verify()).problems).toEqual([]);
  }, 180_000);

  it('inserting one byte at the start of a 100 MiB file uploads at most 3 new chunks', async () => {
    const src = await dir('src');
    const data = mixedBytes(100 * MiB);
    await writeFile(join(src, 'big.bin'), data);
    const h = await makeRepo();
    const first = await h.repo.backup([src]);
    expect(first.summary.addedDataBlobs).toBeGreaterThanOrEqual(3);
    const fh = await open(join(src, 'big.bin'), 'w');
    await fh.write(Buffer.concat([Buffer.from([0x42]), data]));
    await fh.close();
    const second = await h.repo.backup([src]);
    expect(second.summary.addedDataBlobs).toBeGreaterThanOrEqual(1);
    expect(second.summary.addedDataBlobs).toBeLessThanOrEqual(3);
  }, 180_000);

  it('backs up and restores 10,000 small files', async () => {
    const src = await dir('src');
    for (let d = 0; d < 100; d++) {
      const sub = join(src, `d${d}`);
      await mkdir(sub);
      await Promise.all(Array.from({ length: 100 }, (_, f) => writeFile(join(sub, `f${f}.txt`), `file ${d}/${f} ${'x'.repeat((d * 100 + f) % 300)}`)));
    }
    const h = await makeRepo();
    const r = await h.repo.backup([src]);
    expect(r.summary.files).toBe(10_000);
    const out = await dir('out');
    await h.repo.restore(r.snapshot, out);
    expectSameTree(await describeTree(src), await describeTree(join(out, base(src))));
  }, 90_000);
});
