import { describe, expect, it } from 'vitest';
import type { KyvernoPolicy, Rule } from '../policy-types.js';
import { AUTOGEN_ANNOTATION, autogenControllers, expandAutogenRules, expandAutogenRulesWithOrigin } from './index.js';

const TEMPLATE_KINDS = ['DaemonSet', 'Deployment', 'Job', 'ReplicaSet', 'ReplicationController', 'StatefulSet'];

function policy(rules: Rule[], controllers?: string): KyvernoPolicy {
  const annotations = controllers === undefined ? undefined : { [AUTOGEN_ANNOTATION]: controllers };
  return { apiVersion: 'kyverno.io/v1', kind: 'ClusterPolicy', metadata: { name: 'p', annotations }, spec: { rules } };
}

// The example of https://kyverno.io/docs/writing-policies/autogen/
const registries: Rule = {
  name: 'validate-registries',
  match: { any: [{ resources: { kinds: ['Pod'] } }] },
  validate: {
    failureAction: 'Enforce',
    message: 'Images may only come from our internal enterprise registry.',
    pattern: { spec: { containers: [{ image: 'registry.domain.com/*' }] } },
  },
};

const byName = (rules: Rule[], name: string) => rules.find((r) => r.name === name);

describe('autogenControllers', () => {
  it('defaults to every pod controller', () => {
    expect(autogenControllers(policy([registries]))).toEqual([...TEMPLATE_KINDS, 'CronJob']);
  });
  it('honours the annotation, and none', () => {
    expect(autogenControllers(policy([registries], 'Deployment,CronJob'))).toEqual(['Deployment', 'CronJob']);
    expect(autogenControllers(policy([registries], 'StatefulSet'))).toEqual(['StatefulSet']);
    expect(autogenControllers(policy([registries], 'CronJob'))).toEqual(['CronJob']);
    expect(autogenControllers(policy([registries], 'none'))).toEqual([]);
  });
  it('is empty when no rule selects Pods or controllers', () => {
    const ns: Rule = { name: 'ns', match: { any: [{ resources: { kinds: ['Namespace'] } }] }, validate: { pattern: {} } };
    expect(autogenControllers(policy([ns]))).toEqual([]);
  });
});

describe('expandAutogenRules: controllers', () => {
  it('adds autogen- and autogen-cronjob- rules after the originals (docs example)', () => {
    const rules = expandAutogenRules(policy([registries]));
    expect(rules.map((r) => r.name)).toEqual(['validate-registries', 'autogen-validate-registries', 'autogen-cronjob-validate-registries']);
    expect(rules[0]).toBe(registries);
    const tpl = byName(rules, 'autogen-validate-registries');
    expect(tpl?.match).toEqual({ any: [{ resources: { kinds: TEMPLATE_KINDS } }] });
    expect(tpl?.validate).toEqual({
      failureAction: 'Enforce',
      message: 'Images may only come from our internal enterprise registry.',
      pattern: { spec: { template: { spec: { containers: [{ image: 'registry.domain.com/*' }] } } } },
    });
    const cron = byName(rules, 'autogen-cronjob-validate-registries');
    expect(cron?.match).toEqual({ any: [{ resources: { kinds: ['CronJob'] } }] });
    expect(cron?.validate?.pattern).toEqual({
      spec: { jobTemplate: { spec: { template: { spec: { containers: [{ image: 'registry.domain.com/*' }] } } } } },
    });
  });
  it('generates only for the controllers in the annotation', () => {
    expect(expandAutogenRules(policy([registries], 'Deployment')).map((r) => r.name)).toEqual(['validate-registries', 'autogen-validate-registries']);
    expect(byName(expandAutogenRules(policy([registries], 'Deployment,StatefulSet')), 'autogen-validate-registries')?.match).toEqual({
      any: [{ resources: { kinds: ['Deployment', 'StatefulSet'] } }],
    });
    expect(expandAutogenRules(policy([registries], 'CronJob')).map((r) => r.name)).toEqual(['validate-registries', 'autogen-cronjob-validate-registries']);
    expect(expandAutogenRules(policy([registries], 'none'))).toEqual([registries]);
  });
  it('moves pattern metadata to the pod template metadata', () => {
    const labels: Rule = { name: 'labels', match: { resources: { kinds: ['Pod'] } }, validate: { pattern: { metadata: { labels: { app: '?*' } } } } };
    const [, tpl, cron] = expandAutogenRules(policy([labels]));
    expect(tpl?.match).toEqual({ resources: { kinds: TEMPLATE_KINDS } });
    expect(tpl?.validate?.pattern).toEqual({ spec: { template: { metadata: { labels: { app: '?*' } } } } });
    expect(cron?.validate?.pattern).toEqual({ spec: { jobTemplate: { spec: { template: { metadata: { labels: { app: '?*' } } } } } } });
  });
  it('cuts generated names to 63 characters', () => {
    const long: Rule = { ...registries, name: 'too-long-this-rule-name-will-be-truncated-to-63-characters' };
    const names = expandAutogenRules(policy([long])).map((r) => r.name);
    expect(names[1]).toBe('autogen-too-long-this-rule-name-will-be-truncated-to-63-charact');
    expect(names[2]).toBe('autogen-cronjob-too-long-this-rule-name-will-be-truncated-to-63');
  });
  it('regenerates rules already named autogen-*', () => {
    const stale: Rule = { ...registries, name: 'autogen-validate-registries', match: { any: [{ resources: { kinds: ['Deployment'] } }] } };
    const rules = expandAutogenRules(policy([registries, stale]));
    expect(rules.map((r) => r.name)).toEqual(['validate-registries', 'autogen-validate-registries', 'autogen-cronjob-validate-registries']);
    expect(rules[1]?.match).toEqual({ any: [{ resources: { kinds: TEMPLATE_KINDS } }] });
  });
  it('reports the source rule of generated rules', () => {
    const out = expandAutogenRulesWithOrigin(policy([registries]));
    expect(out.map((e) => [e.source, e.autogen])).toEqual([
      ['validate-registries', 'none'],
      ['validate-registries', 'template'],
      ['validate-registries', 'cronjob'],
    ]);
  });
  it('does not modify the policy', () => {
    const p = policy([registries, { ...registries, name: 'deny', validate: { deny: { conditions: { any: [{ key: '{{ request.object.spec.x }}', operator: 'Equals', value: 1 }] } } } }]);
    const before = JSON.stringify(p);
    expandAutogenRules(p);
    expect(JSON.stringify(p)).toBe(before);
  });
});

