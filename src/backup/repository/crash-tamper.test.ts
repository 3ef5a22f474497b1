import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryStorage, withFaults } from '../storage/index.js';
import { seal } from './crypto.js';
import { DAY, cleanup, makeRepo, tempDir, writeSampleTree } from './test-fixtures.js';
import type { Harness } from './test-fixtures.js';

const dirs: string[] = [];
afterEach(async () => {
  await cleanup(...dirs.splice(0));
});

async function sourceTree(sizes = [0, 300, 900_000, 2_500_000]): Promise<string> {
  const d = await tempDir('src');
  dirs.push(d);
  await writeSampleTree(d, sizes);
  return d;
}

type Mem = ReturnType<typeof createMemoryStorage>;
const objects = (h: Harness): Mem['objects'] => (h.storage as Mem).objects;

describe('crash injection at each commit step', () => {
  // A fault at the first write under each prefix: a crash before the packs, index, snapshot, journal entry.
  for (const step of ['data/', 'index/', 'snapshots/', 'journal/']) {
    it(`a crash writing ${step} leaves a consistent repository; prune removes the orphans`, async () => {
      const src = await sourceTree();
      const h = await makeRepo({ packSize: 1024 * 1024 });
      const good = await h.repo.backup([src]);
      await writeFile(join(src, 'new-file'), 'x'.repeat(800_000));
      const faulty = withFaults(h.storage, { putPrefix: step });
      const crashed = await h.reopen(faulty);
      await expect(crashed.backup([src])).rejects.toMatchObject({ code: 'STORAGE_UNAVAILABLE' });
      expect(faulty.fired()).toBe(true);

      const repo = await h.reopen();
      const v = await repo.verify();
      expect(v.problems).toEqual([]);
      expect((await repo.snapshots()).map((s) => s.id)).toEqual([good.snapshot]); // no partial snapshot
      const before = objects(h).size;
      h.clock.now += 8 * DAY; // past the grace period and the protection period
      const p = await repo.prune();
      if (step !== 'data/') expect(p.deletedPacks.length + p.deletedSnapshots.length).toBeGreaterThan(0);
      expect(objects(h).size).toBeLessThanOrEqual(before);
      const after = await repo.verify();
      expect(after.problems).toEqual([]);
      expect(after.notes.filter((n) => /interrupted|never committed/.test(n))).toEqual([]);
      const next = await repo.backup([src]); // the next backup succeeds
      expect((await repo.snapshots()).map((s) => s.id)).toEqual([good.snapshot, next.snapshot]);
      expect((await repo.verify()).ok).toBe(true);
    });
  }

  it('ENOSPC mid-backup is STORAGE_NO_SPACE; the repository stays consistent and the next backup succeeds', async () => {
    const src = await sourceTree();
    const h = await makeRepo({ packSize: 512 * 1024 });
    const full = withFaults(h.storage, { putPrefix: 'data/', after: 1, code: 'STORAGE_NO_SPACE' });
    await expect((await h.reopen(full)).backup([src])).rejects.toMatchObject({ code: 'STORAGE_NO_SPACE' });
    const repo = await h.reopen();
    expect((await repo.verify()).problems).toEqual([]);
    await repo.backup([src]);
    expect((await repo.verify()).ok).toBe(true);
  });
});

