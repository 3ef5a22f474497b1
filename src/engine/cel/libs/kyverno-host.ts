import { fromCel, toCel } from '../convert.js';
import { evalError } from './eval-error.js';

/**
 * The lookups behind Kyverno's CEL libraries (kyverno pkg/cel/libs: resource, http, globalcontext,
 * imagedata). CEL evaluation is synchronous, so the host answers synchronously: the CLI from the
 * test's files, the webhook from informer caches. A missing member means the host cannot answer
 * (no cluster connection); the call then fails with a CEL_EVAL error that says so.
 */
export interface CelHostLibraries {
  /** One object, or undefined when it does not exist. `namespace` is '' for cluster-scoped objects. */
  getResource?(apiVersion: string, resource: string, namespace: string, name: string): unknown;
  /** Objects of a resource; namespace '' means all namespaces; `labels` must all match. */
  listResources?(apiVersion: string, resource: string, namespace: string, labels?: Record<string, string>): unknown[];
  /** Creates an object (e.g. a SubjectAccessReview) and returns the server's answer. */
  postResource?(apiVersion: string, resource: string, namespace: string, body: unknown): unknown;
  httpGet?(url: string, headers: Record<string, string>): unknown;
  httpPost?(url: string, body: unknown, headers: Record<string, string>): unknown;
  /** A GlobalContextEntry's data, or one projection of it ('' = the whole entry); undefined when unknown. */
  globalContext?(name: string, projection: string): unknown;
  /** Image metadata (config, manifest, ...) for an image reference. */
  imageMetadata?(ref: string): unknown;
}

export type CelHostMethod = keyof CelHostLibraries;

/** The activation value of one Kyverno library identifier: it carries the host, or nothing. */
export class KyvernoContext {
  constructor(readonly host: CelHostLibraries | undefined) {}
}

/** Calls one host method; no host or no method is a runtime error naming the library. */
export function callHost<M extends CelHostMethod>(
  ctx: KyvernoContext,
  method: M,
  library: string,
  ...args: Parameters<NonNullable<CelHostLibraries[M]>>
): unknown {
  const fn = ctx.host?.[method] as ((...a: unknown[]) => unknown) | undefined;
  if (fn === undefined) throw evalError('kyverno_library_unavailable', `${library} library needs a cluster connection`);
  let value: unknown;
  try {
    value = fn.apply(ctx.host, args);
  } catch (error) {
    throw evalError('kyverno_library_failed', `${library}: ${(error as Error).message ?? String(error)}`);
  }
  return toCel(value === undefined ? null : value);
}

/** A CEL map argument (headers, labels) as a plain string record. */
export function stringRecord(value: unknown): Record<string, string> {
  const plain = fromCel(value);
  const out: Record<string, string> = {};
  if (plain !== null && typeof plain === 'object') for (const [k, v] of Object.entries(plain)) out[k] = String(v);
  return out;
}

export { fromCel };
