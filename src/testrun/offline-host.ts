/**
 * The host services a Kyverno test runs against, offline: ConfigMaps and API objects from the test's
 * resources, `clusterResources` and `context` file; external service calls from `apiCallResponses`;
 * global context entries from `globalContextEntries`; image metadata from the context file's `images`.
 * Kubernetes API paths are answered like the API server would: a GET of a named object returns it, a
 * collection returns `{apiVersion, kind: List, items}`. The classic engine's async lookups and the
 * synchronous CEL library host (`celHost`) share the same lookups below.
 */
import type { EngineDeps, JsonObject } from '../engine/index.js';
import { searchJmesPath } from '../engine/variables/index.js';
import { resourceToKind, type CelHostLibraries } from '../engine/cel-policies/index.js';

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
  /** The context file's `spec.images`: `{image, ...metadata}` entries. */
  images?: readonly JsonObject[];
}

export type OfflineHost = Pick<EngineDeps, 'getConfigMap' | 'apiCall' | 'serviceCall' | 'globalReference'> & { celHost: CelHostLibraries };

const meta = (o: JsonObject) => (o.metadata ?? {}) as { name?: string; namespace?: string; labels?: Record<string, string> };

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

/** The synchronous lookups both hosts use. */
export function createOfflineLookup(input: OfflineHostInput) {
  const objects = input.objects;
  const kindOf = (apiVersion: string, resource: string) => resourceToKind(resource, apiVersion.includes('/') ? apiVersion.split('/')[0]! : '');
  return {
    /** Objects of `resource`; namespace '' or undefined means every namespace. */
    list(apiVersion: string, resource: string, namespace: string | undefined): JsonObject[] {
      const kind = kindOf(apiVersion, resource);
      return objects.filter((o) => isResourceOf(o, resource, kind) && (!namespace || (meta(o).namespace ?? 'default') === namespace));
    },
    kindOf,
    response(url: string, method: string): ApiCallResponse | undefined {
      return (input.apiCallResponses ?? []).find((r) => r.url === url && (r.method ?? 'GET').toUpperCase() === method.toUpperCase());
    },
    /** An entry's data with its projections added by name, or undefined when there is no such entry. */
    globalEntry(name: string): { found: boolean; value: unknown } {
      const e = (input.globalContextEntries ?? []).find((g) => g.name === name);
      if (!e) return { found: false, value: undefined };
      const base: unknown = e.resources ?? e.data ?? null;
      if (!e.projections?.length) return { found: true, value: base };
      const out: Record<string, unknown> = base !== null && typeof base === 'object' && !Array.isArray(base) ? { ...(base as object) } : {};
      for (const p of e.projections) out[p.name] = searchJmesPath(p.path ?? p.jmesPath ?? '@', base);
      return { found: true, value: out };
    },
    image(ref: string): JsonObject | undefined {
      return (input.images ?? []).find((i) => i.image === ref);
    },
  };
}

export function createOfflineHost(input: OfflineHostInput): OfflineHost {
  const lookup = createOfflineLookup(input);
  return {
    async getConfigMap(namespace, name) {
      return input.objects.find((o) => o.kind === 'ConfigMap' && meta(o).name === name && (meta(o).namespace ?? 'default') === namespace);
    },
    async apiCall(urlPath) {
      const q = parseApiPath(urlPath);
      if (!q) throw new Error(`apiCall ${urlPath}: not a Kubernetes API path`);
      const hits = lookup.list(q.apiVersion, q.resource, q.namespace);
      if (q.name !== undefined) {
        const one = hits.find((o) => meta(o).name === q.name);
        if (!one) throw new Error(`apiCall ${urlPath}: ${q.resource} "${q.name}" not found`);
        return one;
      }
      const kind = lookup.kindOf(q.apiVersion, q.resource);
      return { apiVersion: q.apiVersion, kind: `${kind ?? 'List'}${kind ? 'List' : ''}`, metadata: {}, items: hits };
    },
    async serviceCall(url, method) {
      const hit = lookup.response(url, method);
      if (!hit) throw new Error(`apiCall service ${url}: no mocked response (add it to apiCallResponses)`);
      return hit.response?.body;
    },
    async globalReference(name) {
      const e = lookup.globalEntry(name);
      if (!e.found) throw new Error(`global context entry ${name} is not defined (add it to globalContextEntries)`);
      return e.value;
    },
    celHost: createOfflineCelHost(lookup),
  };
}

/**
 * Kyverno's CEL libraries over the same data, as the Kyverno CLI's fake context provider answers
 * them (pkg/cel/libs/fake_context.go, http_mock.go): http mocks return the whole `response`
 * (`{statusCode, body}`), an unknown global context entry is null, a projection is a key of the entry.
 */
function createOfflineCelHost(lookup: ReturnType<typeof createOfflineLookup>): CelHostLibraries {
  const http = (method: string) => (url: string): unknown => {
    const hit = lookup.response(url, method);
    if (!hit) throw new Error(`no mocked response for ${method} ${url} (add it to apiCallResponses)`);
    return hit.response ?? null;
  };
  return {
    getResource: (apiVersion, resource, namespace, name) =>
      lookup.list(apiVersion, resource, namespace).find((o) => meta(o).name === name),
    listResources: (apiVersion, resource, namespace, labels) =>
      lookup.list(apiVersion, resource, namespace).filter((o) => Object.entries(labels ?? {}).every(([k, v]) => meta(o).labels?.[k] === v)),
    httpGet: http('GET'),
    httpPost: http('POST'),
    globalContext(name, projection) {
      const e = lookup.globalEntry(name);
      if (!e.found || projection === '') return e.value;
      const data = e.value;
      if (data === null || typeof data !== 'object' || Array.isArray(data)) return data;
      if (!(projection in data)) throw new Error(`projection "${projection}" not found in global context entry "${name}"`);
      return (data as Record<string, unknown>)[projection];
    },
    imageMetadata: (ref) => lookup.image(ref),
  };
}
