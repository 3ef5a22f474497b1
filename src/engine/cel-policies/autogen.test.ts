import { describe, expect, it } from 'vitest';
import { canAutogen } from './index.js';
import { podRules } from './testing/fixtures.js';

const podRule = podRules.resourceRules[0]!;

describe('canAutogen (Kyverno autogen/support.go)', () => {
  it('accepts exactly one core v1 pods rule', () => {
    expect(canAutogen(podRules)).toBe(true);
  });

  it('refuses selectors, exclusions, names and anything beyond pods', () => {
    expect(canAutogen({ ...podRules, namespaceSelector: { matchLabels: { a: 'b' } } })).toBe(false);
    expect(canAutogen({ ...podRules, objectSelector: { matchExpressions: [{ key: 'a', operator: 'Exists' }] } })).toBe(false);
    expect(canAutogen({ ...podRules, excludeResourceRules: [podRule] })).toBe(false);
    expect(canAutogen({ resourceRules: [{ ...podRule, resourceNames: ['x'] }] })).toBe(false);
    expect(canAutogen({ resourceRules: [{ ...podRule, resources: ['pods', 'services'] }] })).toBe(false);
    expect(canAutogen({ resourceRules: [podRule, podRule] })).toBe(false);
    expect(canAutogen(undefined)).toBe(false);
  });

  it('ignores empty selectors', () => {
    expect(canAutogen({ ...podRules, namespaceSelector: {}, objectSelector: { matchLabels: {} } })).toBe(true);
  });
});
