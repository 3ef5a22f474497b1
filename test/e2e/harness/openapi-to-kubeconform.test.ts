import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kubeconformFileName, openapiToKubeconform } from './openapi-to-kubeconform.js';

const doc = {
  definitions: {
    'io.k8s.api.apps.v1.Deployment': {
      type: 'object',
      'x-kubernetes-group-version-kind': [{ group: 'apps', version: 'v1', kind: 'Deployment' }],
      properties: {
        kind: { type: 'string' },
        spec: { $ref: '#/definitions/io.k8s.api.apps.v1.DeploymentSpec' },
      },
    },
    'io.k8s.api.apps.v1.DeploymentSpec': {
      type: 'object',
      properties: {
        replicas: { type: 'integer' },
        maxSurge: { $ref: '#/definitions/io.k8s.apimachinery.pkg.util.intstr.IntOrString' },
        cpu: { $ref: '#/definitions/io.k8s.apimachinery.pkg.api.resource.Quantity' },
        labels: { type: 'object', additionalProperties: { type: 'string' } },
        self: { $ref: '#/definitions/io.k8s.api.apps.v1.DeploymentSpec' },
      },
    },
    'io.k8s.apimachinery.pkg.util.intstr.IntOrString': { type: 'string', format: 'int-or-string' },
    'io.k8s.apimachinery.pkg.api.resource.Quantity': { type: 'string' },
    'io.k8s.api.core.v1.ConfigMap': {
      type: 'object',
      'x-kubernetes-group-version-kind': [{ group: '', version: 'v1', kind: 'ConfigMap' }],
      properties: { data: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true, properties: { a: { type: 'string' } } } },
    },
  },
};

describe('openapiToKubeconform', () => {
  it('names files as kubeconform looks them up: kind, first group label, version; core has no group', () => {
    expect(kubeconformFileName({ group: 'apps', version: 'v1', kind: 'Deployment' })).toBe('deployment-apps-v1.json');
    expect(kubeconformFileName({ group: '', version: 'v1', kind: 'ConfigMap' })).toBe('configmap-v1.json');
    expect(kubeconformFileName({ group: 'rbac.authorization.k8s.io', version: 'v1', kind: 'ClusterRole' })).toBe('clusterrole-rbac-v1.json');
  });

  it('inlines refs, breaks cycles, maps IntOrString and Quantity, and closes objects only in strict', () => {
    const out = mkdtempSync(join(tmpdir(), 'kc-'));
    const res = openapiToKubeconform(doc, { kubernetesVersion: '1.32.13', outDir: out });
    expect(res.written.sort()).toEqual(['/v1/ConfigMap', 'apps/v1/Deployment']);
    const read = (d: string, f: string): { properties: Record<string, Record<string, unknown>>; additionalProperties?: unknown } =>
      JSON.parse(readFileSync(join(out, d, f), 'utf8'));
    const loose = read('v1.32.13-standalone', 'deployment-apps-v1.json');
    const spec = loose.properties.spec as { properties: Record<string, unknown>; additionalProperties?: unknown };
    expect(spec.properties.replicas).toEqual({ type: 'integer' });
    expect(spec.properties.maxSurge).toEqual({ oneOf: [{ type: 'string' }, { type: 'integer' }] });
    expect(spec.properties.cpu).toEqual({ oneOf: [{ type: 'string' }, { type: 'number' }] });
    expect(spec.properties.self).toEqual({});
    expect(spec.additionalProperties).toBeUndefined();
    const strict = read('v1.32.13-standalone-strict', 'deployment-apps-v1.json');
    expect(strict.additionalProperties).toBe(false);
    expect((strict.properties.spec as { additionalProperties?: unknown }).additionalProperties).toBe(false);
    const labels = (strict.properties.spec as { properties: Record<string, { additionalProperties?: unknown }> }).properties.labels;
    expect(labels?.additionalProperties).toEqual({ type: 'string' });
    const cm = read('v1.32.13-standalone-strict', 'configmap-v1.json');
    expect(cm.properties.data?.additionalProperties).toBeUndefined();
  });

  it('writes only the requested kinds', () => {
    const out = mkdtempSync(join(tmpdir(), 'kc-'));
    const res = openapiToKubeconform(doc, { kubernetesVersion: '1.32.13', outDir: out, only: new Set(['/v1/ConfigMap']) });
    expect(res.written).toEqual(['/v1/ConfigMap']);
  });
});
