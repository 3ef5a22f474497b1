import { describe, expect, it } from 'vitest';
import type { PolicyKindHandler } from '../../engine/index.js';
import type { ApiResource } from '../client/discovery.js';
import { backgroundHandlers, celListTargets } from './cel-targets.js';

const handler = (kind: string, name: string, mutating = false): PolicyKindHandler => ({
  kind,
  name,
  evaluate: () => [],
  ...(mutating ? { mutate: () => ({ results: [] }) } : {}),
});
const doc = (kind: string, name: string, spec: unknown) => ({ kind, metadata: { name }, spec });
const discovered: ApiResource[] = [
  { group: '', version: 'v1', name: 'configmaps', kind: 'ConfigMap', namespaced: true },
  { group: '', version: 'v1', name: 'pods', kind: 'Pod', namespaced: true },
  { group: 'apps', version: 'v1', name: 'deployments', kind: 'Deployment', namespaced: true },
  { group: 'extensions.example', version: 'v1', name: 'deployments', kind: 'Deployment', namespaced: true },
];

describe('CEL policies in background scans', () => {
  it('lists the resources of matchConstraints.resourceRules, found by discovery, skipping wildcards and subresources', () => {
    const docs = [
      doc('ValidatingAdmissionPolicy', 'vap', { matchConstraints: { resourceRules: [{ apiGroups: [''], apiVersions: ['v1'], resources: ['configmaps', 'pods/status', '*'] }] } }),
      doc('ValidatingPolicy', 'vpol', { matchConstraints: { resourceRules: [{ apiGroups: ['apps'], apiVersions: ['*'], resources: ['deployments'] }] } }),
      doc('ValidatingPolicy', 'unused', { matchConstraints: { resourceRules: [{ apiGroups: ['*'], resources: ['pods'] }] } }),
    ];
    const targets = celListTargets([handler('ValidatingAdmissionPolicy', 'vap'), handler('ValidatingPolicy', 'vpol')], docs, discovered);
    expect(targets).toEqual([
      { group: '', version: 'v1', resource: 'configmaps', kind: 'ConfigMap' },
      { group: 'apps', version: 'v1', resource: 'deployments', kind: 'Deployment' },
    ]);
    expect(celListTargets([handler('ValidatingPolicy', 'unused')], docs, discovered).map((t) => t.resource)).toEqual(['pods']);
  });

  it('scans validating handlers unless spec.evaluation.background.enabled is false', () => {
    const docs = [doc('ValidatingPolicy', 'off', { evaluation: { background: { enabled: false } } }), doc('ValidatingPolicy', 'on', {})];
    const kept = backgroundHandlers([handler('ValidatingPolicy', 'off'), handler('ValidatingPolicy', 'on'), handler('ValidatingAdmissionPolicy', 'vap'), handler('MutatingPolicy', 'm', true)], docs);
    expect(kept.map((h) => h.name)).toEqual(['on', 'vap']);
  });
});
