import { describe, expect, it } from 'vitest';
import { evaluateCelPolicy, type CelHostLibraries } from './index.js';
import { NOW, admission, pod, podRules, vpol } from './testing/fixtures.js';

// Kyverno's libraries in a ValidatingPolicy (https://kyverno.io/docs/policy-types/cel-libraries/) and
// namespaceObject from the namespace the cluster knows (k8s.io/apiserver admission/plugin/cel activation).
const registries = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'registries', namespace: 'default' }, data: { allowed: 'ghcr.io/' } };
const team = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team', annotations: { owner: 'alice' } } };
const host: CelHostLibraries = {
  getResource: (_v, resource, _ns, name) => (resource === 'configmaps' && name === 'registries' ? registries : resource === 'namespaces' && name === 'team' ? team : undefined),
};

const fromRegistry = vpol('registries', {
  matchConstraints: podRules,
  variables: [{ name: 'cm', expression: 'resource.Get("v1", "configmaps", "default", "registries")' }],
  validations: [{ expression: 'object.spec.containers.all(c, c.image.startsWith(variables.cm.data.allowed))', message: 'bad registry' }],
});

describe('Kyverno libraries in ValidatingPolicy evaluation', () => {
  it('reads cluster objects through the host', () => {
    const good = pod('good', { containers: [{ name: 'c', image: 'ghcr.io/app' }] });
    const bad = pod('bad', { containers: [{ name: 'c', image: 'docker.io/app' }] });
    expect(evaluateCelPolicy(fromRegistry, admission(good), { now: NOW, host })).toMatchObject([{ status: 'pass' }]);
    expect(evaluateCelPolicy(fromRegistry, admission(bad), { now: NOW, host })).toMatchObject([{ status: 'fail', message: 'bad registry' }]);
  });
  it('is an error without a host (no cluster connection)', () => {
    expect(evaluateCelPolicy(fromRegistry, admission(pod('p')), { now: NOW })).toMatchObject([
      { status: 'error', message: expect.stringContaining('resource library needs a cluster connection') },
    ]);
  });
  it('takes namespaceObject from the host when the caller gives none', () => {
    const p = vpol('owner', { matchConstraints: podRules, validations: [{ expression: "namespaceObject.metadata.annotations.owner == 'alice'" }] });
    const inTeam = pod('p', {}, { namespace: 'team' });
    expect(evaluateCelPolicy(p, admission(inTeam), { now: NOW, host })).toMatchObject([{ status: 'pass' }]);
    expect(evaluateCelPolicy(p, admission(inTeam), { now: NOW })).toMatchObject([{ status: 'error' }]);
  });
});
