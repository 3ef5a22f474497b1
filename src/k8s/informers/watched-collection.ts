/**
 * A list+watch cache of one resource (client-go's informer, through the client library's ListWatch).
 * ListWatch stops on a watch error; we restart it after a delay (doubling to 30 s), as client-go's
 * reflector backs off. `onChange` is debounced so a burst of events (the initial list) is one change.
 */
import { makeInformer, type KubernetesListObject, type KubernetesObject } from '@kubernetes/client-node';
import type { KubeClient } from '../client/kube-client.js';

export interface WatchedCollectionOptions {
  client: KubeClient;
  /** Collection path, e.g. /apis/kyverno.io/v1/clusterpolicies (all namespaces). */
  path: string;
  onChange?: () => void;
  onError?: (err: unknown) => void;
  debounceMs?: number;
}

export interface WatchedCollection<T extends KubernetesObject> {
  /** Resolves after the first list (synced). */
  start(): Promise<void>;
  stop(): Promise<void>;
  list(): readonly T[];
  get(name: string, namespace?: string): T | undefined;
}

const MAX_BACKOFF_MS = 30_000;

export function createWatchedCollection<T extends KubernetesObject>(opts: WatchedCollectionOptions): WatchedCollection<T> {
  const list = (): Promise<KubernetesListObject<T>> => opts.client.request<KubernetesListObject<T>>('GET', opts.path);
  const informer = makeInformer<T>(opts.client.kubeConfig, opts.path, list);
  let stopped = false;
  let backoff = 500;
  let debounce: NodeJS.Timeout | undefined;
  let restart: NodeJS.Timeout | undefined;
  const changed = (): void => {
    backoff = 500;
    clearTimeout(debounce);
    debounce = setTimeout(() => opts.onChange?.(), opts.debounceMs ?? 50);
  };
  informer.on('add', changed);
  informer.on('update', changed);
  informer.on('delete', changed);
  informer.on('error', (err: unknown) => {
    if (stopped) return; // stop() aborts the watch: not an error
    opts.onError?.(err);
    clearTimeout(restart);
    restart = setTimeout(() => void informer.start().catch((e: unknown) => opts.onError?.(e)), backoff);
    backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
  });
  return {
    async start() {
      await informer.start();
      changed();
    },
    async stop() {
      stopped = true;
      clearTimeout(debounce);
      clearTimeout(restart);
      await informer.stop();
    },
    list: () => informer.list(),
    get: (name, namespace) => informer.get(name, namespace),
  };
}
