import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_TTL_MS, acquireLock, write } from './locks.js';
import { makeRepo } from './test-fixtures.js';

let src: string;
beforeAll(async () => {
  src = await mkdtemp(join(tmpdir(), 'gr-unlock-'));
  await writeFile(join(src, 'a.txt'), 'a');
});
afterAll(() => rm(src, { recursive: true, force: true }));

const dead = (): boolean => false;
const alive = (): boolean => true;

describe('unlock', () => {
  it('releases the lock of a crashed prune on this host, after which backups run again', async () => {
    const h = await makeRepo();
    const crashed = await acquireLock(h.repo.context, true); // never released: the process "died"
    await expect(h.repo.backup([src])).rejects.toMatchObject({ code: 'REPO_LOCKED' });
    const r = await h.repo.unlock({ isAlive: dead });
    expect(r.released.map((l) => l.id)).toEqual([crashed.id]);
    expect(r.kept).toEqual([]);
    await expect(h.repo.backup([src])).resolves.toMatchObject({ summary: { files: 1 } });
  });

  it('keeps a lock whose process is alive, and another host\'s lock unless --remove-all', async () => {
    const h = await makeRepo();
    const mine = await acquireLock(h.repo.context, false);
    const other = { id: 'feedfacefeedface', exclusive: true, host: 'elsewhere', pid: 1, expires: h.clock.now + LOCK_TTL_MS };
    await write(h.repo.context, `locks/${other.id}-0`, other);
    const r = await h.repo.unlock({ isAlive: alive });
    expect(r.released).toEqual([]);
    expect(r.kept.map((l) => l.id).sort()).toEqual([mine.id, other.id].sort());
    // Even a dead pid on another host is not ours to judge: it stays until it expires.
    expect((await h.repo.unlock({ isAlive: dead })).released.map((l) => l.id)).toEqual([mine.id]);
    const all = await h.repo.unlock({ all: true, isAlive: alive });
    expect(all.released.map((l) => l.id)).toEqual([other.id]);
    await expect(h.repo.prune()).resolves.toBeDefined();
  });

  it('never deletes a lock object early; deletes it once its retention has ended', async () => {
    const h = await makeRepo();
    await acquireLock(h.repo.context, true);
    expect((await h.repo.unlock({ isAlive: dead })).removed).toBe(0);
    const before = (await h.storage.list('locks/')).length;
    expect(before).toBe(2); // the lock and its -released marker, both under retention
    h.clock.now += LOCK_TTL_MS + 1;
    expect((await h.repo.unlock()).removed).toBe(2);
    expect(await h.storage.list('locks/')).toEqual([]);
  });
});
