import { describe, expect, it } from 'vitest';
import { buildPolicySet, type JsonObject } from '../engine/index.js';
import type { ReportEntry } from '../report/policy-report/index.js';
import { createBackgroundScanner } from './background-scan.js';

const policy = (name: string, background: boolean) => ({
  apiVersion: 'kyverno.io/v1',
  kind: 'ClusterPolicy',
  metadata: { name, annotations: { 'pod-policies.kyverno.io/autogen-controllers': 'none' } },
  spec: {
    background,
    validationFailureAction: 'Audit',
    rules: [{ name: 'team', match: { any: [{ resources: { kinds: ['Pod'] } }] }, validate: { message: 'team label required', pattern: { metadata: { labels: { team: '?*' } } } } }],
  },
});
const pod = (name: string, labels: Record<string, string>): JsonObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'a', uid: `uid-${name}`, labels }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });

describe('createBackgroundScanner', () => {
  it('evaluates existing resources against background policies only and records their results', async () => {
    const set = buildPolicySet([policy('bg', true), policy('admission-only', false)]);
    const entries: ReportEntry[] = [];
    const asked: string[][] = [];
    const scanner = createBackgroundScanner({
      policies: () => set,
      resources: async (ps) => (asked.push(ps.map((p) => p.name)), [pod('good', { team: 'x' }), pod('bad', {})]),
      deps: () => ({ now: () => new Date(0) }),
      record: (e) => (entries.push(e), true),
    });
    const stats = await scanner.scanOnce();
    expect(asked).toEqual([['bg']]);
    expect(stats).toMatchObject({ resources: 2, results: 2 });
    expect(entries.map((e) => [e.resource.name, e.resource.uid, e.responses.map((r) => `${r.policy}:${r.results[0]?.status}`)])).toEqual([
      ['good', 'uid-good', ['bg:pass']],
      ['bad', 'uid-bad', ['bg:fail']],
    ]);
  });

  it('lists nothing when no policy runs in the background', async () => {
    let listed = false;
    const scanner = createBackgroundScanner({
      policies: () => buildPolicySet([policy('p', false)]),
      resources: async () => ((listed = true), []),
      deps: () => ({ now: () => new Date(0) }),
      record: () => true,
    });
    expect(await scanner.scanOnce()).toMatchObject({ resources: 0 });
    expect(listed).toBe(false);
  });

  it('does nothing while inactive (not the leader)', async () => {
    let listed = false;
    const scanner = createBackgroundScanner({
      policies: () => buildPolicySet([policy('p', true)]),
      resources: async () => ((listed = true), []),
      deps: () => ({ now: () => new Date(0) }),
      record: () => true,
      active: () => false,
    });
    expect(await scanner.scanOnce()).toMatchObject({ resources: 0 });
    expect(listed).toBe(false);
  });
});
