import { describe, expect, it } from 'vitest';
import type { AdmissionInput, JsonObject } from '../index.js';
import { buildRequestData } from './request-data.js';

const deployment = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'shop' }, spec: { template: { spec: { containers: [{ name: 'c', image: 'nginx:1.25' }] } } } };

/** An admission request as the API server sends it, and the input toAdmissionInput makes of it. */
function admission(extra: JsonObject = {}): AdmissionInput {
  const raw: JsonObject = {
    uid: 'u-1',
    kind: { group: 'apps', version: 'v1', kind: 'Deployment' },
    resource: { group: 'apps', version: 'v1', resource: 'deployments' },
    requestKind: { group: 'apps', version: 'v1', kind: 'Deployment' },
    requestResource: { group: 'apps', version: 'v1', resource: 'deployments' },
    name: 'web',
    namespace: 'shop',
    operation: 'CREATE',
    userInfo: { username: 'system:serviceaccount:ci:deployer', groups: ['system:serviceaccounts'] },
    object: deployment,
    oldObject: null,
    dryRun: false,
    options: { apiVersion: 'meta.k8s.io/v1', kind: 'CreateOptions' },
    ...extra,
  };
  return {
    uid: 'u-1',
    operation: 'CREATE',
    object: deployment,
    oldObject: null,
    kind: { group: 'apps', version: 'v1', kind: 'Deployment' },
    resource: { group: 'apps', version: 'v1', resource: 'deployments' },
    userInfo: raw.userInfo as AdmissionInput['userInfo'],
    roles: [],
    clusterRoles: [],
    dryRun: false,
    namespace: 'shop',
    name: 'web',
    raw,
  };
}

describe('buildRequestData', () => {
  it('carries every AdmissionRequest field the review sent, plus roles and the service account', () => {
    const data = buildRequestData(admission());
    const request = data.request as JsonObject;
    expect(request).toEqual({
      uid: 'u-1',
      kind: { group: 'apps', version: 'v1', kind: 'Deployment' },
      resource: { group: 'apps', version: 'v1', resource: 'deployments' },
      requestKind: { group: 'apps', version: 'v1', kind: 'Deployment' },
      requestResource: { group: 'apps', version: 'v1', resource: 'deployments' },
      name: 'web',
      namespace: 'shop',
      operation: 'CREATE',
      userInfo: { username: 'system:serviceaccount:ci:deployer', groups: ['system:serviceaccounts'] },
      object: deployment,
      oldObject: null,
      dryRun: false,
      options: { apiVersion: 'meta.k8s.io/v1', kind: 'CreateOptions' },
      roles: [],
      clusterRoles: [],
    });
    expect(data.serviceAccountName).toBe('deployer');
    expect(data.serviceAccountNamespace).toBe('ci');
    expect(data.images).toEqual({ containers: { c: expect.objectContaining({ name: 'nginx', tag: '1.25' }) } });
  });

  it('takes the input’s values over the raw request’s, and defaults what neither has', () => {
    const input = admission({ subResource: 'status', requestSubResource: 'status' });
    input.subResource = 'status';
    input.uid = undefined as unknown as string;
    delete input.name;
    delete input.namespace;
    input.object = { ...deployment, metadata: { name: 'patched' } };
    const request = buildRequestData(input).request as JsonObject;
    expect(request.uid).toBe('u-1'); // from the raw request
    expect(request.name).toBe('');
    expect(request.namespace).toBe('');
    expect((request.object as JsonObject).metadata).toEqual({ name: 'patched' });
    expect(request.subResource).toBe('status');
    expect(request.requestSubResource).toBe('status');
  });

  it('leaves out optional fields the request does not carry, and fields outside AdmissionRequest', () => {
    const input = admission({ surprise: 'x' });
    delete (input.raw as JsonObject).options;
    delete (input.raw as JsonObject).requestKind;
    const request = buildRequestData(input).request as JsonObject;
    expect(Object.keys(request)).not.toContain('options');
    expect(Object.keys(request)).not.toContain('requestKind');
    expect(Object.keys(request)).not.toContain('surprise');
    expect(Object.keys(request)).not.toContain('subResource');
  });

  it('works without a raw request (CLI and background scans) and without images when asked', () => {
    const input = admission();
    delete input.raw;
    input.userInfo = { username: 'alice' };
    const data = buildRequestData(input, { images: false });
    const request = data.request as JsonObject;
    expect(request.resource).toEqual({ group: 'apps', version: 'v1', resource: 'deployments' });
    expect(request.requestKind).toBeUndefined();
    expect(data.serviceAccountName).toBe('');
    expect(data.images).toBeUndefined();
  });
});

describe('buildRequestData: the service account', () => {
  const of = (username: string) => {
    const input = admission();
    input.userInfo = { username };
    const data = buildRequestData(input, { images: false });
    return [data.serviceAccountNamespace, data.serviceAccountName];
  };
  it('splits `system:serviceaccount:<namespace>:<name>` into its first two parts', () => {
    expect(of('system:serviceaccount:ci:deployer')).toEqual(['ci', 'deployer']);
    expect(of('system:serviceaccount:ci:deployer:extra')).toEqual(['ci', 'deployer']);
    expect(of('system:serviceaccount:ci')).toEqual(['ci', '']);
    expect(of('system:serviceaccount:ci:')).toEqual(['ci', '']);
    expect(of('system:serviceaccount:')).toEqual(['', '']);
  });
  it('is empty for any other user', () => {
    expect(of('alice')).toEqual(['', '']);
    expect(of('system:serviceaccounts:ci:deployer')).toEqual(['', '']);
  });
});
