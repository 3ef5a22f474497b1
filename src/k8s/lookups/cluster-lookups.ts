/**
 * EngineDeps lookups answered from the cluster: `context.configMap`, `context.apiCall.urlPath` (GET/POST)
 * and `context.globalReference` (kyverno.io/v2alpha1 GlobalContextEntry: its kubernetesResource or
 * apiCall, resolved here by reading the entry and performing what it names).
 * Kyverno: ConfigMaps come from an informer cache and apiCall hits the API server on every request;
 * GlobalContextEntries are watched/refreshed in the background. Guardrail caches every lookup for
 * `ttlMs` (30 s) and bounds each call to `timeoutMs` (2 s), so a slow API server cannot eat the
 * webhook's 10 s budget; a failed call is not cached and surfaces as the rule's error.
 */
import type { EngineDeps, JsonObject } from '../../engine/index.js';
import { isNotFound, type KubeClient } from '../client/kube-client.js';
import { resourcePath } from '../client/paths.js';
import { createTtlCache } from './ttl-cache.js';

export interface ClusterLookupOptions {
  client: KubeClient;
  ttlMs?: number;
  timeoutMs?: number;
  now?: () => number;
}

export type ClusterLookups = Required<Pick<EngineDeps, 'getConfigMap' | 'apiCall' | 'globalReference'>>;

export const LOOKUP_TTL_MS = 30_000;
export const LOOKUP_TIMEOUT_MS = 2_000;

export function createClusterLookups(opts: ClusterLookupOptions): ClusterLookups {
  const timeoutMs = opts.timeoutMs ?? LOOKUP_TIMEOUT_MS;
  const cache = createTtlCache<unknown>({ ttlMs: opts.ttlMs ?? LOOKUP_TTL_MS, ...(opts.now ? { now: opts.now } : {}) });
  const get = (path: string): Promise<unknown> => opts.client.request('GET', path, { timeoutMs });
  const apiCall = (urlPath: string, method: 'GET' | 'POST', data?: unknown): Promise<unknown> => {
    // POST bodies (SubjectAccessReview...) are answers to a question, not cacheable reads.
    if (method === 'POST') return opts.client.request('POST', urlPath, { body: data ?? {}, timeoutMs });
    return cache.get(`GET ${urlPath}`, () => get(urlPath));
  };
  return {
    getConfigMap: (namespace, name) =>
      cache.get(`cm ${namespace}/${name}`, async () => {
        try {
          return (await get(resourcePath({ group: '', version: 'v1', resource: 'configmaps' }, namespace, name))) as JsonObject;
        } catch (err) {
          if (isNotFound(err)) return undefined;
          throw err;
        }
      }) as Promise<JsonObject | undefined>,
    apiCall,
    globalReference: (name) =>
      cache.get(`gctx ${name}`, async () => {
        const entry = (await get(`/apis/kyverno.io/v2alpha1/globalcontextentries/${encodeURIComponent(name)}`)) as { spec?: GlobalContextSpec };
        return resolveEntry(entry.spec ?? {}, apiCall, get);
      }),
  };
}

interface GlobalContextSpec {
  kubernetesResource?: { group?: string; version: string; resource: string; namespace?: string };
  apiCall?: { urlPath?: string; method?: 'GET' | 'POST'; data?: Array<{ key: string; value: unknown }> };
}

async function resolveEntry(spec: GlobalContextSpec, apiCall: ClusterLookups['apiCall'], get: (p: string) => Promise<unknown>): Promise<unknown> {
  const k = spec.kubernetesResource;
  if (k) {
    // Kyverno exposes a kubernetesResource entry as the list of its objects.
    const list = (await get(resourcePath({ group: k.group ?? '', version: k.version, resource: k.resource }, k.namespace))) as { items?: unknown[] };
    return list.items ?? [];
  }
  const a = spec.apiCall;
  if (a?.urlPath) {
    const data = a.data ? Object.fromEntries(a.data.map((d) => [d.key, d.value])) : undefined;
    return apiCall(a.urlPath, a.method ?? 'GET', data);
  }
  throw new Error('GlobalContextEntry has neither kubernetesResource nor apiCall.urlPath');
}
