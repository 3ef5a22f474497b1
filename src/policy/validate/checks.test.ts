import { describe, expect, it, vi } from 'vitest';
import type { PolicyChecks } from './checks.js';
import { defaultChecks } from './default-checks.js';
import { clusterPolicy, codes, issuesOf, MATCH_PODS } from './test-helpers.js';

const policy = clusterPolicy(`  - name: r
${MATCH_PODS}    context:
    - name: cm
      apiCall:
        urlPath: /api/v1/namespaces
        jmesPath: "items[?bad"
    preconditions:
      all:
      - {key: "{{ request.operation }}", operator: Equals, value: CREATE}
    validate:
      message: "name {{ request.object.metadata.name }} and escaped \\\\{{ literal }}"
      foreach:
      - list: "request.object.spec.containers"
        pattern: {image: "*:*"}
        deny: null
`);

describe('injected checks', () => {
  it('passes every variable, jmesPath and foreach list to the JMESPath check', () => {
    const jmespath = vi.fn((e: string) => (e.includes('bad') ? { ok: false as const, message: 'unexpected end' } : { ok: true as const }));
    const issues = issuesOf(policy, { jmespath });
    expect(jmespath.mock.calls.map(([e]) => e).sort()).toEqual([
      'items[?bad',
      'request.object.metadata.name',
      'request.object.spec.containers',
      'request.operation',
    ]);
    expect(codes(issues)).toEqual([['JMESPATH_INVALID', '/spec/rules/0/context/0/apiCall/jmesPath']]);
    expect(issues[0]?.message).toBe('invalid JMESPath "items[?bad": unexpected end');
    expect(issues[0]?.source?.line).toBe(16);
  });

  it('passes patterns and conditions with their pointers and recodes what comes back', () => {
    const pattern = vi.fn<NonNullable<PolicyChecks['pattern']>>((_p, pointer) => [
      { code: 'ENGINE_SPECIFIC', message: 'bad anchor', path: `${pointer}/image` },
    ]);
    const conditions = vi.fn<NonNullable<PolicyChecks['conditions']>>(() => []);
    const issues = issuesOf(policy, { pattern, conditions });
    expect(pattern.mock.calls.map(([, p]) => p)).toEqual(['/spec/rules/0/validate/foreach/0/pattern']);
    expect(conditions.mock.calls.map(([, p]) => p)).toEqual(['/spec/rules/0/preconditions']);
    expect(issues).toMatchObject([
      { code: 'PATTERN_INVALID', path: '/spec/rules/0/validate/foreach/0/pattern/image', message: 'bad anchor' },
    ]);
  });
});

describe('default checks (the engine)', () => {
  it('flag a JMESPath that does not parse, an unknown operator and a deprecated one', () => {
    const policy = clusterPolicy(`  - name: r
${MATCH_PODS}    validate:
      deny:
        conditions:
          any:
          - {key: "{{ request.object.metadata.name | }}", operator: Equals, value: x}
          - {key: a, operator: Equalz, value: x}
          - {key: a, operator: NotIn, value: [x]}
`);
    const issues = issuesOf(policy, defaultChecks);
    expect(issues.map((i) => [i.code, i.severity, i.source?.line])).toEqual([
      ['JMESPATH_INVALID', 'error', 16],
      ['CONDITION_INVALID', 'error', 17],
      ['CONDITION_WARNING', 'warning', 18],
    ]);
  });

  it('flag a pattern anchor the engine cannot read', () => {
    const policy = clusterPolicy(`  - name: r
${MATCH_PODS}    validate:
      pattern:
        metadata:
          (labels: {a: b}
`);
    expect(issuesOf(policy, defaultChecks).map((i) => i.code)).toContain('PATTERN_INVALID');
  });
});
