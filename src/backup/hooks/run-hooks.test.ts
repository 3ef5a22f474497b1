import { mkdtemp, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withHooks } from './index.js';

const sh = (script: string, timeout?: string) => ({ exec: ['sh', '-c', script], ...(timeout ? { timeout } : {}) });

describe('withHooks', () => {
  it('runs pre, capture, post in order and streams a dump hook into a file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hooks-'));
    const log = join(dir, 'log');
    const hooks = {
      freeze: sh(`echo freeze >> ${log}`),
      dump: { dump: ['sh', '-c', 'printf "CREATE TABLE t;"'], file: 'db.sql' },
      unfreeze: sh(`echo unfreeze >> ${log}`),
    };
    const r = await withHooks({ hooks, plan: { pre: ['freeze', 'dump'], post: ['unfreeze'] }, dumpDir: dir }, async () => {
      await readFile(log, 'utf8').then((t) => expect(t).toBe('freeze\n'));
      return 'captured';
    });
    expect(r.error).toBeUndefined();
    expect(r.value).toBe('captured');
    expect(await readFile(log, 'utf8')).toBe('freeze\nunfreeze\n');
    expect(await readFile(join(dir, 'db.sql'), 'utf8')).toBe('CREATE TABLE t;');
    expect(r.outcomes.find((o) => o.hook === 'dump')).toMatchObject({ ok: true, file: 'dumps/db.sql', bytes: 15 });
  });

  it('a hanging pre hook times out with a clear error, skips the capture and still unfreezes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hooks-'));
    const marker = join(dir, 'unfrozen');
    let captured = false;
    const started = Date.now();
    const r = await withHooks(
      { hooks: { freeze: sh('sleep 30', '300ms'), unfreeze: sh(`touch ${marker}`) }, plan: { pre: ['freeze'], post: ['unfreeze'] }, dumpDir: dir },
      async () => {
        captured = true;
      },
    );
    expect(Date.now() - started).toBeLessThan(5000);
    expect(r.error).toMatch(/pre-backup hook freeze timed out after 0.3s/);
    expect(r.outcomes[0]).toMatchObject({ ok: false, code: 'HOOK_TIMEOUT' });
    expect(captured).toBe(false);
    expect(existsSync(marker)).toBe(true);
  });

  it('a failing capture still runs the post hooks; a failing command reports its status and stderr', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hooks-'));
    const marker = join(dir, 'unfrozen');
    const r = await withHooks({ hooks: { unfreeze: sh(`touch ${marker}`) }, plan: { pre: [], post: ['unfreeze'] }, dumpDir: dir }, () => Promise.reject(new Error('disk full')));
    expect(r.error).toBe('capture failed: disk full');
    expect(existsSync(marker)).toBe(true);
    const bad = await withHooks({ hooks: { freeze: sh('echo nope >&2; exit 3') }, plan: { pre: ['freeze'], post: [] }, dumpDir: dir }, async () => 1);
    expect(bad.error).toBe('pre-backup hook freeze exited with 3: nope');
  });

  it('an abort (SIGTERM to guardrail) stops the pre hook but the post hook runs', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hooks-'));
    const marker = join(dir, 'unfrozen');
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 200);
    const r = await withHooks({ hooks: { freeze: sh('sleep 30'), unfreeze: sh(`touch ${marker}`) }, plan: { pre: ['freeze'], post: ['unfreeze'] }, dumpDir: dir, signal: ac.signal }, async () => 1);
    expect(r.outcomes[0]).toMatchObject({ code: 'HOOK_ABORTED' });
    expect(existsSync(marker)).toBe(true);
  });

  it('names the defined hooks when a policy refers to a missing one', async () => {
    const r = await withHooks({ hooks: { a: sh('true') }, plan: { pre: ['b'], post: [] }, dumpDir: tmpdir() }, async () => 1);
    expect(r.error).toBe('pre-backup hook b hook b is not defined; defined: a');
  });
});
