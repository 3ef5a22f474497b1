/**
 * foreach validation (https://kyverno.io/docs/writing-policies/validate/#foreach): `element`,
 * `elementIndex`, `element<N>` by nesting depth, elementScope, per-element preconditions, and the
 * "no element applied" skip.
 */
import { describe, expect, it } from 'vitest';
import { compilePolicy, evaluatePolicy, inputFromResource, type EngineDeps, type ForEachValidation, type JsonObject, type RuleResult } from '../index.js';

const deps: EngineDeps = { now: () => new Date(Date.UTC(2025, 0, 1)) };

const pod: JsonObject = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web', namespace: 'shop' },
  spec: {
    containers: [
      { name: 'app', image: 'registry.example.com/app:1.0', ports: [{ containerPort: 80 }, { containerPort: 8080 }] },
      { name: 'sidecar', image: 'nginx:latest', ports: [{ containerPort: 9090 }] },
    ],
  },
};

async function run(foreach: ForEachValidation[], message?: string, resource: JsonObject = pod): Promise<RuleResult | undefined> {
  const r = compilePolicy({
    apiVersion: 'kyverno.io/v1',
    kind: 'ClusterPolicy',
    metadata: { name: 'p', annotations: { 'pod-policies.kyverno.io/autogen-controllers': 'none' } },
    spec: { rules: [{ name: 'fe', match: { any: [{ resources: { kinds: ['Pod'] } }] }, validate: { ...(message ? { message } : {}), foreach } }] },
  });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return (await evaluatePolicy(r.policy, inputFromResource(resource), deps))[0];
}

const denyWhen = (key: string, operator: string, value: unknown) => ({ conditions: { any: [{ key, operator, value }] } });

describe('foreach', () => {
  it('binds element and elementIndex; the first failing element decides, with "validation failure: "', async () => {
    const r = await run(
      [{ list: 'request.object.spec.containers', deny: denyWhen("{{ ends_with(element.image, ':latest') }}", 'Equals', true) }],
      'container {{ elementIndex }} ({{ element.name }}) uses latest',
    );
    expect(r).toMatchObject({ status: 'fail', message: 'validation failure: container 1 (sidecar) uses latest' });
  });

  it('passes when every element passes', async () => {
    const r = await run([{ list: 'request.object.spec.containers', deny: denyWhen('{{ element.name }}', 'Equals', 'forbidden') }]);
    expect(r).toMatchObject({ status: 'pass', message: 'rule passed' });
  });

  it('applies a pattern to the element itself when it is a map (elementScope defaults to true)', async () => {
    const r = await run([{ list: 'request.object.spec.containers', pattern: { image: 'registry.example.com/*' } }]);
    expect(r?.status).toBe('fail');
    expect(r?.message).toContain('validation failure: ');
    expect(r?.message).toContain('rule fe failed at path /image/');
  });

  it('applies the pattern to the whole resource with elementScope: false', async () => {
    const r = await run([{ list: 'request.object.spec.containers', elementScope: false, pattern: { metadata: { name: 'web' } } }]);
    expect(r?.status).toBe('pass');
  });

  it('is an error when elementScope is true and an element is not a map', async () => {
    const r = await run([{ list: 'request.object.spec.containers[].name', elementScope: true, pattern: { x: 1 } }]);
    expect(r?.status).toBe('error');
    expect(r?.message).toContain('elementScope');
  });

  it('nested foreach: element0 is the outer element and element1 the inner one', async () => {
    const r = await run(
      [
        {
          list: 'request.object.spec.containers',
          foreach: [
            {
              list: 'element.ports',
              deny: denyWhen('{{ element1.containerPort }}', 'GreaterThan', 8000),
            },
          ],
        },
      ],
      '{{ element0.name }} port {{ element1.containerPort }} (index {{ elementIndex1 }}) too high',
    );
    expect(r).toMatchObject({ status: 'fail' });
    expect(r?.message).toContain('app port 8080 (index 1) too high');
  });

  it('skips an element whose preconditions are not met, and skips the rule when none applied', async () => {
    const onlyNginx: ForEachValidation = {
      list: 'request.object.spec.containers',
      preconditions: { all: [{ key: '{{ element.name }}', operator: 'Equals', value: 'none-such' }] },
      deny: denyWhen('true', 'Equals', 'true'),
    };
    const r = await run([onlyNginx]);
    expect(r).toMatchObject({ status: 'skip', message: 'rule skipped' });
  });

  it('an empty or missing list applies to nothing: skip', async () => {
    expect((await run([{ list: 'request.object.spec.initContainers', deny: denyWhen('a', 'Equals', 'a') }]))?.status).toBe('skip');
  });

  it('later foreach entries run only if earlier ones passed', async () => {
    const r = await run([
      { list: 'request.object.spec.containers', deny: denyWhen('{{ element.name }}', 'Equals', 'sidecar') },
      { list: 'request.object.spec.containers', deny: denyWhen('{{ element.name }}', 'Equals', 'app') },
    ], 'bad {{ element.name }}');
    expect(r?.message).toBe('validation failure: bad sidecar');
  });
});
