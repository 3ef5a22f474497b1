/**
 * The host services a Kyverno test runs against, offline: ConfigMaps and API objects from the test's
 * resources, `clusterResources` and `context` file; external service calls from `apiCallResponses`;
 * global context entries from `globalContextEntries`. Kubernetes API paths are answered like the API
 * server would: a GET of a named object returns it, a collection returns `{apiVersion, kind: List, items}`.
 */
import type { EngineDeps, JsonObject } from '../engine/index.js';
import { searchJmesPath } from '../engine/variables/index.js';
import { resourceToKind } from '../engine/cel-policies/index.js';

interface ApiCallResponse {
  url: string;
  method?: string;
  response?: { body?: unknown; statusCode?: number };
}

interface GlobalContextEntry {
  name: string;
  data?: unknown;
  resources?: unknown[];
  projections?: Array<{ name: string; path?: string; jmesPath?: string }>;
}

export interface OfflineHostInput {
  objects: readonly JsonObject[];
  apiCallResponses?: readonly ApiCallResponse[];
  globalContextEntries?: readonly GlobalContextEntry[];
}

const meta = (o: JsonObject) => (o.metadata ?? {}) as { name?: string; namespace?: string };

/** Parses `/api/v1/...` and `/apis/<group>/<version>/...` into a query over the known objects. */
function parseApiPath(urlPath: string): { apiVersion: string; namespace?: string; resource: string; name?: string } | undefined {
  const parts = urlPath.split('?')[0]!.split('/').filter(Boolean);
  let apiVersion: string;
  let rest: string[];
  if (parts[0] === 'api' && parts.length >= 3) {
    apiVersion = parts[1]!;
    rest = parts.slice(2);
  } else if (parts[0] === 'apis' && parts.length >= 4) {
    apiVersion = `${parts[1]}/${parts[2]}`;
    rest = parts.slice(3);
  } else return undefined;
  let namespace: string | undefined;
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    namespace = rest[1];
    rest = rest.slice(2);
  } else if (rest[0] === 'namespaces' && rest.length === 2) {
    return { apiVersion, resource: 'namespaces', name: rest[1]! };
  }
  const resource = rest[0];
  if (!resource) return undefined;
  return { apiVersion, resource, ...(namespace ? { namespace } : {}), ...(rest[1] ? { name: rest[1] } : {}) };
}

/** Built-in kinds by table; CRDs by their English plural (policies -> Policy). */
function isResourceOf(o: JsonObject, resource: string, kind: string | undefined): boolean {
  const k = String(o.kind ?? '');
  if (kind) return k === kind;
  const lower = k.toLowerCase();
  return resource === `${lower}s` || resource === `${lower}es` || (lower.endsWith('y') && resource === `${lower.slice(0, -1)}ies`);
}

export function createOfflineHost(input: OfflineHostInput): Pick<EngineDeps, 'getConfigMap' | 'apiCall' | 'serviceCall' | 'globalReference'> {
  const objects = input.objects;
  return {
    async getConfigMap(namespace, name) {
      return objects.find((o) => o.kind === 'ConfigMap' && meta(o).name === name && (meta(o).namespace ?? 'default') === namespace);
    },
    async apiCall(urlPath) {
      const q = parseApiPath(urlPath);
      if (!q) throw new Error(`apiCall ${urlPath}: not a Kubernetes API path`);
      const group = q.apiVersion.includes('/') ? q.apiVersion.split('/')[0]! : '';
      const kind = resourceToKind(q.resource, group);
      const hits = objects.filter(
        (o) => isResourceOf(o, q.resource, kind) && (!q.namespace || (meta(o).namespace ?? 'default') === q.namespace),
      );
      if (q.name !== undefined) {
        const one = hits.find((o) => meta(o).name === q.name);
        if (!one) throw new Error(`apiCall ${urlPath}: ${q.resource} "${q.name}" not found`);
        return one;
      }
      return { apiVersion: q.apiVersion, kind: `${kind ?? 'List'}${kind ? 'List' : ''}`, metadata: {}, items: hits };
    },
    async serviceCall(url, method) {
      const hit = (input.apiCallResponses ?? []).find((r) => r.url === url && (r.method ?? 'GET').toUpperCase() === method.toUpperCase());
      if (!hit) throw new Error(`apiCall service ${url}: no mocked response (add it to apiCallResponses)`);
      return hit.response?.body;
    },
    async globalReference(name) {
      const e = (input.globalContextEntries ?? []).find((g) => g.name === name);
      if (!e) throw new Error(`global context entry ${name} is not defined (add it to globalContextEntries)`);
      const base: unknown = e.resources ?? e.data ?? null;
      if (!e.projections?.length) return base;
      const out: Record<string, unknown> = base !== null && typeof base === 'object' && !Array.isArray(base) ? { ...(base as object) } : {};
      for (const p of e.projections) out[p.name] = searchJmesPath(p.path ?? p.jmesPath ?? '@', base);
      return out;
    },
  };
}
