import { describe, expect, it } from 'vitest';
import { compileCelException, evaluateCelPolicy } from './index.js';
import type { CompiledCelException } from './index.js';
import { NOW, admission, deployment, mustCompile as compile, pod, podRules, vpol } from './testing/fixtures.js';

const noLatest = { expression: "object.spec.containers.all(c, !c.image.endsWith(':latest'))", message: 'no latest tags' };

describe('ValidatingPolicy results', () => {
  const policy = vpol('no-latest', { matchConstraints: podRules, validations: [noLatest] });

  it('passes and fails with Kyverno rule names, action from validationActions', () => {
    expect(evaluateCelPolicy(policy, admission(pod('ok')), { now: NOW })).toMatchObject([{ policy: 'no-latest', rule: 'validation', status: 'pass', action: 'Enforce' }]);
    const bad = pod('bad', { containers: [{ name: 'c', image: 'nginx:latest' }] });
    expect(evaluateCelPolicy(policy, admission(bad), { now: NOW })).toMatchObject([
      { rule: 'validation', status: 'fail', message: 'no latest tags', validationIndex: 0, denyReason: 'Invalid', validationActions: ['Deny'] },
    ]);
  });

  it('maps Audit/Warn-only actions to an Audit action and keeps the failure status', () => {
    const audit = vpol('p', { validationActions: ['Warn', 'Audit'], matchConstraints: podRules, validations: [{ expression: 'false' }] });
    expect(evaluateCelPolicy(audit, admission(pod('a')), { now: NOW })).toMatchObject([
      { status: 'fail', action: 'Audit', validationActions: ['Warn', 'Audit'], message: 'CEL expression validation failed at index 0' },
    ]);
  });

  it('returns nothing when matchConstraints do not match (kind, operation, exclusions)', () => {
    expect(evaluateCelPolicy(policy, admission({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } }), { now: NOW })).toEqual([]);
    expect(evaluateCelPolicy(policy, admission(null, { operation: 'DELETE', oldObject: pod('x') }), { now: NOW })).toEqual([]);
    const excl = vpol('p', {
      matchConstraints: { ...podRules, excludeResourceRules: [{ ...podRules.resourceRules[0], resourceNames: ['skip-me'] }] },
      validations: [{ expression: 'false' }],
    });
    expect(evaluateCelPolicy(excl, admission(pod('skip-me')), { now: NOW })).toEqual([]);
    expect(evaluateCelPolicy(excl, admission(pod('other')), { now: NOW })).toHaveLength(1);
  });

  it('stops at the first failing validation and uses its messageExpression', () => {
    const p = vpol('p', {
      matchConstraints: podRules,
      validations: [
        { expression: 'true', message: 'first' },
        { expression: "object.metadata.name != 'x'", messageExpression: "'name ' + object.metadata.name + ' is reserved'" },
        { expression: 'false', message: 'third' },
      ],
    });
    expect(evaluateCelPolicy(p, admission(pod('x')), { now: NOW })).toMatchObject([{ status: 'fail', message: 'name x is reserved', validationIndex: 1 }]);
  });

  it('reports a messageExpression error in the message (Kyverno) and a non-bool validation as error', () => {
    const p = vpol('p', { matchConstraints: podRules, validations: [{ expression: 'false', messageExpression: 'object.nope.deeper' }] });
    expect(evaluateCelPolicy(p, admission(pod('a')), { now: NOW })[0]?.message).toMatch(/^failed to evaluate message expression: /);
    const q = vpol('q', { matchConstraints: podRules, validations: [{ expression: "'yes'" }] });
    expect(evaluateCelPolicy(q, admission(pod('a')), { now: NOW })).toMatchObject([{ status: 'error', reason: 'CEL_TYPE' }]);
  });

  it('returns a runtime error with its code and the failing validation index', () => {
    const p = vpol('p', { matchConstraints: podRules, validations: [{ expression: 'object.spec.missing.field == 1' }] });
    expect(evaluateCelPolicy(p, admission(pod('a')), { now: NOW })).toMatchObject([{ rule: 'validation', status: 'error', reason: 'CEL_EVAL', validationIndex: 0, failurePolicy: 'Fail' }]);
  });
});

