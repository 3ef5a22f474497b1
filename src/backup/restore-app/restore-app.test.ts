import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { createBackupEngine } from '../engine/index.js';
import { makeFixture, TEST_ENV, webApp } from '../engine/test-fixtures.js';
import { byRestoreOrder, loadTransforms, restoreApp, transformObject } from './index.js';

describe('restore-app', () => {
  it('orders dependencies before workloads', () => {
    const o = (kind: string) => ({ kind, metadata: { name: 'x' } });
    expect(byRestoreOrder([o('Deployment'), o('Service'), o('Widget'), o('Secret'), o('Namespace'), o('PersistentVolumeClaim')]).map((x) => x.kind)).toEqual([
      'Namespace',
      'PersistentVolumeClaim',
      'Secret',
      'Service',
      'Widget',
      'Deployment',
    ]);
  });

  it('maps namespace and storage class and reports a transform that does not apply', () => {
    const pvc = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'd', namespace: 'a' }, spec: { storageClassName: 'fast' } };
    const r = transformObject(pvc, { namespace: 'b', storageClasses: { fast: 'standard' } });
    expect(r.ok && r.obj).toMatchObject({ metadata: { namespace: 'b' }, spec: { storageClassName: 'standard' } });
    expect(transformObject(pvc, { transforms: [{ patch: [{ op: 'remove', path: '/spec/nothing' }] }] })).toMatchObject({ ok: false, message: expect.stringMatching(/^transform 0: remove/) });
  });

  it('restores a restore point into another namespace with transforms, volume bytes, and skip/update of existing objects', async () => {
    const f = await makeFixture();
    const engine = createBackupEngine({ configDir: f.configDir, stateDir: f.stateDir, volumesRoot: f.volumesRoot, env: TEST_ENV });
    await engine.registry.register(webApp());
    const [run] = await engine.run({});
    const tfile = join(f.root, 't.yaml');
    await writeFile(tfile, 'transforms:\n  - kind: Deployment\n    patch: [{op: add, path: /spec/replicas, value: 1}]\n');
    const target = join(f.root, 'target');
    const r = await restoreApp(engine, { restorePoint: run!.restorePoint.metadata.name, target, namespace: 'shop-clone', transforms: await loadTransforms(tfile) });
    expect(r.ok).toBe(true);
    expect(r.preRestorePoint).toBeUndefined(); // shop-clone/web is not a protected app
    expect(r.items.map((i) => `${i.kind}/${i.name}:${i.outcome}`)).toEqual(['Deployment/web:Succeeded', 'Volume/data:Succeeded']);
    const [file] = await readdir(join(target, 'shop-clone'));
    const dep = parse(await readFile(join(target, 'shop-clone', file!), 'utf8')) as { metadata: Record<string, unknown>; spec: { replicas: number } };
    expect(dep.metadata).toEqual({ name: 'web', namespace: 'shop-clone', labels: { dataprotection: 'k10-gold' } });
    expect(dep.spec.replicas).toBe(1);
    expect(await readFile(join(target, 'volumes/shop-clone/web/data/blob.bin'), 'utf8')).toBe('volume bytes');
    const again = await restoreApp(engine, { restorePoint: run!.restorePoint.metadata.name, target, namespace: 'shop-clone' });
    expect(again.items[0]).toMatchObject({ outcome: 'Skipped' });
    // Into the protected app itself: a restore point of the current state is taken first.
    const back = await restoreApp(engine, { restorePoint: run!.restorePoint.metadata.name, target, existing: 'update' });
    expect(back.preRestorePoint).toMatch(/^web-/);
    expect(back.items[0]).toMatchObject({ outcome: 'Succeeded' });
  });

  it('reads the exported copy when the working repository is gone (3-2-1)', async () => {
    const f = await makeFixture();
    const engine = createBackupEngine({ configDir: f.configDir, stateDir: f.stateDir, volumesRoot: f.volumesRoot, env: TEST_ENV });
    await engine.registry.register(webApp());
    const [run] = await engine.run({});
    await rm(engine.paths.repository, { recursive: true });
    const target = join(f.root, 'target');
    const r = await restoreApp(engine, { restorePoint: run!.restorePoint.metadata.name, target });
    expect(r.ok).toBe(true);
    expect(await readFile(join(target, 'volumes/shop/web/data/blob.bin'), 'utf8')).toBe('volume bytes');
  });
});
