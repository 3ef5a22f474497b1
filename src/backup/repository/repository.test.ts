import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFsStorage } from '../storage/index.js';
import { repoErrorCodes } from './errors.js';
import { storageErrorCodes } from '../storage/index.js';
import { DAY, describeTree, expectSameTree, makeRepo, PASSWORD, useTempDirs, writeSampleTree } from './test-fixtures.js';

const dir = useTempDirs();

describe('repository basics', () => {
  it('refuses a second init and a wrong password with stable codes', async () => {
    const h = await makeRepo();
    await expect(makeRepo({ storage: h.storage })).rejects.toMatchObject({ code: 'REPO_EXISTS' });
    await expect(h.reopen(h.storage, 'wrong')).rejects.toMatchObject({ code: 'REPO_WRONG_PASSWORD' });
    expect((await h.reopen()).id).toBe(h.repo.id);
  });

  it('round-trips a tree with modes, times, symlinks and empty folders on the filesystem backend', async () => {
    const src = await dir('src');
    const repoDir = await dir('repo');
    const out = await dir('out');
    await writeSampleTree(src, [0, 1, 100, 4096, 700_000, 1_500_000, 3_000_000]);
    const h = await makeRepo({ storage: createFsStorage({ root: repoDir }) });
    const before = await describeTree(src);
    const r = await h.repo.backup([src], { tags: ['t1'] });
    expect(r.summary.files).toBe(7);
    await h.repo.restore(r.snapshot.slice(0, 8), out);
    expectSameTree(before, await describeTree(join(out, src.split('/').at(-1) as string)));
    const snaps = await h.repo.snapshots();
    expect(snaps.map((s) => [s.id, s.signed, s.snapshot.tags])).toEqual([[r.snapshot, true, ['t1']]]);
    expect((await h.repo.verify()).problems).toEqual([]);
  });

  it('a second backup of unchanged data adds no data', async () => {
    const src = await dir('src');
    await writeSampleTree(src, [10, 2_000_000, 600_000]);
    const h = await makeRepo();
    const first = await h.repo.backup([src]);
    expect(first.summary.addedBlobs).toBeGreaterThan(0);
    const second = await h.repo.backup([src]);
    expect(second.summary).toMatchObject({ addedBlobs: 0, addedBytes: 0, addedPacks: 0 });
    expect(await h.repo.snapshots()).toHaveLength(2);
  });

  it('rejects bad paths as REPO_BAD_INPUT and unknown snapshots as REPO_SNAPSHOT_NOT_FOUND', async () => {
    const h = await makeRepo();
    await expect(h.repo.backup(['/definitely/not/here'])).rejects.toMatchObject({ code: 'REPO_BAD_INPUT' });
    await expect(h.repo.restore('abcdef12', await dir('o'))).rejects.toMatchObject({ code: 'REPO_SNAPSHOT_NOT_FOUND' });
  });
});

describe('forget and prune', () => {
  it('forget is refused inside the protection period, then prune reclaims unreferenced data', async () => {
    const src = await dir('src');
    await writeSampleTree(src, [1_000_000]);
    const h = await makeRepo();
    const a = await h.repo.backup([src]);
    await expect(h.repo.forget({ ids: [a.snapshot] })).rejects.toMatchObject({ code: 'IMMUTABLE_LOCKED' });
    expect((await h.repo.forget({ policy: { last: 0, daily: 0 } })).forgotten).toEqual([]);
    h.clock.now += 8 * DAY;
    // A tree sharing no blob with the first one (the first has empty folders, so no empty folder here).
    const other = await dir('other');
    await writeFile(join(other, 'only.txt'), 'unique content');
    const b = await h.repo.backup([other]);
    h.clock.now += 8 * DAY;
    const f = await h.repo.forget({ policy: { last: 1 } });
    expect(f.forgotten).toEqual([a.snapshot]);
    expect(f.plan.keep.map((k) => k.id)).toEqual([b.snapshot]);
    const p = await h.repo.prune();
    expect(p.deletedSnapshots).toEqual([a.snapshot]);
    expect(p.deletedPacks.length).toBeGreaterThan(0);
    const v = await h.repo.verify();
    expect(v.problems).toEqual([]);
    expect(v.snapshots).toBe(1);
  });

  it('prune refuses while a backup holds a lock', async () => {
    const h = await makeRepo();
    const { acquireLock } = await import('./locks.js');
    const lock = await acquireLock(h.repo.context, false);
    await expect(h.repo.prune()).rejects.toMatchObject({ code: 'REPO_LOCKED' });
    await lock.release();
    await expect(h.repo.prune()).resolves.toMatchObject({ deletedPacks: [] });
  });
});

describe('error codes', () => {
  it('every storage code crosses the repository boundary with a description', () => {
    for (const code of Object.keys(storageErrorCodes)) expect(repoErrorCodes).toHaveProperty(code);
    for (const text of Object.values(repoErrorCodes)) expect(text.length).toBeGreaterThan(10);
  });
});

export { PASSWORD };
