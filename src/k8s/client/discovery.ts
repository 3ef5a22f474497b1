/**
 * Discovery: which resources a group/version serves (GET /apis/<group>/<version>, an APIResourceList),
 * so informers start only for CRDs that exist and unknown kinds map to their plural resource.
 */
import { isNotFound, type KubeClient } from './kube-client.js';

export interface ApiResource {
  group: string;
  version: string;
  name: string;
  kind: string;
  namespaced: boolean;
}

export async function listApiResources(client: KubeClient, group: string, version: string): Promise<ApiResource[]> {
  const path = group === '' ? `/api/${version}` : `/apis/${group}/${version}`;
  try {
    const list = await client.request<{ resources?: Array<{ name: string; kind: string; namespaced: boolean }> }>('GET', path);
    return (list.resources ?? []).map((r) => ({ group, version, name: r.name, kind: r.kind, namespaced: r.namespaced }));
  } catch (err) {
    if (isNotFound(err)) return [];
    throw err;
  }
}

/** Every preferred group/version with its resources (GET /apis): for kinds outside the built-in table. */
export async function discoverAll(client: KubeClient): Promise<ApiResource[]> {
  const groups = await client.request<{ groups?: Array<{ name: string; preferredVersion?: { version: string } }> }>('GET', '/apis');
  const lists = await Promise.all(
    (groups.groups ?? []).map((g) => listApiResources(client, g.name, g.preferredVersion?.version ?? 'v1').catch(() => [])),
  );
  return [...(await listApiResources(client, '', 'v1')), ...lists.flat()].filter((r) => !r.name.includes('/'));
}
