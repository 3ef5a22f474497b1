import { describe, expect, it } from 'vitest';
import { createParamLookup } from './param-lookup.js';

const cm = (name: string, ns: string, labels: Record<string, string> = {}) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: ns, labels } });

describe('createParamLookup', () => {
  const lookup = createParamLookup([cm('limits', 'team-a', { tier: 'gold' }), cm('limits', 'team-b'), cm('other', 'team-a', { tier: 'gold' })]);
  it('selects by kind, name and namespace', () => {
    expect(lookup({ apiVersion: 'v1', kind: 'ConfigMap', name: 'limits', namespace: 'team-b' })).toEqual([cm('limits', 'team-b')]);
    expect(lookup({ apiVersion: 'v1', kind: 'Secret', name: 'limits' })).toEqual([]);
  });
  it('selects by label selector', () => {
    expect(lookup({ apiVersion: 'v1', kind: 'ConfigMap', namespace: 'team-a', selector: { matchLabels: { tier: 'gold' } } })).toHaveLength(2);
  });
});
