import { describe, expect, it } from 'vitest';
import { compileCelPolicy } from './index.js';
import { podRules } from './testing/fixtures.js';

const vpolDoc = (spec: Record<string, unknown>) => ({ apiVersion: 'policies.kyverno.io/v1beta1', kind: 'ValidatingPolicy', metadata: { name: 'p' }, spec });

describe('compileCelPolicy', () => {
  it('compiles every expression of a ValidatingPolicy once', () => {
    const r = compileCelPolicy(
      vpolDoc({
        matchConstraints: podRules,
        matchConditions: [{ name: 'labelled', expression: 'has(object.metadata.labels)' }],
        variables: [{ name: 'names', expression: 'object.spec.containers.map(c, c.name)' }],
        validations: [{ expression: 'size(variables.names) > 0', messageExpression: "'got ' + string(size(variables.names))" }],
        auditAnnotations: [{ key: 'count', valueExpression: 'string(size(variables.names))' }],
      }),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.policy).toMatchObject({ kind: 'ValidatingPolicy', name: 'p', validationActions: ['Deny'], mode: 'Kubernetes', failurePolicy: 'Fail' });
    expect(r.policy.body.matchConditions).toHaveLength(1);
    expect(r.policy.body.validations[0]?.messageExpression).toBeDefined();
  });

  it('reports a syntax error with its pointer and position inside the expression', () => {
    const r = compileCelPolicy(vpolDoc({ matchConstraints: podRules, validations: [{ expression: 'true' }, { expression: 'object.spec.replicas >' }] }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code: 'CEL_SYNTAX', path: '/spec/validations/1/expression' });
    expect(r.issues[0]?.message).toMatch(/at 1:\d+/);
  });

  it('reports an unknown function and an unknown identifier', () => {
    const r = compileCelPolicy(
      vpolDoc({ matchConstraints: podRules, variables: [{ name: 'x', expression: 'object.frobnicate()' }], validations: [{ expression: 'nope == 1' }] }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.path, i.code])).toEqual([
      ['/spec/variables/0/expression', 'CEL_UNKNOWN_FUNCTION'],
      ['/spec/validations/0/expression', 'CEL_TYPE'],
    ]);
    expect(r.issues[0]?.message).toContain('at 1:8');
  });

  it('checks structure: names, reasons, actions, required fields', () => {
    const r = compileCelPolicy(
      vpolDoc({
        validationActions: ['Deny', 'Block'],
        failurePolicy: 'Sometimes',
        matchConstraints: podRules,
        variables: [{ name: 'bad-name', expression: '1' }, { name: 'bad-name', expression: '2' }],
        validations: [{ expression: 'true', reason: 'Teapot' }],
      }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.path).sort()).toEqual([
      '/spec/failurePolicy',
      '/spec/validationActions/1',
      '/spec/validations/0/reason',
      '/spec/variables/0/name',
      '/spec/variables/1/name',
    ]);
  });

  it('requires validations or auditAnnotations, and matchConstraints outside JSON mode', () => {
    const r = compileCelPolicy(vpolDoc({}));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.path)).toEqual(['/spec/validations', '/spec/matchConstraints']);
    expect(compileCelPolicy(vpolDoc({ evaluation: { mode: 'JSON' }, validations: [{ expression: 'object.a == 1' }] })).ok).toBe(true);
  });

  it('refuses other kinds and the authorization-server modes', () => {
    expect(compileCelPolicy({ apiVersion: 'kyverno.io/v1', kind: 'ClusterPolicy', spec: {} })).toMatchObject({ ok: false, issues: [{ code: 'CEL_POLICY_UNSUPPORTED_KIND' }] });
    const envoy = compileCelPolicy(vpolDoc({ evaluation: { mode: 'Envoy' }, validations: [{ expression: 'true' }] }));
    expect(envoy).toMatchObject({ ok: false, issues: [{ code: 'CEL_POLICY_UNSUPPORTED_MODE', path: '/spec/evaluation/mode' }] });
  });

  it('JSON mode sees only object and variables', () => {
    const r = compileCelPolicy(vpolDoc({ evaluation: { mode: 'JSON' }, validations: [{ expression: 'request.operation == "CREATE"' }] }));
    expect(r).toMatchObject({ ok: false, issues: [{ path: '/spec/validations/0/expression', code: 'CEL_TYPE' }] });
  });

  it('compiles a ValidatingAdmissionPolicy with paramKind and requires resourceRules', () => {
    const ok = compileCelPolicy({
      apiVersion: 'admissionregistration.k8s.io/v1',
      kind: 'ValidatingAdmissionPolicy',
      metadata: { name: 'vap' },
      spec: { paramKind: { apiVersion: 'v1', kind: 'ConfigMap' }, matchConstraints: podRules, validations: [{ expression: 'params.data.x == "1"' }] },
    });
    expect(ok).toMatchObject({ ok: true, policy: { kind: 'ValidatingAdmissionPolicy', validationActions: [], paramKind: { kind: 'ConfigMap' } } });
    const bad = compileCelPolicy({ apiVersion: 'admissionregistration.k8s.io/v1', kind: 'ValidatingAdmissionPolicy', metadata: { name: 'v' }, spec: { matchConstraints: {}, validations: [{ expression: 'true' }] } });
    expect(bad).toMatchObject({ ok: false, issues: [{ path: '/spec/matchConstraints/resourceRules' }] });
  });
});
