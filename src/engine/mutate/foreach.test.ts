import { describe, expect, test } from 'vitest';
import { mutatePolicies, mutateResource } from './index.js';
import { deps, mutateRule, podResource, policyOf, scopeFor } from './test-helpers.js';
import { inputFromResource } from '../input-from-resource.js';
import type { JsonObject } from '../policy-types.js';

const pod = () => podResource({ containers: [{ name: 'a', image: 'nginx' }, { name: 'b', image: 'ghcr.io/x/y:1' }] });
const run = (mutate: JsonObject, resource: JsonObject = pod()) => mutateResource(mutateRule(mutate), resource, scopeFor(resource));

describe('foreach', () => {
  test('patchStrategicMerge per container keeps the container order', async () => {
    const out = await run({
      foreach: [{ list: 'request.object.spec.containers', patchStrategicMerge: { spec: { containers: [{ name: '{{ element.name }}', image: 'reg.io/{{ element.image }}' }] } } }],
    });
    expect(out.status).toBe('pass');
    expect(out.resource.spec).toEqual({ containers: [{ name: 'a', image: 'reg.io/nginx' }, { name: 'b', image: 'reg.io/ghcr.io/x/y:1' }] });
  });

  test('patchesJson6902 with elementIndex, preconditions per element', async () => {
    const out = await run({
      foreach: [{
        list: 'request.object.spec.containers',
        preconditions: { all: [{ key: '{{ element.name }}', operator: 'Equals', value: 'b' }] },
        patchesJson6902: '- op: add\n  path: /spec/containers/{{elementIndex}}/imagePullPolicy\n  value: Always',
      }],
    });
    expect(out.resource.spec).toEqual({ containers: [{ name: 'a', image: 'nginx' }, { name: 'b', image: 'ghcr.io/x/y:1', imagePullPolicy: 'Always' }] });
  });

  test('order Descending lets JSON patches remove by index', async () => {
    const out = await run({
      foreach: [{ list: 'request.object.spec.containers', order: 'Descending', patchesJson6902: '- op: remove\n  path: /spec/containers/{{elementIndex}}' }],
    });
    expect(out.resource.spec).toEqual({ containers: [] });
  });

  test('nested foreach: element0/elementIndex0 and element1/elementIndex1, foreach context', async () => {
    const resource = podResource({ containers: [{ name: 'a', env: [{ name: 'X', value: '1' }, { name: 'Y', value: '2' }] }] });
    const out = await run({
      foreach: [{
        list: 'request.object.spec.containers',
        foreach: [{
          list: 'element.env',
          context: [{ name: 'suffix', variable: { value: '-{{ element0.name }}' } }],
          patchesJson6902: '- op: replace\n  path: /spec/containers/{{elementIndex0}}/env/{{elementIndex1}}/value\n  value: "{{ element1.value }}{{ suffix }}"',
        }],
      }],
    }, resource);
    expect(out.resource.spec).toEqual({ containers: [{ name: 'a', env: [{ name: 'X', value: '1-a' }, { name: 'Y', value: '2-a' }] }] });
  });

  test('a missing list is an error (Kyverno JMESPath reports unknown keys); a null list is a skip', async () => {
    const missing = await run({ foreach: [{ list: 'request.object.spec.initContainers', patchesJson6902: '[]' }] });
    expect(missing).toMatchObject({ status: 'error', reason: 'FOREACH_LIST_ERROR' });
    expect(missing.message).toMatch(/^failed to evaluate list request.object.spec.initContainers/);
    const flattened = await run({ foreach: [{ list: 'request.object.spec.initContainers[]', patchesJson6902: '[]' }] });
    expect(flattened).toMatchObject({ status: 'skip', message: '0 elements processed' });
  });
});

describe('mutatePolicies: cascade and idempotence', () => {
  const policy = policyOf(
    mutateRule({ patchStrategicMerge: { metadata: { labels: { stage: 'one' } } } }, { name: 'first' }),
    mutateRule({ patchStrategicMerge: { metadata: { annotations: { seen: '{{ request.object.metadata.labels.stage }}' } } } }, { name: 'second' }),
    mutateRule({ foreach: [{ list: 'request.object.spec.containers', patchStrategicMerge: { spec: { containers: [{ name: '{{ element.name }}', '+(imagePullPolicy)': 'IfNotPresent' }] } } }] }, { name: 'third' }),
  );

  test('later rules see earlier patches; one final patch from the original', async () => {
    const resource = pod();
    const out = await mutatePolicies([policy], inputFromResource(resource, { operation: 'CREATE' }), deps);
    expect(out.results.map((r) => [r.rule, r.status])).toEqual([['first', 'pass'], ['second', 'pass'], ['third', 'pass']]);
    expect(out.resource?.metadata).toMatchObject({ labels: { stage: 'one' }, annotations: { seen: 'one' } });
    expect(out.patches.map((p) => p.path)).toEqual(['/metadata/annotations', '/metadata/labels', '/spec/containers/0/imagePullPolicy', '/spec/containers/1/imagePullPolicy']);
  });

  test('applying the same policies to the result produces no patch', async () => {
    const first = await mutatePolicies([policy], inputFromResource(pod(), { operation: 'CREATE' }), deps);
    const second = await mutatePolicies([policy], inputFromResource(first.resource as JsonObject, { operation: 'CREATE' }), deps);
    expect(second.patches).toEqual([]);
    expect(second.results.map((r) => r.status)).toEqual(['skip', 'skip', 'skip']);
  });

  test('applyRules One stops after the first applied rule', async () => {
    const one = { ...policy, spec: { ...policy.spec, applyRules: 'One' as const } };
    const out = await mutatePolicies([one], inputFromResource(pod(), { operation: 'CREATE' }), deps);
    expect(out.results.map((r) => r.rule)).toEqual(['first']);
  });
});
