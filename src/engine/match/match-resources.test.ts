import { describe, expect, it } from 'vitest';
import type { JsonObject, MatchResources } from '../policy-types.js';
import type { AdmissionInput, GroupVersionKind } from '../request.js';
import { buildMatchSubject, checkMatchResources, compileMatch } from './index.js';

const GVK: Record<string, GroupVersionKind> = {
  Pod: { group: '', version: 'v1', kind: 'Pod' },
  Namespace: { group: '', version: 'v1', kind: 'Namespace' },
  ConfigMap: { group: '', version: 'v1', kind: 'ConfigMap' },
  Deployment: { group: 'apps', version: 'v1', kind: 'Deployment' },
};

/** A small hand-made admission request for a `kind` object with the given metadata. */
function req(kind: string, metadata: JsonObject, extra: Partial<AdmissionInput> = {}): AdmissionInput {
  const gvk = GVK[kind] ?? { group: '', version: 'v1', kind };
  const object = { apiVersion: gvk.group ? `${gvk.group}/${gvk.version}` : gvk.version, kind, metadata };
  return { operation: 'CREATE', object, oldObject: null, kind: gvk, userInfo: {}, ...extra };
}

const pod = (meta: Record<string, unknown> = {}, extra = {}) =>
  req('Pod', { name: 'web-1', namespace: 'shop', labels: { app: 'web' }, annotations: { team: 'blue' }, ...meta }, extra);
const matches = (block: MatchResources, input = pod(), isExclude = false) => {
  const matched = checkMatchResources(block, input, { isExclude }).matched;
  // The reason-free test the quick lane asks agrees on every case (checkMatchResources's empty-resource precheck aside).
  const subject = buildMatchSubject(input);
  if (subject.hasResource || isExclude) expect(compileMatch(block, isExclude).test(subject)).toBe(matched);
  return matched;
};
const any = (resources: object): MatchResources => ({ any: [{ resources }] });

describe('checkMatchResources: resource fields', () => {
  it('kinds', () => {
    expect(matches(any({ kinds: ['Pod'] }))).toBe(true);
    expect(matches(any({ kinds: ['Deployment'] }))).toBe(false);
  });
  it('name and names with wildcards; generateName when no name yet', () => {
    expect(matches(any({ kinds: ['Pod'], name: 'web-*' }))).toBe(true);
    expect(matches(any({ kinds: ['Pod'], name: 'db-*' }))).toBe(false);
    expect(matches(any({ kinds: ['Pod'], names: ['db', 'web-?'] }))).toBe(true);
    expect(matches(any({ kinds: ['Pod'], names: ['db'] }))).toBe(false);
    expect(matches(any({ names: ['web-*'] }), pod({ name: undefined, generateName: 'web-' }))).toBe(true);
  });
  it('namespaces with wildcards; a Namespace object is its own namespace', () => {
    expect(matches(any({ namespaces: ['sh*'] }))).toBe(true);
    expect(matches(any({ namespaces: ['prod'] }))).toBe(false);
    expect(matches(any({ kinds: ['Namespace'], namespaces: ['prod'] }), req('Namespace', { name: 'prod' }))).toBe(true);
    // the request namespace is used when the object does not carry one
    expect(matches(any({ namespaces: ['shop'] }), pod({ namespace: undefined }, { namespace: 'shop' }))).toBe(true);
  });
  it('annotations with wildcards in keys and values', () => {
    expect(matches(any({ annotations: { team: 'bl*' } }))).toBe(true);
    expect(matches(any({ annotations: { 't*': 'blue' } }))).toBe(true);
    expect(matches(any({ annotations: { team: 'red' } }))).toBe(false);
  });
  it('selector against the object labels', () => {
    expect(matches(any({ selector: { matchLabels: { app: 'w*' } } }))).toBe(true);
    expect(matches(any({ selector: { matchLabels: { app: 'db' } } }))).toBe(false);
  });
  it('namespaceSelector against the namespace labels; never for Namespace objects', () => {
    const block = any({ kinds: ['Pod', 'Namespace'], namespaceSelector: { matchLabels: { env: 'prod' } } });
    expect(matches(block, pod({}, { namespaceLabels: { env: 'prod' } }))).toBe(true);
    expect(matches(block, pod({}, { namespaceLabels: { env: 'dev' } }))).toBe(false);
    expect(matches(block, pod())).toBe(false);
    expect(matches(block, req('Namespace', { name: 'prod', labels: { env: 'prod' } }, { namespaceLabels: { env: 'prod' } }))).toBe(false);
  });
  it('operations; absent means any operation', () => {
    expect(matches(any({ kinds: ['Pod'], operations: ['CREATE'] }))).toBe(true);
    expect(matches(any({ kinds: ['Pod'], operations: ['UPDATE', 'DELETE'] }))).toBe(false);
    expect(matches(any({ kinds: ['Pod'] }), pod({}, { operation: 'DELETE' }))).toBe(true);
  });
  it('uses the old object on DELETE', () => {
    const del = pod();
    const input = { ...del, operation: 'DELETE' as const, object: null, oldObject: del.object };
    expect(matches(any({ kinds: ['Pod'], names: ['web-1'], operations: ['DELETE'] }), input)).toBe(true);
    expect(matches(any({ kinds: ['Pod'] }), { ...input, oldObject: null })).toBe(false);
  });
  it('ANDs fields inside one filter', () => {
    expect(matches(any({ kinds: ['Pod'], namespaces: ['shop'], names: ['db'] }))).toBe(false);
  });
});

