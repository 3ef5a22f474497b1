/**
 * Test support: the restorepoints resource of an API server, in memory (create/get/list/update, the status
 * subresource, delete; 404 and 409 as the API server answers them), behind the fake client's route table.
 */
import { KubeApiError } from '../client/kube-client.js';
import type { FakeRoute } from '../client/fake-client.js';

type Stored = { metadata: { name: string; namespace: string; resourceVersion?: string }; status?: unknown };

export function fakeRestorePointsApi(): FakeRoute {
  const objects = new Map<string, Stored>();
  let rv = 0;
  const re = /^\/apis\/backup\.guardrail\.dev\/v1alpha1(?:\/namespaces\/([^/]+))?\/restorepoints(?:\/([^/]+))?(\/status)?$/;
  return (method, path, opts) => {
    const m = re.exec(path);
    if (!m) return undefined; // other resources (e.g. VolumeSnapshots): 404
    const [, ns, name, status] = m;
    const key = `${ns}/${name}`;
    const body = structuredClone(opts.body) as Stored | undefined;
    const stamp = (o: Stored): Stored => ({ ...o, metadata: { ...o.metadata, resourceVersion: String(++rv) } });
    if (method === 'GET' && !name) return { items: [...objects.values()].filter((o) => !ns || o.metadata.namespace === ns) };
    if (method === 'GET') return objects.get(key);
    if (method === 'POST' && body) {
      const k = `${ns}/${body.metadata.name}`;
      if (objects.has(k)) return new KubeApiError(409, 'AlreadyExists', `${k} exists`);
      const { status: _dropped, ...rest } = body; // the main resource ignores status
      objects.set(k, stamp({ ...rest, metadata: { ...rest.metadata, namespace: ns ?? '' } }));
      return objects.get(k);
    }
    const cur = objects.get(key);
    if (!cur) return undefined;
    if (method === 'PUT' && body) {
      if (body.metadata.resourceVersion !== cur.metadata.resourceVersion) return new KubeApiError(409, 'Conflict', 'stale resourceVersion');
      objects.set(key, stamp(status ? { ...cur, status: body.status } : { ...body, status: cur.status } as Stored));
      return objects.get(key);
    }
    if (method === 'DELETE') return objects.delete(key) ? {} : undefined;
    return undefined;
  };
}