describe('expandAutogenRules: rules that are not generated', () => {
  const only = (rules: Rule[], controllers?: string) => expandAutogenRules(policy(rules, controllers)).map((r) => r.name);
  const podMatch = { any: [{ resources: { kinds: ['Pod'] } }] };
  const v = { pattern: { spec: {} } };
  it.each([
    ['match name', { resources: { kinds: ['Pod'], name: 'web' } }],
    ['match names', { any: [{ resources: { kinds: ['Pod'], names: ['web'] } }] }],
    ['match selector', { any: [{ resources: { kinds: ['Pod'], selector: { matchLabels: { a: 'b' } } } }] }],
    ['match annotations', { all: [{ resources: { kinds: ['Pod'], annotations: { a: 'b' } } }] }],
    ['mixed kinds', { any: [{ resources: { kinds: ['Pod', 'Deployment'] } }] }],
  ])('%s disables autogen for the policy', (_, match) => {
    expect(only([{ name: 'r', match, validate: v }, { name: 'other', match: podMatch, validate: v }])).toEqual(['r', 'other']);
  });
  it('exclude names / selector disable autogen', () => {
    expect(only([{ name: 'r', match: podMatch, exclude: { any: [{ resources: { names: ['x'] } }] }, validate: v }])).toEqual(['r']);
    expect(only([{ name: 'r', match: podMatch, exclude: { resources: { selector: {} } }, validate: v }])).toEqual(['r']);
  });
  it('a generate rule or patchesJson6902 anywhere disables autogen, even with the annotation', () => {
    const gen: Rule = { name: 'g', match: { any: [{ resources: { kinds: ['Namespace'] } }] }, generate: { kind: 'ConfigMap', name: 'x' } };
    expect(only([{ name: 'r', match: podMatch, validate: v }, gen], 'Deployment')).toEqual(['r', 'g']);
    const json6902: Rule = { name: 'j', match: podMatch, mutate: { patchesJson6902: '- op: add' } };
    expect(only([json6902])).toEqual(['j']);
  });
  it('skips rules not matching Pods, or excluding kinds other than Pod', () => {
    const dep: Rule = { name: 'dep', match: { any: [{ resources: { kinds: ['Deployment'] } }] }, validate: v };
    expect(only([dep, { name: 'pod', match: podMatch, validate: v }])).toEqual(['dep', 'pod', 'autogen-pod', 'autogen-cronjob-pod']);
    const exDep: Rule = { name: 'x', match: podMatch, exclude: { any: [{ resources: { kinds: ['Deployment'] } }] }, validate: v };
    expect(only([exDep])).toEqual(['x']);
  });
  it('skips rules with nothing autogen can carry (e.g. validate.manifests)', () => {
    expect(only([{ name: 'm', match: podMatch, validate: { manifests: { attestors: [] } } }])).toEqual(['m']);
  });
});