describe('matchConditions', () => {
  const spec = (failurePolicy: string) => ({
    failurePolicy,
    matchConstraints: podRules,
    matchConditions: [
      { name: 'labelled', expression: "has(object.metadata.labels) && 'team' in object.metadata.labels" },
      { name: 'explodes', expression: "object.metadata.labels['team'] == object.spec.nothing" },
    ],
    validations: [{ expression: 'false' }],
  });

  it('skips with an empty rule name when one is false, even if another errors', () => {
    expect(evaluateCelPolicy(vpol('p', spec('Fail')), admission(pod('a')), { now: NOW })).toMatchObject([
      { rule: '', status: 'skip', reason: 'MATCH_CONDITIONS_NOT_MET' },
    ]);
  });

  it('turns an error into an error result with failurePolicy Fail and a skip with Ignore', () => {
    const labelled = pod('a', {}, { labels: { team: 'x' } });
    expect(evaluateCelPolicy(vpol('p', spec('Fail')), admission(labelled), { now: NOW })).toMatchObject([{ status: 'error', rule: 'evaluation' }]);
    expect(evaluateCelPolicy(vpol('p', spec('Ignore')), admission(labelled), { now: NOW })).toMatchObject([{ status: 'skip' }]);
  });
});

describe('variables', () => {
  it('are lazy: an erroring variable that is never read does not fail the policy', () => {
    const p = vpol('p', {
      matchConstraints: podRules,
      variables: [
        { name: 'broken', expression: 'object.spec.nothing.here' },
        { name: 'names', expression: 'object.spec.containers.map(c, c.name)' },
        { name: 'count', expression: 'size(variables.names)' },
      ],
      validations: [{ expression: 'variables.count == 1' }],
    });
    expect(evaluateCelPolicy(p, admission(pod('a')), { now: NOW })).toMatchObject([{ status: 'pass' }]);
  });

  it('name the variable when reading it fails, and let || absorb the error', () => {
    const vars = [{ name: 'broken', expression: 'object.spec.nothing.here' }];
    const reads = vpol('p', { matchConstraints: podRules, variables: vars, validations: [{ expression: 'variables.broken == 1' }] });
    const [result] = evaluateCelPolicy(reads, admission(pod('a')), { now: NOW });
    expect(result).toMatchObject({ status: 'error', reason: 'CEL_EVAL' });
    expect(result?.message).toMatch(/^variables\.broken: /);
    const absorbs = vpol('p', { matchConstraints: podRules, variables: vars, validations: [{ expression: 'true || variables.broken == 1' }] });
    expect(evaluateCelPolicy(absorbs, admission(pod('a')), { now: NOW })).toMatchObject([{ status: 'pass' }]);
  });
});

describe('activation', () => {
  it('has oldObject null on CREATE and object null on DELETE', () => {
    const p = vpol('p', {
      matchConstraints: { resourceRules: [{ ...podRules.resourceRules[0], operations: ['*'] }] },
      validations: [{ expression: "request.operation == 'CREATE' ? oldObject == null : object == null && oldObject.metadata.name == 'gone'" }],
    });
    expect(evaluateCelPolicy(p, admission(pod('a'), { oldObject: pod('stale') }), { now: NOW })).toMatchObject([{ status: 'pass' }]);
    expect(evaluateCelPolicy(p, admission(null, { operation: 'DELETE', oldObject: pod('gone') }), { now: NOW })).toMatchObject([{ status: 'pass' }]);
  });

  it('exposes request (kind, resource, namespace, userInfo) and a namespaceObject', () => {
    const p = vpol('p', {
      matchConstraints: podRules,
      validations: [
        {
          expression:
            "request.kind.kind == 'Pod' && request.resource.resource == 'pods' && request.namespace == 'default' && request.userInfo.username == 'alice' && namespaceObject.metadata.labels['env'] == 'prod'",
        },
      ],
    });
    expect(evaluateCelPolicy(p, admission(pod('a'), { namespaceLabels: { env: 'prod' } }), { now: NOW })).toMatchObject([{ status: 'pass' }]);
    const ns = { metadata: { name: 'default', labels: { env: 'dev' } } };
    expect(evaluateCelPolicy(p, admission(pod('a')), { now: NOW, namespaceObject: ns })).toMatchObject([{ status: 'fail' }]);
  });
});

describe('evaluation modes and scopes', () => {
  it('JSON mode evaluates any payload without matching', () => {
    const p = vpol('json', { evaluation: { mode: 'JSON' }, validations: [{ expression: 'object.data.value > 10', message: 'too small' }] });
    expect(evaluateCelPolicy(p, admission({ data: { value: 3 } }), { now: NOW })).toMatchObject([{ status: 'fail', message: 'too small' }]);
    expect(evaluateCelPolicy(p, admission({ data: { value: 30 } }), { now: NOW })).toMatchObject([{ status: 'pass' }]);
  });

  it('a NamespacedValidatingPolicy applies only in its namespace', () => {
    const r = {
      apiVersion: 'policies.kyverno.io/v1beta1',
      kind: 'NamespacedValidatingPolicy',
      metadata: { name: 'n', namespace: 'team-a' },
      spec: { matchConstraints: podRules, validations: [{ expression: 'false' }] },
    };
    const p = compile(r);
    expect(evaluateCelPolicy(p, admission(pod('a')), { now: NOW })).toEqual([]);
    expect(evaluateCelPolicy(p, admission(pod('a', {}, { namespace: 'team-a' })), { now: NOW })).toHaveLength(1);
  });
});

