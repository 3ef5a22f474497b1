/** Examples from https://kyverno.io/docs/writing-policies/mutate/ and the error cases of the brief. */
import { describe, expect, test } from 'vitest';
import { mutateResource } from './index.js';
import { mutateRule, podResource, scopeFor } from './test-helpers.js';
import type { JsonObject } from '../policy-types.js';

async function run(mutate: JsonObject, resource: JsonObject, extra = {}) {
  const before = JSON.stringify(resource);
  const out = await mutateResource(mutateRule(mutate, extra), resource, scopeFor(resource));
  expect(JSON.stringify(resource)).toBe(before); // the input is never modified
  return out;
}

describe('patchStrategicMerge', () => {
  test('adds labels; message names the resource', async () => {
    const out = await run({ patchStrategicMerge: { metadata: { labels: { foo: 'bar' } } } }, podResource({ containers: [{ name: 'c', image: 'nginx' }] }));
    expect(out.status).toBe('pass');
    expect(out.message).toBe('mutated Pod/foo in namespace bar');
    expect(out.patches).toEqual([{ op: 'add', path: '/metadata/labels', value: { foo: 'bar' } }]);
  });

  test('conditional anchor on containers: imagePullPolicy only for :latest images', async () => {
    const pod = podResource({ containers: [{ name: 'a', image: 'nginx:latest' }, { name: 'b', image: 'nginx:1.2' }] });
    const out = await run({ patchStrategicMerge: { spec: { containers: [{ '(image)': '*:latest', imagePullPolicy: 'IfNotPresent' }] } } }, pod);
    expect(out.resource.spec).toEqual({ containers: [{ name: 'a', image: 'nginx:latest', imagePullPolicy: 'IfNotPresent' }, { name: 'b', image: 'nginx:1.2' }] });
  });

  test('add-if-not-present: securityContext fields are only added when missing', async () => {
    const psm = { spec: { '+(securityContext)': { runAsNonRoot: true }, containers: [{ '(name)': '*', '+(imagePullPolicy)': 'Always' }] } };
    const out = await run({ patchStrategicMerge: psm }, podResource({ securityContext: { runAsUser: 1 }, containers: [{ name: 'a', image: 'x' }] }));
    expect(out.resource.spec).toEqual({ securityContext: { runAsUser: 1 }, containers: [{ name: 'a', image: 'x', imagePullPolicy: 'Always' }] });
    const none = await run({ patchStrategicMerge: psm }, podResource({ containers: [{ name: 'a', image: 'x', imagePullPolicy: 'Never' }] }));
    expect(none.resource.spec).toEqual({ securityContext: { runAsNonRoot: true }, containers: [{ name: 'a', image: 'x', imagePullPolicy: 'Never' }] });
  });

  test('a failed map-level condition or global anchor means no patch (skip)', async () => {
    const pod = podResource({ containers: [{ name: 'a', image: 'x' }] });
    const cond = await run({ patchStrategicMerge: { metadata: { '(labels)': { app: 'db' }, annotations: { a: 'b' } } } }, pod);
    expect(cond).toMatchObject({ status: 'skip', message: 'no patches applied' });
    const global = await run({ patchStrategicMerge: { metadata: { annotations: { a: 'b' } }, spec: { volumes: [{ '<(hostPath)': { path: '*' } }] } } }, pod);
    expect(global.status).toBe('skip');
    const withHost = podResource({ containers: [{ name: 'a' }], volumes: [{ name: 'v', hostPath: { path: '/x' } }] });
    const applied = await run({ patchStrategicMerge: { metadata: { annotations: { a: 'b' } }, spec: { volumes: [{ '<(hostPath)': { path: '*' } }] } } }, withHost);
    expect(applied.resource.metadata).toMatchObject({ annotations: { a: 'b' } });
  });

  test('variables are substituted before the merge', async () => {
    const out = await run({ patchStrategicMerge: { metadata: { labels: { owner: '{{ request.object.metadata.name }}' } } } }, podResource({ containers: [] }));
    expect(out.resource.metadata).toMatchObject({ labels: { owner: 'foo' } });
  });

  test('patching spec.containers to a non-list is a rule error', async () => {
    const out = await run({ patchStrategicMerge: { spec: { containers: 'nope' } } }, podResource({ containers: [{ name: 'a' }] }));
    expect(out).toMatchObject({ status: 'error', reason: 'PATCH_FAILED', patches: [] });
    expect(out.message).toContain('spec.containers');
  });
});

describe('patchesJson6902', () => {
  test('add to a list with /- (YAML string)', async () => {
    const patch = '- op: add\n  path: /spec/tolerations/-\n  value: {key: k, operator: Exists}';
    const out = await run({ patchesJson6902: patch }, podResource({ containers: [], tolerations: [{ key: 'a' }] }));
    expect(out.resource.spec).toEqual({ containers: [], tolerations: [{ key: 'a' }, { key: 'k', operator: 'Exists' }] });
  });

  test('replace at a path that does not exist is an error; a non-list containers is an error', async () => {
    const pod = podResource({ containers: [{ name: 'a' }] });
    const missing = await run({ patchesJson6902: [{ op: 'replace', path: '/spec/nothing/x', value: 1 }] }, pod);
    expect(missing).toMatchObject({ status: 'error', reason: 'PATCH_FAILED' });
    expect(missing.message).toMatch(/^failed to patch resource: replace operation does not apply/);
    const wrong = await run({ patchesJson6902: [{ op: 'replace', path: '/spec/containers', value: 'x' }] }, pod);
    expect(wrong).toMatchObject({ status: 'error' });
    expect(wrong.message).toContain('spec.containers must be a list');
  });

  test('variables inside the YAML string', async () => {
    const patch = '- op: add\n  path: /metadata/annotations\n  value: {by: "{{ request.operation }}"}';
    const out = await run({ patchesJson6902: patch }, podResource({ containers: [] }));
    expect(out.resource.metadata).toMatchObject({ annotations: { by: 'CREATE' } });
  });
});

describe('rule flow', () => {
  test('preconditions not met: skip', async () => {
    const out = await run({ patchStrategicMerge: { metadata: { labels: { a: 'b' } } } }, podResource({ containers: [] }), {
      preconditions: { all: [{ key: '{{ request.operation }}', operator: 'Equals', value: 'UPDATE' }] },
    });
    expect(out).toMatchObject({ status: 'skip', message: 'preconditions not met', reason: 'PRECONDITIONS_NOT_MET' });
  });

  test('context variables are available to the patch', async () => {
    const out = await run({ patchStrategicMerge: { metadata: { labels: { team: '{{ team }}' } } } }, podResource({ containers: [] }), {
      context: [{ name: 'team', variable: { value: 'blue' } }],
    });
    expect(out.resource.metadata).toMatchObject({ labels: { team: 'blue' } });
  });

  test('an empty mutate block is an error; an unknown variable is a substitution error', async () => {
    expect(await run({}, podResource({}))).toMatchObject({ status: 'error', message: 'empty mutate rule' });
    const out = await run({ patchStrategicMerge: { metadata: { labels: { a: '{{ nothing.here }}' } } } }, podResource({}));
    expect(out).toMatchObject({ status: 'error', reason: 'VARIABLE_SUBSTITUTION_FAILED' });
  });

  test('cluster-scoped resources: message without namespace', async () => {
    const ns = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'n1' } };
    const out = await run({ patchStrategicMerge: { metadata: { labels: { a: 'b' } } } }, ns);
    expect(out.message).toBe('mutated Namespace/n1');
  });
});
