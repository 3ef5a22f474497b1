import { chmod, mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerRepoCommand } from './repo.js';

let base: string;
let out = '';
let err = '';
const env: NodeJS.ProcessEnv = { GUARDRAIL_REPO_PASSWORD: 'pw-for-tests' };

async function cli(...args: string[]): Promise<number> {
  out = '';
  err = '';
  const program = new Command('guardrail').exitOverride();
  registerRepoCommand(program, () => ({ env, out: (s) => void (out += s), err: (s) => void (err += s), isTTY: false }));
  process.exitCode = 0;
  await program.parseAsync(['node', 'guardrail', ...args]);
  const code = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return code;
}

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'gr-cli-'));
  env.GUARDRAIL_TRUST_DIR = join(base, 'trust');
  await writeFile(join(base, 'hello.txt'), 'hello world\n');
});
afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('guardrail repo', () => {
  it('init, backup, snapshots, restore, verify', async () => {
    const repo = join(base, 'repo');
    expect(await cli('repo', 'init', '-r', repo)).toBe(0);
    expect(err).toMatch(/immutability: tamper-evident/);
    expect(await cli('repo', 'backup', '-r', repo, join(base, 'hello.txt'), '--tag', 'daily')).toBe(0);
    const id = out.trim();
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(err.split('\n').filter(Boolean).every((l) => l.startsWith('{"progress"') || l.startsWith('snapshot '))).toBe(true);
    expect(await cli('repo', 'snapshots', '-r', repo, '-o', 'json')).toBe(0);
    expect(JSON.parse(out)).toEqual([expect.objectContaining({ id, tags: ['daily'], signed: true })]);
    expect(await cli('repo', 'restore', '-r', repo, id.slice(0, 8), '--target', join(base, 'out'), '-q')).toBe(0);
    expect(await readFile(join(base, 'out', 'hello.txt'), 'utf8')).toBe('hello world\n');
    expect(await cli('repo', 'verify', '-r', repo, '-q')).toBe(0);
    expect(err).toMatch(/^ok: 1 packs/m);
    expect(await cli('repo', 'forget', '-r', repo, '--keep-last', '1', '--prune')).toBe(0);
    expect(out).toMatch(/^keep {4}[0-9a-f]{8} {2}last 1; immutable until/m);
  });

  it('unlock releases a lock left by a process that is gone; --remove-all releases every lock', async () => {
    const repo = join(base, 'repo-locks');
    expect(await cli('repo', 'init', '-r', repo)).toBe(0);
    const lock = async (id: string, host: string, pid: number): Promise<void> => {
      const expires = Date.now() + 600_000;
      await writeFile(join(repo, 'locks', `${id}-0`), JSON.stringify({ id, exclusive: true, host, pid, expires }));
      await utimes(join(repo, 'locks', `${id}-0`), new Date(), new Date(expires)); // the fs backend keeps retain-until in mtime
    };
    await mkdir(join(repo, 'locks'), { recursive: true });
    await lock('00000000000000aa', hostname(), 2 ** 22 + 7); // above the kernel's pid_max default: never alive
    await lock('00000000000000bb', 'another-host', 1);
    expect(await cli('repo', 'backup', '-r', repo, join(base, 'hello.txt'), '-q')).toBe(1);
    expect(err).toMatch(/REPO_LOCKED/);
    expect(await cli('repo', 'unlock', '-r', repo)).toBe(0);
    expect(out).toMatch(/^released {2}00000000000000aa/m);
    expect(out).toMatch(/^kept {6}00000000000000bb {2}another-host/m);
    expect(await cli('repo', 'unlock', '-r', repo, '--remove-all')).toBe(0);
    expect(out).toMatch(/^released {2}00000000000000bb/m);
    expect(await cli('repo', 'backup', '-r', repo, join(base, 'hello.txt'), '-q')).toBe(0);
  });

  it('exit 1 when verify finds tampering, naming the pack', async () => {
    const repo = join(base, 'repo');
    const sub = (await readdir(join(repo, 'data')))[0] as string;
    const pack = join(repo, 'data', sub, (await readdir(join(repo, 'data', sub)))[0] as string);
    const bytes = await readFile(pack);
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    await chmod(pack, 0o644);
    await rm(pack);
    await writeFile(pack, bytes);
    expect(await cli('repo', 'verify', '-r', repo, '-q')).toBe(1);
    expect(out).toMatch(new RegExp(`REPO_CORRUPT_PACK  data/${sub}/`));
  });

  it('exit 2 for bad input: wrong password, missing repo, no password, no rule', async () => {
    const repo = join(base, 'repo');
    await writeFile(join(base, 'pw'), 'wrong\n');
    expect(await cli('repo', 'snapshots', '-r', repo, '--password-file', join(base, 'pw'))).toBe(2);
    expect(err).toMatch(/REPO_WRONG_PASSWORD/);
    expect(await cli('repo', 'snapshots', '-r', join(base, 'nothing-here'))).toBe(2);
    expect(err).toMatch(/REPO_NOT_FOUND/);
    expect(await cli('repo', 'forget', '-r', repo)).toBe(2);
    const saved = env.GUARDRAIL_REPO_PASSWORD;
    delete env.GUARDRAIL_REPO_PASSWORD;
    expect(await cli('repo', 'snapshots', '-r', repo)).toBe(2);
    env.GUARDRAIL_REPO_PASSWORD = saved;
  });
});