describe('checkMatchResources: any / all / legacy', () => {
  it('any needs one filter, all needs every filter', () => {
    const f1 = { resources: { kinds: ['Pod'] } };
    const f2 = { resources: { namespaces: ['prod'] } };
    expect(matches({ any: [f1, f2] })).toBe(true);
    expect(matches({ all: [f1, f2] })).toBe(false);
    expect(matches({ all: [f1, { resources: { namespaces: ['shop'] } }] })).toBe(true);
  });
  it('legacy inline resources', () => {
    expect(matches({ resources: { kinds: ['Pod'], namespaces: ['shop'] } })).toBe(true);
    expect(matches({ resources: { kinds: ['ConfigMap'] } })).toBe(false);
  });
  it('an empty match never matches', () => {
    expect(matches({})).toBe(false);
    expect(matches({ any: [{}] })).toBe(false);
    expect(checkMatchResources({}, pod()).reason).toMatch(/empty/);
  });
});

describe('checkMatchResources: userInfo', () => {
  const user = { userInfo: { username: 'system:serviceaccount:ci:deployer', groups: ['system:serviceaccounts', 'devs'] } };
  const withUser = pod({}, { ...user, roles: ['shop:editor'], clusterRoles: ['view'] });
  it('subjects: User, Group, ServiceAccount (system:serviceaccount:<ns>:<name>)', () => {
    expect(matches({ any: [{ subjects: [{ kind: 'User', name: 'system:serviceaccount:ci:*' }] }] }, withUser)).toBe(true);
    expect(matches({ any: [{ subjects: [{ kind: 'Group', name: 'devs' }] }] }, withUser)).toBe(true);
    expect(matches({ any: [{ subjects: [{ kind: 'Group', name: 'ops' }] }] }, withUser)).toBe(false);
    expect(matches({ any: [{ subjects: [{ kind: 'ServiceAccount', name: 'deployer', namespace: 'ci' }] }] }, withUser)).toBe(true);
    expect(matches({ any: [{ subjects: [{ kind: 'ServiceAccount', name: 'deployer', namespace: 'other' }] }] }, withUser)).toBe(false);
  });
  it('roles and clusterRoles', () => {
    expect(matches({ any: [{ roles: ['shop:editor'] }] }, withUser)).toBe(true);
    expect(matches({ any: [{ roles: ['shop:admin'] }] }, withUser)).toBe(false);
    expect(matches({ any: [{ clusterRoles: ['view', 'edit'] }] }, withUser)).toBe(true);
    expect(matches({ any: [{ clusterRoles: ['cluster-admin'] }] }, withUser)).toBe(false);
  });
  it('resources and userInfo of one filter are ANDed', () => {
    const f = { resources: { kinds: ['Pod'] }, clusterRoles: ['cluster-admin'] };
    expect(matches({ any: [f] }, withUser)).toBe(false);
    expect(matches({ resources: { kinds: ['Pod'] }, clusterRoles: ['view'] }, withUser)).toBe(true);
  });
  it('match ignores userInfo when the request has no user information (CLI, background)', () => {
    const f = { resources: { kinds: ['Pod'] }, clusterRoles: ['cluster-admin'] };
    expect(matches({ any: [f] }, pod())).toBe(true);
    // ...but a filter with only userInfo is then empty and never matches
    expect(matches({ any: [{ clusterRoles: ['cluster-admin'] }] }, pod())).toBe(false);
  });
});

