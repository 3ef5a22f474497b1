/** Test support for the repository tests (not exported from index.ts). */
import { createHash, randomBytes } from 'node:crypto';
import { lstat, mkdir, mkdtemp, readFile, readdir, readlink, rm, symlink, utimes, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect } from 'vitest';
import { createMemoryStorage } from '../storage/index.js';
import { initRepository, openRepository } from './repository.js';
import { createMemoryTrustStore } from './trust.js';
import type { Storage } from '../storage/index.js';
import type { InitOptions } from './init-open.js';
import type { Repository } from './repository.js';

export const FAST_KDF = { N: 2 ** 10, r: 8, p: 1 };
export const PASSWORD = 'correct horse battery staple';
export const DAY = 24 * 3600 * 1000;

export interface Harness {
  repo: Repository;
  storage: Storage;
  clock: { now: number };
  reopen(storage?: Storage, password?: string): Promise<Repository>;
}

/**
 * Storages the harnesses used, closed after each test: a filesystem storage keeps read handles open, and
 * one left to the garbage collector is closed there with a warning (DEP0137) in the middle of a later test.
 */
const usedStorages = new Set<Storage>();
afterEach(async () => {
  const all = [...usedStorages];
  usedStorages.clear();
  await Promise.all(all.map((s) => s.close().catch(() => undefined)));
});

/** A repository on memory storage with an injected clock and a fast KDF. */
export async function makeRepo(extra: Partial<InitOptions> & { storage?: Storage } = {}): Promise<Harness> {
  const clock = { now: Date.parse('2026-01-10T12:00:00Z') };
  const now = (): number => clock.now;
  const storage = extra.storage ?? createMemoryStorage({ now });
  usedStorages.add(storage);
  const trust = createMemoryTrustStore();
  const repo = await initRepository({ kdf: FAST_KDF, ...extra, storage, password: PASSWORD, trust: () => trust, now, hostname: 'test' });
  return {
    repo,
    storage,
    clock,
    reopen: (s = storage, password = PASSWORD) => {
      usedStorages.add(s);
      return openRepository({ storage: s, password, trust: () => trust, now, hostname: 'test' });
    },
  };
}

export const tempDir = (tag: string): Promise<string> => mkdtemp(join(tmpdir(), `gr-${tag}-`));
export const cleanup = (...dirs: string[]): Promise<void[]> => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));

/** A temp-folder maker for a test file: every folder it made is removed after each test. */
export function useTempDirs(): (tag: string) => Promise<string> {
  const dirs: string[] = [];
  afterEach(async () => {
    await cleanup(...dirs.splice(0));
  });
  return async (tag) => {
    const d = await tempDir(tag);
    dirs.push(d);
    return d;
  };
}

/** Deterministic-ish random bytes with some compressible runs, like real data. */
export function mixedBytes(size: number): Buffer {
  const b = randomBytes(size);
  for (let o = 0; o + 4096 < size; o += 65536) b.fill(0x61 + ((o >> 16) % 26), o, o + 4096);
  return b;
}

/** A tree with files of many sizes, nested and empty folders, symlinks, odd modes and past times. */
export async function writeSampleTree(root: string, sizes: number[]): Promise<void> {
  await mkdir(join(root, 'nested', 'deeper'), { recursive: true });
  await mkdir(join(root, 'empty-dir'));
  await mkdir(join(root, 'nested', 'empty-too'));
  for (const [i, size] of sizes.entries()) {
    const dir = i % 3 === 0 ? root : i % 3 === 1 ? join(root, 'nested') : join(root, 'nested', 'deeper');
    const p = join(dir, `file-${i}-${size}.bin`);
    await writeFile(p, mixedBytes(size));
    await chmod(p, [0o644, 0o600, 0o755, 0o640][i % 4] as number);
    const t = new Date(Date.parse('2024-03-01T10:00:00.123Z') + i * 3_600_123);
    await utimes(p, t, t);
  }
  await symlink('nested/deeper', join(root, 'link-to-dir'));
  await symlink('does-not-exist', join(root, 'nested', 'dangling'));
  await chmod(join(root, 'empty-dir'), 0o700);
  const t = new Date('2023-05-05T05:05:05.555Z');
  await utimes(join(root, 'empty-dir'), t, t);
  await utimes(join(root, 'nested', 'deeper'), t, t);
}

export interface Entry {
  type: string;
  mode: number;
  mtimeNs: bigint;
  size: number;
  sha?: string;
  target?: string;
}

/** Every path under root with type, mode, mtime (ns), size and content hash or link target. */
export async function describeTree(root: string, rel = ''): Promise<Map<string, Entry>> {
  const out = new Map<string, Entry>();
  for (const name of (await readdir(join(root, rel))).sort()) {
    const r = rel ? `${rel}/${name}` : name;
    const p = join(root, r);
    const st = await lstat(p, { bigint: true });
    const type = st.isSymbolicLink() ? 'symlink' : st.isDirectory() ? 'dir' : 'file';
    const e: Entry = { type, mode: Number(st.mode & 0o7777n), mtimeNs: st.mtimeNs, size: type === 'file' ? Number(st.size) : 0 };
    if (type === 'file') e.sha = createHash('sha256').update(await readFile(p)).digest('hex');
    if (type === 'symlink') e.target = await readlink(p);
    out.set(r, e);
    if (type === 'dir') for (const [k, v] of await describeTree(root, r)) out.set(k, v);
  }
  return out;
}

/** Byte-identical content, same types, modes, link targets, and mtimes within 2 µs (utimes takes doubles). */
export function expectSameTree(a: Map<string, Entry>, b: Map<string, Entry>): void {
  expect([...b.keys()]).toEqual([...a.keys()]);
  for (const [k, ea] of a) {
    const eb = b.get(k) as Entry;
    expect({ k, type: eb.type, mode: eb.mode, size: eb.size, sha: eb.sha, target: eb.target }).toEqual({ k, type: ea.type, mode: ea.mode, size: ea.size, sha: ea.sha, target: ea.target });
    if (ea.type !== 'symlink' || process.platform === 'linux') {
      const d = ea.mtimeNs > eb.mtimeNs ? ea.mtimeNs - eb.mtimeNs : eb.mtimeNs - ea.mtimeNs;
      expect(d < 2000n, `${k} mtime differs by ${d} ns`).toBe(true);
    }
  }
}
