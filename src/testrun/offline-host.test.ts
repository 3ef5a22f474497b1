import { describe, expect, it } from 'vitest';
import { createOfflineHost } from './offline-host.js';

// The Kyverno CLI's offline answers (kyverno pkg/cel/libs/fake_context.go, http_mock.go): objects from the
// test's files, http mocks from apiCallResponses, global context entries with projections, context images.
const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'regs', namespace: 'default', labels: { team: 'a' } } };
const hpa = { apiVersion: 'autoscaling/v1', kind: 'HorizontalPodAutoscaler', metadata: { name: 'h', namespace: 'prod' } };
const host = createOfflineHost({
  objects: [cm, hpa],
  apiCallResponses: [{ url: 'https://authz', method: 'POST', response: { statusCode: 200, body: { allowed: true } } }],
  globalContextEntries: [{ name: 'deps', data: { deployments: [{ name: 'a' }, { name: 'b' }] }, projections: [{ name: 'items', path: 'deployments' }] }],
  images: [{ image: 'nginx:1', config: { Env: ['A=1'] } }],
});
const cel = host.celHost;

describe('offline CEL host', () => {
  it('gets and lists objects by apiVersion and plural resource', () => {
    expect(cel.getResource?.('v1', 'configmaps', 'default', 'regs')).toBe(cm);
    expect(cel.getResource?.('v1', 'configmaps', 'default', 'nope')).toBeUndefined();
    expect(cel.listResources?.('autoscaling/v1', 'horizontalpodautoscalers', 'prod')).toEqual([hpa]);
    expect(cel.listResources?.('autoscaling/v1', 'horizontalpodautoscalers', 'default')).toEqual([]);
    expect(cel.listResources?.('v1', 'configmaps', '', { team: 'b' })).toEqual([]);
  });
  it('answers http calls with the mocked response, method included', () => {
    expect(cel.httpPost?.('https://authz', {}, {})).toEqual({ statusCode: 200, body: { allowed: true } });
    expect(() => cel.httpGet?.('https://authz', {})).toThrow(/no mocked response/);
  });
  it('returns global context entries with projections; unknown entries are undefined', () => {
    expect(cel.globalContext?.('deps', '')).toMatchObject({ items: [{ name: 'a' }, { name: 'b' }] });
    expect(cel.globalContext?.('deps', 'items')).toHaveLength(2);
    expect(cel.globalContext?.('other', '')).toBeUndefined();
    expect(() => cel.globalContext?.('deps', 'nope')).toThrow(/projection/);
  });
  it('returns image metadata from the context file', () => {
    expect(cel.imageMetadata?.('nginx:1')).toMatchObject({ config: { Env: ['A=1'] } });
    expect(cel.imageMetadata?.('busybox')).toBeUndefined();
  });
  it('shares its lookups with the classic engine apiCall', async () => {
    await expect(host.apiCall?.('/api/v1/namespaces/default/configmaps/regs', 'GET')).resolves.toBe(cm);
  });
});
