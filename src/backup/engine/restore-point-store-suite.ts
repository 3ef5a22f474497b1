/**
 * The shared suite every RestorePointStore passes (local mode's YAML files, cluster mode's CRs): the engine,
 * retention and restore rely on exactly these behaviours. Test support: imported by *.test.ts files only.
 */
import { describe, expect, it } from 'vitest';
import type { RestorePoint } from '../api/index.js';
import type { RestorePointStore } from './restore-point-store.js';

export const pointOf = (name: string, time: string, state: 'Complete' | 'Failed' = 'Complete'): RestorePoint => ({
  apiVersion: 'backup.guardrail.dev/v1alpha1',
  kind: 'RestorePoint',
  metadata: { name, namespace: 'shop', labels: { 'backup.guardrail.dev/app': 'web' } },
  spec: { app: { kind: 'Deployment', name: 'web', namespace: 'shop' }, policy: { name: 'gold' }, time, retentionTags: ['hourly 2026-03-29T10'] },
  status: { state, items: [{ kind: 'Deployment', name: 'web', namespace: 'shop', outcome: state === 'Complete' ? 'Succeeded' : 'Failed' }], ...(state === 'Failed' ? { message: 'boom' } : {}) },
});

export function restorePointStoreSuite(name: string, make: () => Promise<RestorePointStore> | RestorePointStore): void {
  describe(`RestorePointStore: ${name}`, () => {
    it('keeps what was put (spec and status) and answers undefined for an unknown name', async () => {
      const store = await make();
      await store.put(pointOf('web-1', '2026-03-29T10:00:00.000Z'));
      const got = await store.get('web-1');
      expect(got?.spec).toEqual(pointOf('web-1', '2026-03-29T10:00:00.000Z').spec);
      expect(got?.status).toEqual(pointOf('web-1', '2026-03-29T10:00:00.000Z').status);
      expect(await store.get('web-404')).toBeUndefined();
    });

    it('lists oldest first, whatever the order of writing', async () => {
      const store = await make();
      for (const [n, t] of [['web-b', '2026-03-29T12:00:00.000Z'], ['web-a', '2026-03-29T10:00:00.000Z'], ['web-c', '2026-03-29T11:00:00.000Z']] as const) await store.put(pointOf(n, t));
      expect((await store.list()).map((p) => p.metadata.name)).toEqual(['web-a', 'web-c', 'web-b']);
    });

    it('a second put of the same name replaces it (a Failed point rewritten)', async () => {
      const store = await make();
      await store.put(pointOf('web-1', '2026-03-29T10:00:00.000Z', 'Failed'));
      await store.put(pointOf('web-1', '2026-03-29T10:00:00.000Z'));
      expect((await store.list()).map((p) => `${p.metadata.name}:${p.status?.state}`)).toEqual(['web-1:Complete']);
    });

    it('remove forgets the point; removing an unknown one is no error', async () => {
      const store = await make();
      await store.put(pointOf('web-1', '2026-03-29T10:00:00.000Z'));
      await store.put(pointOf('web-2', '2026-03-29T11:00:00.000Z'));
      await store.remove('web-1');
      await store.remove('web-404');
      expect(await store.get('web-1')).toBeUndefined();
      expect((await store.list()).map((p) => p.metadata.name)).toEqual(['web-2']);
    });
  });
}
