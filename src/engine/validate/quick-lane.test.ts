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

  it('takes rules whose every step compiles: patterns, deny and foreach, with literal or single-variable conditions', () => {
    const p = compile([
      nonRoot,
      { ...nonRoot, name: 'pre', preconditions: { all: [{ key: '{{ request.operation }}', operator: 'Equals', value: 'CREATE' }] } },
      { ...nonRoot, name: 'ctx', context: [{ name: 'x', variable: { value: 1 } }] },
      { name: 'deny', match: matchPods, validate: { deny: { conditions: { any: [{ key: '{{ request.object.spec.hostNetwork || `false` }}', operator: 'Equals', value: true }] } } } },
      { name: 'deny-always', match: matchPods, validate: { deny: {} } },
      { name: 'vars', match: matchPods, validate: { pattern: { metadata: { name: '{{ request.object.metadata.name }}' } } } },
      { name: 'each', match: matchPods, validate: { foreach: [{ list: 'request.object.spec.containers', pattern: { name: '?*' } }] } },
      { name: 'interpolated', match: matchPods, validate: { deny: { conditions: { all: [{ key: 'name-{{ request.object.metadata.name }}', operator: 'Equals', value: 'x' }] } } } },
      { name: 'nested', match: matchPods, validate: { foreach: [{ list: 'request.object.spec.containers', foreach: [{ list: 'element.ports', deny: { conditions: { all: [{ key: 1, operator: 'Equals', value: 2 }] } } }] }] } },
    ]);
    expect(p.rules.map((r) => quickLaneOf(p.name, r) !== null)).toEqual([true, true, false, true, false, false, true, false, false]);
  });

  it('shares the pass result of deny and foreach rules, and the skip of unmet preconditions', async () => {
    const p = compile([
      { name: 'no-host-network', match: matchPods, validate: { message: 'no host network', deny: { conditions: { any: [{ key: '{{ request.object.spec.hostNetwork || `false` }}', operator: 'Equals', value: true }] } } } },
      {
        name: 'drop-all',
        match: matchPods,
        validate: { foreach: [{ list: 'request.object.spec.containers', deny: { conditions: { all: [{ key: 'ALL', operator: 'AnyNotIn', value: '{{ element.securityContext.capabilities.drop || `[]` }}' }] } } }] },
      },
      { ...nonRoot, name: 'only-updates', preconditions: { all: [{ key: '{{ request.operation }}', operator: 'Equals', value: 'UPDATE' }] } },
    ]);
    const good = pod({ runAsNonRoot: true, capabilities: { drop: ['ALL'] } });
    const [first, second] = [await evaluate(p, good), await evaluate(p, good)];
    expect(first).toEqual([
      { policy: 'p', rule: 'no-host-network', ruleType: 'validation', status: 'pass', message: "validation rule 'no-host-network' passed." },
      { policy: 'p', rule: 'drop-all', ruleType: 'validation', status: 'pass', message: 'rule passed' },
      { policy: 'p', rule: 'only-updates', ruleType: 'validation', status: 'skip', message: 'preconditions not met', reason: 'PRECONDITIONS_NOT_MET' },
    ]);
    first.forEach((r, i) => expect(second[i]).toBe(r));
    // Failures are still the interpreter's, worded with the rule's message.
    const bad = await evaluate(p, { ...good, spec: { hostNetwork: true, containers: [{ name: 'app', image: 'nginx' }] } });
    expect(bad.map((r) => [r.status, r.message])).toEqual([
      ['fail', 'no host network'],
      ['fail', 'validation failure: validation error: rule drop-all failed'],
      ['skip', 'preconditions not met'],
    ]);
  });

  it('leaves a foreach whose every element is skipped to the full evaluation (nothing applied is a skip)', async () => {
    const p = compile([
      {
        name: 'privileged-only',
        match: matchPods,
        validate: {
          foreach: [{ list: 'request.object.spec.containers', preconditions: { all: [{ key: '{{ element.securityContext.privileged || `false` }}', operator: 'Equals', value: true }] }, deny: { conditions: { all: [{ key: 1, operator: 'Equals', value: 1 }] } } }],
        },
      },
    ]);
    const [result] = await evaluate(p, pod({ privileged: false }));
    expect(result).toMatchObject({ status: 'skip', reason: 'FOREACH_NOTHING_APPLIED' });
    expect(Object.isFrozen(result)).toBe(false);
  });

  it('goes on after a shared skip when the policy applies one rule only', async () => {
    const p = compile([{ ...nonRoot, name: 'only-updates', preconditions: { all: [{ key: '{{ request.operation }}', operator: 'Equals', value: 'UPDATE' }] } }, nonRoot]);
    const policy = { ...p, applyRules: 'One' as const };
    expect((await evaluate(policy, pod({ runAsNonRoot: true }))).map((r) => r.status)).toEqual(['skip', 'pass']);
  });

  it('gives the same results as the full evaluation on DELETE (pattern rules do not apply to deletions)', async () => {
    const p = compile([nonRoot]);
    const input = inputFromResource(pod({ runAsNonRoot: true }), { operation: 'DELETE' });
    expect(await evaluatePolicy(p, input, deps)).toEqual([]);
  });
});
