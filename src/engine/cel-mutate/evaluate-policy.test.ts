import { describe, expect, it } from 'vitest';
import { applyJsonPatch } from '../patch/index.js';
import { compileMutatingBinding } from './binding.js';
import { evaluateMutatingPolicy } from './evaluate-policy.js';
import { applyConfig, jsonPatch, map, mpol, mustCompile, podInput } from './test-helpers.js';

const now = new Date(0);
const pod = () => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default', labels: { app: 'a' } }, spec: { containers: [{ name: 'c', image: 'nginx', env: [{ name: 'A', value: '1' }] }] } });

describe('MutatingPolicy ApplyConfiguration', () => {
  it('adds a label and keeps the others (maps merge)', () => {
    const policy = mustCompile(mpol({ mutations: [applyConfig('Object{metadata: Object.metadata{labels: {"team": "x"}}}')] }));
    const out = evaluateMutatingPolicy(policy, podInput(pod()), { now });
    expect(out.results).toMatchObject([{ policy: 'mpol', rule: '', status: 'pass', ruleType: 'mutation' }]);
    expect(out.patched?.metadata).toEqual({ name: 'p', namespace: 'default', labels: { app: 'a', team: 'x' } });
    expect(out.patches).toEqual([{ op: 'add', path: '/metadata/labels/team', value: 'x' }]);
  });
  it('sets a container securityContext, merging containers by name and keeping their other fields', () => {
    const expr = 'Object{spec: Object.spec{containers: object.spec.containers.map(c, Object.spec.containers{name: c.name, securityContext: Object.spec.containers.securityContext{runAsNonRoot: true}})}}';
    const out = evaluateMutatingPolicy(mustCompile(mpol({ mutations: [applyConfig(expr)] })), podInput(pod()), { now });
    expect(out.patched?.spec).toEqual({ containers: [{ name: 'c', image: 'nginx', env: [{ name: 'A', value: '1' }], securityContext: { runAsNonRoot: true } }] });
  });
  it('is idempotent: applying to the patched object gives no patch', () => {
    const policy = mustCompile(mpol({ mutations: [applyConfig('Object{metadata: Object.metadata{labels: {"team": "x"}}}')] }));
    const first = evaluateMutatingPolicy(policy, podInput(pod()), { now });
    const again = evaluateMutatingPolicy(policy, podInput(first.patched ?? {}), { now });
    expect(again.patches).toEqual([]);
    expect(again.patched).toBeUndefined();
  });
  it('skips with no patch when a matchCondition is false', () => {
    const policy = mustCompile(mpol({ matchConditions: [{ name: 'never', expression: 'false' }], mutations: [applyConfig('Object{metadata: Object.metadata{labels: {"t": "x"}}}')] }));
    const out = evaluateMutatingPolicy(policy, podInput(pod()), { now });
    expect(out).toMatchObject({ results: [{ status: 'skip', reason: 'MATCH_CONDITIONS_NOT_MET' }], patched: undefined, patches: [] });
  });
  it('does not apply to resources outside matchConstraints', () => {
    const policy = mustCompile(mpol({ mutations: [applyConfig('Object{}')] }));
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } };
    expect(evaluateMutatingPolicy(policy, podInput(cm), { now }).results).toEqual([]);
  });
  it('chains mutations: the second sees the object the first produced, variables included', () => {
    const policy = mustCompile(mpol({
      variables: [{ name: 'n', expression: 'size(object.metadata.labels)' }],
      mutations: [applyConfig('Object{metadata: Object.metadata{labels: {"one": "1"}}}'), applyConfig('Object{metadata: Object.metadata{labels: {"count": string(variables.n)}}}')],
    }));
    expect(evaluateMutatingPolicy(policy, podInput(pod()), { now }).patched?.metadata).toMatchObject({ labels: { app: 'a', one: '1', count: '2' } });
  });
  it('autogen: a pod policy mutates the pod template of a Deployment', () => {
    const policy = mustCompile(mpol({ mutations: [applyConfig('Object{metadata: Object.metadata{labels: {"t": "x"}}}')] }));
    const deploy = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: { template: { metadata: { labels: { app: 'a' } }, spec: pod().spec } } };
    const input = { ...podInput(deploy), kind: { group: 'apps', version: 'v1', kind: 'Deployment' } };
    const out = evaluateMutatingPolicy(policy, input, { now });
    expect(out.patches).toEqual([{ op: 'add', path: '/spec/template/metadata/labels/t', value: 'x' }]);
  });
  it('reports an evaluation error, or skips it under failurePolicy Ignore', () => {
    const bad = applyConfig('Object{metadata: Object.metadata{labels: {"x": object.missing}}}');
    const fail = evaluateMutatingPolicy(mustCompile(mpol({ mutations: [bad] })), podInput(pod()), { now });
    expect(fail).toMatchObject({ results: [{ rule: 'evaluation', status: 'error' }], patched: undefined });
    const ignore = evaluateMutatingPolicy(mustCompile(mpol({ failurePolicy: 'Ignore', mutations: [bad] })), podInput(pod()), { now });
    expect(ignore).toMatchObject({ results: [{ status: 'skip' }], patched: undefined });
  });
});

