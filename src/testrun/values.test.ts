/**
 * Kyverno CLI values files (https://kyverno.io/docs/kyverno-cli/usage/test/#values): globalValues, then
 * a policy's per-resource values, then its per-rule values; namespace labels for namespaceSelector;
 * foreachValues; subresources.
 */
import { describe, expect, it } from 'vitest';
import { createTestValues } from './index.js';

const values = createTestValues({
  globalValues: { 'request.operation': 'CREATE', env: 'global' },
  policies: [
    {
      name: 'p',
      resources: [{ name: 'web', values: { env: 'resource', replicas: 3 } }],
      rules: [{ name: 'r', values: { env: 'rule' }, foreachValues: { registry: ['a.io', 'b.io'] } }],
    },
  ],
  namespaceSelector: [{ name: 'shop', labels: { env: 'prod' } }],
  subresources: [
    {
      subresource: { name: 'deployments/scale', kind: 'Scale', group: 'autoscaling', version: 'v1' },
      parentResource: { name: 'deployments', kind: 'Deployment', group: 'apps', version: 'v1' },
    },
  ],
});

describe('createTestValues', () => {
  it('global < resource < rule', () => {
    expect(values.forResource('p', 'other')).toEqual({ 'request.operation': 'CREATE', env: 'global' });
    expect(values.forResource('p', 'web')).toMatchObject({ env: 'resource', replicas: 3 });
    expect(values.forResource('p', 'web', 'r')).toMatchObject({ env: 'rule', replicas: 3 });
    expect(values.forResource('unknown', 'web')).toEqual({ 'request.operation': 'CREATE', env: 'global' });
  });

  it('the operation comes from request.operation', () => {
    expect(values.operation('p', 'web')).toBe('CREATE');
  });

  it('namespace labels and foreachValues', () => {
    expect(values.namespaceLabels?.('shop')).toEqual({ env: 'prod' });
    expect(values.namespaceLabels?.('dev')).toBeUndefined();
    expect(values.hasNamespaceSelector).toBe(true);
    expect(values.foreachValues('p', 'r')).toEqual({ registry: ['a.io', 'b.io'] });
    expect(values.foreachValues('p', 'other')).toBeUndefined();
  });

  it('a declared subresource names its parent resource', () => {
    expect(values.subresourceFor('autoscaling', 'v1', 'Scale')).toEqual({
      parent: { group: 'apps', version: 'v1', resource: 'deployments', kind: 'Deployment' },
      subresource: 'scale',
    });
    expect(values.subresourceFor('', 'v1', 'Scale')).toBeUndefined();
  });

  it('an absent values file gives no values', () => {
    const none = createTestValues(undefined);
    expect(none.forResource('p', 'web')).toEqual({});
    expect(none.hasNamespaceSelector).toBe(false);
  });
});
