import { describe, expect, it } from 'vitest';
import { matchLabelSelector } from './index.js';

describe('matchLabelSelector', () => {
  const labels = { app: 'web', tier: 'frontend', 'app.kubernetes.io/name': 'shop' };

  it('matchLabels requires every pair', () => {
    expect(matchLabelSelector({ matchLabels: { app: 'web' } }, labels)).toBe(true);
    expect(matchLabelSelector({ matchLabels: { app: 'web', tier: 'backend' } }, labels)).toBe(false);
    expect(matchLabelSelector({ matchLabels: { app: 'web' } }, undefined)).toBe(false);
  });
  it('supports wildcards in keys and values (Kyverno extension)', () => {
    expect(matchLabelSelector({ matchLabels: { app: 'w*' } }, labels)).toBe(true);
    expect(matchLabelSelector({ matchLabels: { 'app.kubernetes.io/*': 'shop' } }, labels)).toBe(true);
    expect(matchLabelSelector({ matchLabels: { 'app.kubernetes.io/*': 'sh?p' } }, labels)).toBe(true);
    expect(matchLabelSelector({ matchLabels: { 'app.kubernetes.io/*': 'web' } }, labels)).toBe(false);
    expect(matchLabelSelector({ matchLabels: { '*': '*' } }, {})).toBe(false);
  });
  it('an empty selector matches everything', () => {
    expect(matchLabelSelector({}, undefined)).toBe(true);
    expect(matchLabelSelector({ matchLabels: {}, matchExpressions: [] }, labels)).toBe(true);
  });
  it('matchExpressions In / NotIn / Exists / DoesNotExist', () => {
    expect(matchLabelSelector({ matchExpressions: [{ key: 'tier', operator: 'In', values: ['frontend', 'x'] }] }, labels)).toBe(true);
    expect(matchLabelSelector({ matchExpressions: [{ key: 'tier', operator: 'In', values: ['backend'] }] }, labels)).toBe(false);
    expect(matchLabelSelector({ matchExpressions: [{ key: 'missing', operator: 'In', values: ['a'] }] }, labels)).toBe(false);
    expect(matchLabelSelector({ matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['backend'] }] }, labels)).toBe(true);
    expect(matchLabelSelector({ matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['frontend'] }] }, labels)).toBe(false);
    // NotIn is satisfied by a missing key (Kubernetes label selector semantics).
    expect(matchLabelSelector({ matchExpressions: [{ key: 'missing', operator: 'NotIn', values: ['a'] }] }, labels)).toBe(true);
    expect(matchLabelSelector({ matchExpressions: [{ key: 'app', operator: 'Exists' }] }, labels)).toBe(true);
    expect(matchLabelSelector({ matchExpressions: [{ key: 'missing', operator: 'Exists' }] }, labels)).toBe(false);
    expect(matchLabelSelector({ matchExpressions: [{ key: 'missing', operator: 'DoesNotExist' }] }, labels)).toBe(true);
    expect(matchLabelSelector({ matchExpressions: [{ key: 'app', operator: 'DoesNotExist' }] }, labels)).toBe(false);
  });
  it('ANDs matchLabels and matchExpressions', () => {
    const sel = { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In' as const, values: ['backend'] }] };
    expect(matchLabelSelector(sel, labels)).toBe(false);
  });
  it('an invalid selector matches nothing', () => {
    expect(matchLabelSelector({ matchExpressions: [{ key: 'app', operator: 'In', values: [] }] }, labels)).toBe(false);
    expect(matchLabelSelector({ matchExpressions: [{ key: 'app', operator: 'Exists', values: ['web'] }] }, labels)).toBe(false);
    expect(matchLabelSelector({ matchExpressions: [{ key: 'app', operator: 'Bogus' as 'In', values: ['web'] }] }, labels)).toBe(false);
  });
});
