/**
 * The quick lane answers exactly what the full evaluation answers for the rules it takes (a plain pattern
 * or anyPattern that passes), shares one frozen result per rule and index, and leaves every other rule
 * and every non-pass to the full evaluation (which words failures and skips).
 */
import { describe, expect, it } from 'vitest';
import { compilePolicy, evaluatePolicy, inputFromResource, type CompiledPolicy, type EngineDeps, type JsonObject, type Rule } from '../index.js';
import { quickLaneOf } from './quick-lane.js';

const deps: EngineDeps = { now: () => new Date(Date.UTC(2025, 0, 1)) };
const matchPods = { any: [{ resources: { kinds: ['Pod'] } }] };

function compile(rules: Rule[], annotations: Record<string, string> = {}): CompiledPolicy {
  const r = compilePolicy({
    apiVersion: 'kyverno.io/v1',
    kind: 'ClusterPolicy',
    metadata: { name: 'p', annotations: { 'pod-policies.kyverno.io/autogen-controllers': 'none', ...annotations } },
    spec: { rules },
  });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.policy;
}

function pod(securityContext: JsonObject): JsonObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'shop' }, spec: { containers: [{ name: 'app', image: 'nginx', securityContext }] } };
}

const nonRoot: Rule = {
  name: 'non-root',
  match: matchPods,
  validate: { message: 'must not run as root', pattern: { spec: { containers: [{ securityContext: { runAsNonRoot: true } }] } } },
};
const anyOf: Rule = {
  name: 'either',
  match: matchPods,
  validate: {
    message: 'runAsNonRoot or runAsUser > 0',
    anyPattern: [{ spec: { containers: [{ securityContext: { runAsNonRoot: true } }] } }, { spec: { containers: [{ securityContext: { runAsUser: '>0' } }] } }],
  },
};

const evaluate = (p: CompiledPolicy, resource: JsonObject) => evaluatePolicy(p, inputFromResource(resource), deps);

describe('quick lane', () => {
  it('answers a passing pattern with Kyverno\'s pass result, shared and frozen across requests', async () => {
    const p = compile([nonRoot], { 'guardrail.dev/fix': 'set runAsNonRoot: true' });
    const [first] = await evaluate(p, pod({ runAsNonRoot: true }));
    const [second] = await evaluate(p, pod({ runAsNonRoot: true }));
    expect(first).toEqual({ policy: 'p', rule: 'non-root', ruleType: 'validation', fix: 'set runAsNonRoot: true', status: 'pass', message: "validation rule 'non-root' passed." });
    expect(Object.keys(first ?? {})).toEqual(['policy', 'rule', 'ruleType', 'fix', 'status', 'message']);
    expect(second).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
  });

  it('names the anyPattern index that passed', async () => {
    const p = compile([anyOf]);
    expect((await evaluate(p, pod({ runAsNonRoot: true })))[0]?.message).toBe("validation rule 'either' anyPattern[0] passed.");
    expect((await evaluate(p, pod({ runAsUser: 1000 })))[0]?.message).toBe("validation rule 'either' anyPattern[1] passed.");
  });

  it('leaves failures to the full evaluation, which words them with the path', async () => {
    const p = compile([nonRoot]);
    const [result] = await evaluate(p, pod({ runAsNonRoot: false }));
    expect(result).toMatchObject({ status: 'fail', path: '/spec/containers/0/securityContext/runAsNonRoot' });
    expect(result?.message).toBe('validation error: must not run as root. rule non-root failed at path /spec/containers/0/securityContext/runAsNonRoot/');
    expect(Object.isFrozen(result)).toBe(false);
  });

  it('takes only plain pattern rules: not preconditions, context, deny, foreach or variables', () => {
    const p = compile([
      nonRoot,
      { ...nonRoot, name: 'pre', preconditions: { all: [{ key: '{{ request.operation }}', operator: 'Equals', value: 'CREATE' }] } },
      { ...nonRoot, name: 'ctx', context: [{ name: 'x', variable: { value: 1 } }] },
      { name: 'deny', match: matchPods, validate: { deny: {} } },
      { name: 'vars', match: matchPods, validate: { pattern: { metadata: { name: '{{ request.object.metadata.name }}' } } } },
      { name: 'each', match: matchPods, validate: { foreach: [{ list: 'request.object.spec.containers', pattern: { name: '?*' } }] } },
    ]);
    expect(p.rules.map((r) => quickLaneOf(p.name, r) !== null)).toEqual([true, false, false, false, false, false]);
  });

  it('gives the same results as the full evaluation on DELETE (pattern rules do not apply to deletions)', async () => {
    const p = compile([nonRoot]);
    const input = inputFromResource(pod({ runAsNonRoot: true }), { operation: 'DELETE' });
    expect(await evaluatePolicy(p, input, deps)).toEqual([]);
  });
});
