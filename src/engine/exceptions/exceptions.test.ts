/**
 * PolicyException (https://kyverno.io/docs/writing-policies/exceptions/): an exception naming the policy
 * and rule, whose match selects the resource and whose conditions hold, turns the rule into `skip`.
 * Tested through findException and through evaluatePolicySet (the path admission and the CLI share).
 */
import { describe, expect, it } from 'vitest';
import { buildPolicySet, evaluatePolicySet, inputFromResource, type EngineDeps, type JsonObject, type PolicyException } from '../index.js';
import { buildRequestData } from '../context/index.js';
import { findException, findPodSecurityExceptions } from './index.js';

const deps: EngineDeps = { now: () => new Date(Date.UTC(2025, 0, 1)) };
const env = { now: () => new Date(0) };

const pod = (name: string, namespace = 'shop'): JsonObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace },
  spec: { hostNetwork: true, containers: [{ name: 'c', image: 'nginx' }] },
});

function exception(over: Partial<PolicyException['spec']> = {}, name = 'allow-debug', namespace = 'kyverno'): PolicyException {
  return {
    apiVersion: 'kyverno.io/v2',
    kind: 'PolicyException',
    metadata: { name, namespace },
    spec: {
      exceptions: [{ policyName: 'disallow-host-network', ruleNames: ['host-network', 'autogen-host-network'] }],
      match: { any: [{ resources: { kinds: ['Pod'], names: ['debug-*'] } }] },
      ...over,
    },
  };
}

function query(resource: JsonObject, policyName = 'disallow-host-network', ruleName = 'host-network') {
  const input = inputFromResource(resource);
  return { policyName, ruleName, input, data: buildRequestData(input), env };
}

describe('findException', () => {
  it('returns namespace/name of an exception that names the policy and rule and matches the resource', () => {
    expect(findException([exception()], query(pod('debug-1')))).toBe('kyverno/allow-debug');
  });

  it('does not apply to a resource its match does not select', () => {
    expect(findException([exception()], query(pod('web')))).toBeUndefined();
  });

  it('does not apply to another policy or rule', () => {
    expect(findException([exception()], query(pod('debug-1'), 'other'))).toBeUndefined();
    expect(findException([exception()], query(pod('debug-1'), 'disallow-host-network', 'other-rule'))).toBeUndefined();
  });

  it('accepts wildcards in policy and rule names', () => {
    const ex = exception({ exceptions: [{ policyName: 'disallow-*', ruleNames: ['*'] }] });
    expect(findException([ex], query(pod('debug-1'), 'disallow-host-network', 'anything'))).toBe('kyverno/allow-debug');
  });

  it('names a namespaced Policy as namespace/name', () => {
    const ex = exception({ exceptions: [{ policyName: 'shop/disallow-host-network', ruleNames: ['host-network'] }] });
    expect(findException([ex], { ...query(pod('debug-1')), policyNamespace: 'shop' })).toBe('kyverno/allow-debug');
    expect(findException([ex], { ...query(pod('debug-1')), policyNamespace: 'prod' })).toBeUndefined();
  });

  it('any of several entries may name the policy and rule; `?` matches one character', () => {
    const ex = exception({ exceptions: [{ policyName: 'other', ruleNames: ['host-network'] }, { policyName: 'disallow-host-networ?', ruleNames: ['x', 'host-*'] }] });
    expect(findException([ex], query(pod('debug-1')))).toBe('kyverno/allow-debug');
    expect(findException([ex], query(pod('debug-1'), 'disallow-host-networks'))).toBeUndefined();
  });

  it('a cluster-wide exception is named by its name; each exception object is judged by its own names', () => {
    const cluster = { ...exception(), metadata: { name: 'allow-all' } };
    expect(findException([cluster], query(pod('debug-1')))).toBe('allow-all');
    const renamed = exception({ exceptions: [{ policyName: 'other', ruleNames: ['*'] }] });
    expect(findException([renamed, cluster], query(pod('debug-1')))).toBe('allow-all');
  });

  it('applies only when its conditions hold', () => {
    const when = (ns: string) => exception({ conditions: { all: [{ key: '{{ request.object.metadata.namespace }}', operator: 'Equals', value: ns }] } });
    expect(findException([when('shop')], query(pod('debug-1')))).toBe('kyverno/allow-debug');
    expect(findException([when('prod')], query(pod('debug-1')))).toBeUndefined();
  });
});

describe('exceptions through evaluatePolicySet', () => {
  const policy = {
    apiVersion: 'kyverno.io/v1',
    kind: 'ClusterPolicy',
    metadata: { name: 'disallow-host-network' },
    spec: {
      validationFailureAction: 'Enforce',
      rules: [
        {
          name: 'host-network',
          match: { any: [{ resources: { kinds: ['Pod'] } }] },
          validate: { message: 'hostNetwork is not allowed', pattern: { spec: { '=(hostNetwork)': false } } },
        },
      ],
    },
  };

  it('a PolicyException in the set turns the failure into skip, naming the exception', async () => {
    const set = buildPolicySet([policy, exception() as unknown as JsonObject]);
    const [resp] = await evaluatePolicySet(set, inputFromResource(pod('debug-1')), deps);
    expect(resp?.results[0]).toMatchObject({ status: 'skip', reason: 'EXCEPTION', exception: 'kyverno/allow-debug', message: 'rule is skipped due to policy exception kyverno/allow-debug' });
    const [other] = await evaluatePolicySet(set, inputFromResource(pod('web')), deps);
    expect(other?.results[0]?.status).toBe('fail');
  });

  it('extraExceptions (e.g. from the cluster) count like the set\'s own', async () => {
    const set = buildPolicySet([policy]);
    const [resp] = await evaluatePolicySet(set, inputFromResource(pod('debug-1')), deps, { extraExceptions: [exception()] });
    expect(resp?.results[0]?.status).toBe('skip');
  });
});

describe('exceptions carrying podSecurity', () => {
  const psEx = exception({ podSecurity: [{ controlName: 'Host Namespaces' }] });

  it('never skip a whole podSecurity rule: they exempt its controls after it runs', () => {
    expect(findException([psEx], { ...query(pod('debug-1')), podSecurityRule: true })).toBeUndefined();
    expect(findPodSecurityExceptions([psEx], query(pod('debug-1')))).toEqual([{ key: 'kyverno/allow-debug', podSecurity: [{ controlName: 'Host Namespaces' }] }]);
  });

  it('skip other rules like any exception (validate_resource.go)', () => {
    expect(findException([psEx], query(pod('debug-1')))).toBe('kyverno/allow-debug');
  });

  it('are found only where they apply', () => {
    expect(findPodSecurityExceptions([psEx], query(pod('web')))).toEqual([]);
    expect(findPodSecurityExceptions([exception()], query(pod('debug-1')))).toEqual([]);
  });
});
