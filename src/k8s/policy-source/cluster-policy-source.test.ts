import type { KubernetesObject } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { createFakeClient } from '../client/fake-client.js';
import type { WatchedCollection } from '../informers/watched-collection.js';
import { createClusterPolicySource } from './cluster-policy-source.js';

const policy = (pattern: string, rv: string): KubernetesObject =>
  ({
    metadata: { name: 'require-team', resourceVersion: rv },
    spec: { validationFailureAction: 'Enforce', rules: [{ name: 'team', match: { any: [{ resources: { kinds: ['Pod'] } }] }, validate: { [pattern]: { metadata: { labels: { team: '?*' } } } } }] },
  }) as unknown as KubernetesObject;

describe('createClusterPolicySource', () => {
  it('watches only served kinds, compiles list items (without kind) and keeps the last good version of a broken edit', async () => {
    // Discovery: kyverno.io/v1 serves clusterpolicies only; nothing else exists.
    const client = createFakeClient((_m, path) => (path === '/apis/kyverno.io/v1' ? { resources: [{ name: 'clusterpolicies', kind: 'ClusterPolicy', namespaced: false }] } : undefined));
    let items: KubernetesObject[] = [policy('pattern', '1')];
    const paths: string[] = [];
    let notify = (): void => undefined;
    const createCollection = (path: string, onChange: () => void): WatchedCollection<KubernetesObject> => {
      paths.push(path);
      notify = onChange;
      return { start: async () => undefined, stop: async () => undefined, list: () => items, get: () => undefined };
    };
    const src = createClusterPolicySource({ client, createCollection, debounceMs: 1 });
    await src.start();
    expect(paths).toEqual(['/apis/kyverno.io/v1/clusterpolicies']);
    expect(src.watchedKinds()).toEqual(['ClusterPolicy']);
    expect(src.current().set.classic.map((p) => p.name)).toEqual(['require-team']);
    expect(src.status()).toMatchObject({ ready: true, policyCount: 1, files: [{ file: 'ClusterPolicy/require-team', state: 'ok' }] });

    const swapped = new Promise((r) => src.onChange(r));
    items = [policy('patern', '2')]; // a typo that does not compile
    notify();
    await swapped;
    expect(src.current().set.classic.map((p) => p.name)).toEqual(['require-team']);
    const file = src.status().files[0];
    expect(file).toMatchObject({ state: 'rejected', policies: 1 });
    expect(file?.issues.length).toBeGreaterThan(0);
    await src.stop();
  });
});
