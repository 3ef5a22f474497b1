import { describe, expect, test } from 'vitest';
import { mutateExisting } from './index.js';
import { mutateRule, scopeFor } from './test-helpers.js';

const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'dict', namespace: 'staging' } };
const secret = (ns: string, name: string) => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace: ns } });

describe('mutate existing (targets)', () => {
  test('targets by kind and name in every namespace when none is given; variables in target fields', async () => {
    const rule = mutateRule({
      targets: [{ apiVersion: 'v1', kind: 'Secret', name: 's-*', namespace: '{{ request.object.metadata.namespace }}' }],
      patchStrategicMerge: { metadata: { labels: { from: '{{ request.object.metadata.name }}', was: '{{ target.metadata.name }}' } } },
    });
    const out = await mutateExisting(rule, cm, [secret('staging', 's-1'), secret('prod', 's-1'), secret('staging', 'other')], scopeFor(cm));
    expect(out.map((r) => [r.outcome.status, r.outcome.message])).toEqual([['pass', 'mutated Secret/s-1 in namespace staging']]);
    expect(out[0]?.outcome.resource.metadata).toMatchObject({ labels: { from: 'dict', was: 's-1' } });
    const all = await mutateExisting(mutateRule({ targets: [{ kind: 'Secret', name: 's-1' }], patchStrategicMerge: { metadata: { labels: { a: 'b' } } } }), cm, [secret('staging', 's-1'), secret('prod', 's-1')], scopeFor(cm));
    expect(all.map((r) => r.outcome.status)).toEqual(['pass', 'pass']);
  });

  test('per-target preconditions skip; rule preconditions are checked once with the trigger', async () => {
    const rule = mutateRule({
      targets: [{ kind: 'Secret', preconditions: { all: [{ key: '{{ target.metadata.namespace }}', operator: 'Equals', value: 'prod' }] } }],
      patchStrategicMerge: { metadata: { labels: { a: 'b' } } },
    });
    const out = await mutateExisting(rule, cm, [secret('staging', 's'), secret('prod', 's')], scopeFor(cm));
    expect(out.map((r) => r.outcome.status)).toEqual(['skip', 'pass']);
    const skipped = await mutateExisting({ ...rule, preconditions: { all: [{ key: 'a', operator: 'Equals', value: 'b' }] } }, cm, [secret('prod', 's')], scopeFor(cm));
    expect(skipped).toEqual([{ outcome: expect.objectContaining({ status: 'skip', message: 'preconditions not met' }) }]);
  });
});
