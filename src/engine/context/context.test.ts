/**
 * Context entries (https://kyverno.io/docs/writing-policies/external-data-sources/): `variable` with
 * value/jmesPath/default, `configMap` through the injected lookup, `apiCall` with jmesPath and default,
 * values-file overrides; the request document (`request.*`, serviceAccountName) and dotted paths.
 */
import { describe, expect, it } from 'vitest';
import type { AdmissionInput, ContextEntry, EngineDeps, JsonObject } from '../index.js';
import { buildRequestData, ContextLoadError, loadContextEntries, loadContextEntriesNow, setDottedPath, splitDottedPath } from './index.js';

const deps: EngineDeps = { now: () => new Date(Date.UTC(2025, 0, 1)) };
const data: JsonObject = { request: { object: { metadata: { name: 'web', labels: { team: 'a' } } }, namespace: 'shop' } };

describe('loadContextEntries: variable', () => {
  it('takes a value with variables substituted (typed, not stringified)', async () => {
    const doc = await loadContextEntries([{ name: 'labels', variable: { value: '{{ request.object.metadata.labels }}' } }], data, deps, {});
    expect(doc.labels).toEqual({ team: 'a' });
  });

  it('applies jmesPath to the value, or to the whole document without a value', async () => {
    const entries: ContextEntry[] = [
      { name: 'n', variable: { value: { a: [1, 2, 3] }, jmesPath: 'length(a)' } },
      { name: 'ns', variable: { jmesPath: 'request.namespace' } },
    ];
    const doc = await loadContextEntries(entries, data, deps, {});
    expect(doc.n).toBe(3);
    expect(doc.ns).toBe('shop');
  });

  it('later entries see earlier ones', async () => {
    const doc = await loadContextEntries(
      [
        { name: 'first', variable: { value: 'x' } },
        { name: 'second', variable: { value: '{{ first }}-y' } },
      ],
      data,
      deps,
      {},
    );
    expect(doc.second).toBe('x-y');
  });

  it('falls back to default when the jmesPath finds nothing, and fails without a default', async () => {
    const withDefault = await loadContextEntries([{ name: 'v', variable: { jmesPath: 'request.object.spec.missing', default: 'fallback' } }], data, deps, {});
    expect(withDefault.v).toBe('fallback');
    await expect(loadContextEntries([{ name: 'v', variable: { jmesPath: 'request.object.spec.missing' } }], data, deps, {})).rejects.toThrow(/spec/);
  });

  it('does not mutate the input document', async () => {
    const before = JSON.stringify(data);
    await loadContextEntries([{ name: 'v', variable: { value: 1 } }], data, deps, {});
    expect(JSON.stringify(data)).toBe(before);
  });

  it('a values-file override of the same name wins over the entry', async () => {
    const doc = await loadContextEntries([{ name: 'v', variable: { value: 'from-policy' } }], data, deps, { v: 'from-values' });
    expect(doc.v).toBe('from-values');
  });
});

describe('loadContextEntries: configMap and apiCall through injected lookups', () => {
  const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'shop' }, data: { allowed: 'a,b' } };

  it('reads a ConfigMap by substituted namespace and name', async () => {
    const seen: string[] = [];
    const withCm: EngineDeps = { ...deps, getConfigMap: async (ns, name) => (seen.push(`${ns}/${name}`), cm) };
    const doc = await loadContextEntries([{ name: 'cfg', configMap: { name: 'cfg', namespace: '{{ request.namespace }}' } }], data, withCm, {});
    expect(seen).toEqual(['shop/cfg']);
    expect((doc.cfg as JsonObject).data).toEqual({ allowed: 'a,b' });
  });

  it('a missing ConfigMap (or no lookup offline) is a load error naming it', async () => {
    const missing = loadContextEntries([{ name: 'cfg', configMap: { name: 'nope', namespace: 'shop' } }], data, deps, {});
    await expect(missing).rejects.toBeInstanceOf(ContextLoadError);
    await expect(missing).rejects.toThrow('shop/nope');
  });

  it('apiCall: jmesPath on the response; default when the call fails', async () => {
    const api: EngineDeps = { ...deps, apiCall: async (path) => ({ path, items: [1, 2] }) };
    const doc = await loadContextEntries([{ name: 'count', apiCall: { urlPath: '/api/v1/namespaces/{{ request.namespace }}/pods', jmesPath: 'length(items)' } }], data, api, {});
    expect(doc.count).toBe(2);
    const failing: EngineDeps = { ...deps, apiCall: async () => { throw new Error('down'); } };
    const fallback = await loadContextEntries([{ name: 'count', apiCall: { urlPath: '/api/v1/pods', default: 0 } }], data, failing, {});
    expect(fallback.count).toBe(0);
  });
});

