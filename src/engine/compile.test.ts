/**
 * compilePolicy (compile once at load) and buildPolicySet: autogen rules for Pod controllers
 * (https://kyverno.io/docs/writing-policies/autogen/), policy metadata, rejected and unsupported documents.
 */
import { describe, expect, it } from 'vitest';
import { buildPolicySet, compilePolicy, evaluatePolicySet, inputFromResource, type KyvernoPolicy, type Rule } from './index.js';

const podRule: Rule = {
  name: 'check-labels',
  match: { any: [{ resources: { kinds: ['Pod'] } }] },
  validate: { message: 'label app required', pattern: { metadata: { labels: { app: '?*' } } } },
};

function policy(over: Partial<KyvernoPolicy> & { annotations?: Record<string, string> } = {}, rules: Rule[] = [podRule]): KyvernoPolicy {
  return {
    apiVersion: 'kyverno.io/v1',
    kind: over.kind ?? 'ClusterPolicy',
    metadata: { name: 'require-labels', ...(over.annotations ? { annotations: over.annotations } : {}), ...(over.metadata ?? {}) },
    spec: { rules, ...(over.spec ?? {}) },
  };
}

describe('compilePolicy', () => {
  it('adds autogen rules for Pod controllers and CronJobs, remembering the rule they came from', () => {
    const r = compilePolicy(policy());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.policy.rules.map((x) => [x.name, x.autogenOf])).toEqual([
      ['check-labels', undefined],
      ['autogen-check-labels', 'check-labels'],
      ['autogen-cronjob-check-labels', 'check-labels'],
    ]);
  });

  it('generates no autogen rules when pod-policies.kyverno.io/autogen-controllers is none', () => {
    const r = compilePolicy(policy({ annotations: { 'pod-policies.kyverno.io/autogen-controllers': 'none' } }));
    expect(r.ok && r.policy.rules.map((x) => x.name)).toEqual(['check-labels']);
  });

  it('reads failurePolicy, background, applyRules, scored, severity and category', () => {
    const r = compilePolicy(
      policy({
        annotations: { 'policies.kyverno.io/scored': 'false', 'policies.kyverno.io/severity': 'high', 'policies.kyverno.io/category': 'Best Practices' },
        spec: { failurePolicy: 'Ignore', background: false, applyRules: 'One' },
      }),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.policy).toMatchObject({ failurePolicy: 'Ignore', background: false, applyRules: 'One', scored: false, severity: 'high', category: 'Best Practices' });
  });

  it('defaults: failurePolicy Fail, background true, applyRules All, scored', () => {
    const r = compilePolicy(policy());
    expect(r.ok && { f: r.policy.failurePolicy, b: r.policy.background, a: r.policy.applyRules, s: r.policy.scored }).toEqual({ f: 'Fail', b: true, a: 'All', s: true });
  });

  it('keeps the namespace of a namespaced Policy', () => {
    const r = compilePolicy(policy({ kind: 'Policy', metadata: { name: 'p', namespace: 'shop' } }));
    expect(r.ok && r.policy.namespace).toBe('shop');
  });

  it('rejects a rule without validate, mutate, generate or verifyImages, with a coded issue and path', () => {
    const r = compilePolicy(policy({}, [{ name: 'nothing', match: podRule.match }]));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]).toMatchObject({ code: 'RULE_TYPE_MISSING', path: '/spec/rules/0' });
  });
});

describe('buildPolicySet', () => {
  it('compiles Kyverno policies, keeps PolicyExceptions, reports rejected and unsupported documents', () => {
    const set = buildPolicySet([
      policy() as unknown as Record<string, unknown>,
      policy({ metadata: { name: 'broken' } }, [{ name: 'nothing' }]) as unknown as Record<string, unknown>,
      { apiVersion: 'kyverno.io/v2', kind: 'PolicyException', metadata: { name: 'ex' }, spec: { exceptions: [], match: {} } },
      { apiVersion: 'example.io/v1', kind: 'SomethingElse', metadata: { name: 'other' } },
    ]);
    expect(set.classic.map((p) => p.name)).toEqual(['require-labels']);
    expect(set.exceptions.map((e) => e.metadata.name)).toEqual(['ex']);
    expect(set.rejected).toMatchObject([{ kind: 'ClusterPolicy', name: 'broken' }]);
    expect(set.unsupported).toEqual([{ kind: 'SomethingElse', name: 'other' }]);
  });

  it('a ClusterPolicy of another API group is not taken for a Kyverno policy', () => {
    const set = buildPolicySet([{ ...policy(), apiVersion: 'example.io/v1' } as unknown as Record<string, unknown>]);
    expect(set.classic).toEqual([]);
    expect(set.unsupported).toHaveLength(1);
  });

  it('a Deployment is checked by the autogen rule and reported under its name', async () => {
    const set = buildPolicySet([policy() as unknown as Record<string, unknown>]);
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'shop' },
      spec: { template: { metadata: { labels: { tier: 'x' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
    };
    const [resp] = await evaluatePolicySet(set, inputFromResource(deployment), { now: () => new Date(0) });
    expect(resp?.results.map((r) => [r.rule, r.status])).toEqual([['autogen-check-labels', 'fail']]);
    expect(resp?.results[0]?.message).toBe('validation error: label app required. rule autogen-check-labels failed at path /spec/template/metadata/labels/app/');
  });
});
