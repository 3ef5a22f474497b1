/**
 * Namespace labels for namespaceSelector: a watched cache of Namespaces (the API server does not send
 * them in the AdmissionReview) and the pure step that puts them on the engine's input.
 */
import type { KubernetesObject } from '@kubernetes/client-node';
import type { AdmissionInput } from '../../engine/index.js';
import type { KubeClient } from '../client/kube-client.js';
import { createWatchedCollection } from '../informers/watched-collection.js';

export type NamespaceLabelLookup = (namespace: string) => Record<string, string> | undefined;

export interface NamespaceLabels {
  start(): Promise<void>;
  stop(): Promise<void>;
  labelsOf: NamespaceLabelLookup;
}

export function createNamespaceLabels(client: KubeClient, onError?: (err: unknown) => void): NamespaceLabels {
  const c = createWatchedCollection<KubernetesObject>({ client, path: '/api/v1/namespaces', ...(onError ? { onError } : {}) });
  return {
    start: () => c.start(),
    stop: () => c.stop(),
    labelsOf: (ns) => {
      const o = c.get(ns);
      return o ? { ...(o.metadata?.labels ?? {}) } : undefined;
    },
  };
}

/**
 * The input with `namespaceLabels` of its namespace. A Namespace object is matched on its own labels
 * (the admission namespaceSelector rule for Namespace objects); an unknown namespace (created a moment
 * ago, cache not caught up) gets the label the API server always sets, kubernetes.io/metadata.name.
 */
export function withNamespaceLabels(input: AdmissionInput, lookup: NamespaceLabelLookup): AdmissionInput {
  if (input.namespaceLabels) return input;
  if (input.kind.kind === 'Namespace' && input.kind.group === '') {
    const own = ((input.object ?? input.oldObject)?.metadata as { labels?: Record<string, string> } | undefined)?.labels;
    return own ? { ...input, namespaceLabels: own } : input;
  }
  const ns = input.namespace;
  if (!ns) return input;
  return { ...input, namespaceLabels: lookup(ns) ?? { 'kubernetes.io/metadata.name': ns } };
}
