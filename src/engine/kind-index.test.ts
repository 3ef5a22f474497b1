import { describe, expect, it } from 'vitest';
import { compilePolicy } from './compile.js';
import { buildPolicySet, evaluatePolicySet } from './policy-set.js';
import { inputFromResource } from './input-from-resource.js';
import type { KyvernoPolicy } from './policy-types.js';

const policy = (kinds: string[]): KyvernoPolicy => ({
  apiVersion: 'kyverno.io/v1',
  kind: 'ClusterPolicy',
  metadata: { name: `p-${kinds.join('-')}` },
  spec: {
    rules: [{ name: 'r', match: { any: [{ resources: { kinds } }] }, validate: { pattern: { metadata: { name: 'x' } } } }],
  },
});

describe('kind index', () => {
  it('collects the kinds a policy can match, autogen controllers included', () => {
    const r = compilePolicy(policy(['Pod']));
    expect(r.ok && [...(r.policy.kinds ?? [])].sort()).toEqual(
      ['CronJob', 'DaemonSet', 'Deployment', 'Job', 'Pod', 'ReplicaSet', 'ReplicationController', 'StatefulSet'].sort(),
    );
  });
  it('gives up (any kind) on wildcards', () => {
    const r = compilePolicy(policy(['*']));
    expect(r.ok && r.policy.kinds).toBeUndefined();
  });
  it('skips a policy whose kinds cannot match, still answering for it', async () => {
    const set = buildPolicySet([policy(['Service']) as unknown as Record<string, unknown>]);
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'y' } };
    const svc = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'y' } };
    const deps = { now: () => new Date(0) };
    expect((await evaluatePolicySet(set, inputFromResource(pod), deps))[0]?.results).toEqual([]);
    expect((await evaluatePolicySet(set, inputFromResource(svc), deps))[0]?.results[0]?.status).toBe('fail');
  });
});
