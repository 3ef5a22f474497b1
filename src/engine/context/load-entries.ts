/**
 * Loads a rule's `context` entries into the variable document, in order (later entries may use earlier
 * ones), as Kyverno's context loaders do: `variable` (value with variables, jmesPath, default),
 * `configMap`, `apiCall` (Kubernetes API or service) and `globalReference` through injected lookups.
 * Values from a CLI values file win over an entry of the same name (Kyverno CLI semantics).
 */
import { searchJmesPath, substituteVariables } from '../variables/index.js';
import type { ContextEntry, JsonObject } from '../policy-types.js';
import type { MaybePromise } from '../maybe-promise.js';
import type { EngineDeps } from '../request.js';

export class ContextLoadError extends Error {
  constructor(
    readonly entry: string,
    message: string,
  ) {
    super(message);
  }
}

export async function loadContextEntries(
  entries: readonly ContextEntry[] | undefined,
  data: JsonObject,
  deps: EngineDeps,
  overrides: Record<string, unknown>,
): Promise<JsonObject> {
  return loadContextEntriesNow(entries, data, deps, overrides);
}

/**
 * loadContextEntries, synchronous while every entry is (`variable` entries, values from the CLI): only
 * an entry that waits on a lookup (configMap, apiCall, globalReference, imageRegistry) makes the rest a
 * promise. A `variable` context is common in Kyverno policies, and an awaited one made every such rule,
 * and so the whole admission, asynchronous. Throws (ContextLoadError and variable errors) synchronously
 * while synchronous; callers treat a throw and a rejection alike.
 */
export function loadContextEntriesNow(
  entries: readonly ContextEntry[] | undefined,
  data: JsonObject,
  deps: EngineDeps,
  overrides: Record<string, unknown>,
): MaybePromise<JsonObject> {
  if (!entries || entries.length === 0) return data;
  return loadFrom(entries, 0, data, deps, overrides, { now: () => deps.now() });
}

function loadFrom(
  entries: readonly ContextEntry[],
  start: number,
  data: JsonObject,
  deps: EngineDeps,
  overrides: Record<string, unknown>,
  env: { now(): Date },
): MaybePromise<JsonObject> {
  let doc = data;
  for (let i = start; i < entries.length; i++) {
    const entry = entries[i] as ContextEntry;
    if (Object.prototype.hasOwnProperty.call(overrides, entry.name)) {
      doc = withEntry(doc, entry.name, overrides[entry.name]);
      continue;
    }
    // Values that set fields inside the entry (`name.data.key`) were applied to the document already.
    if (Object.keys(overrides).some((k) => k.startsWith(`${entry.name}.`))) continue;
    // Without registry access Kyverno's CLI leaves imageRegistry entries to values (mock loader).
    if (entry.imageRegistry && !deps.imageRegistry) continue;
    if (entry.variable) {
      doc = withEntry(doc, entry.name, loadVariable(entry, doc, env));
      continue;
    }
    const before = doc;
    return loadEntry(entry, before, deps, env).then((value) => loadFrom(entries, i + 1, withEntry(before, entry.name, value), deps, overrides, env));
  }
  return doc;
}

/** A copy of the document with one entry set (Object.assign: a spread with a new key is slow on Node 20). */
function withEntry(doc: JsonObject, name: string, value: unknown): JsonObject {
  const next: JsonObject = Object.assign({}, doc);
  // defineProperty, as the spread did: an entry named `__proto__` stays a plain key, never the prototype.
  Object.defineProperty(next, name, { value, enumerable: true, writable: true, configurable: true });
  return next;
}

async function loadEntry(entry: ContextEntry, doc: JsonObject, deps: EngineDeps, env: { now(): Date }): Promise<unknown> {
  if (entry.variable) return loadVariable(entry, doc, env);
  if (entry.configMap) {
    const cm = entry.configMap;
    const name = String(substituteVariables(cm.name, doc, { env }));
    const namespace = String(substituteVariables(cm.namespace ?? 'default', doc, { env }));
    const found = deps.getConfigMap ? await deps.getConfigMap(namespace, name) : undefined;
    if (found === undefined) {
      throw new ContextLoadError(entry.name, `failed to get configmap ${namespace}/${name}: configmap not found`);
    }
    return found;
  }
  if (entry.apiCall) return loadApiCall(entry, doc, deps, env);
  if (entry.globalReference) {
    if (!deps.globalReference) throw new ContextLoadError(entry.name, `global context entry ${entry.globalReference.name} is not available`);
    const raw = await deps.globalReference(entry.globalReference.name);
    return entry.globalReference.jmesPath ? searchJmesPath(entry.globalReference.jmesPath, raw, env) : raw;
  }
  if (entry.imageRegistry && deps.imageRegistry) {
    const ref = String(substituteVariables(entry.imageRegistry.reference, doc, { env }));
    const raw = await deps.imageRegistry(ref);
    return entry.imageRegistry.jmesPath ? searchJmesPath(entry.imageRegistry.jmesPath, raw, env) : raw;
  }
  throw new ContextLoadError(entry.name, `context entry ${entry.name} has no known source`);
}

function loadVariable(entry: ContextEntry, doc: JsonObject, env: { now(): Date }): unknown {
  const v = entry.variable ?? {};
  let value: unknown;
  try {
    if (v.value !== undefined) {
      value = substituteVariables(v.value, doc, { env });
      if (v.jmesPath) value = searchJmesPath(substituteVariables(v.jmesPath, doc, { env }) as string, value, env);
    } else if (v.jmesPath) {
      value = searchJmesPath(substituteVariables(v.jmesPath, doc, { env }) as string, doc, env);
    }
  } catch (err) {
    if (v.default === undefined) throw err;
    value = undefined;
  }
  if (value === undefined || value === null) {
    if (v.default !== undefined) return substituteVariables(v.default, doc, { env });
    if (v.value === undefined) {
      throw new ContextLoadError(entry.name, `failed to add context entry ${entry.name}: JMESPath ${v.jmesPath ?? ''} returned no value and no default is set`);
    }
  }
  return value;
}

async function loadApiCall(entry: ContextEntry, doc: JsonObject, deps: EngineDeps, env: { now(): Date }): Promise<unknown> {
  const call = entry.apiCall ?? {};
  const method = call.method ?? 'GET';
  const payload = call.data ? Object.fromEntries(call.data.map((d) => [d.key, substituteVariables(d.value, doc, { env })])) : undefined;
  let raw: unknown;
  try {
    if (call.service) {
      if (!deps.serviceCall) throw new ContextLoadError(entry.name, `apiCall service ${call.service.url} is not reachable offline`);
      raw = await deps.serviceCall(String(substituteVariables(call.service.url, doc, { env })), method, payload);
    } else {
      const urlPath = String(substituteVariables(call.urlPath ?? '', doc, { env }));
      if (!deps.apiCall) throw new ContextLoadError(entry.name, `apiCall ${urlPath} needs a cluster connection`);
      raw = await deps.apiCall(urlPath, method, payload);
    }
  } catch (err) {
    if (call.default !== undefined) return call.default;
    throw err;
  }
  if (!call.jmesPath) return raw;
  const value = searchJmesPath(String(substituteVariables(call.jmesPath, doc, { env })), raw, env);
  if ((value === undefined || value === null) && call.default !== undefined) return call.default;
  return value;
}
