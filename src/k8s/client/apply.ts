/**
 * Server-side apply (https://kubernetes.io/docs/reference/using-api/server-side-apply/): we send the full
 * intended object under our field manager; fields we set before and leave out now are removed, and
 * `force` takes over fields another manager (a previous chart install) owns.
 */
import type { KubeClient } from './kube-client.js';
import { resourcePath, splitApiVersion } from './paths.js';

export const FIELD_MANAGER = 'guardrail';

export async function applyObject<T>(client: KubeClient, resource: string, obj: { apiVersion: string; metadata: { name: string; namespace?: string } }, timeoutMs?: number): Promise<T> {
  const gv = splitApiVersion(obj.apiVersion);
  const path = resourcePath({ ...gv, resource }, obj.metadata.namespace, obj.metadata.name);
  return client.request<T>('PATCH', `${path}?fieldManager=${FIELD_MANAGER}&force=true`, {
    body: obj,
    // JSON is YAML: the apply content type takes either.
    contentType: 'application/apply-patch+yaml',
    ...(timeoutMs ? { timeoutMs } : {}),
  });
}
