/**
 * Cluster mode's app registry: the workloads the mutating webhook bound, read back from the cluster. The
 * binding annotation on the Deployment/StatefulSet is the registration, so every replica, a restarted
 * pod and the CLI see the same apps without a state file; register() has nothing to store.
 */
import { ANNOTATIONS, LABELS } from '../../backup/api/index.js';
import { appId, type AppRegistry, type RegisteredApp } from '../../backup/engine/index.js';
import type { KubeObject } from '../../backup/capture/index.js';
import type { KubeClient } from '../client/kube-client.js';

const KINDS = [
  { kind: 'Deployment', path: '/apis/apps/v1/deployments' },
  { kind: 'StatefulSet', path: '/apis/apps/v1/statefulsets' },
] as const;

/** Only production workloads are bound (src/backup/admission/protected.ts); the label narrows the LIST. */
const SELECTOR = `?labelSelector=${encodeURIComponent(`${LABELS.purpose}=production`)}`;

export function boundApp(o: KubeObject): RegisteredApp | undefined {
  const policy = o.metadata.annotations?.[ANNOTATIONS.policy];
  if (!policy) return undefined;
  return { namespace: o.metadata.namespace ?? 'default', name: o.metadata.name, kind: o.kind, policy, admittedAt: o.metadata.annotations?.[ANNOTATIONS.boundAt] ?? '', manifest: o };
}

export function createWorkloadRegistry(client: KubeClient): AppRegistry {
  const list = async (): Promise<RegisteredApp[]> => {
    const lists = await Promise.all(
      KINDS.map(async (k) => ((await client.request<{ items?: KubeObject[] }>('GET', `${k.path}${SELECTOR}`)).items ?? []).map((o) => ({ ...o, apiVersion: 'apps/v1', kind: k.kind }))),
    );
    return lists
      .flat()
      .flatMap((o) => boundApp(o) ?? [])
      .sort((a, b) => appId(a).localeCompare(appId(b)));
  };
  return {
    list,
    get: async (id) => (await list()).find((a) => appId(a) === id),
    register: async () => undefined,
    remove: async () => false,
  };
}
