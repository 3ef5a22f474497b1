import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KubeApiError } from '../client/kube-client.js';
import { createFakeClient } from '../client/fake-client.js';
import { createCsiSnapshotCapture } from './csi-snapshots.js';

const T = Date.parse('2026-03-29T10:00:00Z');
const ref = { namespace: 'shop', workload: 'web', volume: 'web-data' };

describe('csi-snapshot volume capture', () => {
  it('creates a VolumeSnapshot of the PVC with the default class and records a snapshot that is not ready (bounded wait)', async () => {
    const client = createFakeClient((method, path, opts) => {
      if (path.endsWith('/volumesnapshotclasses')) return { items: [{ metadata: { name: 'other' } }, { metadata: { name: 'fast', annotations: { 'snapshot.storage.kubernetes.io/is-default-class': 'true' } } }] };
      if (method === 'POST') return opts.body;
      if (method === 'GET') return { metadata: { name: 'web-data-20260329t100000z', namespace: 'shop' }, spec: { volumeSnapshotClassName: 'fast' }, status: { readyToUse: false } };
      return undefined;
    });
    const into = join(await mkdtemp(join(tmpdir(), 'csi-')), 'v');
    const r = await createCsiSnapshotCapture({ client, readyTimeoutMs: 50, now: () => T }).capture(ref, into);
    expect(r).toMatchObject({ ok: true, item: { kind: 'VolumeSnapshot', name: 'web-data-20260329t100000z' }, message: expect.stringMatching(/^PVC web-data, class fast: not readyToUse/) });
    const post = client.calls.find((c) => c.method === 'POST');
    expect(post?.path).toBe('/apis/snapshot.storage.k8s.io/v1/namespaces/shop/volumesnapshots');
    expect((post?.opts.body as { spec: unknown }).spec).toEqual({ source: { persistentVolumeClaimName: 'web-data' }, volumeSnapshotClassName: 'fast' });
  });

  it('fails the volume with a clear message when the VolumeSnapshot API is not installed', async () => {
    const client = createFakeClient((method) => (method === 'POST' ? new KubeApiError(404, 'NotFound', 'POST: 404') : { items: [] }));
    const r = await createCsiSnapshotCapture({ client, readyTimeoutMs: 0, className: 'x' }).capture(ref, '/nonexistent');
    expect(r).toMatchObject({ ok: false, message: expect.stringContaining('VolumeSnapshot API is not installed') });
  });

  it('restores: same namespace -> the original snapshot; another namespace -> pre-provisioned content (Retain, same handle) + snapshot', async () => {
    const vs = { metadata: { name: 'web-data-s1', namespace: 'shop' }, status: { readyToUse: true, boundVolumeSnapshotContentName: 'c1' } };
    const client = createFakeClient((method, path, opts) => {
      if (method === 'POST') return opts.body;
      if (path.endsWith('/volumesnapshots/web-data-s1')) return vs;
      if (path.endsWith('/volumesnapshotcontents/c1')) return { spec: { driver: 'hostpath.csi.k8s.io', volumeSnapshotClassName: 'fast' }, status: { snapshotHandle: 'h-1' } };
      return { items: [] };
    });
    const dir = await mkdtemp(join(tmpdir(), 'csi-'));
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(dir, 'volumesnapshot.json'), JSON.stringify({ name: 'web-data-s1', namespace: 'shop', pvc: 'web-data', readyToUse: false }));
    const csi = createCsiSnapshotCapture({ client });
    const ds = { apiGroup: 'snapshot.storage.k8s.io', kind: 'VolumeSnapshot', name: 'web-data-s1' };
    expect(await csi.restore(dir, { ...ref })).toMatchObject({ ok: true, dataSource: ds });
    expect(client.calls.filter((c) => c.method === 'POST')).toEqual([]);
    expect(await csi.restore(dir, { ...ref, namespace: 'clone' })).toMatchObject({ ok: true, dataSource: ds });
    const [content, snap] = client.calls.filter((c) => c.method === 'POST').map((c) => c.opts.body as { metadata: { name: string }; spec: unknown });
    expect(content?.spec).toEqual({ deletionPolicy: 'Retain', driver: 'hostpath.csi.k8s.io', source: { snapshotHandle: 'h-1' }, volumeSnapshotRef: { namespace: 'clone', name: 'web-data-s1' }, volumeSnapshotClassName: 'fast' });
    expect(snap?.spec).toEqual({ source: { volumeSnapshotContentName: content?.metadata.name }, volumeSnapshotClassName: 'fast' });
    vs.status = { readyToUse: false, boundVolumeSnapshotContentName: '' };
    expect(await csi.restore(dir, { ...ref, namespace: 'clone2' })).toMatchObject({ ok: false, message: expect.stringMatching(/restored without data: .*has no content yet/) });
  });
});
