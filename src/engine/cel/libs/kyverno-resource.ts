import { callHost, fromCel, KyvernoContext, stringRecord } from './kyverno-host.js';
import { evalError } from './eval-error.js';
import type { CelLibrary } from './types.js';

/**
 * kyverno pkg/cel/libs/resource (the `resource` identifier of ValidatingPolicy/MutatingPolicy):
 * Get(apiVersion, resource, namespace, name), List(apiVersion, resource, namespace[, labels]),
 * Post(apiVersion, resource, [namespace,] data). Lowercase spellings are accepted too (the Kyverno CLI
 * test suite uses `resource.get`). A Get of a missing object is an error, as with the API server.
 */
export class ResourceContext extends KyvernoContext {}

function get(ctx: ResourceContext, apiVersion: string, resource: string, namespace: string, name: string): unknown {
  const found = callHost(ctx, 'getResource', 'resource', apiVersion, resource, namespace, name);
  if (found === null) {
    const where = namespace === '' ? '' : ` in namespace "${namespace}"`;
    throw evalError('kyverno_resource_not_found', `failed to get resource: ${resource} "${name}" not found${where}`);
  }
  return found;
}

function list(ctx: ResourceContext, apiVersion: string, resource: string, namespace: string, labels?: unknown): unknown {
  const items = callHost(ctx, 'listResources', 'resource', apiVersion, resource, namespace, ...(labels === undefined ? [] : [stringRecord(labels)]));
  // The API server's list shape; `items` is what policies read.
  return { apiVersion, kind: 'List', metadata: {}, items: items ?? [] };
}

const post = (ctx: ResourceContext, apiVersion: string, resource: string, namespace: string, data: unknown): unknown =>
  callHost(ctx, 'postResource', 'resource', apiVersion, resource, namespace, fromCel(data));

export const kyvernoResource = {
  source: 'kyverno pkg/cel/libs/resource',
  provider: 'ours',
  functions: [
    'resource.Get(string, string, string, string): dyn', 'resource.List(string, string, string): dyn',
    'resource.List(string, string, string, map<string, string>): dyn', 'resource.Post(string, string, string, map): dyn',
    'resource.Post(string, string, map): dyn',
  ],
  register(env) {
    env.registerType('ResourceContext', ResourceContext);
    for (const [g, l, p] of [['Get', 'List', 'Post'], ['get', 'list', 'post']] as const) {
      env.registerFunction(`ResourceContext.${g}(string, string, string, string): dyn`, get);
      env.registerFunction(`ResourceContext.${l}(string, string, string): dyn`, (c: ResourceContext, a: string, r: string, n: string) => list(c, a, r, n));
      env.registerFunction(`ResourceContext.${l}(string, string, string, map<string, dyn>): dyn`, list);
      env.registerFunction(`ResourceContext.${p}(string, string, string, map<string, dyn>): dyn`, post);
      env.registerFunction(`ResourceContext.${p}(string, string, map<string, dyn>): dyn`, (c: ResourceContext, a: string, r: string, d: unknown) => post(c, a, r, '', d));
    }
  },
} as const satisfies CelLibrary;
