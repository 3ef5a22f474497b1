import { describe, expect, it } from 'vitest';
import type { KyvernoPolicy, Rule } from '../policy-types.js';
import { AUTOGEN_ANNOTATION, expandAutogenRules } from './index.js';

const TEMPLATE_KINDS = ['DaemonSet', 'Deployment', 'Job', 'ReplicaSet', 'ReplicationController', 'StatefulSet'];

function policy(rules: Rule[], controllers?: string): KyvernoPolicy {
  const annotations = controllers === undefined ? undefined : { [AUTOGEN_ANNOTATION]: controllers };
  return { apiVersion: 'kyverno.io/v1', kind: 'ClusterPolicy', metadata: { name: 'p', annotations }, spec: { rules } };
}

describe('expandAutogenRules: exclude blocks', () => {
  it('retargets Pod filters and keeps others; CronJob retargets every filter', () => {
    const r: Rule = {
      name: 'r',
      match: { any: [{ resources: { kinds: ['Pod'] } }] },
      exclude: { any: [{ resources: { kinds: ['Pod'], namespaces: ['kube-system'] } }, { subjects: [{ kind: 'User', name: 'admin' }] }] },
      validate: { pattern: { spec: {} } },
    };
    const [, tpl, cron] = expandAutogenRules(policy([r]));
    expect(tpl?.exclude).toEqual({
      any: [{ resources: { kinds: TEMPLATE_KINDS, namespaces: ['kube-system'] } }, { subjects: [{ kind: 'User', name: 'admin' }] }],
    });
    expect(cron?.exclude).toEqual({
      any: [{ resources: { kinds: ['CronJob'], namespaces: ['kube-system'] } }, { subjects: [{ kind: 'User', name: 'admin' }], resources: { kinds: ['CronJob'] } }],
    });
  });
  it('legacy exclude keeps an absent kinds list', () => {
    const r: Rule = { name: 'r', match: { resources: { kinds: ['Pod'] } }, exclude: { resources: { namespaces: ['kube-system'] } }, validate: { pattern: {} } };
    expect(expandAutogenRules(policy([r]))[1]?.exclude).toEqual({ resources: { namespaces: ['kube-system'] } });
  });
});

describe('expandAutogenRules: variables and CEL', () => {
  const podMatch = { any: [{ resources: { kinds: ['Pod'] } }] };
  it('rewrites request.object / oldObject spec and metadata in deny, preconditions and context', () => {
    const r: Rule = {
      name: 'r',
      match: podMatch,
      context: [{ name: 'n', variable: { jmesPath: 'request.object.metadata.labels.app' } }],
      preconditions: { all: [{ key: '{{ request.oldObject.spec.nodeName }}', operator: 'Equals', value: '' }] },
      validate: { message: 'no', deny: { conditions: { any: [{ key: '{{ request.object.spec.hostNetwork }}', operator: 'Equals', value: true }] } } },
    };
    const [, tpl, cron] = expandAutogenRules(policy([r]));
    expect(tpl?.context?.[0]?.variable?.jmesPath).toBe('request.object.spec.template.metadata.labels.app');
    expect(tpl?.preconditions).toEqual({ all: [{ key: '{{ request.oldObject.spec.template.spec.nodeName }}', operator: 'Equals', value: '' }] });
    expect(tpl?.validate).toEqual({
      message: 'no',
      deny: { conditions: { any: [{ key: '{{ request.object.spec.template.spec.hostNetwork }}', operator: 'Equals', value: true }] } },
    });
    expect(JSON.stringify(cron)).toContain('request.object.spec.jobTemplate.spec.template.spec.hostNetwork');
    expect(cron?.context?.[0]?.variable?.jmesPath).toBe('request.object.spec.jobTemplate.spec.template.metadata.labels.app');
  });
  it('rewrites foreach lists', () => {
    const r: Rule = { name: 'r', match: podMatch, validate: { foreach: [{ list: 'request.object.spec.containers', pattern: { image: '!*:latest' } }] } };
    const [, tpl, cron] = expandAutogenRules(policy([r]));
    expect(tpl?.validate?.foreach).toEqual([{ list: 'request.object.spec.template.spec.containers', pattern: { image: '!*:latest' } }]);
    expect(cron?.validate?.foreach?.[0]?.list).toBe('request.object.spec.jobTemplate.spec.template.spec.containers');
  });
  it('rewrites validate.cel expressions (object.spec -> object.spec.template.spec)', () => {
    const r: Rule = {
      name: 'host-path',
      match: podMatch,
      validate: { cel: { expressions: [{ expression: '!has(object.spec.volumes) || object.metadata.name != oldObject.spec.x' }] } },
    };
    const [, tpl, cron] = expandAutogenRules(policy([r]));
    expect(tpl?.validate?.cel?.expressions?.[0]?.expression).toBe(
      '!has(object.spec.template.spec.volumes) || object.spec.template.metadata.name != oldObject.spec.template.spec.x',
    );
    expect(cron?.validate?.cel?.expressions?.[0]?.expression).toBe(
      '!has(object.spec.jobTemplate.spec.template.spec.volumes) || object.spec.jobTemplate.spec.template.metadata.name != oldObject.spec.jobTemplate.spec.template.spec.x',
    );
  });
  it('wraps anyPattern entries, keeps podSecurity, wraps assert object/oldObject', () => {
    const any: Rule = { name: 'a', match: podMatch, validate: { anyPattern: [{ spec: { a: 1 } }, { metadata: { b: 2 } }] } };
    expect(expandAutogenRules(policy([any]))[1]?.validate?.anyPattern).toEqual([{ spec: { template: { spec: { a: 1 } } } }, { spec: { template: { metadata: { b: 2 } } } }]);
    const pss: Rule = { name: 'p', match: podMatch, validate: { podSecurity: { level: 'baseline', version: 'latest' } } };
    expect(expandAutogenRules(policy([pss]))[1]?.validate).toEqual({ podSecurity: { level: 'baseline', version: 'latest', exclude: [] } });
    const assert: Rule = { name: 's', match: podMatch, validate: { assert: { object: { spec: { x: 1 } } } } };
    const [, tpl, cron] = expandAutogenRules(policy([assert]));
    expect(tpl?.validate?.assert).toEqual({ object: { spec: { template: { spec: { x: 1 } } } } });
    expect(cron?.validate?.assert).toEqual({ object: { spec: { jobTemplate: { spec: { template: { spec: { x: 1 } } } } } } });
  });
  it('shifts $(...) references of the message into the wrapped pattern', () => {
    const r: Rule = { name: 'r', match: podMatch, validate: { message: 'value $(./../pattern/spec/x) bad', pattern: { spec: { x: 1 } } } };
    expect(expandAutogenRules(policy([r]))[1]?.validate?.message).toBe('value $(./../pattern/spec/template/spec/x) bad');
  });
});

