import { describe, expect, it } from 'vitest';
import type { Rule } from '../policy-types.js';
import { compileCelRule, evaluateCelRule } from './index.js';
import type { CompiledCelRule, ParamQuery } from './index.js';
import { NOW, admission, pod } from './testing/fixtures.js';

function compile(rule: Rule): CompiledCelRule {
  const r = compileCelRule(rule, '/spec/rules/0');
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.rule;
}

const hostNetwork: Rule = {
  name: 'host-network',
  validate: {
    message: 'hostNetwork is not allowed',
    cel: {
      variables: [{ name: 'hn', expression: 'object.spec.?hostNetwork.orValue(false)' }],
      expressions: [{ expression: 'variables.hn == false' }],
    },
  },
};

describe('validate.cel rules', () => {
  it('fail with validate.message when the expression has none, and pass with Kyverno wording', () => {
    const rule = compile(hostNetwork);
    expect(evaluateCelRule(rule, admission(pod('a', { hostNetwork: true })), { now: NOW, policy: 'p' })).toMatchObject({
      policy: 'p',
      rule: 'host-network',
      status: 'fail',
      message: 'hostNetwork is not allowed',
    });
    expect(evaluateCelRule(rule, admission(pod('a')), { now: NOW, policy: 'p' })).toMatchObject({ status: 'pass', message: "Validation rule 'host-network' passed." });
  });

  it('prefer the expression message over validate.message', () => {
    const rule = compile({ name: 'r', validate: { message: 'rule message', cel: { expressions: [{ expression: 'false', message: 'own message' }] } } });
    expect(evaluateCelRule(rule, admission(pod('a')), { now: NOW, policy: 'p' }).message).toBe('own message');
  });

  it('skip when a celPrecondition is false', () => {
    const rule = compile({ ...hostNetwork, celPreconditions: [{ name: 'only-web', expression: "object.metadata.name.startsWith('web')" }] });
    expect(evaluateCelRule(rule, admission(pod('db', { hostNetwork: true })), { now: NOW, policy: 'p' })).toMatchObject({
      status: 'skip',
      reason: 'PRECONDITIONS_NOT_MET',
    });
    expect(evaluateCelRule(rule, admission(pod('web-1', { hostNetwork: true })), { now: NOW, policy: 'p' })).toMatchObject({ status: 'fail' });
  });

  it('report runtime errors as fail with the CEL code in reason, as Kyverno does', () => {
    const rule = compile({ name: 'r', validate: { cel: { expressions: [{ expression: 'object.spec.nothing.deeper == 1' }] } } });
    expect(evaluateCelRule(rule, admission(pod('a')), { now: NOW, policy: 'p' })).toMatchObject({ status: 'fail', reason: 'CEL_EVAL' });
  });

  it('use params from paramKind/paramRef; none found passes unless parameterNotFoundAction is Deny', () => {
    const base = { name: 'r', validate: { cel: { paramKind: { apiVersion: 'v1', kind: 'ConfigMap' }, expressions: [{ expression: "object.metadata.name != params.data.banned" }] } } };
    const found = (q: ParamQuery) => (q.name === 'cfg' ? [{ data: { banned: 'evil' } }] : []);
    const rule = compile({ ...base, validate: { cel: { ...base.validate.cel, paramRef: { name: 'cfg' } } } });
    expect(evaluateCelRule(rule, admission(pod('evil')), { now: NOW, policy: 'p', paramLookup: found })).toMatchObject({ status: 'fail' });
    const absent = compile({ ...base, validate: { cel: { ...base.validate.cel, paramRef: { name: 'nope' } } } });
    expect(evaluateCelRule(absent, admission(pod('evil')), { now: NOW, policy: 'p', paramLookup: found })).toMatchObject({ status: 'pass' });
    const deny = compile({ ...base, validate: { cel: { ...base.validate.cel, paramRef: { name: 'nope', parameterNotFoundAction: 'Deny' } } } });
    expect(evaluateCelRule(deny, admission(pod('evil')), { now: NOW, policy: 'p', paramLookup: found })).toMatchObject({ status: 'error', reason: 'PARAMS_NOT_FOUND' });
  });

  it('report compile errors at the rule pointer, including auditAnnotations', () => {
    const r = compileCelRule(
      {
        name: 'r',
        celPreconditions: [{ name: 'c', expression: 'object.(' }],
        validate: { cel: { expressions: [{ expression: 'true' }], auditAnnotations: [{ key: 'k', valueExpression: 'nope()' }] } },
      },
      '/spec/rules/3',
    );
    expect(r).toMatchObject({
      ok: false,
      issues: [
        { path: '/spec/rules/3/celPreconditions/0/expression', code: 'CEL_SYNTAX' },
        { path: '/spec/rules/3/validate/cel/auditAnnotations/0/valueExpression', code: 'CEL_UNKNOWN_FUNCTION' },
      ],
    });
  });
});
