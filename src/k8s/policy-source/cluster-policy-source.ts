/**
 * Policies from the cluster, with the folder store's shape (PolicyProvider: a compiled snapshot swapped
 * whole, a status listing rejected policies and their issues) so the server takes either. Every watched
 * kind whose API exists is list+watched; any change rebuilds the PolicySet from all documents (bindings
 * and exceptions refer across documents), debounced.
 */
import type { KubernetesObject } from '@kubernetes/client-node';
import { buildPolicySet, type Issue, type PolicySetOptions } from '../../engine/index.js';
import { createSnapshot, type PolicyFileStatus, type PolicyProvider, type PolicySnapshot, type PolicyStoreStatus } from '../../server/policy-store/index.js';
import { listApiResources } from '../client/discovery.js';
import type { KubeClient } from '../client/kube-client.js';
import { resourcePath } from '../client/paths.js';
import { createWatchedCollection, type WatchedCollection } from '../informers/watched-collection.js';
import { POLICY_KINDS, type WatchedKind } from './policy-kinds.js';

export interface ClusterPolicySourceOptions {
  client: KubeClient;
  policySetOptions?: PolicySetOptions;
  kinds?: readonly WatchedKind[];
  debounceMs?: number;
  onSwap?: (snapshot: PolicySnapshot) => void;
  onError?: (err: unknown, what: string) => void;
}

export interface ClusterPolicySource extends PolicyProvider {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Called after each swap; returns an unsubscribe function. */
  onChange(listener: (snapshot: PolicySnapshot) => void): () => void;
  /** The raw documents behind the current snapshot (for webhook rules of CEL kinds). */
  documents(): readonly Record<string, unknown>[];
  /** Kinds found by discovery and watched. */
  watchedKinds(): string[];
}

export function createClusterPolicySource(opts: ClusterPolicySourceOptions): ClusterPolicySource {
  const collections: Array<{ kind: string; apiVersion: string; c: WatchedCollection<KubernetesObject> }> = [];
  const listeners = new Set<(s: PolicySnapshot) => void>();
  let snapshot = createSnapshot(buildPolicySet([]), 0);
  let docs: Record<string, unknown>[] = [];
  let files: PolicyFileStatus[] = [];
  let ready = false;
  let timer: NodeJS.Timeout | undefined;

  function rebuild(): void {
    // List items of built-in kinds come without apiVersion/kind; every watched kind gets them back here.
    docs = collections.flatMap(({ kind, apiVersion, c }) => c.list().map((o) => ({ ...(o as Record<string, unknown>), apiVersion: o.apiVersion ?? apiVersion, kind })));
    const set = buildPolicySet(docs, opts.policySetOptions ?? {});
    const rejected = new Map(set.rejected.map((r) => [`${r.kind}/${r.name}`, r.issues]));
    files = docs.map((d) => {
      const meta = (d.metadata ?? {}) as { name?: string; namespace?: string };
      const issues: Issue[] = rejected.get(`${String(d.kind)}/${meta.name ?? ''}`) ?? [];
      const id = `${String(d.kind)}/${meta.namespace ? `${meta.namespace}/` : ''}${meta.name ?? ''}`;
      return { file: id, state: issues.length ? 'rejected' : 'ok', policies: issues.length ? 0 : 1, issues };
    });
    snapshot = createSnapshot(set, snapshot.generation + 1);
    ready = true;
    opts.onSwap?.(snapshot);
    for (const l of listeners) l(snapshot);
  }

  function schedule(): void {
    clearTimeout(timer);
    timer = setTimeout(() => {
      try {
        rebuild();
      } catch (err) {
        opts.onError?.(err, 'rebuild');
      }
    }, opts.debounceMs ?? 100);
  }

  return {
    async start() {
      for (const k of opts.kinds ?? POLICY_KINDS) {
        const version = await servedVersion(opts.client, k);
        if (!version) continue;
        const path = resourcePath({ group: k.group, version, resource: k.resource });
        const c = createWatchedCollection<KubernetesObject>({ client: opts.client, path, onChange: schedule, onError: (e) => opts.onError?.(e, path) });
        collections.push({ kind: k.kind, apiVersion: `${k.group}/${version}`, c });
      }
      await Promise.all(collections.map(({ c }) => c.start()));
      clearTimeout(timer);
      rebuild();
    },
    async stop() {
      clearTimeout(timer);
      await Promise.all(collections.map(({ c }) => c.stop()));
    },
    current: () => snapshot,
    status: (): PolicyStoreStatus => ({ ready, dir: 'cluster', dirFound: true, policyCount: snapshot.policyCount, generation: snapshot.generation, files }),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    documents: () => docs,
    watchedKinds: () => collections.map((c) => c.kind),
  };
}

async function servedVersion(client: KubeClient, k: WatchedKind): Promise<string | undefined> {
  for (const v of k.versions) {
    const resources = await listApiResources(client, k.group, v);
    if (resources.some((r) => r.name === k.resource)) return v;
  }
  return undefined;
}