describe('expandAutogenRules: mutate', () => {
  const podMatch = { any: [{ resources: { kinds: ['Pod'] } }] };
  it('wraps patchStrategicMerge', () => {
    const r: Rule = { name: 'm', match: podMatch, mutate: { patchStrategicMerge: { spec: { containers: [{ '(name)': '*', imagePullPolicy: 'Always' }] } } } };
    const [, tpl, cron] = expandAutogenRules(policy([r]));
    expect(tpl?.mutate).toEqual({ patchStrategicMerge: { spec: { template: { spec: { containers: [{ '(name)': '*', imagePullPolicy: 'Always' }] } } } } });
    expect(cron?.mutate).toEqual({
      patchStrategicMerge: { spec: { jobTemplate: { spec: { template: { spec: { containers: [{ '(name)': '*', imagePullPolicy: 'Always' }] } } } } } },
    });
  });
  it('wraps foreach overlays and rewrites their lists', () => {
    const r: Rule = {
      name: 'm',
      match: podMatch,
      mutate: { foreach: [{ list: 'request.object.spec.containers', patchStrategicMerge: { spec: { containers: [{ name: '{{ element.name }}' }] } } }] },
    };
    expect(expandAutogenRules(policy([r]))[1]?.mutate).toEqual({
      foreach: [{ list: 'request.object.spec.template.spec.containers', patchStrategicMerge: { spec: { template: { spec: { containers: [{ name: '{{ element.name }}' }] } } } } }],
    });
  });
});

describe('expandAutogenRules: message references', () => {
  const podMatch = { any: [{ resources: { kinds: ['Pod'] } }] };
  it('leaves escaped references and plain messages alone; shifts anyPattern references by index', () => {
    const esc: Rule = { name: 'e', match: podMatch, validate: { message: 'literal \\$(./pattern/x) and {{ request.object.metadata.name }}', pattern: { spec: {} } } };
    expect(expandAutogenRules(policy([esc]))[1]?.validate?.message).toBe('literal \\$(./pattern/x) and {{ request.object.spec.template.metadata.name }}');
    const any: Rule = { name: 'a', match: podMatch, validate: { message: '$(./anyPattern/1/spec/x)', anyPattern: [{}, { spec: { x: 1 } }] } };
    expect(expandAutogenRules(policy([any]))[1]?.validate?.message).toBe('$(./anyPattern/1/spec/template/spec/x)');
  });
});