describe('autogen', () => {
  const p = vpol('no-latest', { matchConstraints: podRules, validations: [noLatest] });

  it('applies a pod policy to pod controllers through their template, under the same names', () => {
    expect(evaluateCelPolicy(p, admission(deployment('d', 1)), { now: NOW })).toMatchObject([{ policy: 'no-latest', rule: 'validation', status: 'fail' }]);
    const cron = {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'c', namespace: 'default' },
      spec: { jobTemplate: { spec: { template: { spec: { containers: [{ name: 'c', image: 'nginx:1.25' }] } } } } },
    };
    expect(evaluateCelPolicy(p, admission(cron), { now: NOW })).toMatchObject([{ status: 'pass' }]);
  });

  it('honours autogen.podControllers.controllers, including none', () => {
    const onlyCron = vpol('p', { matchConstraints: podRules, autogen: { podControllers: { controllers: ['cronjobs'] } }, validations: [noLatest] });
    expect(evaluateCelPolicy(onlyCron, admission(deployment('d', 1)), { now: NOW })).toEqual([]);
    expect(onlyCron.autogen.map((a) => a.kinds)).toEqual([['CronJob']]);
    const none = vpol('p', { matchConstraints: podRules, autogen: { podControllers: { controllers: [] } }, validations: [noLatest] });
    expect(none.autogen).toEqual([]);
  });

  it('keeps object.metadata.name and namespace on the workload', () => {
    const named = vpol('p', { matchConstraints: podRules, validations: [{ expression: "object.metadata.name != 'd' && object.metadata.labels['app'] == 'x'" }] });
    const defaults = named.autogen.find((a) => a.config === 'defaults');
    expect(defaults?.body.validations[0]?.expr.program.expression).toBe(
      "object.metadata.name != 'd' && object.spec.template.metadata.labels['app'] == 'x'",
    );
  });
});

describe('CEL PolicyExceptions', () => {
  const policy = vpol('no-latest', { matchConstraints: podRules, validations: [noLatest] });
  const exception = (spec: Record<string, unknown>): CompiledCelException => {
    const r = compileCelException({ apiVersion: 'policies.kyverno.io/v1', kind: 'PolicyException', metadata: { name: 'ex', namespace: 'kyverno' }, spec });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    return r.exception;
  };
  const bad = pod('legacy', { containers: [{ name: 'c', image: 'nginx:latest' }] });

  it('skips a matching request with the exception named', () => {
    const ex = exception({ policyRefs: [{ name: 'no-latest', kind: 'ValidatingPolicy' }], matchConditions: [{ name: 'n', expression: "object.metadata.name == 'legacy'" }] });
    expect(evaluateCelPolicy(policy, admission(bad), { now: NOW, exceptions: [ex] })).toMatchObject([
      { rule: 'exception', status: 'skip', exception: 'kyverno/ex', message: 'rule is skipped due to policy exception: kyverno/ex' },
    ]);
    expect(evaluateCelPolicy(policy, admission(pod('other', { containers: [{ name: 'c', image: 'a:latest' }] })), { now: NOW, exceptions: [ex] })).toMatchObject([
      { status: 'fail' },
    ]);
  });

  it('reports pass with reportResult pass and ignores exceptions for other policies', () => {
    const pass = exception({ policyRefs: [{ name: 'no-latest' }], reportResult: 'pass', matchConditions: [{ name: 'all', expression: 'true' }] });
    expect(evaluateCelPolicy(policy, admission(bad), { now: NOW, exceptions: [pass] })).toMatchObject([{ rule: 'exception', status: 'pass' }]);
    const other = exception({ policyRefs: [{ name: 'another' }], matchConditions: [{ name: 'all', expression: 'true' }] });
    expect(evaluateCelPolicy(policy, admission(bad), { now: NOW, exceptions: [other] })).toMatchObject([{ status: 'fail' }]);
  });

  it('hands allowedValues to the policy instead of skipping it', () => {
    const p = vpol('p', { matchConstraints: podRules, validations: [{ expression: "object.metadata.name in exceptions.allowedValues || object.metadata.name == 'ok'" }] });
    const ex = exception({ policyRefs: [{ name: 'p' }], allowedValues: ['legacy'], matchConditions: [{ name: 'all', expression: 'true' }] });
    expect(evaluateCelPolicy(p, admission(bad), { now: NOW, exceptions: [ex] })).toMatchObject([{ rule: 'validation', status: 'pass' }]);
    expect(evaluateCelPolicy(p, admission(pod('nope')), { now: NOW })).toMatchObject([{ status: 'fail' }]);
  });
});
