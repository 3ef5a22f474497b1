import { describe, expect, it } from 'vitest';
import type { AdmissionInput } from '../../engine/index.js';
import { withNamespaceLabels } from './namespace-labels.js';

const base: AdmissionInput = { operation: 'CREATE', object: { metadata: { name: 'p' } }, oldObject: null, kind: { group: '', version: 'v1', kind: 'Pod' }, namespace: 'team-a', userInfo: {} };
const lookup = (ns: string) => (ns === 'team-a' ? { env: 'prod', 'kubernetes.io/metadata.name': 'team-a' } : undefined);

describe('withNamespaceLabels', () => {
  it('puts the labels of the request namespace on the input', () => {
    expect(withNamespaceLabels(base, lookup).namespaceLabels).toEqual({ env: 'prod', 'kubernetes.io/metadata.name': 'team-a' });
  });

  it('falls back to the name label for a namespace the cache does not know yet', () => {
    expect(withNamespaceLabels({ ...base, namespace: 'new' }, lookup).namespaceLabels).toEqual({ 'kubernetes.io/metadata.name': 'new' });
  });

  it('uses a Namespace object’s own labels and leaves cluster-scoped inputs and given labels alone', () => {
    const ns: AdmissionInput = { ...base, kind: { group: '', version: 'v1', kind: 'Namespace' }, object: { metadata: { name: 'x', labels: { a: 'b' } } } };
    delete ns.namespace;
    expect(withNamespaceLabels(ns, lookup).namespaceLabels).toEqual({ a: 'b' });
    const node: AdmissionInput = { ...base, kind: { group: '', version: 'v1', kind: 'Node' } };
    delete node.namespace;
    expect(withNamespaceLabels(node, lookup).namespaceLabels).toBeUndefined();
    expect(withNamespaceLabels({ ...base, namespaceLabels: { given: '1' } }, lookup).namespaceLabels).toEqual({ given: '1' });
  });
});
