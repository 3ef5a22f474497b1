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