describe('buildRequestData', () => {
  const input: AdmissionInput = {
    uid: 'u1',
    operation: 'CREATE',
    object: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
    oldObject: null,
    kind: { group: '', version: 'v1', kind: 'Pod' },
    namespace: 'shop',
    name: 'p',
    userInfo: { username: 'system:serviceaccount:ci:deployer' },
  };

  it('exposes request.* and derives serviceAccountName/Namespace from a service-account user', () => {
    const d = buildRequestData(input);
    expect(d.request).toMatchObject({ uid: 'u1', operation: 'CREATE', namespace: 'shop', name: 'p', roles: [], clusterRoles: [], dryRun: false });
    expect(d.serviceAccountName).toBe('deployer');
    expect(d.serviceAccountNamespace).toBe('ci');
  });

  it('serviceAccountName is empty for a plain user', () => {
    expect(buildRequestData({ ...input, userInfo: { username: 'alice' } }).serviceAccountName).toBe('');
  });

  it('adds images by container name', () => {
    expect(buildRequestData(input).images).toMatchObject({ containers: { c: { registry: 'docker.io', name: 'nginx', tag: 'latest' } } });
  });
});

describe('dotted paths (CLI values)', () => {
  it('splits on dots outside double quotes', () => {
    expect(splitDottedPath('request.object.metadata.annotations."a.b/c"')).toEqual(['request', 'object', 'metadata', 'annotations', 'a.b/c']);
  });

  it('sets a nested value without mutating the original', () => {
    const orig: JsonObject = { request: { operation: 'CREATE', object: { a: 1 } } };
    const out = setDottedPath(orig, 'request.operation', 'UPDATE');
    expect(out.request).toEqual({ operation: 'UPDATE', object: { a: 1 } });
    expect((orig.request as JsonObject).operation).toBe('CREATE');
    expect(setDottedPath({}, 'x.y.z', 1)).toEqual({ x: { y: { z: 1 } } });
  });
});

describe('loadContextEntriesNow', () => {
  it('answers synchronously while every entry is a variable, and later entries see earlier ones', () => {
    const doc = loadContextEntriesNow(
      [
        { name: 'first', variable: { value: 'x' } },
        { name: 'second', variable: { value: '{{ first }}-{{ request.namespace }}' } },
      ],
      data,
      deps,
      {},
    );
    expect(doc).not.toBeInstanceOf(Promise);
    expect((doc as JsonObject).second).toBe('x-shop');
  });

  it('waits from the first lookup on, in order, and the entries after it see its value', async () => {
    const lookupDeps: EngineDeps = { ...deps, getConfigMap: async () => ({ data: { tier: 'gold' } }) };
    const doc = loadContextEntriesNow(
      [
        { name: 'first', variable: { value: 'x' } },
        { name: 'cm', configMap: { name: 'settings', namespace: 'shop' } },
        { name: 'tier', variable: { jmesPath: 'cm.data.tier' } },
      ],
      data,
      lookupDeps,
      {},
    );
    expect(doc).toBeInstanceOf(Promise);
    expect(await doc).toMatchObject({ first: 'x', cm: { data: { tier: 'gold' } }, tier: 'gold' });
  });

  it("throws a variable entry's error synchronously", () => {
    expect(() => loadContextEntriesNow([{ name: 'v', variable: { jmesPath: 'missing.field' } }], data, deps, {})).toThrow(/missing/);
  });
});
