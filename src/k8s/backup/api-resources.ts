/**
 * Discovery for capture and restore: every namespaced resource the API server lists (verbs include list
 * and create; subresources left out), preferred version per group (GET /api/v1, /apis). The restore maps
 * each captured object's apiVersion + kind back to its resource through the same answer.
 */
import type { KubeClient } from '../client/kube-client.js';
import { splitApiVersion } from '../client/paths.js';

export interface NamespacedResource {
  readonly group: string;
  readonly version: string;
  readonly resource: string;
  readonly kind: string;
}

interface ResourceList {
  resources?: { name: string; kind: string; namespaced: boolean; verbs?: string[] }[];
}

async function listOf(client: KubeClient, group: string, version: string): Promise<NamespacedResource[]> {
  const path = group ? `/apis/${group}/${version}` : `/api/${version}`;
  const list = await client.request<ResourceList>('GET', path).catch((): ResourceList => ({}));
  return (list.resources ?? [])
    .filter((r) => r.namespaced && !r.name.includes('/') && (r.verbs ?? []).includes('list') && (r.verbs ?? []).includes('create'))
    .map((r) => ({ group, version, resource: r.name, kind: r.kind }));
}

export async function namespacedResources(client: KubeClient): Promise<NamespacedResource[]> {
  const groups = await client.request<{ groups?: { name: string; preferredVersion?: { version: string } }[] }>('GET', '/apis');
  const lists = await Promise.all([listOf(client, '', 'v1'), ...(groups.groups ?? []).map((g) => listOf(client, g.name, g.preferredVersion?.version ?? 'v1'))]);
  return lists.flat();
}

/** The resource of an object (any served version of its group answers, as the preferred one is listed). */
export function resourceOf(all: readonly NamespacedResource[], apiVersion: string, kind: string): NamespacedResource | undefined {
  const gv = splitApiVersion(apiVersion);
  const found = all.find((r) => r.group === gv.group && r.kind === kind);
  return found ? { ...found, version: gv.version } : undefined;
}
