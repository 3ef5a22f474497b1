import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLineBatch, type LineTarget } from './line-batch.js';

function target(): LineTarget & { chunks: string[]; flushes: number; syncs: number } {
  const t = {
    chunks: [] as string[],
    flushes: 0,
    syncs: 0,
    write(s: string) {
      t.chunks.push(s);
    },
    flush(cb?: () => void) {
      t.flushes++;
      cb?.();
    },
    flushSync() {
      t.syncs++;
    },
  };
  return t;
}

describe('createLineBatch', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('hands lines over in order, once minLength characters are pending', () => {
    const t = target();
    const batch = createLineBatch(t, { minLength: 10, intervalMs: 60_000 });
    batch.write('aaaa\n');
    expect(t.chunks).toEqual([]);
    batch.write('bbbb\n');
    batch.write('cc\n');
    expect(t.chunks).toEqual(['aaaa\nbbbb\n']);
    batch.flushSync();
    expect(t.chunks).toEqual(['aaaa\nbbbb\n', 'cc\n']);
    expect(t.syncs).toBe(1);
  });

  it('hands pending lines over on every interval and asks the target to write them', () => {
    vi.useFakeTimers();
    const t = target();
    const batch = createLineBatch(t, { minLength: 4096, intervalMs: 100 });
    batch.write('one\n');
    vi.advanceTimersByTime(99);
    expect(t.chunks).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(t.chunks).toEqual(['one\n']);
    expect(t.flushes).toBe(1);
    vi.advanceTimersByTime(500);
    expect(t.flushes).toBe(1);
  });

  it('flush(cb) hands over and waits for the target', () => {
    const t = target();
    const batch = createLineBatch(t, { intervalMs: 60_000 });
    batch.write('x\n');
    const cb = vi.fn();
    batch.flush(cb);
    expect(t.chunks).toEqual(['x\n']);
    expect(cb).toHaveBeenCalledOnce();
  });

  it('never splits a line, however much room is left', () => {
    const t = target();
    const batch = createLineBatch(t, { minLength: 16, intervalMs: 60_000 });
    const lines = Array.from({ length: 40 }, (_, i) => `${'é'.repeat(i % 7)}${i}\n`);
    for (const l of lines) batch.write(l);
    batch.flushSync();
    expect(t.chunks.join('')).toBe(lines.join(''));
    for (const c of t.chunks) expect(c.endsWith('\n')).toBe(true);
  });

  it('drops lines for a destroyed target instead of keeping them', () => {
    const t = Object.assign(target(), { destroyed: true });
    const batch = createLineBatch(t, { minLength: 8, intervalMs: 60_000 });
    for (let i = 0; i < 1000; i++) batch.write(`line ${i}\n`);
    batch.flushSync();
    expect(t.chunks).toEqual([]);
    // Nothing was kept for later: a target that could write again gets only the lines that follow.
    t.destroyed = false;
    batch.write('next\n');
    batch.flushSync();
    expect(t.chunks).toEqual(['next\n']);
  });

  it('writes every line of a process that exits right after logging (stdout logger)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'line-batch-'));
    try {
      const logger = fileURLToPath(new URL('./logger.ts', import.meta.url));
      const script = join(dir, 'exit.ts');
      writeFileSync(script, `import { createLogger } from ${JSON.stringify(logger)};\nconst log = createLogger();\nfor (let i = 0; i < 50; i++) log.info({ i }, 'line');\nprocess.exit(0);\n`);
      const run = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8', cwd: fileURLToPath(new URL('../..', import.meta.url)) });
      const lines = run.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { i: number }).i);
      expect(lines).toEqual(Array.from({ length: 50 }, (_, i) => i));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
