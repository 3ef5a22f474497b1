/**
 * Policies from the cluster, with the folder store's shape (PolicyProvider: a compiled snapshot swapped
 * whole, a status listing rejected policies and their issues) so the server takes either. Every watched
 * kind whose API exists is list+watched; any change rebuilds the PolicySet from all documents (bindings
 * and exceptions refer across documents), debounced.
 */
import type { KubernetesObject } from '@kubernetes/client-node';
import { buildPolicySet, type Issue, type PolicySet, type PolicySetOptions } from '../../engine/index.js';
import { validatePolicy } from '../../policy/index.js';
import { createSnapshot, type PolicyFileStatus, type PolicyProvider, type PolicySnapshot, type PolicyStoreStatus } from '../../server/policy-store/index.js';
import { listApiResources } from '../client/discovery.js';
import type { KubeClient } from '../client/kube-client.js';
import { resourcePath } from '../client/paths.js';
import { createWatchedCollection, type WatchedCollection } from '../informers/watched-collection.js';
import { admissionSetOf } from './enforcement.js';
import { POLICY_KINDS, type WatchedKind } from './policy-kinds.js';

export interface ClusterPolicySourceOptions {
  client: KubeClient;
  policySetOptions?: PolicySetOptions;
  kinds?: readonly WatchedKind[];
  debounceMs?: number;
  onSwap?: (snapshot: PolicySnapshot) => void;
  onError?: (err: unknown, what: string) => void;
  /** Tests inject collections; by default each kind is list+watched. */
  createCollection?: (path: string, onChange: () => void) => WatchedCollection<KubernetesObject>;
}

export interface ClusterPolicySource extends PolicyProvider {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Called after each swap; returns an unsubscribe function. */
  onChange(listener: (snapshot: PolicySnapshot) => void): () => void;
  /**
   * Every compiled policy, including the kinds the API server enforces itself (ValidatingAdmissionPolicy):
   * for background scans and reports. `current()` is the admission view without them (enforcement.ts).
   */
  scanSet(): PolicySet;
  /** The raw documents behind the current snapshot (for webhook rules of CEL kinds). */
  documents(): readonly Record<string, unknown>[];
  /** Kinds found by discovery and watched. */
  watchedKinds(): string[];
}

export function createClusterPolicySource(opts: ClusterPolicySourceOptions): ClusterPolicySource {
  const collections: Array<{ kind: string; apiVersion: string; c: WatchedCollection<KubernetesObject> }> = [];
  const listeners = new Set<(s: PolicySnapshot) => void>();
  let full = buildPolicySet([]);
  let snapshot = createSnapshot(full, 0);
  let docs: Record<string, unknown>[] = [];
  let files: PolicyFileStatus[] = [];
  let ready = false;
  const lastGood = new Map<string, Record<string, unknown>>();
  let timer: NodeJS.Timeout | undefined;

  function rebuild(): void {
    // List items of built-in kinds come without apiVersion/kind; every watched kind gets them back here.
    const stored = collections.flatMap(({ kind, apiVersion, c }) => c.list().map((o) => asPolicyDocument(o, apiVersion, kind)));
    // The same checks as a policy file (schema, semantics), then compilation: either rejects a policy.
    const invalid = new Map<string, Issue[]>();
    for (const d of stored) {
      const issues = validatePolicy(d).filter((i) => (i.severity ?? 'error') === 'error' && i.code !== 'NOT_A_POLICY');
      if (issues.length) invalid.set(keyOf(d), issues);
    }
    let set = buildPolicySet(stored.filter((d) => !invalid.has(keyOf(d))), opts.policySetOptions ?? {});
    // set.rejected names kind and name only: a compile error marks every namespace's Policy of that name.
    const compileErrors = new Map(set.rejected.map((r) => [`${r.kind}/${r.name}`, r.issues]));
    const rejected = new Map(invalid);
    for (const d of stored) {
      const issues = compileErrors.get(`${String(d.kind)}/${nameOf(d)}`);
      if (issues) rejected.set(keyOf(d), issues);
    }
    // Like the folder store: an edit that does not compile keeps serving that policy's last good version
    // (possible when the policy webhook was down: its failurePolicy is Ignore).
    const present = new Set(stored.map(keyOf));
    for (const k of [...lastGood.keys()]) if (!present.has(k)) lastGood.delete(k);
    docs = stored.map((d) => (rejected.has(keyOf(d)) ? (lastGood.get(keyOf(d)) ?? d) : d));
    if (rejected.size) set = buildPolicySet(docs.filter((d) => !rejected.has(keyOf(d)) || lastGood.get(keyOf(d)) === d), opts.policySetOptions ?? {});
    for (const d of stored) if (!rejected.has(keyOf(d))) lastGood.set(keyOf(d), d);
    files = stored.map((d) => {
      const issues: Issue[] = rejected.get(keyOf(d)) ?? [];
      const serving = issues.length === 0 || lastGood.has(keyOf(d));
      return { file: keyOf(d), state: issues.length ? 'rejected' : 'ok', policies: serving ? 1 : 0, issues };
    });
    full = set;
    snapshot = createSnapshot(admissionSetOf(set), snapshot.generation + 1);
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
        const c = opts.createCollection
          ? opts.createCollection(path, schedule)
          : createWatchedCollection<KubernetesObject>({ client: opts.client, path, onChange: schedule, onError: (e) => opts.onError?.(e, path) });
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
    scanSet: () => full,
    documents: () => docs,
    watchedKinds: () => collections.map((c) => c.kind),
  };
}

/**
 * A watched object as a policy document: apiVersion/kind restored (list items of built-in kinds lack
 * them), metadata trimmed to what policies use (no managedFields, uid, resourceVersion), status dropped.
 */
function asPolicyDocument(o: KubernetesObject, apiVersion: string, kind: string): Record<string, unknown> {
  const { status: _status, metadata, ...rest } = o as KubernetesObject & { status?: unknown };
  const m = metadata ?? {};
  const meta = { name: m.name, ...(m.namespace ? { namespace: m.namespace } : {}), ...(m.labels ? { labels: m.labels } : {}), ...(m.annotations ? { annotations: m.annotations } : {}) };
  return { ...rest, apiVersion: o.apiVersion ?? apiVersion, kind, metadata: meta };
}

function nameOf(d: Record<string, unknown>): string {
  return String((d.metadata as { name?: string } | undefined)?.name ?? '');
}

function keyOf(d: Record<string, unknown>): string {
  const ns = (d.metadata as { namespace?: string } | undefined)?.namespace;
  return `${String(d.kind)}/${ns ? `${ns}/` : ''}${nameOf(d)}`;
}

async function servedVersion(client: KubeClient, k: WatchedKind): Promise<string | undefined> {
  for (const v of k.versions) {
    const resources = await listApiResources(client, k.group, v);
    if (resources.some((r) => r.name === k.resource)) return v;
  }
  return undefined;
}
