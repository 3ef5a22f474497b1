/** inputFromResource: a resource from a file or a background scan becomes an admission request. */
import { describe, expect, it } from 'vitest';
import { gvkOf, inputFromResource } from './index.js';

const deployment = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'shop' }, spec: {} };

describe('gvkOf', () => {
  it('splits group and version; the core group is empty', () => {
    expect(gvkOf(deployment)).toEqual({ group: 'apps', version: 'v1', kind: 'Deployment' });
    expect(gvkOf({ apiVersion: 'v1', kind: 'Pod' })).toEqual({ group: '', version: 'v1', kind: 'Pod' });
  });
});

describe('inputFromResource', () => {
  it('is a CREATE of the object by default, with name, namespace and empty user info', () => {
    const input = inputFromResource(deployment);
    expect(input).toMatchObject({ operation: 'CREATE', object: deployment, oldObject: null, namespace: 'shop', name: 'web', userInfo: {}, roles: [], clusterRoles: [] });
  });

  it('DELETE puts the resource in oldObject and leaves object null', () => {
    const input = inputFromResource(deployment, { operation: 'DELETE' });
    expect(input.object).toBeNull();
    expect(input.oldObject).toBe(deployment);
  });

  it('UPDATE carries the given old object; user, roles, namespace labels and subresource pass through', () => {
    const old = { ...deployment, spec: { replicas: 1 } };
    const input = inputFromResource(deployment, {
      operation: 'UPDATE',
      oldObject: old,
      userInfo: { username: 'alice', groups: ['dev'] },
      roles: ['shop:dev'],
      clusterRoles: ['view'],
      namespaceLabels: { env: 'prod' },
      subResource: 'scale',
    });
    expect(input).toMatchObject({ operation: 'UPDATE', oldObject: old, userInfo: { username: 'alice' }, roles: ['shop:dev'], clusterRoles: ['view'], namespaceLabels: { env: 'prod' }, subResource: 'scale' });
  });

  it('a cluster-scoped resource has no namespace', () => {
    expect(inputFromResource({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } }).namespace).toBeUndefined();
  });
});
