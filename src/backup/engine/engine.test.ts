import { readdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackupEngine, openOrInit } from './index.js';
import { makeFixture, policyDoc, TEST_ENV, webApp } from './test-fixtures.js';

const engineFor = (f: Awaited<ReturnType<typeof makeFixture>>, now?: () => number) =>
  createBackupEngine({ configDir: f.configDir, stateDir: f.stateDir, volumesRoot: f.volumesRoot, env: TEST_ENV, ...(now ? { now } : {}) });

describe('backup engine (local mode)', () => {
  it('runs capture -> repository -> export -> RestorePoint, then reports the app Compliant', async () => {
    const f = await makeFixture();
    const engine = engineFor(f);
    await engine.registry.register(webApp());
    expect((await engine.status())[0]).toMatchObject({ state: 'NonCompliant', reasons: [{ code: 'NO_RESTORE_POINT' }] });
    const [r] = await engine.run({ app: 'shop/web' });
    expect(r?.ok).toBe(true);
    const rp = r!.restorePoint;
    expect(rp.status?.state).toBe('Complete');
    expect(rp.spec).toMatchObject({ app: { name: 'web', namespace: 'shop' }, policy: { name: 'gold' }, consistency: 'crash', profile: { name: 'vault' } });
    expect(rp.spec.retentionTags?.length).toBeGreaterThan(0);
    expect(Date.parse(rp.spec.retainUntil ?? '') - Date.parse(rp.spec.time)).toBe(48 * 3600_000);
    expect(rp.status?.items?.map((i) => `${i.kind}/${i.name}`)).toEqual(['Deployment/web', 'Volume/data']);
    expect((await engine.list('shop/web')).map((p) => p.metadata.name)).toEqual([rp.metadata.name]);
    const exported = await openOrInit(f.exportDir, await engine.access(), { protectionMs: 0 });
    expect((await exported.snapshots()).map((s) => s.snapshot.tags)).toEqual([['app=shop/web', 'policy=gold', `restorepoint=${rp.metadata.name}`]]);
    await exported.close();
    expect((await engine.status())[0]).toMatchObject({ state: 'Compliant', policy: 'gold' });
    expect(await readdir(engine.paths.tmp)).toEqual([]); // staging cleaned
  });

  it('applies GFS retention per app (hourly: 2 keeps the newest point of the two newest hours)', async () => {
    const f = await makeFixture({ policies: [policyDoc('gold', { retention: { hourly: 2 } })] });
    let t = Date.parse('2026-03-29T10:05:00Z');
    const engine = engineFor(f, () => t);
    await engine.registry.register(webApp());
    const names: string[] = [];
    for (let i = 0; i < 3; i++, t += 3600_000) names.push((await engine.runApp(webApp())).restorePoint.metadata.name);
    expect((await engine.list()).map((p) => p.metadata.name)).toEqual(names.slice(1));
  });

  it('an export location that is not writable fails the run with a clear error and no Complete point', async () => {
    // A path under a regular file cannot be created by anyone, root included (ENOTDIR).
    const f0 = await makeFixture();
    await writeFile(join(f0.root, 'file'), 'x');
    const f = await makeFixture({ exportPath: join(f0.root, 'file', 'export') });
    const engine = engineFor(f);
    await engine.registry.register(webApp());
    const [r] = await engine.run({});
    expect(r?.ok).toBe(false);
    expect(r?.restorePoint.status).toMatchObject({ state: 'Failed', message: expect.stringMatching(/^export to LocationProfile vault \(.*file\/export\):/) });
    expect((await engine.list()).map((p) => p.status?.state)).toEqual(['Failed']);
    // The working copy made before the export was rolled back.
    const local = await openOrInit(engine.paths.repository, await engine.access(), { protectionMs: 0 });
    expect(await local.snapshots()).toEqual([]);
    await local.close();
  });

  it('rejects a config whose retention is finer than the frequency, naming the problem', async () => {
    const f = await makeFixture({ policies: [policyDoc('gold', { frequency: '@daily', retention: { hourly: 24, daily: 7 } })] });
    const engine = engineFor(f);
    await engine.registry.register(webApp());
    await expect(engine.run({})).rejects.toThrow(/RETENTION_FINER_THAN_FREQUENCY/);
  });

  it('a hanging freeze hook times out: unfreeze runs, the point is Failed, nothing is exported', async () => {
    const marker = '/tmp/never';
    const f = await makeFixture({
      policies: [policyDoc('gold', { hooks: { preBackup: [{ name: 'freeze' }], postBackup: [{ name: 'unfreeze' }] } })],
      hooks: { freeze: { exec: ['sh', '-c', 'sleep 30'], timeout: '300ms' }, unfreeze: { exec: ['sh', '-c', `touch "$0"`, marker] } },
    });
    const m = join(f.root, 'unfrozen');
    const engine = engineFor(f);
    const cfg = await engine.config();
    (cfg.hooks.unfreeze as { exec: string[] }).exec[3] = m;
    expect(cfg.hooks.freeze).toBeDefined();
    await engine.registry.register(webApp());
    const r = await engine.runApp(webApp());
    expect(r.ok).toBe(false);
    expect(r.restorePoint.status?.message).toMatch(/pre-backup hook freeze timed out/);
    expect(r.hooks.map((h) => `${h.phase}:${h.hook}:${h.ok}`)).toEqual(['pre:freeze:false', 'post:unfreeze:true']);
    expect(existsSync(f.exportDir)).toBe(false);
  });
});
