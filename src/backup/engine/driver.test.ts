import { readFile, stat } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createBackupEngine, startDriver } from './index.js';
import { makeFixture, webApp } from './test-fixtures.js';

describe('scheduler driver and password', () => {
  it('runs an app when its hourly slot (plus stagger) has passed, once, and saves the scheduler state', async () => {
    const f = await makeFixture();
    let t = Date.parse('2026-03-29T10:00:30Z');
    let generated = '';
    const engine = createBackupEngine({ configDir: f.configDir, stateDir: f.stateDir, volumesRoot: f.volumesRoot, env: {}, now: () => t, onPassword: (p) => (generated = p.file ?? '') });
    await engine.registry.register(webApp());
    const driver = await startDriver(engine, { clock: () => t, intervalMs: 3600_000 });
    try {
      expect(await driver.tick()).toEqual([]); // registered just now: the next slot is 11:00 (+ stagger)
      t = Date.parse('2026-03-29T11:10:01Z'); // past 11:00 and the 10-minute stagger window
      const runs = await driver.tick();
      expect(runs.map((r) => r.restorePoint.status?.state)).toEqual(['Complete']);
      expect(await driver.tick()).toEqual([]); // one run per slot
      expect(Object.keys(JSON.parse(await readFile(engine.paths.scheduler, 'utf8')) as object)).toEqual(['shop/web']);
    } finally {
      await driver.stop();
    }
    // No password given: one was generated into the state folder, readable by the owner only.
    expect(generated).toBe(engine.paths.password);
    expect((await stat(generated)).mode & 0o777).toBe(0o600);
  });

  it('decides nothing while not active (cluster mode: another replica holds the backup Lease), catches up once leading', async () => {
    const f = await makeFixture();
    let t = Date.parse('2026-03-29T10:00:30Z');
    const engine = createBackupEngine({ configDir: f.configDir, stateDir: f.stateDir, volumesRoot: f.volumesRoot, env: { GUARDRAIL_REPO_PASSWORD: 'p' }, now: () => t });
    await engine.registry.register(webApp());
    let leading = false;
    const driver = await startDriver(engine, { clock: () => t, intervalMs: 3600_000, active: () => leading });
    try {
      expect(await driver.tick()).toEqual([]);
      t = Date.parse('2026-03-29T11:10:01Z');
      expect(await driver.tick()).toEqual([]); // the slot passed, but this replica does not lead
      expect(await engine.list()).toEqual([]);
      leading = true;
      expect((await driver.tick()).map((r) => r.restorePoint.status?.state)).toEqual(['Complete']);
    } finally {
      await driver.stop();
    }
  });
});