describe('JSONPatch mutations', () => {
  it('adds with an escaped key, replaces and removes', () => {
    const expr = `[
      JSONPatch{op: "add", path: "/metadata/labels/" + jsonpatch.escapeKey("example.com/owner"), value: "me"},
      JSONPatch{op: "replace", path: "/spec/containers/0/image", value: "nginx:1.27"},
      JSONPatch{op: "remove", path: "/spec/containers/0/env"}
    ]`;
    const out = evaluateMutatingPolicy(mustCompile(mpol({ mutations: [jsonPatch(expr)] })), podInput(pod()), { now });
    expect(out.patched?.metadata).toMatchObject({ labels: { app: 'a', 'example.com/owner': 'me' } });
    expect(out.patched?.spec).toEqual({ containers: [{ name: 'c', image: 'nginx:1.27' }] });
    const replay = applyJsonPatch(pod(), out.patches);
    expect(replay.ok && replay.doc).toEqual(out.patched);
  });
  it('leaves the object unchanged when a test operation fails', () => {
    const expr = '[JSONPatch{op: "test", path: "/metadata/name", value: "other"}, JSONPatch{op: "add", path: "/metadata/labels/x", value: "y"}]';
    const out = evaluateMutatingPolicy(mustCompile(mpol({ mutations: [jsonPatch(expr)] })), podInput(pod()), { now });
    expect(out).toMatchObject({ results: [{ status: 'pass' }], patched: undefined, patches: [] });
  });
  it('errors when the path does not exist (no implicit parents)', () => {
    const out = evaluateMutatingPolicy(mustCompile(mpol({ mutations: [jsonPatch('[JSONPatch{op: "add", path: "/spec/a/b", value: 1}]')] })), podInput(pod()), { now });
    expect(out.results).toMatchObject([{ status: 'error', reason: 'MUTATION_FAILED' }]);
  });
});

describe('MutatingAdmissionPolicy with bindings and params', () => {
  const policy = mustCompile(map({
    paramKind: { apiVersion: 'v1', kind: 'ConfigMap' },
    mutations: [applyConfig('Object{metadata: Object.metadata{labels: {"tier": params.data.tier}}}')],
  }));
  const binding = compileMutatingBinding({
    apiVersion: 'admissionregistration.k8s.io/v1beta1', kind: 'MutatingAdmissionPolicyBinding', metadata: { name: 'b' },
    spec: { policyName: 'map', paramRef: { name: 'cfg', namespace: 'default' } },
  });
  if (!binding.ok) throw new Error('binding');
  const param = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'default' }, data: { tier: 'gold' } };
  it('mutates with the binding params; rule is the policy name', () => {
    const out = evaluateMutatingPolicy(policy, podInput(pod()), { now, bindings: [binding.binding], paramLookup: (q) => (q.name === 'cfg' ? [param] : []) });
    expect(out.results).toMatchObject([{ policy: 'map', rule: 'map', status: 'pass', binding: 'b' }]);
    expect(out.patches).toEqual([{ op: 'add', path: '/metadata/labels/tier', value: 'gold' }]);
  });
  it('errors when params are missing and parameterNotFoundAction defaults to Deny', () => {
    const out = evaluateMutatingPolicy(policy, podInput(pod()), { now, bindings: [binding.binding], paramLookup: () => [] });
    expect(out).toMatchObject({ results: [{ status: 'error' }], patched: undefined });
  });
  it('does nothing when the binding matchResources do not match', () => {
    const other = { ...binding.binding, matchResources: { namespaceSelector: { matchLabels: { env: 'prod' } } } };
    expect(evaluateMutatingPolicy(policy, podInput(pod()), { now, bindings: [other], paramLookup: () => [param] }).results).toEqual([]);
  });
});
