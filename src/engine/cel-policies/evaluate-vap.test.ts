import { describe, expect, it } from 'vitest';
import { compileBinding, evaluateCelPolicy, linkBindings } from './index.js';
import type { ParamQuery } from './index.js';
import { NOW, admission, binding, deployment, deploymentRules, vap } from './testing/fixtures.js';

const replicas = vap('replicas', { matchConstraints: deploymentRules, validations: [{ expression: 'object.spec.replicas <= 2' }] });

describe('ValidatingAdmissionPolicy without bindings (CLI)', () => {
  it('uses the policy name as rule and the apiserver default message', () => {
    expect(evaluateCelPolicy(replicas, admission(deployment('big', 4)), { now: NOW })).toMatchObject([
      { policy: 'replicas', rule: 'replicas', status: 'fail', message: 'failed expression: object.spec.replicas <= 2', action: 'Enforce' },
    ]);
    expect(evaluateCelPolicy(replicas, admission(deployment('small', 1)), { now: NOW })).toMatchObject([{ rule: 'replicas', status: 'pass' }]);
  });

  it('falls back from a blank messageExpression to message, and keeps the reason', () => {
    const p = vap('p', {
      matchConstraints: deploymentRules,
      validations: [{ expression: 'false', messageExpression: "'  '", message: 'plain message', reason: 'Forbidden' }],
    });
    expect(evaluateCelPolicy(p, admission(deployment('d', 1)), { now: NOW })).toMatchObject([{ message: 'plain message', denyReason: 'Forbidden' }]);
  });

  it('treats a non-true result as a failure, like the apiserver', () => {
    const p = vap('p', { matchConstraints: deploymentRules, validations: [{ expression: 'object.metadata.name' }] });
    expect(evaluateCelPolicy(p, admission(deployment('d', 1)), { now: NOW })).toMatchObject([{ status: 'fail' }]);
  });

  it('evaluates auditAnnotations and reports them on the result', () => {
    const p = vap('p', {
      matchConstraints: deploymentRules,
      validations: [{ expression: 'true' }],
      auditAnnotations: [
        { key: 'replicas', valueExpression: "'replicas=' + string(object.spec.replicas)" },
        { key: 'none', valueExpression: 'null' },
      ],
    });
    expect(evaluateCelPolicy(p, admission(deployment('d', 2)), { now: NOW })).toMatchObject([{ status: 'pass', auditAnnotations: { replicas: 'replicas=2' } }]);
  });
});

describe('bindings', () => {
  it('evaluate only matching bindings, with their validationActions and names', () => {
    const deny = binding('deny-prod', { policyName: 'replicas', validationActions: ['Deny'], matchResources: { namespaceSelector: { matchLabels: { env: 'prod' } } } });
    const warn = binding('warn-all', { policyName: 'replicas', validationActions: ['Warn', 'Audit'] });
    const prod = evaluateCelPolicy(replicas, admission(deployment('big', 4), { namespaceLabels: { env: 'prod' } }), { now: NOW, bindings: [deny, warn] });
    expect(prod).toMatchObject([
      { binding: 'deny-prod', status: 'fail', action: 'Enforce' },
      { binding: 'warn-all', status: 'fail', action: 'Audit', validationActions: ['Warn', 'Audit'] },
    ]);
    const dev = evaluateCelPolicy(replicas, admission(deployment('big', 4), { namespaceLabels: { env: 'dev' } }), { now: NOW, bindings: [deny] });
    expect(dev).toEqual([]);
  });

  it('exclude resources by name through excludeResourceRules', () => {
    const b = binding('b', {
      policyName: 'replicas',
      validationActions: ['Deny'],
      matchResources: { excludeResourceRules: [{ ...deploymentRules.resourceRules[0], resourceNames: ['nginx'] }] },
    });
    expect(evaluateCelPolicy(replicas, admission(deployment('nginx', 4)), { now: NOW, bindings: [b] })).toEqual([]);
    expect(evaluateCelPolicy(replicas, admission(deployment('other', 4)), { now: NOW, bindings: [b] })).toMatchObject([{ status: 'fail' }]);
  });

  it('refuse Deny with Warn, a missing policyName and an empty action list', () => {
    const r = compileBinding({ apiVersion: 'admissionregistration.k8s.io/v1', kind: 'ValidatingAdmissionPolicyBinding', metadata: { name: 'b' }, spec: { validationActions: ['Deny', 'Warn'] } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.path)).toEqual(['/spec/policyName', '/spec/validationActions']);
    const empty = compileBinding({ apiVersion: 'admissionregistration.k8s.io/v1', kind: 'ValidatingAdmissionPolicyBinding', metadata: { name: 'b' }, spec: { policyName: 'p' } });
    expect(empty).toMatchObject({ ok: false, issues: [{ path: '/spec/validationActions' }] });
  });

  it('naming a policy that is not loaded is a BINDING_POLICY_NOT_FOUND issue', () => {
    const orphan = binding('orphan', { policyName: 'missing', validationActions: ['Deny'] });
    const ok = binding('ok', { policyName: 'replicas', validationActions: ['Audit'] });
    const linked = linkBindings([replicas], [orphan, ok]);
    expect(linked.issues).toMatchObject([{ code: 'BINDING_POLICY_NOT_FOUND', path: '/spec/policyName' }]);
    expect(linked.issues[0]?.message).toContain("'missing'");
    expect(linked.byPolicy.get('replicas')).toEqual([ok]);
  });
});

