import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeTree, expectSameTree, makeRepo, useTempDirs, writeSampleTree } from './test-fixtures.js';

const dir = useTempDirs();

/** The restore creates files with content at their first write (inline, writer thread) or while planning (workers). */
describe.each([
  ['the main thread alone', { workers: 0 }],
  ['two workers', { workers: 2 }],
  ['a writer thread', { writer: true }],
] as const)('restore by %s', (_name, mode) => {
  it('restores every file, empty ones included', async () => {
    const src = await dir('src');
    const out = await dir('out');
    await writeSampleTree(src, [0, 0, 10, 70_000, 1_200_000]);
    const h = await makeRepo();
    const r = await h.repo.backup([src], { workers: 0 });
    await h.repo.restore(r.snapshot, out, mode);
    expectSameTree(await describeTree(src), await describeTree(join(out, src.split('/').at(-1) as string)));
  });

  it('never overwrites a file that exists in the target', async () => {
    const src = await dir('src');
    const out = await dir('out');
    await writeFile(join(src, 'a'), 'new content');
    await writeFile(join(src, 'b'), 'more');
    const h = await makeRepo();
    const r = await h.repo.backup([src], { workers: 0 });
    const name = src.split('/').at(-1) as string;
    await mkdir(join(out, name));
    await writeFile(join(out, name, 'b'), 'keep me');
    await expect(h.repo.restore(r.snapshot, out, mode)).rejects.toMatchObject({ code: 'EEXIST' });
    expect(await readFile(join(out, name, 'b'), 'utf8')).toBe('keep me');
  });
});