describe('checkMatchResources as exclude', () => {
  const excl = (block: MatchResources, input = pod()) => matches(block, input, true);
  it('any excludes when one filter matches', () => {
    expect(excl({ any: [{ resources: { namespaces: ['kube-system'] } }, { resources: { names: ['web-*'] } }] })).toBe(true);
    expect(excl({ any: [{ resources: { namespaces: ['kube-system'] } }] })).toBe(false);
  });
  it('all excludes only when every filter matches', () => {
    expect(excl({ all: [{ resources: { namespaces: ['shop'] } }, { resources: { names: ['web-*'] } }] })).toBe(true);
    expect(excl({ all: [{ resources: { namespaces: ['shop'] } }, { resources: { names: ['db'] } }] })).toBe(false);
  });
  it('empty filters never exclude (one empty entry disables exclude.all)', () => {
    expect(excl({})).toBe(false);
    expect(excl({ any: [{}] })).toBe(false);
    expect(excl({ all: [{ resources: { namespaces: ['shop'] } }, {}] })).toBe(false);
  });
  it('legacy inline exclude', () => {
    expect(excl({ resources: { namespaces: ['shop'] } })).toBe(true);
  });
  it('exclude checks userInfo even without user information', () => {
    expect(excl({ any: [{ subjects: [{ kind: 'User', name: 'alice' }] }] }, pod())).toBe(false);
    expect(excl({ any: [{ subjects: [{ kind: 'User', name: 'alice' }] }] }, pod({}, { userInfo: { username: 'alice' } }))).toBe(true);
  });
});

describe('checkMatchResources: Policy namespace scoping', () => {
  it('a namespaced Policy only matches resources in its namespace', () => {
    const block = any({ kinds: ['Pod'] });
    expect(checkMatchResources(block, pod(), { policyNamespace: 'shop' }).matched).toBe(true);
    const other = checkMatchResources(block, pod({ namespace: 'prod' }), { policyNamespace: 'shop' });
    expect(other).toEqual({ matched: false, reason: 'policy and resource namespaces mismatch' });
    expect(checkMatchResources(any({ kinds: ['Namespace'] }), req('Namespace', { name: 'shop' }), { policyNamespace: 'shop' }).matched).toBe(false);
  });
});

describe('checkMatchResources: subresources', () => {
  it('matches Kind/subresource against the parent resource of the request', () => {
    const scale = req('Scale', { name: 'nginx', namespace: 'default' }, {
      kind: { group: 'autoscaling', version: 'v1', kind: 'Scale' },
      resource: { group: 'apps', version: 'v1', resource: 'deployments' },
      subResource: 'scale',
      operation: 'UPDATE',
    });
    expect(matches(any({ kinds: ['Deployment/scale'], names: ['nginx'] }), scale)).toBe(true);
    expect(matches(any({ kinds: ['apps/v1/Deployment/scale'] }), scale)).toBe(true);
    expect(matches(any({ kinds: ['Deployment'] }), scale)).toBe(false);
    expect(matches(any({ kinds: ['StatefulSet/scale'] }), scale)).toBe(false);
  });
  it('keeps the request kind when the caller already gives the parent kind', () => {
    const exec = req('Pod', { name: 'web' }, { subResource: 'exec', operation: 'CONNECT' });
    expect(matches(any({ kinds: ['Pod/exec'] }), exec)).toBe(true);
    expect(matches(any({ kinds: ['Pod'] }), exec)).toBe(false);
  });
});
