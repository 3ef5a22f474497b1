/**
 * Cluster mode's object source: everything in the app's namespace that a restore should recreate, read
 * through the API (src/backup/capture's namespace filter decides what is left out). Lists run a few at a
 * time: a namespace can hold dozens of resource types.
 */
import type { ObjectSource } from '../../backup/engine/index.js';
import { isCapturedResource, skipReason, type KubeObject } from '../../backup/capture/index.js';
import { isNotFound, type KubeClient } from '../client/kube-client.js';
import { resourcePath } from '../client/paths.js';
import { namespacedResources, type NamespacedResource } from './api-resources.js';

const PARALLEL = 4;

async function listIn(client: KubeClient, r: NamespacedResource, namespace: string): Promise<KubeObject[]> {
  const apiVersion = r.group ? `${r.group}/${r.version}` : r.version;
  try {
    const list = await client.request<{ items?: KubeObject[] }>('GET', resourcePath(r, namespace));
    // List items carry no apiVersion/kind (https://kubernetes.io/docs/reference/using-api/api-concepts/#collections).
    return (list.items ?? []).map((o) => ({ ...o, apiVersion, kind: r.kind }));
  } catch (err) {
    if (isNotFound(err)) return []; // a CRD removed since discovery
    throw err;
  }
}

export async function namespaceObjects(client: KubeClient, namespace: string): Promise<KubeObject[]> {
  const resources = (await namespacedResources(client)).filter((r) => isCapturedResource(r.group, r.resource));
  const out: KubeObject[] = [];
  for (let i = 0; i < resources.length; i += PARALLEL) {
    const lists = await Promise.all(resources.slice(i, i + PARALLEL).map((r) => listIn(client, r, namespace)));
    out.push(...lists.flat().filter((o) => skipReason(o) === undefined));
  }
  return out;
}

export function createNamespaceObjectSource(client: KubeClient): ObjectSource {
  return { objectsOf: (app) => namespaceObjects(client, app.namespace) };
}