describe('tampering is detected and named', () => {
  async function backedUp(): Promise<{ h: Harness; snap: string }> {
    const h = await makeRepo();
    const src = await sourceTree([100, 700_000]);
    await h.repo.backup([src]);
    const { snapshot } = await h.repo.backup([src], { tags: ['second'] });
    return { h, snap: snapshot };
  }

  it('a flipped byte in a pack', async () => {
    const { h } = await backedUp();
    const [key, obj] = [...objects(h)].find(([k]) => k.startsWith('data/')) ?? [];
    obj!.data[100] = (obj!.data[100] ?? 0) ^ 0xff;
    const v = await h.repo.verify();
    expect(v.ok).toBe(false);
    expect(v.problems).toContainEqual(expect.objectContaining({ code: 'REPO_CORRUPT_PACK', key }));
  });

  it('a deleted snapshot', async () => {
    const { h, snap } = await backedUp();
    objects(h).delete(`snapshots/${snap}`);
    const v = await h.repo.verify();
    expect(v.problems).toEqual([expect.objectContaining({ code: 'REPO_CORRUPT_SNAPSHOT', key: `snapshots/${snap}` })]);
    expect(v.problems[0]?.message).toMatch(/deleted/);
  });

  it('a truncated journal (last entry removed)', async () => {
    const { h } = await backedUp();
    const last = [...objects(h).keys()].filter((k) => k.startsWith('journal/')).sort().at(-1) as string;
    objects(h).delete(last);
    const v = await h.repo.verify();
    expect(v.problems).toEqual([expect.objectContaining({ code: 'REPO_JOURNAL_BROKEN' })]);
    expect(v.problems[0]?.message).toMatch(/truncated.*entry 2/);
  });

  it('a deleted journal entry in the middle, and an edited one', async () => {
    const { h } = await backedUp();
    objects(h).delete('journal/0000000001');
    expect((await h.repo.verify()).problems.map((p) => p.message).join('\n')).toMatch(/entry 1 is missing/);
    const { h: h2 } = await backedUp();
    // An attacker with the repository key but not the journal key re-encrypts an edited entry.
    const key = 'journal/0000000002';
    const ctx = h2.repo.context;
    const { openSealedJson } = await import('./context.js');
    const e = openSealedJson<Record<string, unknown>>(ctx, key, objects(h2).get(key)!.data, 'guardrail-journal', 'REPO_JOURNAL_BROKEN');
    const forged = seal(ctx.keys.enc, new TextEncoder().encode(JSON.stringify({ ...e, at: '2020-01-01T00:00:00.000Z' })), new TextEncoder().encode('guardrail-journal'));
    objects(h2).get(key)!.data = forged;
    const v = await h2.repo.verify();
    expect(v.problems).toContainEqual(expect.objectContaining({ code: 'REPO_JOURNAL_BROKEN', message: expect.stringMatching(/entry 2 fails its HMAC/) }));
  });

  it('a corrupted index: verify names it, backups still work and deduplicate', async () => {
    const { h, snap } = await backedUp();
    const [key, obj] = [...objects(h)].find(([k]) => k.startsWith('index/')) ?? [];
    obj!.data[40] = (obj!.data[40] ?? 0) ^ 1;
    const v = await h.repo.verify();
    expect(v.problems).toContainEqual(expect.objectContaining({ code: 'REPO_CORRUPT_INDEX', key }));
    const out = await tempDir('out');
    dirs.push(out);
    await h.repo.restore(snap, out);
    const src = (await h.repo.snapshots())[0]!.snapshot.paths[0] as string;
    expect((await h.repo.backup([src])).summary.addedBlobs).toBe(0);
  });

  it('a forged snapshot committed without the signing key is not a restore point', async () => {
    const { h } = await backedUp();
    const { appendJournal } = await import('./journal.js');
    const { putSealedJson } = await import('./context.js');
    const real = (await h.repo.snapshots())[0]!.snapshot;
    const id = await putSealedJson(h.repo.context, 'snapshots', { ...real, time: '2099-01-01T00:00:00.000Z', sig: 'f'.repeat(64) }, 'guardrail-snapshot');
    await appendJournal(h.repo.context, { op: 'snapshot', snapshot: id, time: '2099-01-01T00:00:00.000Z' });
    const snaps = await h.repo.snapshots();
    expect(snaps.find((s) => s.id === id)?.signed).toBe(false);
    h.clock.now += 30 * DAY;
    const f = await h.repo.forget({ policy: { last: 2 }, dryRun: true });
    expect(f.plan.keep).toHaveLength(2);
    expect(f.plan.ignored.map((i) => i.id)).toEqual([id]);
    expect((await h.repo.verify()).problems).toContainEqual(expect.objectContaining({ code: 'REPO_CORRUPT_SNAPSHOT', message: expect.stringMatching(/not signed/) }));
  });
});

describe('storage stays locked', () => {
  it('every object except expired locks is under retention, and extendLocks moves it later', async () => {
    const h = await makeRepo({ storage: createMemoryStorage({ now: () => Date.parse('2026-01-10T12:00:00Z') }) });
    const src = await sourceTree([10]);
    await h.repo.backup([src]);
    for (const [k, o] of objects(h)) expect(o.retainUntil, k).toBeGreaterThan(h.clock.now);
    h.clock.now += 3 * DAY;
    const r = await h.repo.extendLocks();
    expect(r.extended).toBeGreaterThan(5);
    const pack = [...objects(h)].find(([k]) => k.startsWith('data/'))![1];
    expect(pack.retainUntil).toBe(h.clock.now + 7 * DAY);
  });
});
