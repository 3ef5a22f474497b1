import { describe, expect, it } from 'vitest';
import { buildResourceInput } from './resource-input.js';
import { emptyValues } from './values.js';

describe('buildResourceInput namespace', () => {
  it('puts a namespaced resource without a namespace in "default", as kubectl and the Kyverno CLI do', () => {
    const input = buildResourceInput({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' } }, emptyValues, {}, []);
    expect(input.namespace).toBe('default');
    expect((input.object?.metadata as { namespace?: string }).namespace).toBe('default');
  });
  it('leaves cluster-scoped and unknown kinds alone', () => {
    expect(buildResourceInput({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'n' } }, emptyValues, {}, []).namespace).toBeUndefined();
    expect(buildResourceInput({ apiVersion: 'x.io/v1', kind: 'Widget', metadata: { name: 'w' } }, emptyValues, {}, []).namespace).toBeUndefined();
  });
});

describe('buildResourceInput operation override (a test result\'s `operation`)', () => {
  it('sends the resource as oldObject of a DELETE, with no object', () => {
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'ns' } };
    const input = buildResourceInput(pod, emptyValues, {}, [], { operation: 'DELETE' });
    expect(input).toMatchObject({ operation: 'DELETE', object: null, oldObject: pod });
  });
});
