/**
 * Kyverno's library identifiers (resource, http, globalContext, image) in a ValidatingPolicy's
 * activation, backed by the host's synchronous lookups (CelHostLibraries). Handles are cached per host
 * so a request evaluated against many policies builds them once.
 */
import { createKyvernoHandles, type CelHostLibraries } from '../cel/index.js';
import type { CelPolicyContext } from './context.js';

const byHost = new WeakMap<CelHostLibraries, Record<string, unknown>>();
const offline = createKyvernoHandles(undefined);

function handlesFor(host: CelHostLibraries | undefined): Record<string, unknown> {
  if (host === undefined) return offline;
  let handles = byHost.get(host);
  if (handles === undefined) {
    handles = createKyvernoHandles(host);
    byHost.set(host, handles);
  }
  return handles;
}

/** The library handles for one evaluation; explicit `ctx.libraries` entries win. */
export function kyvernoLibraries(ctx: CelPolicyContext): Record<string, unknown> {
  const handles = handlesFor(ctx.host);
  return ctx.libraries ? { ...handles, ...ctx.libraries } : handles;
}

/**
 * The `namespaceObject` of a namespaced request: the caller's, else the host's Namespace object (the
 * API server reads it from its namespace lister), else undefined (activation builds a minimal one).
 */
export function namespaceObjectFrom(ctx: CelPolicyContext, namespace: string): unknown {
  if (ctx.namespaceObject !== undefined || namespace === '' || ctx.host?.getResource === undefined) return ctx.namespaceObject;
  try {
    return ctx.host.getResource('v1', 'namespaces', '', namespace) ?? undefined;
  } catch {
    // A failing lookup leaves the minimal Namespace, as with no host at all.
    return undefined;
  }
}

export type { CelHostLibraries };
