import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryStorage, withFaults } from '../storage/index.js';
import { cleanup, describeTree, expectSameTree, makeRepo, mixedBytes, tempDir } from './test-fixtures.js';
import type { Storage } from '../storage/index.js';
import type { Harness } from './test-fixtures.js';

const KiB = 1024;
const DAY = 24 * 3600 * 1000;
const dirs: string[] = [];
afterEach(async () => {
  await cleanup(...dirs.splice(0));
});

/** Small chunks and packs, no protection period: four snapshots, each rewriting half of the files. */
async function fourSnapshots(storage?: Storage): Promise<{ h: Harness; snaps: string[]; trees: Map<string, unknown>[]; outs: string[] }> {
  const h = await makeRepo({ protectionMs: 0, packSize: 64 * KiB, chunker: { min: 2 * KiB, avg: 4 * KiB, max: 16 * KiB }, ...(storage ? { storage } : {}) });
  const src = await tempDir('repack-src');
  dirs.push(src);
  await mkdir(join(src, 'd'));
  const snaps: string[] = [];
  const trees: Map<string, unknown>[] = [];
  for (let round = 0; round < 4; round++) {
    for (let f = 0; f < 8; f++) if (round === 0 || f % 2 === round % 2) await writeFile(join(src, 'd', `f${f}`), mixedBytes(40 * KiB + f));
    snaps.push((await h.repo.backup([src])).snapshot);
    trees.push(await describeTree(src));
    h.clock.now += DAY;
  }
  return { h, snaps, trees, outs: [] };
}

const dataBytes = async (s: Storage): Promise<number> => (await s.list('data/')).reduce((n, o) => n + o.size, 0);

async function restoresIdentically(h: Harness, snap: string, tree: Map<string, unknown>): Promise<void> {
  const out = await tempDir('repack-out');
  dirs.push(out);
  await h.repo.restore(snap, out);
  expectSameTree(tree as never, await describeTree(join(out, (await h.repo.snapshots()).find((s) => s.id === snap)?.snapshot.paths[0]?.split('/').at(-1) ?? '')));
}

describe('prune repacks partly used packs', () => {
  it('after forgetting half the snapshots: smaller repository, clean verify, identical restores', async () => {
    const { h, snaps, trees } = await fourSnapshots();
    await h.repo.forget({ ids: [snaps[0] as string, snaps[2] as string] });
    const before = await dataBytes(h.storage);
    const noRepack = await h.repo.prune({ graceMs: 0, repackUnused: 1 });
    expect(noRepack.repackedPacks).toEqual([]);
    const afterSweep = await dataBytes(h.storage);
    const p = await h.repo.prune({ graceMs: 0 });
    expect(p.repackedPacks.length).toBeGreaterThan(0);
    expect(p.deletedPacks).toEqual(expect.arrayContaining(p.repackedPacks));
    const after = await dataBytes(h.storage);
    expect(after).toBeLessThan(afterSweep);
    expect(after).toBeLessThanOrEqual(before);
    expect(p.reclaimedBytes).toBe(afterSweep - after);
    const v = await h.repo.verify();
    expect(v.problems).toEqual([]);
    expect(v.notes.filter((n) => n.includes('not in any index'))).toEqual([]);
    await restoresIdentically(h, snaps[1] as string, trees[1] as Map<string, unknown>);
    await restoresIdentically(h, snaps[3] as string, trees[3] as Map<string, unknown>);
    // Nothing left to gain: a second prune repacks nothing.
    expect((await h.repo.prune({ graceMs: 0 })).repackedPacks).toEqual([]);
  }, 30_000);

  it('leaves partly used packs under retention alone (maintenance extended their locks)', async () => {
    const { h, snaps } = await fourSnapshots();
    await h.repo.forget({ ids: [snaps[0] as string, snaps[2] as string] });
    // As if the repository had a protection period: every object retained for 30 more days.
    for (const o of await h.storage.list('data/')) await h.storage.extendRetention(o.key, new Date(h.clock.now + 30 * DAY));
    const p = await h.repo.prune({ graceMs: 0 });
    expect(p.repackedPacks).toEqual([]);
    expect(p.deletedPacks).toEqual([]);
    expect(p.retained).toBeGreaterThan(0);
  }, 30_000);

  for (const step of ['data/', 'index/', 'journal/'] as const) {
    it(`a crash writing ${step} during a repacking prune leaves a consistent repository`, async () => {
      const inner = createMemoryStorage({ now: () => Date.parse('2026-01-10T12:00:00Z') });
      let armed = false;
      const faulty = withFaults(inner, { putPrefix: step });
      const storage: Storage = { ...inner, put: (k, d, o) => (armed ? faulty.put(k, d, o) : inner.put(k, d, o)) };
      const { h, snaps, trees } = await fourSnapshots(storage);
      await h.repo.forget({ ids: [snaps[0] as string, snaps[2] as string] });
      armed = true;
      await expect(h.repo.prune({ graceMs: 0 })).rejects.toBeDefined();
      armed = false;
      // The crashed prune never released its lock; its process is gone, so unlock may release it.
      expect((await h.repo.unlock({ all: true })).released).toHaveLength(1);
      const v = await h.repo.verify();
      expect(v.problems).toEqual([]);
      await restoresIdentically(h, snaps[1] as string, trees[1] as Map<string, unknown>);
      await restoresIdentically(h, snaps[3] as string, trees[3] as Map<string, unknown>);
      await h.repo.prune({ graceMs: 0 });
      expect((await h.repo.verify()).problems).toEqual([]);
      await restoresIdentically(h, snaps[3] as string, trees[3] as Map<string, unknown>);
    }, 30_000);
  }
});
