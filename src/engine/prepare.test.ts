/**
 * preparePolicySet builds ahead what evaluation builds on first use. It must not change any verdict, and a
 * rule it cannot prepare (a broken conditions block) is left to evaluation, which reports it as before.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readYamlObjects } from '../../test/support/yaml-objects.js';
import { admitNow, buildPolicySet, inputFromResource, preparePolicySet, type EngineDeps, type JsonObject } from './index.js';

const deps: EngineDeps = { now: () => new Date(Date.UTC(2025, 0, 1)) };
const examples = path.resolve(import.meta.dirname, '../../examples/pod-security');

function podSecurityDocs(): Record<string, unknown>[] {
  return readdirSync(examples)
    .filter((f) => f.endsWith('.yaml') && /^kind: ClusterPolicy$/m.test(readFileSync(path.join(examples, f), 'utf8')))
    .flatMap((f) => readYamlObjects(path.join(examples, f)));
}

const statusesOf = async (out: ReturnType<typeof admitNow>) => (await out).responses.map((r) => ({ policy: r.policy, results: r.results }));

const goodPod: JsonObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'ok', namespace: 'a' }, spec: { containers: [{ name: 'c', image: 'nginx', securityContext: { runAsNonRoot: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' } } }] } };
const badPod: JsonObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'bad', namespace: 'a' }, spec: { hostNetwork: true, containers: [{ name: 'c', image: 'nginx', securityContext: { privileged: true, capabilities: { add: ['SYS_ADMIN'] } } }] } };

describe('preparePolicySet', () => {
  it('gives the same results as an unprepared set, for passing and failing resources', async () => {
    const prepared = buildPolicySet(podSecurityDocs());
    preparePolicySet(prepared);
    const lazy = buildPolicySet(podSecurityDocs());
    const resources: JsonObject[] = [
      goodPod,
      badPod,
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd', namespace: 'a' }, spec: { template: { spec: { containers: [{ name: 'c', image: 'nginx' }] } } } },
    ];
    for (const r of resources) expect(await statusesOf(admitNow(prepared, inputFromResource(r), deps))).toEqual(await statusesOf(admitNow(lazy, inputFromResource(r), deps)));
  });

  it('leaves a rule it cannot prepare to evaluation, which reports it', async () => {
    const doc = {
      apiVersion: 'kyverno.io/v1',
      kind: 'ClusterPolicy',
      metadata: { name: 'broken', annotations: { 'pod-policies.kyverno.io/autogen-controllers': 'none' } },
      spec: { rules: [{ name: 'r', match: { any: [{ resources: { kinds: ['Pod'] } }] }, validate: { deny: { conditions: { all: [{ key: 1, operator: 'Equals', value: 1 }], other: [] } } } }] },
    };
    const set = buildPolicySet([doc]);
    expect(() => preparePolicySet(set)).not.toThrow();
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'a' }, spec: { containers: [] } };
    const [result] = (await admitNow(set, inputFromResource(pod), deps)).responses[0]?.results ?? [];
    const [unprepared] = (await admitNow(buildPolicySet([doc]), inputFromResource(pod), deps)).responses[0]?.results ?? [];
    expect(result?.status).toBe('error');
    expect(result).toEqual(unprepared);
  });
});

describe('admitNow shared outcomes', () => {
  it('gives requests with the same quick-lane answers one frozen responses array, and any other outcome a fresh one', async () => {
    const set = buildPolicySet(podSecurityDocs());
    preparePolicySet(set);
    const first = (await admitNow(set, inputFromResource(goodPod), deps)).responses;
    const other = structuredClone(goodPod);
    (other.metadata as JsonObject).name = 'ok-too';
    const second = (await admitNow(set, inputFromResource(other), deps)).responses;
    expect(second).toBe(first);
    expect(Object.isFrozen(first) && first.every((r) => Object.isFrozen(r) && Object.isFrozen(r.results))).toBe(true);
    expect(first.flatMap((r) => r.results).every((r) => r.status === 'pass' || r.status === 'skip')).toBe(true);
    const failing = (await admitNow(set, inputFromResource(badPod), deps)).responses;
    expect(Object.isFrozen(failing)).toBe(false);
    expect(failing.flatMap((r) => r.results).some((r) => r.status === 'fail')).toBe(true);
    expect((await admitNow(set, inputFromResource(goodPod), deps)).responses).toBe(first);
  });
});