describe('params', () => {
  const maxReplicas = vap('max', {
    paramKind: { apiVersion: 'v1', kind: 'ConfigMap' },
    matchConstraints: deploymentRules,
    validations: [{ expression: 'object.spec.replicas <= int(params.data.max)', messageExpression: "'at most ' + params.data.max" }],
  });
  const configMaps: Record<string, unknown> = { 'default/limits': { data: { max: '3' } }, 'default/strict': { data: { max: '1' } } };
  const lookup = (q: ParamQuery) => {
    if (q.name !== undefined) return configMaps[`${q.namespace}/${q.name}`] ? [configMaps[`${q.namespace}/${q.name}`]] : [];
    return Object.values(configMaps);
  };

  it('are looked up by name in the request namespace', () => {
    const seen: ParamQuery[] = [];
    const b = binding('b', { policyName: 'max', validationActions: ['Deny'], paramRef: { name: 'limits', parameterNotFoundAction: 'Deny' } });
    const ctx = { now: NOW, bindings: [b], paramLookup: (q: ParamQuery) => (seen.push(q), lookup(q)) };
    expect(evaluateCelPolicy(maxReplicas, admission(deployment('d', 3)), ctx)).toMatchObject([{ status: 'pass' }]);
    expect(evaluateCelPolicy(maxReplicas, admission(deployment('d', 4)), ctx)).toMatchObject([{ status: 'fail', message: 'at most 3' }]);
    expect(seen[0]).toEqual({ apiVersion: 'v1', kind: 'ConfigMap', name: 'limits', namespace: 'default' });
  });

  it('selected by a selector are each evaluated; any failure fails the binding', () => {
    const b = binding('b', { policyName: 'max', validationActions: ['Deny'], paramRef: { selector: {}, parameterNotFoundAction: 'Deny' } });
    expect(evaluateCelPolicy(maxReplicas, admission(deployment('d', 2)), { now: NOW, bindings: [b], paramLookup: lookup })).toMatchObject([
      { status: 'fail', message: 'at most 1' },
    ]);
  });

  it('not found follow parameterNotFoundAction: Allow passes, Deny errors', () => {
    const allow = binding('a', { policyName: 'max', validationActions: ['Deny'], paramRef: { name: 'absent', parameterNotFoundAction: 'Allow' } });
    const deny = binding('d', { policyName: 'max', validationActions: ['Deny'], paramRef: { name: 'absent', parameterNotFoundAction: 'Deny' } });
    const ctx = { now: NOW, bindings: [allow, deny], paramLookup: lookup };
    expect(evaluateCelPolicy(maxReplicas, admission(deployment('d', 9)), ctx)).toMatchObject([
      { binding: 'a', status: 'pass' },
      { binding: 'd', status: 'error', reason: 'PARAMS_NOT_FOUND' },
    ]);
  });

  it('a binding without paramRef for a policy with paramKind is an error', () => {
    const b = binding('b', { policyName: 'max', validationActions: ['Deny'] });
    expect(evaluateCelPolicy(maxReplicas, admission(deployment('d', 1)), { now: NOW, bindings: [b], paramLookup: lookup })).toMatchObject([
      { status: 'error', reason: 'PARAM_REF_MISSING' },
    ]);
  });

  it('can be supplied directly when evaluating without bindings', () => {
    expect(evaluateCelPolicy(maxReplicas, admission(deployment('d', 2)), { now: NOW, params: { data: { max: '1' } } })).toMatchObject([{ status: 'fail' }]);
  });
});
