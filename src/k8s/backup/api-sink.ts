/**
 * Restore into the cluster: objects created through the API in restore order (src/backup/restore-app),
 * the target namespace first. An object that exists is skipped, or with `existing: update` taken over by
 * server-side apply under Guardrail's field manager (https://kubernetes.io/docs/reference/using-api/server-side-apply/).
 */
import type { ObjectSink } from '../../backup/restore-app/index.js';
import { applyObject } from '../client/apply.js';
import { isConflict, KubeApiError, type KubeClient } from '../client/kube-client.js';
import { resourcePath } from '../client/paths.js';
import { namespacedResources, resourceOf, type NamespacedResource } from './api-resources.js';

const message = (err: unknown): string => (err instanceof KubeApiError ? err.message.replace(/^\w+ \S+: /, '') : err instanceof Error ? err.message : String(err));

export function createApiSink(client: KubeClient): ObjectSink {
  let resources: Promise<NamespacedResource[]> | undefined;
  return {
    async prepare(namespace) {
      const body = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } };
      await client.request('POST', '/api/v1/namespaces', { body }).catch((err: unknown) => {
        if (!isConflict(err)) throw err;
      });
    },
    async put(obj, _index, existing) {
      resources ??= namespacedResources(client);
      const r = resourceOf(await resources, obj.apiVersion, obj.kind);
      if (!r) return { outcome: 'Failed', message: `${obj.apiVersion} ${obj.kind} is not served by this cluster` };
      const ns = obj.metadata.namespace ?? 'default';
      try {
        await client.request('POST', resourcePath(r, ns), { body: obj });
        return { outcome: 'Succeeded' };
      } catch (err) {
        if (!isConflict(err)) return { outcome: 'Failed', message: message(err) };
      }
      if (existing === 'skip') return { outcome: 'Skipped', message: 'exists (existing: skip)' };
      try {
        await applyObject(client, r.resource, obj);
        return { outcome: 'Succeeded', message: 'updated (existing: update)' };
      } catch (err) {
        return { outcome: 'Failed', message: message(err) };
      }
    },
  };
}
